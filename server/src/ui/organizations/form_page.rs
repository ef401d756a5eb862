//! The page of the two small forms on one organization — add a contact person, log a contact —
//! and the lookup of the organization both start from.

use askama::Template;
use axum::{http::StatusCode, response::Response};
use wifo_domain::{contact::Channel, ids::OrganizationId};

use crate::state::AppState;
use crate::ui::{
    choices::taxonomy_choices,
    error::PageError,
    form::{Choice, FormView, enum_choices},
    pages::{self, Chrome},
    texts,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "organization_form.html")]
struct OrganizationForm {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    back: String,
    organization: String,
    form: FormView,
    /// `person` or `contact`
    which: &'static str,
    channels: Vec<Choice>,
    topics: Vec<Choice>,
}

fn organization_name(state: &AppState, id: OrganizationId) -> Option<String> {
    state
        .projections
        .read()
        .organizations
        .get(&id)
        .and_then(|record| record.state.name.as_ref())
        .map(|name| name.to_string())
}

pub(super) fn organization_form(
    state: &AppState,
    caller: &Caller,
    id: OrganizationId,
    which: &'static str,
    form: FormView,
    status: StatusCode,
) -> Result<Response, PageError> {
    let organization = organization_name(state, id)
        .ok_or_else(|| PageError::not_found(caller, texts::get("org.unknown")))?;
    let topics = taxonomy_choices(&state.projections.read(), "topics", texts::get("form.none"));
    let (heading, action) = match which {
        "person" => (
            texts::get("person.new_title"),
            format!("/organisationen/{id}/personen/neu"),
        ),
        _ => (
            texts::get("contact.new_title"),
            format!("/organisationen/{id}/kontakte/neu"),
        ),
    };
    Ok(pages::render(
        &OrganizationForm {
            page: Chrome::new(caller, heading, ""),
            t: texts::Texts,
            heading: heading.to_owned(),
            action,
            back: format!("/organisationen/{id}"),
            organization,
            channels: form.options("channel", &enum_choices(&Channel::ALL, Channel::label)),
            topics: form.options("topic", &topics),
            form,
            which,
        },
        status,
    ))
}

/// The organization an address names, or the 404 page.
pub(super) fn parse_organization(caller: &Caller, id: &str) -> Result<OrganizationId, PageError> {
    OrganizationId::parse(id).map_err(|_| PageError::not_found(caller, texts::get("org.unknown")))
}
