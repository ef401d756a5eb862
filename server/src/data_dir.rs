//! One office's data directory and everything opened from it: the event log
//! (`events.sqlite`), the key store (`keys.sqlite`, `master.key`), the codec and the command
//! handler. Every command of the CLI and the server starts here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use wifo_store::{Codec, CommandHandler, EventStore, KeyStore, SqliteStore};

/// File name of the event log inside a data directory.
pub const EVENTS_FILE: &str = "events.sqlite";

#[derive(Clone, Debug)]
pub struct DataDir {
    pub path: PathBuf,
    pub store: SqliteStore,
    pub keys: Arc<KeyStore>,
    pub codec: Arc<Codec>,
    pub handler: CommandHandler,
}

impl DataDir {
    /// Opens a directory that already holds an event log; for commands that only read, so a
    /// mistyped path is reported instead of becoming a new, empty office.
    pub fn open_existing(path: &Path) -> anyhow::Result<Self> {
        if !path.join(EVENTS_FILE).is_file() {
            anyhow::bail!(
                "Im Datenverzeichnis {} gibt es kein Ereignisprotokoll ({EVENTS_FILE}). \
                 Pfad prüfen oder zuerst z. B. `wifo demo --data {}` ausführen.",
                path.display(),
                path.display()
            );
        }
        Self::open(path)
    }

    /// Opens the directory, creating it and its files on first use.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        std::fs::create_dir_all(path).with_context(|| {
            format!(
                "Datenverzeichnis {} kann nicht angelegt werden",
                path.display()
            )
        })?;
        let store = SqliteStore::open(&path.join(EVENTS_FILE)).with_context(|| {
            format!(
                "Ereignisspeicher in {} kann nicht geöffnet werden",
                path.display()
            )
        })?;
        let keys = Arc::new(KeyStore::open(path).with_context(|| {
            format!(
                "Schlüsselspeicher in {} kann nicht geöffnet werden",
                path.display()
            )
        })?);
        let codec = Arc::new(Codec::new(Some(keys.clone())));
        let shared: Arc<dyn EventStore> = Arc::new(store.clone());
        let handler = CommandHandler::new(shared, codec.clone());
        Ok(Self {
            path: path.to_owned(),
            store,
            keys,
            codec,
            handler,
        })
    }

    /// The store as the trait object the read side works with.
    pub fn store_shared(&self) -> Arc<dyn EventStore> {
        Arc::new(self.store.clone())
    }
}
