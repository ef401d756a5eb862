//! What the PostgreSQL client's errors mean for a caller of the store: a lost connection, a
//! server shutting down, a standby that takes no writes or a pool that cannot connect are
//! `StoreError::Unavailable` (worth retrying, after a failover too); a full disk is
//! `StorageFailure`; anything else the server refused is `Server`.

use tokio_postgres::error::SqlState;

use crate::error::StoreError;

impl From<tokio_postgres::Error> for StoreError {
    fn from(error: tokio_postgres::Error) -> Self {
        if error.is_closed() {
            return StoreError::Unavailable(error.to_string());
        }
        let text = match error.as_db_error() {
            Some(db) => format!("{}: {}", db.code().code(), db.message()),
            None => error.to_string(),
        };
        match error.code() {
            None => StoreError::Unavailable(text),
            Some(code) if is_unavailable(code) => StoreError::Unavailable(text),
            Some(&SqlState::DISK_FULL) => StoreError::StorageFailure(text),
            Some(_) => StoreError::Server(text),
        }
    }
}

impl From<deadpool_postgres::PoolError> for StoreError {
    fn from(error: deadpool_postgres::PoolError) -> Self {
        match error {
            deadpool_postgres::PoolError::Backend(error) => error.into(),
            deadpool_postgres::PoolError::Closed => StoreError::Closed,
            other => StoreError::Unavailable(other.to_string()),
        }
    }
}

/// Error codes after which the same request can succeed on a new connection: connection
/// exceptions (class 08), an administrator or crash shutdown, a server still starting, a
/// read-only standby (after a failover, until the connection string finds the new primary).
fn is_unavailable(code: &SqlState) -> bool {
    code.code().starts_with("08")
        || [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
            SqlState::READ_ONLY_SQL_TRANSACTION,
            SqlState::T_R_SERIALIZATION_FAILURE,
            SqlState::T_R_DEADLOCK_DETECTED,
        ]
        .contains(code)
}
