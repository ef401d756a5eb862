//! The page of one reminder (`/wiedervorlagen/{id}`): what it is about (linked), the task, who
//! looks after it, the day it is due and its status (open, overdue, done or withdrawn on a day)
//! — with its history and the forms the reader's role may use.

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    response::Response,
};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::{
    german,
    ids::ReminderId,
    reminder::{Reminder, ReminderEvent, ReminderStatus},
};
use wifo_projections::queries::{names::Names, work::subject_name};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    history::HistoryLine,
    pages::{self, Chrome},
    ready,
    reminder_list::{status_of, subject_href},
    texts, today,
};

#[derive(Template)]
#[template(path = "reminder.html")]
struct ReminderPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    about_href: String,
    about: String,
    facts: Vec<(String, String)>,
    actions: Vec<(String, &'static str)>,
    history: Vec<HistoryLine>,
}

fn history_lines(names: &Names<'_>, recorded: &[Recorded<ReminderEvent>]) -> Vec<HistoryLine> {
    use ReminderEvent as E;
    recorded
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                E::Set {
                    task,
                    assignee,
                    due_on,
                    ..
                }
                | E::Changed {
                    task,
                    assignee,
                    due_on,
                    ..
                } => (
                    entry.occurred_on,
                    format!(
                        "{} {} ({})",
                        texts::get(if matches!(entry.event, E::Set { .. }) {
                            "history.reminder_set"
                        } else {
                            "history.reminder_changed"
                        }),
                        german::date(*due_on),
                        names.staff(assignee.as_str())
                    ),
                    task.to_string(),
                ),
                E::Completed { completed_on, .. } => (
                    *completed_on,
                    texts::get("history.reminder_completed").to_owned(),
                    String::new(),
                ),
                E::Withdrawn {
                    withdrawn_on,
                    reason,
                    ..
                } => (
                    *withdrawn_on,
                    texts::get("history.reminder_withdrawn").to_owned(),
                    reason.to_string(),
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
    let id = ReminderId::parse(&id)
        .map_err(|_| PageError::not_found(&caller, texts::get("reminder.unknown")))?;
    let recorded = crate::ui::history::load::<Reminder>(&state, &caller, &id).await?;
    let views = state.projections.read();
    let Some((reminder, about)) = views
        .reminders
        .get(&id)
        .and_then(|reminder| reminder.about.map(|about| (reminder, about)))
    else {
        return Err(PageError::not_found(
            &caller,
            texts::get("reminder.unknown"),
        ));
    };
    let names = views.names();
    let task = reminder
        .task
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    let (status, _) = status_of(reminder, today());
    let facts = vec![
        (texts::get("col.task").to_owned(), task.clone()),
        (
            texts::get("reminder.assignee").to_owned(),
            reminder
                .assignee
                .as_ref()
                .map(|login| names.staff(login.as_str()))
                .unwrap_or_default(),
        ),
        (
            texts::get("col.due").to_owned(),
            german::optional_date(reminder.due_on),
        ),
        (texts::get("visit.status").to_owned(), status),
    ];
    let actions = if reminder.status == ReminderStatus::Open {
        crate::ui::actions::links(&caller, "/wiedervorlagen/{id}", &id.to_string())
    } else {
        Vec::new()
    };
    let heading = format!("{} – {task}", texts::get("reminder.title"));
    let page = ReminderPage {
        page: Chrome::new(&caller, &heading, "").with_notice(notice.ok.as_deref()),
        t: texts::Texts,
        heading,
        about_href: subject_href(about),
        about: subject_name(&views, about),
        facts,
        actions,
        history: history_lines(&names, &recorded),
    };
    drop(views);
    Ok(pages::ok(&page))
}
