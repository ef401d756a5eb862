//! Work lists: a staff member's follow-ups (left by visits or set on their own) and visits due, and the inquiry queue with age and
//! status, overdue against the first-response target in Berlin working days.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::{FollowUpId, InquiryId, OrganizationId, ReminderId, VisitId},
    inquiry::{InquirySource, InquiryStatus},
    reminder::ReminderSubject,
    values::{Code, TimeOfDay, UserName},
    visit::VisitStatus,
};

use super::holidays::{add_working_days, response_working_days};
use crate::views::Views;

/// Default first-response target: 2 working days.
pub const DEFAULT_FIRST_RESPONSE_WORKING_DAYS: u32 = 2;

/// Where a follow-up comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUpSource {
    /// Left by a conducted visit.
    Visit {
        visit: VisitId,
        follow_up: FollowUpId,
    },
    /// Set on its own, about an organization, an inquiry or a cooperation.
    Reminder {
        reminder: ReminderId,
        about: ReminderSubject,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FollowUpDue {
    pub source: FollowUpSource,
    /// The organization it concerns, where there is one (a cooperation has partners, not one).
    pub organization: Option<OrganizationId>,
    /// What it is about as a person reads it: the organization's name, for an inquiry without
    /// an organization „Anliegen vom 03.12.2026“, for a cooperation its title.
    pub subject: String,
    pub task: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VisitDue {
    pub visit: VisitId,
    pub organization: Option<OrganizationId>,
    pub organization_name: String,
    pub planned_on: NaiveDate,
    /// The agreed time of day, if any.
    pub planned_at: Option<TimeOfDay>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QueueEntry {
    pub inquiry: InquiryId,
    pub organization: Option<OrganizationId>,
    pub organization_name: Option<String>,
    pub source: Option<InquirySource>,
    pub topics: Vec<Code>,
    pub received_on: NaiveDate,
    pub age_days: i64,
    pub assignee: Option<UserName>,
    pub first_response_on: Option<NaiveDate>,
    /// Day by which the first answer is due.
    pub respond_by: NaiveDate,
    /// No first answer and past `respond_by`.
    pub overdue: bool,
    pub open_referrals: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WorkList {
    pub user: UserName,
    pub today: NaiveDate,
    pub follow_ups: Vec<FollowUpDue>,
    pub visits: Vec<VisitDue>,
    pub inquiries: Vec<QueueEntry>,
}

fn name_of(views: &Views, organization: Option<OrganizationId>) -> String {
    organization
        .map(|id| views.resolve(id))
        .and_then(|id| views.organizations.get(&id))
        .and_then(|record| record.state.name.as_ref())
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// Open inquiries, overdue first, then oldest first. `assignee` narrows to one staff member.
pub fn inquiry_queue(
    views: &Views,
    today: NaiveDate,
    target_working_days: u32,
    assignee: Option<&UserName>,
) -> Vec<QueueEntry> {
    let mut queue: Vec<QueueEntry> = views
        .open_inquiries
        .iter()
        .filter_map(|id| views.inquiries.get(id).map(|state| (*id, state)))
        .filter(|(_, state)| state.status == InquiryStatus::Open)
        .filter(|(_, state)| {
            assignee.is_none_or(|assignee| state.assignee.as_ref() == Some(assignee))
        })
        .filter_map(|(id, state)| {
            let received_on = state.received_on?;
            let respond_by = add_working_days(received_on, target_working_days);
            Some(QueueEntry {
                inquiry: id,
                organization: state.organization,
                organization_name: state
                    .organization
                    .map(|organization| name_of(views, Some(organization))),
                source: state.source,
                topics: state.topics.clone(),
                received_on,
                age_days: (today - received_on).num_days(),
                assignee: state.assignee.clone(),
                first_response_on: state.first_response_on,
                respond_by,
                overdue: state.first_response_on.is_none() && today > respond_by,
                open_referrals: state
                    .referrals
                    .values()
                    .filter(|r| r.answered_on.is_none())
                    .count(),
            })
        })
        .collect();
    queue.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(a.received_on.cmp(&b.received_on))
            .then(a.inquiry.cmp(&b.inquiry))
    });
    queue
}

/// Working days an inquiry waited for its first answer (`None` while unanswered).
pub fn first_response_working_days(views: &Views, inquiry: InquiryId) -> Option<u32> {
    let state = views.inquiries.get(&inquiry)?;
    Some(response_working_days(
        state.received_on?,
        state.first_response_on?,
    ))
}

/// "Meine Woche": what `user` has to do up to `horizon` days ahead, overdue first.
pub fn work_list(
    views: &Views,
    user: &UserName,
    today: NaiveDate,
    horizon_days: i64,
    target_working_days: u32,
) -> WorkList {
    let until = today + chrono::Duration::days(horizon_days);
    let mut follow_ups: Vec<FollowUpDue> = views
        .open_follow_ups
        .range(
            (
                user.clone(),
                NaiveDate::MIN,
                FollowUpId::from_uuid(uuid_min()),
                VisitId::from_uuid(uuid_min()),
            )..,
        )
        .take_while(|(assignee, ..)| assignee == user)
        .filter(|(_, due_on, ..)| *due_on <= until)
        .map(|(_, due_on, follow_up, visit)| {
            let organization = views.visits.get(visit).and_then(|state| state.organization);
            FollowUpDue {
                source: FollowUpSource::Visit {
                    visit: *visit,
                    follow_up: *follow_up,
                },
                organization,
                subject: name_of(views, organization),
                task: views
                    .follow_up_tasks
                    .get(follow_up)
                    .cloned()
                    .unwrap_or_default(),
                due_on: *due_on,
                overdue: *due_on < today,
            }
        })
        .collect();
    follow_ups.extend(
        views
            .open_reminders
            .range(
                (
                    user.clone(),
                    NaiveDate::MIN,
                    ReminderId::from_uuid(uuid_min()),
                )..,
            )
            .take_while(|(assignee, ..)| assignee == user)
            .filter(|(_, due_on, _)| *due_on <= until)
            .filter_map(|(_, due_on, id)| {
                let reminder = views.reminders.get(id)?;
                let about = reminder.about?;
                Some(FollowUpDue {
                    source: FollowUpSource::Reminder {
                        reminder: *id,
                        about,
                    },
                    organization: organization_of(views, about),
                    subject: subject_name(views, about),
                    task: reminder
                        .task
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    due_on: *due_on,
                    overdue: *due_on < today,
                })
            }),
    );
    follow_ups.sort_by_key(|follow_up| follow_up.due_on);
    let mut visits: Vec<VisitDue> = views
        .visits
        .iter()
        .filter(|(_, state)| state.status == VisitStatus::Planned && state.staff.contains(user))
        .filter_map(|(id, state)| {
            let planned_on = state.planned_on?;
            (planned_on <= until).then(|| VisitDue {
                visit: *id,
                organization: state.organization,
                organization_name: name_of(views, state.organization),
                planned_on,
                planned_at: state.planned_at,
                overdue: planned_on < today,
            })
        })
        .collect();
    visits.sort_by_key(|visit| (visit.planned_on, visit.visit));
    WorkList {
        user: user.clone(),
        today,
        follow_ups,
        visits,
        inquiries: inquiry_queue(views, today, target_working_days, Some(user)),
    }
}

/// The organization a reminder concerns: the organization itself, or the inquiry's.
pub fn organization_of(views: &Views, about: ReminderSubject) -> Option<OrganizationId> {
    match about {
        ReminderSubject::Organization(organization) => Some(views.resolve(organization)),
        ReminderSubject::Inquiry(inquiry) => views
            .inquiries
            .get(&inquiry)
            .and_then(|state| state.organization)
            .map(|organization| views.resolve(organization)),
        ReminderSubject::Cooperation(_) => None,
    }
}

/// What a reminder is about, as a person reads it.
pub fn subject_name(views: &Views, about: ReminderSubject) -> String {
    match about {
        ReminderSubject::Organization(organization) => name_of(views, Some(organization)),
        ReminderSubject::Inquiry(inquiry) => {
            let state = views.inquiries.get(&inquiry);
            match state.and_then(|state| state.organization) {
                Some(organization) => format!("Anliegen: {}", name_of(views, Some(organization))),
                None => format!(
                    "Anliegen vom {}",
                    wifo_domain::german::optional_date(state.and_then(|state| state.received_on))
                ),
            }
        }
        ReminderSubject::Cooperation(cooperation) => views
            .cooperations
            .get(&cooperation)
            .and_then(|state| state.title.as_ref())
            .map(|title| format!("Kooperation: {title}"))
            .unwrap_or_default(),
    }
}

fn uuid_min() -> uuid::Uuid {
    uuid::Uuid::nil()
}
