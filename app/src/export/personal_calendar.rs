//! One user's calendar (`/kalender/{secret}.ics`, see `calendar_feed.rs`): the visits they are
//! planned for, their open follow-ups on the day each is due, and the office's gatherings that
//! are planned or were held — all-day entries, as the records carry days, not times. Cancelled
//! visits and gatherings leave the calendar, so a subscribed calendar drops them at its next
//! fetch.

use chrono::{DateTime, Utc};
use wifo_domain::{gathering::Status as GatheringStatus, values::UserName, visit::VisitStatus};
use wifo_exchange::export::ics::CalendarEntry;
use wifo_projections::Views;

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
        let (VisitStatus::Planned, Some(day)) = (visit.status, visit.planned_on) else {
            continue;
        };
        if !visit.staff.contains(user) {
            continue;
        }
        let record = visit
            .organization
            .and_then(|organization| views.organizations.get(&organization));
        entries.push(CalendarEntry {
            id: format!("visit-{id}"),
            day,
            summary: format!(
                "Unternehmensbesuch: {}",
                organization_name(visit.organization)
            ),
            location: record
                .and_then(|record| record.state.address.as_ref())
                .map(ToString::to_string),
            description: None,
            stamp,
        });
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
            summary: format!("Wiedervorlage: {task}"),
            location: None,
            description: Some(organization_name(organization)),
            stamp,
        });
    }
    for (id, gathering) in &views.gatherings {
        let shown = matches!(
            gathering.status,
            GatheringStatus::Planned | GatheringStatus::Held { .. }
        );
        let (true, Some(day), Some(title)) = (shown, gathering.date, gathering.title.as_ref())
        else {
            continue;
        };
        entries.push(CalendarEntry {
            id: format!("gathering-{id}"),
            day,
            summary: format!("Veranstaltung: {title}"),
            location: Some(gathering.venue.as_str().to_owned()).filter(|venue| !venue.is_empty()),
            description: gathering.kind.map(|kind| kind.label().to_owned()),
            stamp,
        });
    }
    entries.sort_by(|a, b| (a.day, &a.id).cmp(&(b.day, &b.id)));
    entries
}
