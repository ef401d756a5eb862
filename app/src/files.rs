//! The file names inside a data directory, in one place: the event log, the views snapshot,
//! the credentials, the person keys and a backup's manifest.

pub use wifo_store::keystore::{KEYS_FILE, MASTER_KEY_FILE};

/// The event log (SQLite, WAL mode) of the embedded store.
pub const EVENTS_FILE: &str = "events.sqlite";

/// The views snapshot, written at shutdown and by `wifo projections rebuild`.
pub const SNAPSHOT_FILE: &str = "views.snapshot";

/// Credentials, sessions, API tokens and idempotency keys (outside the log).
pub const AUTH_FILE: &str = "auth.sqlite";

/// The manifest of a backup folder.
pub const MANIFEST_FILE: &str = "manifest.json";
