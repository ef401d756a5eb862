//! What can go wrong with the person keys, on either backend (`keystore.rs` for the SQLite file,
//! `kurrent/keys.rs` for the key streams on a cluster); apart so that both name it without
//! depending on each other.

use std::path::PathBuf;

use uuid::Uuid;

/// A failure of the key store.
#[derive(Debug, thiserror::Error)]
pub enum KeyStoreError {
    #[error("key store database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("key store file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("master key file {0} is not 32 bytes; refusing to guess")]
    BadMasterKey(PathBuf),
    #[error("the key of person {0} does not decrypt with this master key")]
    Unwrap(Uuid),
    #[error("no randomness available: {0}")]
    Random(String),
    #[error("encryption failed")]
    Encrypt,
    #[error("key streams on the event store server: {0}")]
    Server(String),
    #[error("person {0} is erased; their key cannot be created again")]
    Erased(Uuid),
    #[error(
        "master.key does not match the one this cluster's keys are wrapped with; copy the \
         master.key of the first instance"
    )]
    ForeignMasterKey,
}
