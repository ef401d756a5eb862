//! Online copies of SQLite files for backups: `VACUUM INTO` reads the database inside one read
//! transaction, so the copy is the consistent state at one commit while the writer goes on
//! (WAL mode). Also reads the head of a copied log, which a backup's manifest records.

use std::path::Path;

use rusqlite::OptionalExtension;

use super::schema;
use crate::{error::StoreError, types::Position};

/// Copies the SQLite database at `source` into `target`, which must not exist yet.
pub fn copy_consistent(source: &Path, target: &Path) -> Result<(), StoreError> {
    let connection = schema::open_reader(source)?;
    let target = target.to_str().ok_or_else(|| {
        StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "backup path is not valid UTF-8",
        ))
    })?;
    connection.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// The end of a log: its last position, how many events it holds and the last event's hash
/// (the hash chain's head; all zeros for an empty log).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogHead {
    pub position: Position,
    pub events: u64,
    pub last_hash: [u8; 32],
}

/// Reads the head of the log file at `path`.
pub fn log_head(path: &Path) -> Result<LogHead, StoreError> {
    let connection = schema::open_reader(path)?;
    let events: u64 = connection.query_row("SELECT count(*) FROM events", [], |row| row.get(0))?;
    let last: Option<(u64, Vec<u8>)> = connection
        .query_row(
            "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let (position, hash) = last.unwrap_or((0, vec![0; 32]));
    let last_hash = <[u8; 32]>::try_from(hash.as_slice()).map_err(|_| StoreError::Corrupt {
        position,
        reason: "hash is not 32 bytes".into(),
    })?;
    Ok(LogHead {
        position: Position(position),
        events,
        last_hash,
    })
}

/// The chain hash stored with the event at `position`, if there is one.
pub fn hash_at(path: &Path, position: Position) -> Result<Option<Vec<u8>>, StoreError> {
    let connection = schema::open_reader(path)?;
    Ok(connection
        .query_row(
            "SELECT hash FROM events WHERE position = ?1",
            [position.0],
            |row| row.get(0),
        )
        .optional()?)
}
