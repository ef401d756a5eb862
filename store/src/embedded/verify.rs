//! Integrity check of an embedded store file: SQLite's own `integrity_check`, positions without
//! gaps, stream revisions without gaps, and the hash chain over the whole log (each event's hash
//! covers the previous one, so an edited, inserted or deleted row breaks the chain from there
//! on). Names the first broken position.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::{reader, schema};
pub use crate::chain::VerifyReport;
use crate::{chain::ChainCheck, error::StoreError, types::Position};

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
    let mut chain = ChainCheck::new();
    let mut after = Position::START;
    loop {
        let page = reader::read_all(&connection, after, 8192)?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for event in &page {
            let stored: Option<Vec<u8>> = connection
                .query_row(
                    "SELECT hash FROM events WHERE position = ?1",
                    [event.position.0 as i64],
                    |row| row.get(0),
                )
                .optional()?;
            if let Err(reason) = chain.check(event, stored.as_deref(), &mut on_event) {
                return Ok(chain.report(Some((event.position, reason))));
            }
        }
    }
    Ok(chain.report(None))
}

#[cfg(test)]
#[path = "verify_tests.rs"]
pub(crate) mod tests;
