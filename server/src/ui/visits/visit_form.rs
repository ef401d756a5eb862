//! The visit form (planning a visit, or logging one as conducted with its structured findings)
//! and the organization or planned visit a form is about.

use askama::Template;
use axum::{http::StatusCode, response::Response};
use wifo_domain::german;
use wifo_domain::{
    ids::{OrganizationId, VisitId},
    visit::Satisfaction,
};

use crate::state::AppState;
use crate::ui::{
    form::{Choice, FormView},
    pages::{self, Chrome},
    texts, today,
};
use wifo_app::auth::Caller;

/// What the visit form is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Plan,
    Conduct,
}

#[derive(Template)]
#[template(path = "visit.html")]
struct VisitPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    action: String,
    organization: String,
    organization_href: String,
    planned_on: String,
    conduct: bool,
    form: FormView,
    topics: Vec<Choice>,
    satisfaction: Vec<Choice>,
}

/// The organization (name, id) a visit form is about.
pub(super) struct Target {
    pub(super) organization: OrganizationId,
    name: String,
    planned_on: Option<chrono::NaiveDate>,
    /// `Some` when a planned visit is logged.
    pub(super) visit: Option<VisitId>,
}

pub(super) fn target_of_organization(state: &AppState, id: &str) -> Option<Target> {
    let organization = OrganizationId::parse(id).ok()?;
    let views = state.projections.read();
    let name = views
        .organizations
        .get(&organization)?
        .state
        .name
        .as_ref()?
        .to_string();
    Some(Target {
        organization,
        name,
        planned_on: None,
        visit: None,
    })
}

pub(super) fn target_of_visit(state: &AppState, id: &str) -> Option<Target> {
    let visit = VisitId::parse(id).ok()?;
    let views = state.projections.read();
    let found = views.visits.get(&visit)?;
    let organization = found.organization?;
    let name = views
        .organizations
        .get(&organization)?
        .state
        .name
        .as_ref()?
        .to_string();
    Some(Target {
        organization,
        name,
        planned_on: found.planned_on,
        visit: Some(visit),
    })
}

pub(super) fn visit_page(
    state: &AppState,
    caller: &Caller,
    target: &Target,
    mode: Mode,
    form: FormView,
    status: StatusCode,
) -> Response {
    let topic_choices = {
        let views = state.projections.read();
        views
            .taxonomies
            .get("topics")
            .map(|taxonomy| {
                taxonomy
                    .entries
                    .iter()
                    .filter(|(_, entry)| !entry.retired && entry.parent.is_none())
                    .map(|(code, entry)| (code.clone(), entry.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let satisfaction: Vec<(String, String)> =
        std::iter::once((String::new(), texts::get("form.none").to_owned()))
            .chain((1..=5u8).filter_map(|value| {
                Satisfaction::new(value)
                    .ok()
                    .map(|level| (value.to_string(), format!("{value} – {}", level.label())))
            }))
            .collect();
    let (heading, action) = match (mode, target.visit) {
        (Mode::Plan, _) => (
            texts::get("visit.plan"),
            format!("/organisationen/{}/besuche/neu", target.organization),
        ),
        (Mode::Conduct, Some(visit)) => (
            texts::get("visit.log_conducted"),
            format!("/besuche/{visit}/durchfuehren"),
        ),
        (Mode::Conduct, None) => (
            texts::get("visit.log_conducted"),
            format!("/organisationen/{}/besuche/erfassen", target.organization),
        ),
    };
    pages::render(
        &VisitPage {
            page: Chrome::new(caller, heading, ""),
            t: texts::Texts,
            heading: heading.to_owned(),
            action,
            organization: target.name.clone(),
            organization_href: format!("/organisationen/{}", target.organization),
            planned_on: german::optional_date(target.planned_on),
            conduct: mode == Mode::Conduct,
            topics: form.options("topic", &topic_choices),
            satisfaction: form.options("satisfaction", &satisfaction),
            form,
        },
        status,
    )
}

pub(super) fn defaults(mode: Mode) -> FormView {
    match mode {
        Mode::Plan => FormView::with(&[("date", german::iso(today() + chrono::Duration::days(7)))]),
        Mode::Conduct => FormView::with(&[
            ("date", german::iso(today())),
            ("duration_minutes", "60".into()),
            (
                "follow_up_due",
                german::iso(today() + chrono::Duration::days(14)),
            ),
        ]),
    }
}
