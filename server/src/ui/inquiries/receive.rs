//! Taking a new inquiry (`/anliegen/neu`), also one forwarded by a Bürgerbüro, the Ordnungsamt
//! or a chamber: it is received and assigned to the caller in one step.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::german;
use wifo_domain::{
    contact::Channel,
    ids::{InquiryId, OrganizationId},
    inquiry::{AssignInquiry, Inquiry, InquiryCommand, InquirySource, ReceiveInquiry},
    values::{Code, Text},
};

use super::queue::QueueParams;
use crate::state::AppState;
use crate::ui::{
    choices::taxonomy_choices,
    execute,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    refusal, texts, today,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "inquiry_new.html")]
struct NewPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    organization: String,
    channels: Vec<Choice>,
    sources: Vec<Choice>,
    topics: Vec<Choice>,
}

fn new_page(state: &AppState, caller: &Caller, form: FormView, status: StatusCode) -> Response {
    let (organization, topics) = {
        let views = state.projections.read();
        let organization = OrganizationId::parse(form.value("organization"))
            .ok()
            .and_then(|id| views.organizations.get(&id))
            .and_then(|record| record.state.name.as_ref())
            .map(|name| name.to_string())
            .unwrap_or_default();
        (
            organization,
            taxonomy_choices(&views, "topics", texts::get("form.none")),
        )
    };
    pages::render(
        &NewPage {
            page: Chrome::new(caller, texts::get("inquiry.new"), "/anliegen/neu"),
            t: texts::Texts,
            organization,
            channels: form.options("channel", &enum_choices(&Channel::ALL, Channel::label)),
            sources: form.options(
                "source",
                &enum_choices(&InquirySource::ALL, InquirySource::label),
            ),
            topics: form.options("topic", &topics),
            form,
        },
        status,
    )
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<QueueParams>,
) -> Response {
    let form = FormView::with(&[
        ("received_on", german::iso(today())),
        ("channel", "phone".into()),
        ("source", "direct".into()),
        ("organization", params.organisation.clone()),
        ("topic", params.thema.trim().to_owned()),
        ("description", params.beschreibung.trim().to_owned()),
    ]);
    new_page(&state, &caller, form, StatusCode::OK)
}

pub(super) async fn receive(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let organization = if input.get("organization").is_empty() {
        Some(None)
    } else {
        let known = OrganizationId::parse(input.get("organization"))
            .ok()
            .filter(|id| state.projections.read().organizations.contains_key(id));
        if known.is_none() {
            input.fail("organization", texts::get("org.unknown"));
        }
        known.map(Some)
    };
    let channel = input.choice::<Channel>("channel");
    let source = input.choice::<InquirySource>("source");
    let topic = input.optional("topic", Code::parse);
    let received_on = input.date("received_on");
    let description = input.required("description", Text::parse);
    if description.as_ref().is_some_and(Text::is_empty) {
        input.fail("description", texts::get("inquiry.description_missing"));
    }
    let (
        Some(organization),
        Some(channel),
        Some(source),
        Some(topic),
        Some(received_on),
        Some(description),
        true,
    ) = (
        organization,
        channel,
        source,
        topic,
        received_on,
        description,
        input.is_valid(),
    )
    else {
        return new_page(
            &state,
            &caller,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let inquiry = InquiryId::from(Uuid::now_v7());
    let received = InquiryCommand::Receive(ReceiveInquiry {
        inquiry,
        organization,
        channel,
        source,
        topics: topic.into_iter().collect(),
        description,
        received_on,
        received_by: caller.user.clone(),
    });
    let assigned = InquiryCommand::Assign(AssignInquiry {
        inquiry,
        assignee: caller.user.clone(),
        assigned_on: received_on,
    });
    let result = match execute::<Inquiry>(&state, &caller, received).await {
        Ok(()) => execute::<Inquiry>(&state, &caller, assigned).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => pages::done(&format!("/anliegen/{inquiry}"), "inquiry_received"),
        Err(error) => new_page(
            &state,
            &caller,
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
