//! The page of one cooperation agreement (`/kooperationen/{id}`): title, partners by name, when
//! it was signed, its term as extended, its goals, every milestone with its kind, due date, the
//! date it was first due, how often it moved and where it stands — and the history with every
//! reason given for a reschedule or a cancellation.

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    response::Response,
};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    cooperation::{Cooperation, CooperationEvent, CooperationState, MilestoneStatus, Status},
    german,
    ids::CooperationId,
};
use wifo_projections::queries::names::Names;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    history::HistoryLine,
    pages::{self, Chrome},
    ready, texts,
};

/// One milestone as the page lists it.
struct MilestoneLine {
    title: String,
    kind: &'static str,
    due: String,
    first_due: String,
    moved: u32,
    status: String,
}

#[derive(Template)]
#[template(path = "cooperation.html")]
struct CooperationPage {
    /// The forms the reader may use on it: (href, title).
    actions: Vec<(String, &'static str)>,
    /// Reminders about it (Wiedervorlagen on their own), with the link that sets one.
    reminders: crate::ui::reminder_list::ReminderBlock,
    page: Chrome,
    t: texts::Texts,
    heading: String,
    facts: Vec<(String, String)>,
    goals: Vec<String>,
    milestones: Vec<MilestoneLine>,
    history: Vec<HistoryLine>,
}

fn milestone_title(state: &CooperationState, id: &wifo_domain::ids::MilestoneId) -> String {
    state
        .milestones
        .get(id)
        .map(|milestone| milestone.title.to_string())
        .unwrap_or_default()
}

fn history_lines(
    names: &Names<'_>,
    state: &CooperationState,
    recorded: &[Recorded<CooperationEvent>],
) -> Vec<HistoryLine> {
    use CooperationEvent as E;
    recorded
        .iter()
        .map(|entry| {
            let business = entry.occurred_on;
            let (on, what, text) = match &entry.event {
                E::Agreed {
                    title, signed_on, ..
                } => (
                    *signed_on,
                    format!("{} „{title}“", texts::get("history.cooperation_agreed")),
                    String::new(),
                ),
                E::MilestonePlanned {
                    title, kind, due, ..
                } => (
                    business,
                    format!(
                        "{} „{title}“ ({}, {} {})",
                        texts::get("history.milestone_planned"),
                        kind.label(),
                        texts::get("col.due"),
                        german::date(*due)
                    ),
                    String::new(),
                ),
                E::MilestoneAchieved {
                    milestone,
                    achieved_on,
                    ..
                } => (
                    *achieved_on,
                    format!(
                        "{} „{}“",
                        texts::get("history.milestone_achieved"),
                        milestone_title(state, milestone)
                    ),
                    String::new(),
                ),
                E::MilestoneRescheduled {
                    milestone,
                    due,
                    reason,
                    ..
                } => (
                    business,
                    format!(
                        "{} „{}“ {} {}",
                        texts::get("history.milestone_rescheduled"),
                        milestone_title(state, milestone),
                        texts::get("history.to"),
                        german::date(*due)
                    ),
                    reason.to_string(),
                ),
                E::MilestoneCancelled {
                    milestone,
                    cancelled_on,
                    reason,
                    ..
                } => (
                    *cancelled_on,
                    format!(
                        "{} „{}“",
                        texts::get("history.milestone_cancelled"),
                        milestone_title(state, milestone)
                    ),
                    reason.to_string(),
                ),
                E::Extended { valid_until, .. } => (
                    business,
                    format!(
                        "{} {}",
                        texts::get("history.cooperation_extended"),
                        german::date(*valid_until)
                    ),
                    String::new(),
                ),
                E::Ended { ended_on, .. } => (
                    *ended_on,
                    texts::get("history.cooperation_ended").to_owned(),
                    String::new(),
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
    let id = CooperationId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("cooperation.unknown")))?;
    let recorded = crate::ui::history::load::<Cooperation>(&state, &caller, &id).await?;
    let views = state.projections.read();
    let Some(found) = views
        .cooperations
        .get(&id)
        .filter(|found| found.title.is_some())
    else {
        return Err(PageError::not_found(
            &caller,
            texts::get("cooperation.unknown"),
        ));
    };
    let names = views.names();
    let title = found
        .title
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut facts = vec![
        (
            texts::get("cooperation.partners").to_owned(),
            names.organizations(&found.partners),
        ),
        (
            texts::get("cooperation.signed_on").to_owned(),
            german::optional_date(found.signed_on),
        ),
        (
            texts::get("cooperation.term").to_owned(),
            found
                .term
                .as_ref()
                .map(|term| {
                    format!(
                        "{} – {}",
                        german::date(term.valid_from),
                        german::date(term.valid_until)
                    )
                })
                .unwrap_or_default(),
        ),
        (
            texts::get("visit.status").to_owned(),
            match found.status {
                Status::Ended { ended_on } => {
                    format!(
                        "{} {}",
                        texts::get("cooperation.ended_on"),
                        german::date(ended_on)
                    )
                }
                _ => texts::get("cooperation.active").to_owned(),
            },
        ),
    ];
    facts.retain(|(_, value)| !value.is_empty());
    let mut milestones: Vec<(chrono::NaiveDate, MilestoneLine)> = found
        .milestones
        .values()
        .map(|milestone| {
            (
                milestone.due,
                MilestoneLine {
                    title: milestone.title.to_string(),
                    kind: milestone.kind.label(),
                    due: german::date(milestone.due),
                    first_due: german::date(milestone.original_due),
                    moved: milestone.times_rescheduled,
                    status: match milestone.status {
                        MilestoneStatus::Planned => texts::get("board.planned").to_owned(),
                        MilestoneStatus::Achieved { on } => {
                            format!("{} {}", texts::get("board.achieved"), german::date(on))
                        }
                        MilestoneStatus::Cancelled { on } => {
                            format!("{} {}", texts::get("board.cancelled"), german::date(on))
                        }
                    },
                },
            )
        })
        .collect();
    milestones.sort_by_key(|(due, _)| *due);
    let page = CooperationPage {
        actions: crate::ui::actions::links(&caller, "/kooperationen/{id}", &id.to_string()),
        reminders: crate::ui::reminder_list::block(
            &views,
            &caller,
            wifo_domain::reminder::ReminderSubject::Cooperation(id),
            crate::ui::today(),
        ),
        page: Chrome::new(&caller, &title, "/kooperationen").with_notice(notice.ok.as_deref()),
        t: texts::Texts,
        heading: title,
        facts,
        goals: found.goals.iter().map(ToString::to_string).collect(),
        milestones: milestones.into_iter().map(|(_, line)| line).collect(),
        history: history_lines(&names, found, &recorded),
    };
    drop(views);
    Ok(pages::ok(&page))
}
