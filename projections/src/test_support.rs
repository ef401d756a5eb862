//! Test support shared by the projections' tests: a day from its ISO text, and an event as the
//! store hands it to a projection — at a log position, occurred and recorded at noon of a day.

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;
use wifo_store::{Metadata, Position, RecordedEvent};

/// The date of `2025-03-01`-style text.
pub(crate) fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A recorded event at `position` in `stream`, occurred at noon of `date`.
pub(crate) fn recorded(position: u64, stream: &str, date: &str) -> RecordedEvent {
    let occurred_at = Utc.from_utc_datetime(&day(date).and_hms_opt(12, 0, 0).expect("noon"));
    RecordedEvent {
        position: Position(position),
        stream: stream.into(),
        revision: 0,
        id: Uuid::now_v7(),
        event_type: "Test".into(),
        schema_version: 1,
        payload: Vec::new(),
        metadata: Metadata {
            actor: "a.schneider".into(),
            occurred_at,
            correlation_id: Uuid::nil(),
            causation_id: None,
            data_subject: None,
        },
        recorded_at: occurred_at,
    }
}
