//! The page of one visit (`/besuche/{id}`): everything recorded about it — the organization,
//! when it was planned and conducted, duration, staff and participants by name, the joint
//! partner, topics, every finding (expansion plans, relocation risk, space and workforce
//! needs, interest in funding, satisfaction with the location, the problems raised), the
//! notes, the follow-ups with their state — and its history. It prints as a visit report on A4
//! (the stylesheet hides navigation and forms). A planned visit offers the form to log it as
//! conducted; a conducted one offers none. Who of the leadership took part and whether the press
//! came stand among the facts; staff record or correct them with their own form.

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use std::collections::HashMap;
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    german,
    ids::{FollowUpId, VisitId},
    visit::{Visit, VisitEvent, VisitState, VisitStatus},
};
use wifo_projections::queries::names::Names;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::FormView,
    history::HistoryLine,
    pages::{self, Chrome},
    ready, texts,
};

/// A follow-up as the page lists it.
struct FollowUpLine {
    task: String,
    assignee: String,
    due: String,
    done: String,
}

#[derive(Template)]
#[template(path = "visit_record.html")]
struct VisitRecordPage {
    page: Chrome,
    t: texts::Texts,
    id: String,
    heading: String,
    organization_href: String,
    facts: Vec<(String, String)>,
    findings: Vec<(String, String)>,
    issues: Vec<String>,
    notes: String,
    follow_ups: Vec<FollowUpLine>,
    history: Vec<HistoryLine>,
    /// The command forms the caller may use (leadership and press).
    actions: Vec<(String, &'static str)>,
    planned: bool,
    /// Staff and admins may reschedule or cancel a planned visit.
    may_write: bool,
    form: FormView,
}

fn yes_no(value: bool) -> String {
    texts::get(if value { "common.yes" } else { "common.no" }).to_owned()
}

/// The findings of a conducted visit, labelled as on the form that recorded them.
fn findings_of(state: &VisitState) -> (Vec<(String, String)>, Vec<String>) {
    let Some(findings) = &state.findings else {
        return (Vec::new(), Vec::new());
    };
    let label = |key: &'static str| texts::get(key).to_owned();
    let rows = vec![
        (
            label("visit.expansion_plans"),
            yes_no(findings.expansion_plans),
        ),
        (
            label("visit.relocation_risk"),
            yes_no(findings.relocation_risk),
        ),
        (
            label("visit.space_need"),
            findings
                .space_need_m2
                .map_or_else(|| "–".to_owned(), |m2| german::integer(i64::from(m2))),
        ),
        (
            label("visit.workforce_need"),
            findings
                .workforce_need
                .map_or_else(|| "–".to_owned(), |jobs| german::integer(i64::from(jobs))),
        ),
        (
            label("visit.funding_interest"),
            yes_no(findings.funding_interest),
        ),
        (
            label("visit.satisfaction"),
            findings.location_satisfaction.map_or_else(
                || "–".to_owned(),
                |satisfaction| format!("{} ({} von 5)", satisfaction.label(), satisfaction.get()),
            ),
        ),
    ];
    let issues = findings
        .issues_raised
        .iter()
        .map(ToString::to_string)
        .collect();
    (rows, issues)
}

/// One line per event of the visit.
fn history_lines(names: &Names<'_>, recorded: &[Recorded<VisitEvent>]) -> Vec<HistoryLine> {
    use VisitEvent as E;
    recorded
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                E::Planned {
                    planned_on,
                    planned_at,
                    staff,
                    purpose,
                    ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} {} ({})",
                        texts::get("history.visit_planned"),
                        german::planned(*planned_on, *planned_at),
                        names.staff_list(staff)
                    ),
                    purpose.to_string(),
                ),
                E::Rescheduled {
                    planned_on,
                    planned_at,
                    ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} {}",
                        texts::get("history.visit_rescheduled"),
                        german::planned(*planned_on, *planned_at)
                    ),
                    String::new(),
                ),
                E::Cancelled {
                    cancelled_on,
                    reason,
                    ..
                } => (
                    *cancelled_on,
                    texts::get("history.visit_cancelled").to_owned(),
                    reason.to_string(),
                ),
                E::Conducted {
                    conducted_on,
                    staff,
                    notes,
                    ..
                } => (
                    *conducted_on,
                    format!(
                        "{} ({})",
                        texts::get("history.visit_conducted"),
                        names.staff_list(staff)
                    ),
                    notes.to_string(),
                ),
                E::FollowUpCreated {
                    task,
                    assignee,
                    due_on,
                    ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} ({}, {} {})",
                        texts::get("history.follow_up_created"),
                        names.staff(assignee.as_str()),
                        texts::get("col.due"),
                        german::date(*due_on)
                    ),
                    task.to_string(),
                ),
                E::FollowUpCompleted { completed_on, .. } => (
                    *completed_on,
                    texts::get("history.follow_up_completed").to_owned(),
                    String::new(),
                ),
                E::PublicityRecorded {
                    leadership, press, ..
                } => (
                    entry.occurred_on,
                    texts::get("history.visit_publicity").to_owned(),
                    [
                        names.leadership(leadership),
                        if *press {
                            texts::get("visit.with_press").to_owned()
                        } else {
                            String::new()
                        },
                    ]
                    .into_iter()
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join("; "),
                ),
            };
            HistoryLine::of(names, entry, on, what, &text)
        })
        .collect()
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let id = VisitId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("visit.unknown")))?;
    let planned = {
        let views = state.projections.read();
        views
            .visits
            .get(&id)
            .map(|visit| (visit.planned_on, visit.planned_at))
    };
    record_page(
        &state,
        &caller,
        id,
        super::changes::defaults(planned),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
    .await
}

/// The page, with `form` for its reschedule and cancel forms (values and messages kept).
pub(super) async fn record_page(
    state: &AppState,
    caller: &Caller,
    id: VisitId,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let recorded = crate::ui::history::load::<Visit>(state, caller, &id).await?;
    let participants_of = state
        .projections
        .read()
        .visits
        .get(&id)
        .map(|visit| visit.participants.clone())
        .unwrap_or_default();
    // Participants by name, as far as the caller may see personal data.
    let participant_names: HashMap<_, _> = wifo_app::profiles::person_names(
        &state.data,
        &state.projections,
        caller,
        &participants_of,
        "GET /besuche/{id}",
    )
    .await
    .map_err(|error| PageError::internal(caller, "access log", error))?;

    let views = state.projections.read();
    let Some(visit) = views.visits.get(&id) else {
        return Err(PageError::not_found(caller, texts::get("visit.unknown")));
    };
    let names = views.names();
    let organization_name = visit
        .organization
        .map(|organization| names.organization(&organization))
        .unwrap_or_default();
    let status_key = match visit.status {
        VisitStatus::Unplanned => "visit.status_unplanned",
        VisitStatus::Planned => "visit.status_planned",
        VisitStatus::Conducted => "visit.status_conducted",
        VisitStatus::Cancelled => "visit.status_cancelled",
    };
    let participants: Vec<String> = visit
        .participants
        .iter()
        .map(|person| {
            participant_names
                .get(person)
                .cloned()
                .unwrap_or_else(|| texts::get("visit.participant_hidden").to_owned())
        })
        .collect();
    let mut facts = vec![
        (
            texts::get("col.organization").to_owned(),
            organization_name.clone(),
        ),
        (
            texts::get("visit.status").to_owned(),
            texts::get(status_key).to_owned(),
        ),
        (
            texts::get("visit.planned_on").to_owned(),
            visit
                .planned_on
                .map(|day| german::planned(day, visit.planned_at))
                .unwrap_or_default(),
        ),
        (
            texts::get("visit.conducted_on").to_owned(),
            german::optional_date(visit.conducted_on),
        ),
        (
            texts::get("visit.cancelled_on").to_owned(),
            german::optional_date(visit.cancelled_on),
        ),
        (
            texts::get("visit.duration").to_owned(),
            visit
                .duration_minutes
                .map(|minutes| german::integer(i64::from(minutes)))
                .unwrap_or_default(),
        ),
        (
            texts::get("visit.staff").to_owned(),
            names.staff_list(&visit.staff),
        ),
        (
            texts::get("visit.participants").to_owned(),
            participants.join(", "),
        ),
        (
            texts::get("visit.joint_partner").to_owned(),
            visit
                .joint_partner
                .map(|partner| names.organization(&partner))
                .unwrap_or_default(),
        ),
        (
            texts::get("col.topics").to_owned(),
            names.topics(&visit.topics),
        ),
        (
            texts::get("visit.leadership").to_owned(),
            names.leadership(&visit.leadership),
        ),
        (
            texts::get("visit.press").to_owned(),
            if visit.press {
                texts::get("common.yes").to_owned()
            } else {
                String::new()
            },
        ),
    ];
    facts.retain(|(_, value)| !value.is_empty());
    let (findings, issues) = findings_of(visit);
    let mut notes = String::new();
    let mut follow_ups: Vec<(FollowUpId, FollowUpLine)> = Vec::new();
    for entry in &recorded {
        match &entry.event {
            VisitEvent::Planned { purpose, .. } if !purpose.as_str().is_empty() => {
                facts.push((texts::get("visit.purpose").to_owned(), purpose.to_string()));
            }
            VisitEvent::Conducted { notes: text, .. } => notes = text.to_string(),
            VisitEvent::FollowUpCreated {
                follow_up,
                task,
                assignee,
                due_on,
                ..
            } => follow_ups.push((
                *follow_up,
                FollowUpLine {
                    task: task.to_string(),
                    assignee: names.staff(assignee.as_str()),
                    due: german::date(*due_on),
                    done: texts::get("visit.follow_up_open").to_owned(),
                },
            )),
            VisitEvent::FollowUpCompleted {
                follow_up,
                completed_on,
                ..
            } => {
                if let Some((_, line)) = follow_ups.iter_mut().find(|(id, _)| id == follow_up) {
                    line.done = format!(
                        "{} {}",
                        texts::get("visit.follow_up_done_on"),
                        german::date(*completed_on)
                    );
                }
            }
            _ => {}
        }
    }
    let history = history_lines(&names, &recorded);
    let heading = format!("{} – {organization_name}", texts::get("visit.record_title"));
    let page = VisitRecordPage {
        page: Chrome::new(caller, &heading, "").with_notice(notice),
        t: texts::Texts,
        id: id.to_string(),
        heading,
        organization_href: visit
            .organization
            .map(|organization| format!("/organisationen/{organization}"))
            .unwrap_or_default(),
        facts,
        findings,
        issues,
        notes,
        follow_ups: follow_ups.into_iter().map(|(_, line)| line).collect(),
        history,
        actions: if matches!(visit.status, VisitStatus::Planned | VisitStatus::Conducted) {
            crate::ui::actions::links(caller, "/besuche/{id}", &id.to_string())
        } else {
            Vec::new()
        },
        planned: visit.status == VisitStatus::Planned,
        may_write: wifo_app::roles::STAFF.contains(&caller.role),
        form,
    };
    drop(views);
    Ok(pages::render(&page, status))
}
