//! "Meine Woche", the landing page of the Bestandsbetreuung: visits due, follow-ups due (left by
//! visits or set on their own) and the open inquiries assigned to the user, overdue ones first
//! (the work list query sorts them), each with the link or button that does the next step. The
//! lead (and an admin) chooses whose week to read (`?mitarbeiter=login`); the buttons that do a
//! step are shown only to those who may do it. A line names how many of the user's businesses
//! are on the at-risk list and links it.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use wifo_domain::german;
use wifo_projections::queries::{
    at_risk::at_risk,
    work::{FollowUpSource, work_list},
};

use super::{
    LEADS,
    choices::{named_user, staff_choices},
    error::PageError,
    form::{Choice, FormView},
    page,
    pages::{self, Chrome},
    ready, texts, today,
};
use crate::routes::Route;
use crate::state::AppState;
use wifo_app::auth::Caller;
use wifo_app::roles::{INQUIRY_READERS, STAFF};

/// How far ahead "Meine Woche" looks.
const HORIZON_DAYS: i64 = 7;

pub(super) struct Row {
    pub href: String,
    pub organization: String,
    pub what: String,
    pub due: String,
    pub overdue: bool,
    /// For inquiries: „beantwortet am …“ once answered (see `ui::due`).
    pub answered: String,
    /// For follow-ups: the form that marks it done — its address and hidden fields.
    pub complete: Option<(String, Vec<(&'static str, String)>)>,
}

#[derive(serde::Deserialize, Default)]
struct WeekParams {
    ok: Option<String>,
    #[serde(default)]
    mitarbeiter: String,
}

#[derive(Template)]
#[template(path = "week.html")]
struct WeekPage {
    page: Chrome,
    t: texts::Texts,
    today: String,
    /// For the lead: whose week, chosen from the staff by display name.
    staff: Option<Vec<Choice>>,
    /// Whose week it is, when it is not the caller's own.
    whose: Option<String>,
    /// Whether the caller may do the steps (complete a follow-up, conduct a visit).
    acts: bool,
    visits: Vec<Row>,
    follow_ups: Vec<Row>,
    inquiries: Vec<Row>,
    /// Businesses on the at-risk list this user is responsible for, and its address.
    at_risk: (String, String),
}

async fn week(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<WeekParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let day = today();
    let chooses = LEADS.contains(&caller.role);
    let user = if params.mitarbeiter.is_empty() || params.mitarbeiter == caller.user.as_str() {
        caller.user.clone()
    } else if !chooses {
        return Err(PageError::Forbidden(caller.clone()));
    } else {
        named_user(&state, &caller, &params.mitarbeiter)?
    };
    let (list, staff, whose, at_risk) = {
        let views = state.projections.read();
        let at_risk = at_risk(&views, day, Some(&user)).len();
        let list = work_list(
            &views,
            &user,
            day,
            HORIZON_DAYS,
            state.config.first_response_working_days,
        );
        let staff = chooses.then(|| {
            let choices = staff_choices(&views, texts::get("week.choose_staff"));
            FormView::with(&[("mitarbeiter", user.to_string())]).options("mitarbeiter", &choices)
        });
        let whose = (user != caller.user).then(|| views.names().staff(user.as_str()));
        (list, staff, whose, at_risk)
    };
    let acts = user == caller.user && STAFF.contains(&caller.role);
    let visits = list
        .visits
        .iter()
        .map(|visit| Row {
            href: format!("/besuche/{}", visit.visit),
            organization: visit.organization_name.clone(),
            what: texts::get("week.visit_planned").to_owned(),
            due: german::planned(visit.planned_on, visit.planned_at),
            overdue: visit.overdue,
            answered: String::new(),
            complete: None,
        })
        .collect();
    let follow_ups = list
        .follow_ups
        .iter()
        .map(|follow_up| {
            let (href, complete) = match follow_up.source {
                FollowUpSource::Visit { visit, follow_up } => (
                    format!("/besuche/{visit}"),
                    (
                        format!("/besuche/{visit}/wiedervorlagen/erledigt"),
                        vec![("follow_up", follow_up.to_string())],
                    ),
                ),
                FollowUpSource::Reminder { reminder, .. } => (
                    format!("/wiedervorlagen/{reminder}"),
                    (
                        format!("/wiedervorlagen/{reminder}/erledigt"),
                        vec![("completed_on", german::iso(day))],
                    ),
                ),
            };
            Row {
                href,
                organization: follow_up.subject.clone(),
                what: follow_up.task.clone(),
                due: german::date(follow_up.due_on),
                overdue: follow_up.overdue,
                answered: String::new(),
                complete: Some(complete),
            }
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
            answered: super::due::answered_note(inquiry.first_response_on),
            complete: None,
        })
        .collect();
    Ok(pages::ok(&WeekPage {
        page: Chrome::new(&caller, texts::get("week.title"), "/woche")
            .with_notice(params.ok.as_deref()),
        t: texts::Texts,
        today: german::date(day),
        staff,
        whose,
        acts,
        visits,
        follow_ups,
        inquiries,
        at_risk: (
            german::integer(at_risk as i64),
            format!("/gefaehrdet?mitarbeiter={user}"),
        ),
    }))
}

pub(super) fn routes() -> Vec<Route> {
    vec![page(
        Method::GET,
        "/woche",
        INQUIRY_READERS,
        "Meine Woche (die Leitung wählt, wessen Woche)",
        get(week),
    )]
}
