//! Adding a contact person to an organization (`/organisationen/{id}/personen/neu`): the person
//! with their personal data, then the link to the organization with their role there.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::{
    ids::PersonId,
    person::{AddPerson, LinkPerson, Person, PersonCommand},
    personal::PersonalData,
    values::{Email, PersonName, Phone, Text, Title},
};

use super::form_page::{organization_form, parse_organization};
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    execute,
    form::{FormView, Input},
    pages, refusal,
};
use wifo_app::auth::Caller;

pub(super) async fn new_person(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let id = parse_organization(&caller, &id)?;
    organization_form(
        &state,
        &caller,
        id,
        "person",
        FormView::default(),
        StatusCode::OK,
    )
}

pub(super) async fn add_person(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = parse_organization(&caller, &id)?;
    let mut input = Input::new(pairs);
    let name = input.required("name", PersonName::parse);
    let role = input.required("role", Title::parse);
    let email = input.optional("email", Email::parse);
    let phone = input.optional("phone", Phone::parse);
    let notes = input.required("notes", Text::parse);
    let (Some(name), Some(role), Some(email), Some(phone), Some(notes)) =
        (name, role, email, phone, notes)
    else {
        return organization_form(
            &state,
            &caller,
            id,
            "person",
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let person = PersonId::from(Uuid::now_v7());
    let added = PersonCommand::Add(AddPerson {
        person,
        personal: PersonalData {
            name,
            email,
            phone,
            notes,
        },
    });
    let linked = PersonCommand::Link(LinkPerson {
        person,
        organization: id,
        role,
    });
    let result = match execute::<Person>(&state, &caller, added).await {
        Ok(()) => execute::<Person>(&state, &caller, linked).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => Ok(pages::done(
            &format!("/organisationen/{id}"),
            "person_added",
        )),
        Err(error) => organization_form(
            &state,
            &caller,
            id,
            "person",
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
