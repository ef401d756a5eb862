//! The retention review (`/datenschutz/aufbewahrung`): every person whose retention period has
//! run out (`privacy::retention::review`), with the reason and the organizations, a checkbox
//! each, and below them the senders of public-form inquiries closed past their period
//! (`privacy::senders::review_senders`); „Ausgewählte löschen“ erases the chosen ones in one
//! step — each a `PersonErased` or `InquirySenderErased` with the reason „Aufbewahrungsfrist
//! abgelaufen“ — and keeps any that are no longer due.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_app::{
    auth::Caller,
    privacy::{
        retention::{erase_due, review},
        senders::{erase_due_senders, review_senders},
    },
};
use wifo_domain::ids::{InquiryId, PersonId};
use wifo_store::{CommandContext, EventStore};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{FormView, Input},
    pages::{self, Chrome},
    ready, texts, today,
};

#[derive(Template)]
#[template(path = "privacy_retention.html")]
struct RetentionPage {
    page: Chrome,
    t: texts::Texts,
    periods: Vec<(String, String)>,
    /// (id, reason, organizations)
    cases: Vec<(String, String, String)>,
    /// (inquiry id, reference, reason)
    senders: Vec<(String, String, String)>,
    form: FormView,
}

fn render(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let periods = state.office.retention;
    let views = state.projections.read();
    let senders = review_senders(&views, &periods, today())
        .into_iter()
        .map(|case| (case.inquiry.to_string(), case.reference, case.reason))
        .collect();
    let cases = review(&views, &periods, today())
        .into_iter()
        .map(|case| {
            (
                case.person.to_string(),
                case.reason,
                case.organizations.join(", "),
            )
        })
        .collect();
    drop(views);
    let months = |months: u32| format!("{months} {}", texts::get("privacy.months"));
    pages::render(
        &RetentionPage {
            page: Chrome::new(
                caller,
                texts::get("privacy.retention_title"),
                "/datenschutz/aufbewahrung",
            )
            .with_notice(notice),
            t: texts::Texts,
            periods: vec![
                (
                    texts::get("privacy.period_contact").to_owned(),
                    months(periods.persons_without_contact_months),
                ),
                (
                    texts::get("privacy.period_withdrawn").to_owned(),
                    months(periods.withdrawn_consent_months),
                ),
                (
                    texts::get("privacy.period_inquiry").to_owned(),
                    months(periods.closed_inquiries_months),
                ),
                (
                    texts::get("privacy.period_log").to_owned(),
                    months(periods.access_log_months),
                ),
            ],
            cases,
            senders,
            form,
        },
        status,
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    Ok(render(
        &state,
        &caller,
        FormView::default(),
        notice.ok.as_deref(),
        StatusCode::OK,
    ))
}

pub(super) async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = Input::new(pairs);
    let mut persons = Vec::new();
    for text in input.all("person") {
        match PersonId::parse(text) {
            Ok(person) if state.projections.read().persons.contains_key(&person) => {
                persons.push(person)
            }
            _ => {
                let form = FormView::default().refused(texts::get("admin.person_unknown"));
                return Ok(render(
                    &state,
                    &caller,
                    form,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                ));
            }
        }
    }
    let mut inquiries = Vec::new();
    for text in input.all("inquiry") {
        match InquiryId::parse(text) {
            Ok(inquiry) if state.projections.read().inquiries.contains_key(&inquiry) => {
                inquiries.push(inquiry)
            }
            _ => {
                let form = FormView::default().refused(texts::get("inquiry.unknown"));
                return Ok(render(
                    &state,
                    &caller,
                    form,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                ));
            }
        }
    }
    if persons.is_empty() && inquiries.is_empty() {
        let form = FormView::default().refused(texts::get("privacy.none_chosen"));
        return Ok(render(
            &state,
            &caller,
            form,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let context = CommandContext::now(caller.user.as_str());
    let outcome = erase_due(
        &state.data,
        &state.projections,
        &state.office.retention,
        &persons,
        today(),
        &context,
    )
    .await
    .map_err(|error| PageError::internal(&caller, "retention erasure", error))?;
    let senders = erase_due_senders(
        &state.data,
        &state.projections,
        &state.office.retention,
        &inquiries,
        today(),
        &context,
    )
    .await
    .map_err(|error| PageError::internal(&caller, "sender erasure", error))?;
    if let Ok(head) = state.data.store.head().await {
        state.office.remember(&caller, head);
    }
    let notice = if outcome.kept.is_empty() && senders.kept.is_empty() {
        "retention_erased"
    } else {
        "retention_partly"
    };
    Ok(pages::done("/datenschutz/aufbewahrung", notice))
}
