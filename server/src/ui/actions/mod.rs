//! Command forms: a page for each API write route that has no page of its own (a profile, tags,
//! memberships, a person's data, links and consents, a contact's correction, cooperations and
//! their milestones, gatherings with invitations, registrations and attendance). Each form is a
//! line of `table`; it builds the JSON object the API takes and submits it through the API's
//! own command route (`http::CommandEndpoint`), so a form and the API decode, check references,
//! date and execute a command the same way, and the form takes the route's roles. A refusal
//! shows next to the field it names, with the values kept; nothing is written. The record pages
//! link the forms their reader's role may use (`links`).

mod fields;
mod table;

use std::sync::{Arc, LazyLock};

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, State},
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use serde_json::{Value, json};
use wifo_app::auth::Caller;
use wifo_domain::{
    ids::{ContactId, CooperationId, GatheringId, OrganizationId, PersonId, ReminderId, VisitId},
    personal::Erasable,
    values::Role,
};

use super::{
    error::PageError,
    form::{Choice, FormView, Input},
    page,
    pages::{self, Chrome},
    ready, texts,
};
use crate::http::{ApiError, CommandEndpoint};
use crate::routes::Route;
use crate::state::AppState;
use fields::Kind;
use table::{ActionForm, FORMS, Prefill};

/// The roles of each API write route, by path.
static ROLES: LazyLock<Vec<(&'static str, &'static [Role])>> = LazyLock::new(|| {
    crate::http::command_endpoints()
        .iter()
        .map(|endpoint| {
            let spec = endpoint.spec();
            (spec.path, spec.roles)
        })
        .collect()
});

fn roles_of(form: &ActionForm) -> &'static [Role] {
    ROLES
        .iter()
        .find(|(path, _)| *path == form.api)
        .map(|(_, roles)| *roles)
        .unwrap_or(&[])
}

/// The forms `caller` may use on the record page `record` (`/kooperationen/{id}`) of `id`, or
/// the forms that create a record (`id` empty) returning to such a page: `(href, title)`.
pub(super) fn links(caller: &Caller, record: &str, id: &str) -> Vec<(String, &'static str)> {
    FORMS
        .iter()
        .filter(|form| form.back == record && form.page.contains("{id}") != id.is_empty())
        .filter(|form| roles_of(form).contains(&caller.role))
        .map(|form| (form.page.replace("{id}", id), texts::get(form.title)))
        .collect()
}

/// Every form's page, GET and POST, with the roles of its API route.
pub(super) fn routes() -> Vec<Route> {
    let endpoints = crate::http::command_endpoints();
    let mut routes = Vec::new();
    for form in FORMS {
        let Some(endpoint) = endpoints
            .iter()
            .find(|endpoint| endpoint.spec().path == form.api)
            .cloned()
        else {
            continue;
        };
        let roles = endpoint.spec().roles;
        let shown = endpoint.clone();
        routes.push(page(
            Method::GET,
            form.page,
            roles,
            texts::get(form.title),
            get(
                move |State(state): State<AppState>,
                      Extension(caller): Extension<Caller>,
                      id: Option<Path<String>>| {
                    let endpoint = shown.clone();
                    async move { show(&state, &caller, form, endpoint, id.map(|Path(id)| id)).await }
                },
            ),
        ));
        routes.push(page(
            Method::POST,
            form.page,
            roles,
            texts::get(form.title),
            post(
                move |State(state): State<AppState>,
                      Extension(caller): Extension<Caller>,
                      id: Option<Path<String>>,
                      Form(pairs): Form<Vec<(String, String)>>| {
                    let endpoint = endpoint.clone();
                    async move {
                        submit(
                            &state,
                            &caller,
                            form,
                            endpoint,
                            id.map(|Path(id)| id),
                            pairs,
                        )
                        .await
                    }
                },
            ),
        ));
    }
    routes
}

/// One field as the template shows it.
struct FieldView {
    name: &'static str,
    label: &'static str,
    /// `text`, `number`, `date`, `area`, `lines`, `check`, `select`, `checks`,
    /// `organization`, `hidden`.
    kind: &'static str,
    options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "action.html")]
struct ActionPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    back: String,
    revision: Option<u64>,
    fields: Vec<FieldView>,
    organizations: Vec<String>,
    form: FormView,
}

/// What the record is called on the form's heading.
fn record_name(views: &wifo_projections::Views, id: &str) -> Option<String> {
    let names = views.names();
    if let Ok(organization) = OrganizationId::parse(id)
        && views.organizations.contains_key(&organization)
    {
        return Some(names.organization(&organization));
    }
    if let Some(cooperation) = CooperationId::parse(id)
        .ok()
        .and_then(|id| views.cooperations.get(&id))
    {
        return cooperation.title.as_ref().map(ToString::to_string);
    }
    if let Some(gathering) = GatheringId::parse(id)
        .ok()
        .and_then(|id| views.gatherings.get(&id))
    {
        return gathering.title.as_ref().map(ToString::to_string);
    }
    if let Some(reminder) = ReminderId::parse(id)
        .ok()
        .and_then(|id| views.reminders.get(&id))
    {
        return reminder.task.as_ref().map(ToString::to_string);
    }
    ContactId::parse(id)
        .ok()
        .and_then(|id| views.contacts.get(&id))
        .and_then(|contact| contact.organization)
        .map(|organization| names.organization(&organization))
}

fn render(
    state: &AppState,
    caller: &Caller,
    form: &'static ActionForm,
    id: &str,
    revision: Option<u64>,
    view: FormView,
    status: StatusCode,
) -> Response {
    let views = state.projections.read();
    let title = texts::get(form.title);
    let heading = match record_name(&views, id) {
        Some(name) => format!("{title} – {name}"),
        None => title.to_owned(),
    };
    let mut organizations = Vec::new();
    let fields = form
        .fields
        .iter()
        .filter_map(|field| {
            let (kind, options) = match field.kind {
                Kind::Text => ("text", Vec::new()),
                Kind::Number | Kind::Count => ("number", Vec::new()),
                Kind::Date { .. } => ("date", Vec::new()),
                Kind::Area => ("area", Vec::new()),
                Kind::Lines | Kind::Organizations => ("lines", Vec::new()),
                Kind::Check { .. } => ("check", Vec::new()),
                Kind::Choice(source) => ("select", fields::options(&views, source, id)),
                Kind::Many(source) => {
                    let mut options = fields::options(&views, source, id);
                    options.retain(|(value, _)| !value.is_empty());
                    ("checks", options)
                }
                Kind::Attendance => ("checks", fields::attendance_options(&views, id)),
                Kind::Organization => {
                    organizations = fields::organization_names(&views);
                    ("organization", Vec::new())
                }
                Kind::Kept => ("hidden", Vec::new()),
                Kind::NewId | Kind::EmptyList => return None,
            };
            Some(FieldView {
                name: field.name,
                label: texts::get(field.label),
                kind,
                options: view.options(field.name, &options),
            })
        })
        .collect();
    drop(views);
    pages::render(
        &ActionPage {
            page: Chrome::new(caller, &heading, ""),
            t: texts::Texts,
            heading,
            action: form.page.replace("{id}", id),
            back: if id.is_empty() {
                list_of(form.back).to_owned()
            } else {
                form.back.replace("{id}", id)
            },
            revision,
            fields,
            organizations,
            form: view,
        },
        status,
    )
}

/// The record's current state as the form's fields name it.
async fn current(state: &AppState, caller: &Caller, form: &ActionForm, id: &str) -> Value {
    match form.prefill {
        Prefill::Nothing => Value::Null,
        Prefill::Profile => {
            let views = state.projections.read();
            OrganizationId::parse(id)
                .ok()
                .and_then(|id| views.organizations.get(&id))
                .map(|record| json!({ "kind": record.state.kind, "profile": record.state.profile }))
                .unwrap_or(Value::Null)
        }
        Prefill::Reminder => {
            let views = state.projections.read();
            ReminderId::parse(id)
                .ok()
                .and_then(|id| views.reminders.get(&id))
                .and_then(|reminder| serde_json::to_value(reminder).ok())
                .unwrap_or(Value::Null)
        }
        Prefill::Visit => {
            let views = state.projections.read();
            VisitId::parse(id)
                .ok()
                .and_then(|id| views.visits.get(&id))
                .map(|visit| json!({ "leadership": visit.leadership, "press": visit.press }))
                .unwrap_or(Value::Null)
        }
        Prefill::Gathering => {
            let views = state.projections.read();
            GatheringId::parse(id)
                .ok()
                .and_then(|id| views.gatherings.get(&id))
                .map(
                    |gathering| json!({ "topics": gathering.topics, "offices": gathering.offices }),
                )
                .unwrap_or(Value::Null)
        }
        Prefill::Contact => {
            let views = state.projections.read();
            ContactId::parse(id)
                .ok()
                .and_then(|id| views.contacts.get(&id))
                .and_then(|contact| serde_json::to_value(contact).ok())
                .unwrap_or(Value::Null)
        }
        Prefill::Person => {
            let Ok(person) = PersonId::parse(id) else {
                return Value::Null;
            };
            let Ok(recorded) =
                super::history::load::<wifo_domain::person::Person>(state, caller, &person).await
            else {
                return Value::Null;
            };
            let latest = recorded.iter().rev().find_map(|entry| match &entry.event {
                wifo_domain::person::PersonEvent::Added { personal, .. }
                | wifo_domain::person::PersonEvent::Updated { personal, .. } => Some(personal),
                _ => None,
            });
            match latest {
                Some(Erasable::Known(data)) => json!({ "personal": data }),
                _ => Value::Null,
            }
        }
    }
}

async fn show(
    state: &AppState,
    caller: &Caller,
    form: &'static ActionForm,
    endpoint: Arc<dyn CommandEndpoint>,
    id: Option<String>,
) -> Result<Response, PageError> {
    ready(state, caller).await?;
    let id = id.unwrap_or_default();
    let revision = if id.is_empty() {
        None
    } else {
        let revision = endpoint
            .revision(state, &id)
            .await
            .map_err(|error| PageError::internal(caller, "revision", format!("{error:?}")))?;
        if revision.is_none() {
            return Err(PageError::not_found(caller, texts::get("action.unknown")));
        }
        revision
    };
    let current = current(state, caller, form, &id).await;
    let values = fields::initial(&state.projections.read(), form.fields, &current);
    let view = FormView::with(
        &values
            .iter()
            .map(|(name, value)| (name.as_str(), value.clone()))
            .collect::<Vec<_>>(),
    );
    Ok(render(
        state,
        caller,
        form,
        &id,
        revision,
        view,
        StatusCode::OK,
    ))
}

/// Puts an API refusal next to the field it names (`title: …`, `profile.website: …`, a missing
/// field), or above the form.
fn place(error: ApiError, form: &ActionForm, input: &mut Input) -> Option<String> {
    let message = match &error {
        ApiError::Conflict { .. } | ApiError::PreconditionFailed { .. } => {
            return Some(texts::get("error.conflict").to_owned());
        }
        ApiError::Internal(_) | ApiError::Unavailable(_) => {
            tracing::error!(error = ?error, "form command failed");
            return Some(texts::get("error.internal_text").to_owned());
        }
        other => other.message(),
    };
    let message = message
        .strip_prefix("Ungültige Eingabe: ")
        .unwrap_or(&message)
        .to_owned();
    let (path, text) = match message.split_once(": ") {
        Some((path, text)) if !path.contains(' ') => (path.to_owned(), text.to_owned()),
        _ => (String::new(), message.clone()),
    };
    let field_of = |path: &str| {
        let path = path.split('[').next().unwrap_or_default();
        form.fields
            .iter()
            .find(|field| field.name == path)
            .map(|field| field.name)
    };
    if let Some(missing) = text
        .split("missing field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        let name = if path.is_empty() {
            missing.to_owned()
        } else {
            format!("{path}.{missing}")
        };
        if let Some(field) = field_of(&name) {
            input.fail(field, texts::get("action.missing"));
            return None;
        }
    }
    match field_of(&path) {
        Some(field) => {
            input.fail(field, text);
            None
        }
        None => Some(message),
    }
}

async fn submit(
    state: &AppState,
    caller: &Caller,
    form: &'static ActionForm,
    endpoint: Arc<dyn CommandEndpoint>,
    id: Option<String>,
    pairs: Vec<(String, String)>,
) -> Result<Response, PageError> {
    ready(state, caller).await?;
    let mut input = Input::new(pairs);
    let body = fields::command_json(&state.projections.read(), form.fields, &mut input);
    let expected = input.get("_revision").parse::<u64>().ok();
    let shown_id = id.clone().unwrap_or_default();
    let refused = if input.is_valid() {
        match endpoint.submit(state, caller, id, body, expected).await {
            Ok(submitted) => {
                let back = form.back.replace("{id}", &submitted.id);
                return Ok(pages::done(&back, form.notice));
            }
            Err(error) => place(error, form, &mut input),
        }
    } else {
        None
    };
    let mut view = input.view();
    if let Some(message) = refused {
        view = view.refused(message);
    }
    Ok(render(
        state,
        caller,
        form,
        &shown_id,
        expected,
        view,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;

/// Where the back link of a form for a new record leads: the list of its records — for
/// gatherings the cooperation board, which lists them (there is no list of its own).
fn list_of(back: &'static str) -> &'static str {
    match back.split("/{id}").next().unwrap_or_default() {
        "/veranstaltungen" => "/kooperationen",
        list => list,
    }
}
