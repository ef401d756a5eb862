//! What the pages share about reminders (Wiedervorlagen on their own): the address of what a
//! reminder is about, the query that names a subject (`?zu=anliegen&id=…`), and the block of
//! reminders about one record that the organization, inquiry and cooperation pages show with
//! the link that sets a new one.

use wifo_app::{auth::Caller, roles::STAFF};
use wifo_domain::{
    german,
    ids::{CooperationId, InquiryId, OrganizationId, ReminderId},
    reminder::{ReminderState, ReminderStatus, ReminderSubject},
};
use wifo_projections::Views;

use super::texts;

/// The page of what a reminder is about.
pub(crate) fn subject_href(about: ReminderSubject) -> String {
    match about {
        ReminderSubject::Organization(id) => format!("/organisationen/{id}"),
        ReminderSubject::Inquiry(id) => format!("/anliegen/{id}"),
        ReminderSubject::Cooperation(id) => format!("/kooperationen/{id}"),
    }
}

/// The query naming a subject: `zu=organisation|anliegen|kooperation&id=…`.
pub(crate) fn subject_query(about: ReminderSubject) -> String {
    match about {
        ReminderSubject::Organization(id) => format!("zu=organisation&id={id}"),
        ReminderSubject::Inquiry(id) => format!("zu=anliegen&id={id}"),
        ReminderSubject::Cooperation(id) => format!("zu=kooperation&id={id}"),
    }
}

/// Reads the subject `subject_query` wrote, if it names a record the views know.
pub(crate) fn parse_subject(views: &Views, kind: &str, id: &str) -> Option<ReminderSubject> {
    match kind {
        "organisation" => OrganizationId::parse(id)
            .ok()
            .filter(|id| views.organizations.contains_key(id))
            .map(ReminderSubject::Organization),
        "anliegen" => InquiryId::parse(id)
            .ok()
            .filter(|id| views.inquiries.contains_key(id))
            .map(ReminderSubject::Inquiry),
        "kooperation" => CooperationId::parse(id)
            .ok()
            .filter(|id| views.cooperations.contains_key(id))
            .map(ReminderSubject::Cooperation),
        _ => None,
    }
}

/// One reminder as a line of the block.
pub(crate) struct ReminderRow {
    pub href: String,
    pub task: String,
    pub assignee: String,
    pub due: String,
    /// „offen“, „erledigt am …“, „zurückgezogen am …“, and „(überfällig)“ when it is.
    pub status: String,
    pub overdue: bool,
}

/// The reminders about one record and, for the roles that may, the link that sets a new one.
pub(crate) struct ReminderBlock {
    pub rows: Vec<ReminderRow>,
    pub create_href: Option<String>,
}

/// The status of a reminder as a person reads it, and whether it is overdue on `today`.
pub(crate) fn status_of(reminder: &ReminderState, today: chrono::NaiveDate) -> (String, bool) {
    match reminder.status {
        ReminderStatus::Completed => (
            format!(
                "{} {}",
                texts::get("reminder.completed_on"),
                german::optional_date(reminder.completed_on)
            ),
            false,
        ),
        ReminderStatus::Withdrawn => (
            format!(
                "{} {}",
                texts::get("reminder.withdrawn_on"),
                german::optional_date(reminder.withdrawn_on)
            ),
            false,
        ),
        ReminderStatus::Open | ReminderStatus::Unset => {
            let overdue = reminder.due_on.is_some_and(|due| due < today);
            let status = if overdue {
                format!(
                    "{} ({})",
                    texts::get("reminder.open"),
                    texts::get("week.overdue")
                )
            } else {
                texts::get("reminder.open").to_owned()
            };
            (status, overdue)
        }
    }
}

/// The block for the page of `about`: open reminders first by due day, then the done ones.
pub(crate) fn block(
    views: &Views,
    caller: &Caller,
    about: ReminderSubject,
    today: chrono::NaiveDate,
) -> ReminderBlock {
    let names = views.names();
    let mut found: Vec<(&ReminderId, &ReminderState)> = views
        .reminders
        .iter()
        .filter(|(_, reminder)| reminder.about == Some(about))
        .collect();
    found.sort_by_key(|(id, reminder)| {
        (
            reminder.status != ReminderStatus::Open,
            reminder.due_on,
            **id,
        )
    });
    let rows = found
        .into_iter()
        .map(|(id, reminder)| {
            let (status, overdue) = status_of(reminder, today);
            ReminderRow {
                href: format!("/wiedervorlagen/{id}"),
                task: reminder
                    .task
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                assignee: reminder
                    .assignee
                    .as_ref()
                    .map(|login| names.staff(login.as_str()))
                    .unwrap_or_default(),
                due: german::optional_date(reminder.due_on),
                status,
                overdue,
            }
        })
        .collect();
    ReminderBlock {
        rows,
        create_href: STAFF
            .contains(&caller.role)
            .then(|| format!("/wiedervorlagen/neu?{}", subject_query(about))),
    }
}
