//! Logging a contact with an organization (`/organisationen/{id}/kontakte/neu`): channel, date,
//! topic and summary, recorded with the caller as the staff member.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    contact::{Channel, Contact, ContactCommand, LogContact},
    ids::ContactId,
    values::{Code, Text},
};

use super::form_page::{organization_form, parse_organization};
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    execute,
    form::{FormView, Input},
    pages, refusal, today,
};
use wifo_app::auth::Caller;

pub(super) async fn new_contact(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_organization(&caller, &id)?;
    organization_form(
        &state,
        &caller,
        id,
        "contact",
        FormView::with(&[
            ("contacted_on", german::iso(today())),
            ("channel", "phone".into()),
        ]),
        StatusCode::OK,
    )
}

pub(super) async fn log_contact(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = parse_organization(&caller, &id)?;
    let mut input = Input::new(pairs);
    let channel = input.choice::<Channel>("channel");
    let contacted_on = input.date("contacted_on");
    let topic = input.optional("topic", Code::parse);
    let summary = input.required("summary", Text::parse);
    let (Some(channel), Some(contacted_on), Some(topic), Some(summary)) =
        (channel, contacted_on, topic, summary)
    else {
        return organization_form(
            &state,
            &caller,
            id,
            "contact",
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = ContactCommand::Log(LogContact {
        contact: ContactId::from(Uuid::now_v7()),
        organization: id,
        person: None,
        channel,
        contacted_on,
        topics: topic.into_iter().collect(),
        summary,
        staff: caller.user.clone(),
    });
    match execute::<Contact>(&state, &caller, command).await {
        Ok(()) => Ok(pages::done(
            &format!("/organisationen/{id}"),
            "contact_logged",
        )),
        Err(error) => organization_form(
            &state,
            &caller,
            id,
            "contact",
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
