//! Setting a reminder (`/wiedervorlagen/neu?zu=anliegen&id=…`) for the organization, inquiry or
//! cooperation it is opened from: task, who (the caller unless another is chosen) and the day it
//! is due. The form's answer goes through the API's own command route, so it is decoded, its
//! assignee and subject checked, and its date judged as over the API.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;
use serde_json::json;
use wifo_app::auth::Caller;
use wifo_domain::{german, reminder::ReminderSubject, values::Title};

use crate::state::AppState;
use crate::ui::{
    choices::staff_choices,
    error::PageError,
    form::{Choice, FormView, Input},
    pages::{self, Chrome},
    ready,
    reminder_list::{parse_subject, subject_href, subject_query},
    texts, today,
};

/// How many days ahead a new reminder is due unless another day is chosen.
const DEFAULT_DAYS_AHEAD: i64 = 7;

#[derive(Deserialize, Default)]
pub(super) struct SubjectParams {
    #[serde(default)]
    zu: String,
    #[serde(default)]
    id: String,
    /// A task to start from (a topic raised at a gathering).
    #[serde(default)]
    aufgabe: String,
}

#[derive(Template)]
#[template(path = "reminder_new.html")]
struct NewReminderPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    back: String,
    about: String,
    staff: Vec<Choice>,
    form: FormView,
}

/// The subject named by the query, with its name, or the German 404 page.
fn subject(
    state: &AppState,
    caller: &Caller,
    params: &SubjectParams,
) -> Result<(ReminderSubject, String), PageError> {
    let views = state.projections.read();
    let about = parse_subject(&views, &params.zu, &params.id)
        .ok_or_else(|| PageError::not_found(caller, texts::get("reminder.unknown_subject")))?;
    Ok((
        about,
        wifo_projections::queries::work::subject_name(&views, about),
    ))
}

fn render(
    state: &AppState,
    caller: &Caller,
    about: ReminderSubject,
    name: &str,
    form: FormView,
    status: StatusCode,
) -> Response {
    let staff = staff_choices(&state.projections.read(), texts::get("form.choose"));
    let heading = format!("{} – {name}", texts::get("reminder.new"));
    pages::render(
        &NewReminderPage {
            page: Chrome::new(caller, &heading, ""),
            t: texts::Texts,
            heading,
            action: format!("/wiedervorlagen/neu?{}", subject_query(about)),
            back: subject_href(about),
            about: name.to_owned(),
            staff: form.options("assignee", &staff),
            form,
        },
        status,
    )
}

pub(super) async fn form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<SubjectParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let (about, name) = subject(&state, &caller, &params)?;
    let form = FormView::with(&[
        ("task", params.aufgabe.trim().to_owned()),
        ("assignee", caller.user.to_string()),
        (
            "due_on",
            german::iso(today() + chrono::Duration::days(DEFAULT_DAYS_AHEAD)),
        ),
    ]);
    Ok(render(&state, &caller, about, &name, form, StatusCode::OK))
}

pub(super) async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<SubjectParams>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let (about, name) = subject(&state, &caller, &params)?;
    let mut input = Input::new(pairs);
    let task = input.required("task", Title::parse);
    let due_on = input.date("due_on");
    let assignee = input.get("assignee").to_owned();
    if assignee.is_empty() {
        input.fail("assignee", texts::get("reminder.assignee_missing"));
    }
    let (Some(task), Some(due_on), true) = (task, due_on, input.is_valid()) else {
        return Ok(render(
            &state,
            &caller,
            about,
            &name,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let body = json!({
        "about": about,
        "task": task,
        "assignee": assignee,
        "due_on": german::iso(due_on),
    });
    let Some(endpoint) = crate::http::command_endpoints()
        .into_iter()
        .find(|endpoint| endpoint.spec().path == "/api/v1/reminders")
    else {
        return Err(PageError::internal(
            &caller,
            "reminder",
            "the reminder route is missing",
        ));
    };
    match endpoint.submit(&state, &caller, None, body, None).await {
        Ok(_) => Ok(pages::done(&subject_href(about), "reminder_set")),
        Err(error) => {
            let message = error.message();
            let message = message
                .strip_prefix("Ungültige Eingabe: ")
                .unwrap_or(&message)
                .to_owned();
            Ok(render(
                &state,
                &caller,
                about,
                &name,
                input.view().refused(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
    }
}
