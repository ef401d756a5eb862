//! The Bürgerbüro's page (`/buergerbuero`, its landing page): a business at the counter asks
//! something of the Wirtschaftsförderung, and the Bürgerbüro enters it with the same fields,
//! checks and routing as the public form (`wifo_app::public_inquiry`, found via the Bürgerbüro,
//! its user named as the receiver) — then follows the status of what it entered: the reference
//! given to the business, the day, the topic, who takes care of it, answered or closed. The
//! Bürgerbüro sees nothing else of the CRM.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::{Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use wifo_app::{
    auth::Caller,
    public_inquiry::{Entry, SubmitError, data_protection_notice, submit as take},
    roles::CITIZENS_OFFICE,
};
use wifo_domain::german;
use wifo_projections::queries::{
    entered::{EnteredStatus, entered_by},
    guide,
};

use super::{
    error::PageError,
    form::{Choice, FormView, Input},
    page,
    pages::{self, Chrome},
    public::inquiry_form,
    ready, texts, today,
};
use crate::routes::Route;
use crate::state::AppState;

struct Row {
    reference: String,
    received_on: String,
    topics: String,
    assignee: String,
    status: String,
}

#[derive(Template)]
#[template(path = "citizens_office.html")]
struct OfficePage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    topics: Vec<Choice>,
    notice: String,
    /// The reference just given, after a successful entry.
    entered: Option<String>,
    rows: Vec<Row>,
}

#[derive(serde::Deserialize, Default)]
struct Shown {
    aktenzeichen: Option<String>,
}

/// The status as the Bürgerbüro reads it.
pub(crate) fn status_text(status: EnteredStatus) -> String {
    match status {
        EnteredStatus::Received => texts::get("office.received").to_owned(),
        EnteredStatus::Answered { answered_on } => {
            format!(
                "{} {}",
                texts::get("office.answered"),
                german::date(answered_on)
            )
        }
        EnteredStatus::Closed { closed_on } => {
            format!(
                "{} {}",
                texts::get("office.closed"),
                german::date(closed_on)
            )
        }
    }
}

fn render(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    entered: Option<String>,
    status: StatusCode,
) -> Response {
    let views = state.projections.read();
    let names = views.names();
    let topics: Vec<(String, String)> =
        std::iter::once((String::new(), texts::get("form.choose").to_owned()))
            .chain(
                guide::guide(&views)
                    .into_iter()
                    .map(|topic| (topic.code, topic.name)),
            )
            .collect();
    let rows = entered_by(&views, &caller.user)
        .into_iter()
        .map(|entry| Row {
            reference: entry.reference.to_string(),
            received_on: german::date(entry.received_on),
            topics: names.topics(&entry.topics),
            assignee: entry
                .assignee
                .as_ref()
                .map(|login| names.staff(login.as_str()))
                .unwrap_or_else(|| texts::get("office.team_inbox").to_owned()),
            status: status_text(entry.status),
        })
        .collect();
    drop(views);
    pages::render(
        &OfficePage {
            page: Chrome::new(caller, texts::get("office.title"), "/buergerbuero"),
            t: texts::Texts,
            topics: form.options("topic", &topics),
            form,
            notice: data_protection_notice(&state.office),
            entered,
            rows,
        },
        status,
    )
}

async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(shown): Query<Shown>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    Ok(render(
        &state,
        &caller,
        FormView::default(),
        shown.aktenzeichen,
        StatusCode::OK,
    ))
}

async fn enter(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut input = Input::new(pairs);
    let form = inquiry_form(&input);
    match take(
        &state.office,
        &form,
        today(),
        Entry::CitizensOffice(&caller),
    )
    .await
    {
        Ok(reference) => {
            Ok(Redirect::to(&format!("/buergerbuero?aktenzeichen={reference}")).into_response())
        }
        Err(SubmitError::Invalid(errors)) => {
            for (field, message) in errors {
                input.fail(field, message);
            }
            Ok(render(
                &state,
                &caller,
                input.view_without(&["_csrf"]),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(SubmitError::Failed(error)) => Ok(render(
            &state,
            &caller,
            input
                .view_without(&["_csrf"])
                .refused(super::refusal(error)),
            None,
            StatusCode::SERVICE_UNAVAILABLE,
        )),
    }
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/buergerbuero",
            CITIZENS_OFFICE,
            "Bürgerbüro: Anfrage eines Betriebs erfassen, Stand der erfassten Anfragen",
            get(show),
        ),
        page(
            Method::POST,
            "/buergerbuero",
            CITIZENS_OFFICE,
            "Bürgerbüro: Anfrage eines Betriebs erfassen",
            post(enter),
        ),
    ]
}
