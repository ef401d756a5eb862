//! What an office can take out of wifo: organizations, visits, contacts and inquiries as tables
//! (CSV for German Excel, XLSX, JSON), visits and gatherings as iCalendar for Outlook, and the
//! whole event log as JSON Lines. Tables come from the views, so they hold no personal data;
//! people read names (topics, staff, regions, sectors), and the codes stand beside them in
//! columns of their own, so a spreadsheet can still filter by them and an organization export
//! reads back with `wifo import`; the log export decrypts personal data where the person's key still exists and shows
//! „gelöscht“ where it was erased.

use std::io::Write;

use chrono::{DateTime, Utc};
use wifo_domain::{
    contact::ContactStatus,
    gathering::GatheringState,
    ids::{GatheringId, OrganizationId, VisitId},
    inquiry::InquiryStatus,
    values::TimeOfDay,
    visit::{VisitState, VisitStatus},
};
use wifo_exchange::export::{Cell, Sheet, ics::CalendarEntry};
use wifo_projections::Views;
use wifo_store::{EventStore, Position};

/// The tables an export can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Organizations,
    Visits,
    Contacts,
    Inquiries,
}

impl Table {
    pub const ALL: [Table; 4] = [
        Table::Organizations,
        Table::Visits,
        Table::Contacts,
        Table::Inquiries,
    ];

    /// The names a user types (`--table`, `/api/v1/exports/{table}`).
    pub const NAMES: [&'static str; 4] = ["organizations", "visits", "contacts", "inquiries"];

    /// Reads a table's name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|known| *known == name)
            .map(|index| Self::ALL[index])
    }

    pub fn sheet(self, views: &Views) -> Sheet {
        match self {
            Table::Organizations => organizations(views),
            Table::Visits => visits(views),
            Table::Contacts => contacts(views),
            Table::Inquiries => inquiries(views),
        }
    }
}

fn organization_name(views: &Views, id: Option<OrganizationId>) -> Cell {
    Cell::optional(
        id.and_then(|id| views.organizations.get(&id))
            .and_then(|record| record.state.name.as_ref()),
    )
}

fn codes(codes: &[wifo_domain::values::Code]) -> Cell {
    let joined: Vec<String> = codes.iter().map(ToString::to_string).collect();
    Cell::text(joined.join(", "))
}

/// Topics by name, for the reader; their codes stand in a column of their own.
fn topic_names(views: &Views, codes: &[wifo_domain::values::Code]) -> Cell {
    Cell::text(views.names().topics(codes))
}

/// A staff member by display name.
fn staff_name(views: &Views, login: Option<&wifo_domain::values::UserName>) -> Cell {
    Cell::optional(login.map(|login| views.names().staff(login.as_str())))
}

fn date(day: Option<chrono::NaiveDate>) -> Cell {
    day.map_or(Cell::Empty, Cell::Date)
}

/// Organizations in the layout `wifo import organizations` reads back.
pub fn organizations(views: &Views) -> Sheet {
    let mut ids: Vec<OrganizationId> = views.organizations.keys().copied().collect();
    ids.sort();
    organizations_of(views, &ids)
}

/// The organizations `ids` (e.g. a filtered list), in that order, laid out as `organizations`.
pub fn organizations_of(views: &Views, ids: &[OrganizationId]) -> Sheet {
    let mut sheet = Sheet::new(
        "Organisationen",
        &[
            "Kennung",
            "Externe Kennung",
            "Name",
            "Art",
            "Rechtsform",
            "Straße",
            "PLZ",
            "Ort",
            "Region",
            "WZ-Code",
            "Beschäftigte",
            "Gründungsjahr",
            "Website",
            "Betreuung",
            "Status",
            "Letzter Kontakt",
            "Regionsname",
            "Branche",
            "Betreuung (Benutzername)",
        ],
    );
    for (id, record) in ids
        .iter()
        .filter_map(|id| views.organizations.get(id).map(|record| (id, record)))
    {
        let state = &record.state;
        let Some(name) = &state.name else { continue };
        let external_id = record
            .changes
            .iter()
            .find_map(|change| match &change.event {
                wifo_domain::organization::OrganizationEvent::Registered {
                    external_id, ..
                } => external_id.clone(),
                _ => None,
            });
        let status = match &state.status {
            wifo_domain::organization::Status::Unregistered => "nicht erfasst",
            wifo_domain::organization::Status::Active => "aktiv",
            wifo_domain::organization::Status::Closed { .. } => "geschlossen",
            wifo_domain::organization::Status::MergedInto { .. } => "zusammengeführt",
        };
        let address = state.address.as_ref();
        sheet.rows.push(vec![
            Cell::text(id.to_string()),
            Cell::optional(external_id),
            Cell::text(name.as_str()),
            Cell::optional(state.kind.map(|kind| kind.label())),
            Cell::optional(state.profile.legal_form.as_ref()),
            Cell::optional(address.map(|a| a.street.clone()).filter(|s| !s.is_empty())),
            Cell::optional(address.map(|a| a.postal_code.as_str().to_owned())),
            Cell::optional(address.map(|a| a.city.clone())),
            Cell::optional(state.region.as_ref()),
            Cell::optional(state.profile.sector.as_ref()),
            // The short form (`1-3`) that `wifo import` reads back.
            Cell::optional(
                state
                    .profile
                    .size_class
                    .and_then(|size| serde_json::to_value(size).ok())
                    .and_then(|value| value.as_str().map(str::to_owned)),
            ),
            state
                .profile
                .founded_year
                .map_or(Cell::Empty, |year| Cell::Number(f64::from(year))),
            Cell::optional(state.profile.website.as_ref()),
            staff_name(views, state.account_manager.as_ref()),
            Cell::text(status),
            date(record.last_contact),
            Cell::optional(
                state
                    .region
                    .as_ref()
                    .map(|region| views.names().region(region.as_str())),
            ),
            Cell::optional(
                state
                    .profile
                    .sector
                    .as_ref()
                    .map(|sector| views.names().sector(sector.as_str())),
            ),
            Cell::optional(state.account_manager.as_ref()),
        ]);
    }
    sheet
}

pub fn visits(views: &Views) -> Sheet {
    let mut sheet = Sheet::new(
        "Besuche",
        &[
            "Kennung",
            "Organisation",
            "Status",
            "Geplant am",
            "Durchgeführt am",
            "Abgesagt am",
            "Dauer (Minuten)",
            "Betreuung",
            "Gemeinsam mit",
            "Themen",
            "Offene Nachverfolgungen",
            "Themen (Schlüssel)",
        ],
    );
    let mut visits: Vec<_> = views.visits.iter().collect();
    visits.sort_by_key(|(id, _)| **id);
    for (id, visit) in visits {
        let status = match visit.status {
            VisitStatus::Unplanned => continue,
            VisitStatus::Planned => "geplant",
            VisitStatus::Conducted => "durchgeführt",
            VisitStatus::Cancelled => "abgesagt",
        };
        sheet.rows.push(vec![
            Cell::text(id.to_string()),
            organization_name(views, visit.organization),
            Cell::text(status),
            date(visit.planned_on),
            date(visit.conducted_on),
            date(visit.cancelled_on),
            visit
                .duration_minutes
                .map_or(Cell::Empty, |minutes| Cell::Number(f64::from(minutes))),
            Cell::text(views.names().staff_list(&visit.staff)),
            organization_name(views, visit.joint_partner),
            topic_names(views, &visit.topics),
            Cell::Number(visit.open_follow_ups.len() as f64),
            codes(&visit.topics),
        ]);
    }
    sheet
}

pub fn contacts(views: &Views) -> Sheet {
    let mut sheet = Sheet::new(
        "Kontakte",
        &[
            "Kennung",
            "Organisation",
            "Datum",
            "Kanal",
            "Themen",
            "Betreuung",
            "Zusammenfassung",
            "Themen (Schlüssel)",
        ],
    );
    let mut contacts: Vec<_> = views.contacts.iter().collect();
    contacts.sort_by_key(|(id, _)| **id);
    for (id, contact) in contacts {
        if contact.status == ContactStatus::default() {
            continue;
        }
        sheet.rows.push(vec![
            Cell::text(id.to_string()),
            organization_name(views, contact.organization),
            date(contact.contacted_on),
            Cell::optional(contact.channel.map(|channel| channel.label())),
            topic_names(views, &contact.topics),
            staff_name(views, contact.staff.as_ref()),
            Cell::text(contact.summary.as_str()),
            codes(&contact.topics),
        ]);
    }
    sheet
}

pub fn inquiries(views: &Views) -> Sheet {
    let mut sheet = Sheet::new(
        "Anliegen",
        &[
            "Kennung",
            "Organisation",
            "Eingang",
            "Quelle",
            "Kanal",
            "Themen",
            "Zuständig",
            "Erste Antwort",
            "Weiterleitungen",
            "Abgeschlossen",
            "Ergebnis",
            "Status",
            "Themen (Schlüssel)",
        ],
    );
    let mut inquiries: Vec<_> = views.inquiries.iter().collect();
    inquiries.sort_by_key(|(id, _)| **id);
    for (id, inquiry) in inquiries {
        let status = match inquiry.status {
            InquiryStatus::NotReceived => continue,
            InquiryStatus::Open => "offen",
            InquiryStatus::Closed => "abgeschlossen",
        };
        sheet.rows.push(vec![
            Cell::text(id.to_string()),
            organization_name(views, inquiry.organization),
            date(inquiry.received_on),
            Cell::optional(inquiry.source.map(|source| source.label())),
            Cell::optional(inquiry.channel.map(|channel| channel.label())),
            topic_names(views, &inquiry.topics),
            staff_name(views, inquiry.assignee.as_ref()),
            date(inquiry.first_response_on),
            Cell::Number(inquiry.referrals.len() as f64),
            date(inquiry.closed_on),
            Cell::optional(inquiry.outcome.map(|outcome| outcome.label())),
            Cell::text(status),
            codes(&inquiry.topics),
        ]);
    }
    sheet
}

/// A planned visit (on its day, at its time when one was agreed) or a conducted one (all day) as
/// a calendar entry; cancelled and unplanned visits have none.
pub(super) fn visit_entry(
    views: &Views,
    id: &VisitId,
    visit: &VisitState,
    stamp: DateTime<Utc>,
) -> Option<CalendarEntry> {
    let (day, at) = match visit.status {
        VisitStatus::Planned => (visit.planned_on?, visit.planned_at.map(TimeOfDay::to_naive)),
        VisitStatus::Conducted => (visit.conducted_on?, None),
        VisitStatus::Unplanned | VisitStatus::Cancelled => return None,
    };
    let record = visit
        .organization
        .and_then(|organization| views.organizations.get(&organization));
    let name = visit.organization.map_or_else(
        || "Organisation".to_owned(),
        |organization| views.names().organization(&organization),
    );
    Some(CalendarEntry {
        id: format!("visit-{id}"),
        day,
        at,
        summary: format!("Unternehmensbesuch: {name}"),
        location: record
            .and_then(|record| record.state.address.as_ref())
            .map(ToString::to_string),
        description: (!visit.topics.is_empty())
            .then(|| format!("Themen: {}", views.names().topics(&visit.topics))),
        stamp,
    })
}

/// A gathering with a date and a title as an all-day calendar entry.
pub(super) fn gathering_entry(
    id: &GatheringId,
    gathering: &GatheringState,
    stamp: DateTime<Utc>,
) -> Option<CalendarEntry> {
    Some(CalendarEntry {
        id: format!("gathering-{id}"),
        day: gathering.date?,
        at: None,
        summary: format!("Veranstaltung: {}", gathering.title.as_ref()?),
        location: Some(gathering.venue.as_str().to_owned()).filter(|venue| !venue.is_empty()),
        description: gathering.kind.map(|kind| kind.label().to_owned()),
        stamp,
    })
}

/// Planned and conducted visits as calendar entries (cancelled ones are left out).
pub fn visit_calendar(views: &Views, stamp: DateTime<Utc>) -> Vec<CalendarEntry> {
    let mut entries: Vec<_> = views
        .visits
        .iter()
        .filter_map(|(id, visit)| visit_entry(views, id, visit, stamp))
        .collect();
    entries.sort_by(|a, b| (a.day, &a.id).cmp(&(b.day, &b.id)));
    entries
}

/// Gatherings with a date, as calendar entries.
pub fn gathering_calendar(views: &Views, stamp: DateTime<Utc>) -> Vec<CalendarEntry> {
    let mut entries: Vec<_> = views
        .gatherings
        .iter()
        .filter_map(|(id, gathering)| gathering_entry(id, gathering, stamp))
        .collect();
    entries.sort_by(|a, b| (a.day, &a.id).cmp(&(b.day, &b.id)));
    entries
}

/// Writes the whole log, one JSON object per line: position, stream, revision, type, metadata
/// and the decoded event. Returns the number of events written.
pub async fn events_jsonl(
    store: &dyn EventStore,
    codec: &wifo_store::Codec,
    out: &mut impl Write,
) -> crate::error::Result<u64> {
    let mut after = Position::START;
    let mut written = 0;
    loop {
        let page = store.read_all(after, 4096).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for recorded in &page {
            let event = wifo_projections::decode_event(codec, recorded)?;
            let line = serde_json::json!({
                "position": recorded.position.0,
                "event_id": recorded.id,
                "stream": recorded.stream,
                "revision": recorded.revision,
                "type": recorded.event_type,
                "schema_version": recorded.schema_version,
                "actor": recorded.metadata.actor,
                "occurred_at": recorded.metadata.occurred_at,
                "correlation_id": recorded.metadata.correlation_id,
                "causation_id": recorded.metadata.causation_id,
                "event": event,
            });
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n")?;
            written += 1;
        }
    }
    Ok(written)
}
