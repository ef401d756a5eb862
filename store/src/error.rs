//! The typed errors of the store: what a caller can act on (a conflict names the actual revision)
//! is separate from what it can only report (the backend failed).

use crate::types::ExpectedRevision;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Optimistic concurrency: the stream is not where the writer expected it.
    #[error("stream {stream}: expected {expected:?}, actual revision {actual:?}")]
    WrongExpectedRevision {
        stream: String,
        expected: ExpectedRevision,
        /// `None`: the stream does not exist.
        actual: Option<u64>,
    },
    /// Some, but not all, of the appended event ids are already stored, or they are stored in
    /// another stream: the append is neither new nor a retry.
    #[error("event {event_id} is already stored elsewhere; the append is not a retry")]
    DuplicateEventId { event_id: uuid::Uuid },
    #[error("invalid stream name {0:?}: expected {{category}}-{{id}}")]
    InvalidStreamName(String),
    #[error("an append needs at least one event")]
    EmptyAppend,
    #[error(
        "das Ereignisprotokoll wird bereits von einem anderen wifo-Prozess geschrieben \
         (Sperre {0}); läuft der Server noch?"
    )]
    Locked(std::path::PathBuf),
    #[error("the store is closed")]
    Closed,
    /// An append to a store opened with `SqliteStore::open_read_only`.
    #[error("the store is open for reading only")]
    ReadOnly,
    #[error("stored event at position {position} is corrupt: {reason}")]
    Corrupt { position: u64, reason: String },
    /// The event store server (KurrentDB) cannot be reached right now: connection lost, no
    /// leader, deadline passed. Worth retrying.
    #[error("event store server unavailable: {0}")]
    Unavailable(String),
    /// The event store server refused or failed the request.
    #[error("event store server: {0}")]
    Server(String),
    /// A connection string that cannot be used; the message is German, a user reads it.
    #[error("Ungültige Adresse des Ereignisspeichers {location}: {reason}")]
    InvalidLocation { location: String, reason: String },
    /// The disk takes no more writes (full, or failing): nothing was written, and writes resume
    /// once space is freed. Worth retrying later.
    #[error("storage cannot take writes: {0}")]
    StorageFailure(String),
    #[error("database: {0}")]
    Database(rusqlite::Error),
    #[error("file system: {0}")]
    Io(std::io::Error),
}

impl StoreError {
    /// Whether the disk refused the write (full or failing), rather than the request.
    pub fn is_storage_failure(&self) -> bool {
        matches!(self, StoreError::StorageFailure(_))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure) => {
                StoreError::StorageFailure(error.to_string())
            }
            _ => StoreError::Database(error),
        }
    }
}

impl From<std::io::Error> for StoreError {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                StoreError::StorageFailure(error.to_string())
            }
            _ => StoreError::Io(error),
        }
    }
}
