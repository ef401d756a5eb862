//! Integrity check of an embedded store file: SQLite's own `integrity_check`, positions without
//! gaps, stream revisions without gaps, and the hash chain over the whole log (each event's hash
//! covers the previous one, so an edited, inserted or deleted row breaks the chain from there
//! on). Names the first broken position.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::OptionalExtension;

use super::{reader, schema, writer::chain_hash};
use crate::{
    error::StoreError,
    types::{EventData, Position},
};

/// What `verify` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub events: u64,
    pub streams: u64,
    /// The first problem, with the position where it shows.
    pub first_problem: Option<(Position, String)>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.first_problem.is_none()
    }
}

/// Checks the store file at `path` (read-only). `on_event` sees every event (e.g. to check that
/// it decodes) and may report a problem.
pub fn verify(
    path: &Path,
    mut on_event: impl FnMut(&crate::types::RecordedEvent) -> Result<(), String>,
) -> Result<VerifyReport, StoreError> {
    let connection = schema::open_reader(path)?;
    let integrity: String = connection.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Ok(VerifyReport {
            events: 0,
            streams: 0,
            first_problem: Some((
                Position::START,
                format!("SQLite integrity_check: {integrity}"),
            )),
        });
    }
    let mut previous_hash = [0u8; 32];
    let mut expected_position = 1u64;
    let mut revisions: HashMap<String, u64> = HashMap::new();
    let mut events = 0u64;
    let mut after = Position::START;
    loop {
        let page = reader::read_all(&connection, after, 8192)?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for event in &page {
            let problem = |reason: String| {
                Ok(VerifyReport {
                    events,
                    streams: revisions.len() as u64,
                    first_problem: Some((event.position, reason)),
                })
            };
            if event.position.0 != expected_position {
                return problem(format!("Position {expected_position} fehlt"));
            }
            let expected_revision = revisions
                .get(&event.stream)
                .map_or(0, |revision| revision + 1);
            if event.revision != expected_revision {
                return problem(format!(
                    "Stream {}: Revision {} erwartet, {} gefunden",
                    event.stream, expected_revision, event.revision
                ));
            }
            let stored: Option<Vec<u8>> = connection
                .query_row(
                    "SELECT hash FROM events WHERE position = ?1",
                    [event.position.0 as i64],
                    |row| row.get(0),
                )
                .optional()?;
            let data = EventData {
                id: event.id,
                event_type: event.event_type.clone(),
                schema_version: event.schema_version,
                payload: event.payload.clone(),
                metadata: event.metadata.clone(),
            };
            let hash = chain_hash(
                &previous_hash,
                &data,
                &event.stream,
                event.revision,
                event.recorded_at.timestamp_micros(),
            );
            if stored.as_deref() != Some(hash.as_slice()) {
                return problem(
                    "Hash-Kette unterbrochen: das Ereignis oder ein früheres wurde verändert"
                        .into(),
                );
            }
            if let Err(reason) = on_event(event) {
                return problem(reason);
            }
            previous_hash = hash;
            revisions.insert(event.stream.clone(), event.revision);
            expected_position += 1;
            events += 1;
        }
    }
    Ok(VerifyReport {
        events,
        streams: revisions.len() as u64,
        first_problem: None,
    })
}

#[cfg(test)]
#[path = "verify_tests.rs"]
pub(crate) mod tests;
