//! The embedded store's SQLite schema and connection settings. One table holds the log; its
//! integer primary key is the global position, and the unique indexes enforce the two store
//! invariants no code path may bypass: one event per (stream, revision), one row per event id.

use std::path::Path;

use rusqlite::Connection;

use crate::error::StoreError;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY,
    event_id       BLOB    NOT NULL,
    stream         TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_type     TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    payload        BLOB    NOT NULL,
    actor          TEXT    NOT NULL,
    occurred_at    INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC
    correlation_id BLOB    NOT NULL,
    causation_id   BLOB,
    data_subject   BLOB,
    recorded_at    INTEGER NOT NULL, -- microseconds since 1970-01-01 UTC
    hash           BLOB    NOT NULL  -- SHA-256 over the previous hash and this row (see writer.rs)
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (event_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, revision);
";

/// Opens the writer connection: WAL, `synchronous=FULL` (a commit returns only after the WAL is
/// fsynced), and the schema.
pub(crate) fn open_writer(path: &Path) -> Result<Connection, StoreError> {
    let connection = Connection::open(path)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "busy_timeout", 5000)?;
    // Checkpoints move WAL pages into the database file; keep the WAL from growing unbounded
    // under a steady write load.
    connection.pragma_update(None, "wal_autocheckpoint", 4000)?;
    connection.execute_batch(SCHEMA)?;
    stable_plans(&connection)?;
    Ok(connection)
}

/// Keeps prepared statements' plans fixed. The bundled SQLite is built with STAT4, which otherwise
/// re-prepares a statement whenever a range bound (`revision >= ?`) gets a new value — a full
/// SQL parse on every stream read.
fn stable_plans(connection: &Connection) -> Result<(), StoreError> {
    connection.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Opens a read connection. Readers never block the writer in WAL mode.
pub(crate) fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let connection = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    connection.pragma_update(None, "busy_timeout", 5000)?;
    connection.pragma_update(None, "cache_size", -64_000)?;
    stable_plans(&connection)?;
    Ok(connection)
}
