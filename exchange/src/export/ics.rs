//! iCalendar (RFC 5545) files for Outlook and other calendars: visits and gatherings as all-day
//! events, or as timed events where a time of day was agreed. The UID is derived from the
//! record's id, so importing the file again updates the entries instead of duplicating them.
//!
//! Decision: a timed entry is written in floating local time (`DTSTART:20261121T103000`, RFC
//! 5545 3.3.5 form 1) and lasts `TIMED_MINUTES`. An office and its staff work in one time zone
//! (Europe/Berlin), and a floating time shows as 10:30 in every calendar without a VTIMEZONE
//! block that the file would otherwise have to carry and keep current.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, EventLike};

/// How long a timed entry lasts in the calendar: the usual length of a company visit.
pub const TIMED_MINUTES: i64 = 60;

/// One entry of a calendar export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEntry {
    /// Stable id of the record (a visit or gathering id).
    pub id: String,
    pub day: NaiveDate,
    /// The agreed time of day; `None` makes an all-day entry.
    pub at: Option<NaiveTime>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    /// When the record last changed; becomes `DTSTAMP`.
    pub stamp: DateTime<Utc>,
}

/// The domain part of every UID wifo writes.
pub const UID_DOMAIN: &str = "wifo.invalid";

/// The calendar as text, with CRLF line ends and folded lines.
pub fn calendar(name: &str, entries: &[CalendarEntry]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for entry in entries {
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{}@{UID_DOMAIN}", entry.id))
            .timestamp(entry.stamp)
            .summary(&entry.summary);
        match entry.at {
            Some(time) => {
                let start = entry.day.and_time(time);
                let end = start + chrono::Duration::minutes(TIMED_MINUTES);
                event
                    .starts(CalendarDateTime::Floating(start))
                    .ends(CalendarDateTime::Floating(end));
            }
            // An all-day event ends the next day (RFC 5545 3.6.1: DTEND is exclusive).
            None => {
                event
                    .starts(entry.day)
                    .ends(entry.day.succ_opt().unwrap_or(entry.day));
            }
        }
        if let Some(location) = &entry.location {
            event.location(location);
        }
        if let Some(description) = &entry.description {
            event.description(description);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn entry(id: &str, summary: &str) -> CalendarEntry {
        CalendarEntry {
            id: id.into(),
            day: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            at: None,
            summary: summary.into(),
            location: Some("Hauptstraße 5, 10115 Berlin".into()),
            description: Some("Besuch; Themen: Fachkräfte, Fläche".into()),
            stamp: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn the_calendar_is_valid_rfc_5545_with_stable_uids() {
        let long = "Besuch bei der Bäckerei Schulz GmbH & Co. KG zur Erweiterung am Standort \
                    Hauptstraße mit Vertretern der IHK";
        let text = calendar(
            "wifo Besuche",
            &[entry("0190-a", long), entry("0190-b", "Kurz")],
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.trim_end().ends_with("END:VCALENDAR"));
        assert!(text.contains("VERSION:2.0\r\n"));
        assert!(text.contains("PRODID:"));
        assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 2);
        assert!(text.contains("UID:0190-a@wifo.invalid\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261121\r\n"));
        assert!(text.contains("DTEND;VALUE=DATE:20261122\r\n"));
        assert!(text.contains("DTSTAMP:"));
        // Commas and semicolons in text are escaped.
        assert!(text.contains("DESCRIPTION:Besuch\\; Themen: Fachkräfte\\, Fläche\r\n"));
        // Lines are folded at 75 octets and every line ends with CRLF.
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
            assert!(!line.contains('\n'));
        }
        // A timed entry starts at its time and lasts an hour, in floating local time.
        let timed = CalendarEntry {
            at: NaiveTime::from_hms_opt(10, 30, 0),
            ..entry("0190-c", "Besuch")
        };
        let text_timed = calendar("wifo", &[timed]);
        assert!(
            text_timed.contains("DTSTART:20261121T103000\r\n"),
            "{text_timed}"
        );
        assert!(
            text_timed.contains("DTEND:20261121T113000\r\n"),
            "{text_timed}"
        );
        // The same input gives the same file: re-imports update instead of duplicating.
        assert_eq!(
            text,
            calendar(
                "wifo Besuche",
                &[entry("0190-a", long), entry("0190-b", "Kurz")]
            )
        );
    }
}
