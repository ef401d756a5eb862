//! One user's calendar (`/kalender/{secret}.ics`, see `calendar_feed.rs`): the visits they are
//! planned for, their open follow-ups (left by visits or set on their own) on the day each is due, and the office's gatherings that
//! are planned or were held — all-day entries, except planned visits with an agreed time of day. Cancelled
//! visits and gatherings leave the calendar, so a subscribed calendar drops them at its next
//! fetch.

use chrono::{DateTime, Utc};
use wifo_domain::{gathering::Status as GatheringStatus, values::UserName, visit::VisitStatus};
use wifo_exchange::export::ics::CalendarEntry;

use super::tables::{gathering_entry, visit_entry};
use wifo_projections::{Views, queries::work::subject_name};

/// The title a subscribed calendar shows.
pub fn personal_calendar_title(views: &Views, user: &UserName) -> String {
    format!("wifo – {}", views.names().staff(user.as_str()))
}

/// The entries of `user`'s calendar, by day.
pub fn personal_calendar(
    views: &Views,
    user: &UserName,
    stamp: DateTime<Utc>,
) -> Vec<CalendarEntry> {
    let names = views.names();
    let organization_name = |organization: Option<wifo_domain::ids::OrganizationId>| {
        organization.map_or_else(
            || "Organisation".to_owned(),
            |organization| names.organization(&organization),
        )
    };
    let mut entries: Vec<CalendarEntry> = Vec::new();
    for (id, visit) in &views.visits {
        if visit.status == VisitStatus::Planned && visit.staff.contains(user) {
            entries.extend(visit_entry(views, id, visit, stamp));
        }
    }
    for (assignee, due, follow_up, visit) in &views.open_follow_ups {
        if assignee != user {
            continue;
        }
        let task = views
            .follow_up_tasks
            .get(follow_up)
            .cloned()
            .unwrap_or_default();
        let organization = views.visits.get(visit).and_then(|visit| visit.organization);
        entries.push(CalendarEntry {
            id: format!("follow-up-{follow_up}"),
            day: *due,
            at: None,
            summary: format!("Wiedervorlage: {task}"),
            location: None,
            description: Some(organization_name(organization)),
            stamp,
        });
    }
    for (assignee, due, id) in &views.open_reminders {
        if assignee != user {
            continue;
        }
        let Some(reminder) = views.reminders.get(id) else {
            continue;
        };
        entries.push(CalendarEntry {
            id: format!("reminder-{id}"),
            day: *due,
            at: None,
            summary: format!(
                "Wiedervorlage: {}",
                reminder
                    .task
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ),
            location: None,
            description: reminder.about.map(|about| subject_name(views, about)),
            stamp,
        });
    }
    for (id, gathering) in &views.gatherings {
        let shown = matches!(
            gathering.status,
            GatheringStatus::Planned | GatheringStatus::Held { .. }
        );
        if shown {
            entries.extend(gathering_entry(id, gathering, stamp));
        }
    }
    entries.sort_by(|a, b| (a.day, &a.id).cmp(&(b.day, &b.id)));
    entries
}
