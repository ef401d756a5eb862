//! "Meine Woche", the landing page of the Bestandsbetreuung: visits due, follow-ups due and the
//! open inquiries assigned to the user, overdue ones first (the work list query sorts them),
//! each with the link or button that does the next step.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use wifo_domain::german;
use wifo_projections::queries::work::work_list;

use super::{
    error::PageError,
    page,
    pages::{self, Chrome},
    ready, texts, today,
};
use crate::routes::Route;
use crate::state::AppState;
use wifo_app::auth::Caller;
use wifo_app::roles::STAFF;

/// How far ahead "Meine Woche" looks.
const HORIZON_DAYS: i64 = 7;

pub(super) struct Row {
    pub href: String,
    pub organization: String,
    pub what: String,
    pub due: String,
    pub overdue: bool,
    /// For follow-ups: the visit and the follow-up to complete.
    pub complete: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "week.html")]
struct WeekPage {
    page: Chrome,
    t: texts::Texts,
    today: String,
    visits: Vec<Row>,
    follow_ups: Vec<Row>,
    inquiries: Vec<Row>,
}

async fn week(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let day = today();
    let list = {
        let views = state.projections.read();
        work_list(
            &views,
            &caller.user,
            day,
            HORIZON_DAYS,
            state.config.first_response_working_days,
        )
    };
    let visits = list
        .visits
        .iter()
        .map(|visit| Row {
            href: format!("/besuche/{}/durchfuehren", visit.visit),
            organization: visit.organization_name.clone(),
            what: texts::get("week.visit_planned").to_owned(),
            due: german::date(visit.planned_on),
            overdue: visit.overdue,
            complete: None,
        })
        .collect();
    let follow_ups = list
        .follow_ups
        .iter()
        .map(|follow_up| Row {
            href: follow_up
                .organization
                .map(|id| format!("/organisationen/{id}"))
                .unwrap_or_default(),
            organization: follow_up.organization_name.clone(),
            what: follow_up.task.clone(),
            due: german::date(follow_up.due_on),
            overdue: follow_up.overdue,
            complete: Some((follow_up.visit.to_string(), follow_up.follow_up.to_string())),
        })
        .collect();
    let inquiries = list
        .inquiries
        .iter()
        .map(|inquiry| Row {
            href: format!("/anliegen/{}", inquiry.inquiry),
            organization: inquiry
                .organization_name
                .clone()
                .unwrap_or_else(|| texts::get("inquiry.anonymous").to_owned()),
            what: inquiry
                .source
                .map(|source| source.label().to_owned())
                .unwrap_or_default(),
            due: german::date(inquiry.respond_by),
            overdue: inquiry.overdue,
            complete: None,
        })
        .collect();
    Ok(pages::ok(&WeekPage {
        page: Chrome::new(&caller, texts::get("week.title"), "/woche")
            .with_notice(notice.ok.as_deref()),
        t: texts::Texts,
        today: german::date(day),
        visits,
        follow_ups,
        inquiries,
    }))
}

pub(super) fn routes() -> Vec<Route> {
    vec![page(Method::GET, "/woche", STAFF, "Meine Woche", get(week))]
}
