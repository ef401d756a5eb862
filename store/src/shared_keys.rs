//! Wrapped person keys on a server that every instance of an office shares — the key streams
//! of a KurrentDB cluster (`kurrent/keys.rs`) or the key table of a PostgreSQL schema
//! (`postgres/keys.rs`) — as the one interface `KeyStore` uses, plus the digest of the master
//! key that keeps an instance with another `master.key` from joining.

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::keystore_error::KeyStoreError;

/// The server side of `KeyStore`. Synchronous, as `KeyStore` is (the codec calls it while
/// encoding); implementations wait on a client thread of their own.
pub trait SharedKeys: Send + Sync + std::fmt::Debug + 'static {
    /// The wrapped key, or `None` when the person has none or was erased.
    fn load(&self, person: Uuid) -> Result<Option<Vec<u8>>, KeyStoreError>;
    /// Stores a wrapped key unless the person has one already (the first one stays).
    fn insert(&self, person: Uuid, wrapped: Vec<u8>) -> Result<(), KeyStoreError>;
    /// Deletes the person's key for good. Idempotent.
    fn delete(&self, person: Uuid) -> Result<(), KeyStoreError>;
    /// How many persons have a key.
    fn count(&self) -> Result<usize, KeyStoreError>;
    /// Every person's wrapped key (erased persons have none).
    fn all(&self) -> Result<Vec<(Uuid, Vec<u8>)>, KeyStoreError>;
    /// The master key digest the keys are wrapped with, if one is recorded.
    fn recorded_master_check(&self) -> Result<Option<Vec<u8>>, KeyStoreError>;
    /// Records `check` as the master key digest if there is none yet; whether the recorded
    /// digest is `check`.
    fn agree_on_master(&self, check: [u8; 32]) -> Result<bool, KeyStoreError>;
}

/// A digest of the master key that reveals nothing about it (SHA-256 with a fixed label).
pub fn master_check(master: &[u8; 32]) -> [u8; 32] {
    let mut hash = Sha256::new();
    hash.update(b"wifo master key check v1");
    hash.update(master);
    hash.finalize().into()
}
