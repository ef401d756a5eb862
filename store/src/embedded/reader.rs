//! Reads of the embedded store on a small pool of read-only connections. In WAL mode readers see
//! a consistent snapshot and never wait for the writer.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row};
use uuid::Uuid;

use super::schema;
use crate::{
    error::StoreError,
    types::{Direction, Metadata, Position, RecordedEvent},
};

const COLUMNS: &str = "position, event_id, stream, revision, event_type, schema_version, payload, \
     actor, occurred_at, correlation_id, causation_id, data_subject, recorded_at";

pub(crate) struct ReaderPool {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

impl ReaderPool {
    pub(crate) fn new(path: PathBuf) -> Self {
        Self {
            path,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Runs `read` on an idle connection (or a new one) and returns the connection to the pool.
    pub(crate) fn with<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let connection = match idle {
            Some(connection) => connection,
            None => schema::open_reader(&self.path)?,
        };
        let result = read(&connection);
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(connection);
        }
        result
    }
}

fn clamp(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(crate) fn read_stream(
    connection: &Connection,
    stream: &str,
    from: u64,
    direction: Direction,
    limit: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let sql = match direction {
        Direction::Forward => format!(
            "SELECT {COLUMNS} FROM events WHERE stream = ?1 AND revision >= ?2 ORDER BY revision LIMIT ?3"
        ),
        Direction::Backward => format!(
            "SELECT {COLUMNS} FROM events WHERE stream = ?1 AND revision <= ?2 ORDER BY revision DESC LIMIT ?3"
        ),
    };
    let mut statement = connection.prepare_cached(&sql)?;
    let rows = statement.query_map(
        rusqlite::params![stream, clamp(from), clamp(limit as u64)],
        |row| Ok(raw(row)),
    )?;
    rows.map(|row| row?).collect()
}

pub(crate) fn read_all(
    connection: &Connection,
    after: Position,
    limit: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM events WHERE position > ?1 ORDER BY position LIMIT ?2"
    ))?;
    let rows = statement.query_map(
        rusqlite::params![clamp(after.0), clamp(limit as u64)],
        |row| Ok(raw(row)),
    )?;
    rows.map(|row| row?).collect()
}

pub(crate) fn read_all_range(
    connection: &Connection,
    after: Position,
    until: Position,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM events WHERE position > ?1 AND position <= ?2 ORDER BY position"
    ))?;
    let rows = statement.query_map(rusqlite::params![clamp(after.0), clamp(until.0)], |row| {
        Ok(raw(row))
    })?;
    rows.map(|row| row?).collect()
}

pub(crate) fn head(connection: &Connection) -> Result<Position, StoreError> {
    let position: Option<i64> =
        connection.query_row("SELECT MAX(position) FROM events", [], |row| row.get(0))?;
    Ok(Position(
        position.and_then(|p| u64::try_from(p).ok()).unwrap_or(0),
    ))
}

/// Converts one row; a row that does not decode is reported with its position, never skipped.
fn raw(row: &Row<'_>) -> Result<RecordedEvent, StoreError> {
    let position: i64 = row.get(0)?;
    let position = u64::try_from(position).unwrap_or_default();
    let corrupt = |reason: String| StoreError::Corrupt { position, reason };
    let uuid = |index: usize| -> Result<Option<Uuid>, StoreError> {
        match row
            .get_ref(index)?
            .as_blob_or_null()
            .map_err(|error| corrupt(error.to_string()))?
        {
            None => Ok(None),
            Some(bytes) => Uuid::from_slice(bytes)
                .map(Some)
                .map_err(|error| corrupt(error.to_string())),
        }
    };
    let timestamp = |index: usize| -> Result<DateTime<Utc>, StoreError> {
        let micros: i64 = row.get(index)?;
        DateTime::from_timestamp_micros(micros)
            .ok_or_else(|| corrupt("timestamp out of range".into()))
    };
    let revision: i64 = row.get(3)?;
    Ok(RecordedEvent {
        position: Position(position),
        stream: row.get(2)?,
        revision: u64::try_from(revision).map_err(|error| corrupt(error.to_string()))?,
        id: uuid(1)?.ok_or_else(|| corrupt("event id missing".into()))?,
        event_type: row.get(4)?,
        schema_version: row.get(5)?,
        payload: row.get(6)?,
        metadata: Metadata {
            actor: row.get(7)?,
            occurred_at: timestamp(8)?,
            correlation_id: uuid(9)?.ok_or_else(|| corrupt("correlation id missing".into()))?,
            causation_id: uuid(10)?,
            data_subject: uuid(11)?,
        },
        recorded_at: timestamp(12)?,
    })
}
