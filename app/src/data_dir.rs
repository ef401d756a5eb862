//! One office's data directory and everything opened from it: the event log
//! (`events.sqlite`, or a KurrentDB cluster given by `--store`), the key store (`keys.sqlite`,
//! `master.key`), the codec and the command handler. Every command of the CLI and the server
//! starts here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Context;
use wifo_store::{AnyStore, Codec, CommandHandler, EventStore, KeyStore, SqliteStore};

use crate::files::EVENTS_FILE;

#[derive(Clone, Debug)]
pub struct DataDir {
    pub path: PathBuf,
    pub store: AnyStore,
    pub keys: Arc<KeyStore>,
    pub codec: Arc<Codec>,
    pub handler: CommandHandler,
    /// Who opened whose personal data (`access.sqlite`, outside the log).
    pub access: Arc<crate::access_log::AccessLog>,
}

impl DataDir {
    /// Opens a directory that already holds an event log, for commands that only read it
    /// (reports, exports, statistics, rebuilding the views): without the writer lock, so they
    /// run beside a serving process and see what it has committed. A mistyped path is reported
    /// instead of becoming a new, empty office; an append through it fails.
    pub fn open_existing(path: &Path) -> crate::error::Result<Self> {
        if !path.join(EVENTS_FILE).is_file() {
            crate::refuse!(
                "Im Datenverzeichnis {} gibt es kein Ereignisprotokoll ({EVENTS_FILE}). \
                 Pfad prüfen oder zuerst z. B. `wifo demo --data {}` ausführen.",
                path.display(),
                path.display()
            );
        }
        let store = SqliteStore::open_read_only(&path.join(EVENTS_FILE)).with_context(|| {
            format!(
                "Ereignisspeicher in {} kann nicht gelesen werden",
                path.display()
            )
        })?;
        Self::open_with(path, AnyStore::Embedded(store))
    }

    /// Opens the directory, creating it and its files on first use.
    pub fn open(path: &Path) -> crate::error::Result<Self> {
        create_dir(path)?;
        let store = SqliteStore::open(&path.join(EVENTS_FILE)).with_context(|| {
            format!(
                "Ereignisspeicher in {} kann nicht geöffnet werden",
                path.display()
            )
        })?;
        Self::open_with(path, AnyStore::Embedded(store))
    }

    /// Opens `path` with the event log at `store`: `None` or the same directory for the embedded
    /// log, a KurrentDB connection string for a cluster (`--store`).
    pub async fn open_at(path: &Path, store: Option<&str>) -> crate::error::Result<Self> {
        let Some(store) = store else {
            return Self::open(path);
        };
        match crate::store_location::StoreLocation::parse(store)? {
            crate::store_location::StoreLocation::Directory(directory) => {
                if directory != path {
                    crate::refuse!(
                        "--store {} ist ein Verzeichnis; dafür --data {} verwenden",
                        directory.display(),
                        directory.display()
                    );
                }
                Self::open(path)
            }
            #[cfg(feature = "kurrentdb")]
            crate::store_location::StoreLocation::Kurrent(location) => {
                Self::open_kurrent(path, &location).await
            }
            #[cfg(feature = "postgres")]
            crate::store_location::StoreLocation::Postgres(location) => {
                Self::open_postgres(path, &location).await
            }
        }
    }

    /// Opens the local files of an instance whose log and keys are on a KurrentDB cluster:
    /// the directory then holds only `master.key` (the same on every instance), `auth.sqlite`
    /// and the views snapshot.
    #[cfg(feature = "kurrentdb")]
    pub async fn open_kurrent(
        path: &Path,
        location: &wifo_store::KurrentLocation,
    ) -> crate::error::Result<Self> {
        create_dir(path)?;
        let store = wifo_store::KurrentStore::connect(location)
            .await
            .with_context(|| format!("KurrentDB unter {location} ist nicht erreichbar"))?;
        let streams = wifo_store::kurrent::keys::KeyStreams::connect(location)?;
        let keys = open_shared_keys(path, Box::new(streams), &location.to_string()).await?;
        Ok(Self::assemble(path, AnyStore::Kurrent(store), keys))
    }

    /// Opens the local files of an instance whose log and keys are in a PostgreSQL database
    /// (one schema per office): the directory then holds only `master.key` (the same on every
    /// instance), `auth.sqlite` and the views snapshot.
    #[cfg(feature = "postgres")]
    pub async fn open_postgres(
        path: &Path,
        location: &wifo_store::PostgresLocation,
    ) -> crate::error::Result<Self> {
        create_dir(path)?;
        let store = wifo_store::PostgresStore::connect(location)
            .await
            .with_context(|| format!("PostgreSQL unter {location} ist nicht erreichbar"))?;
        let shared = wifo_store::postgres::keys::PostgresKeys::connect(location)?;
        let keys = open_shared_keys(path, Box::new(shared), &location.to_string()).await?;
        Ok(Self::assemble(path, AnyStore::Postgres(store), keys))
    }

    fn open_with(path: &Path, store: AnyStore) -> crate::error::Result<Self> {
        let keys = Arc::new(KeyStore::open(path).with_context(|| {
            format!(
                "Schlüsselspeicher in {} kann nicht geöffnet werden",
                path.display()
            )
        })?);
        Ok(Self::assemble(path, store, keys))
    }

    fn assemble(path: &Path, store: AnyStore, keys: Arc<KeyStore>) -> Self {
        let codec = Arc::new(Codec::new(Some(keys.clone())));
        let shared: Arc<dyn EventStore> = Arc::new(store.clone());
        let handler = CommandHandler::new(shared, codec.clone());
        Self {
            path: path.to_owned(),
            store,
            keys,
            codec,
            handler,
            access: Arc::new(crate::access_log::AccessLog::at(path)),
        }
    }

    /// The store as the trait object the read side works with.
    pub fn store_shared(&self) -> Arc<dyn EventStore> {
        Arc::new(self.store.clone())
    }
}

fn create_dir(path: &Path) -> crate::error::Result<()> {
    std::fs::create_dir_all(path).with_context(|| {
        format!(
            "Datenverzeichnis {} kann nicht angelegt werden",
            path.display()
        )
    })
}

/// The key store on a server every instance shares, with `master.key` from `path`.
#[cfg(any(feature = "kurrentdb", feature = "postgres"))]
async fn open_shared_keys(
    path: &Path,
    shared: Box<dyn wifo_store::SharedKeys>,
    location: &str,
) -> crate::error::Result<Arc<KeyStore>> {
    let keys = tokio::task::spawn_blocking({
        let path = path.to_owned();
        move || KeyStore::open_shared(&path, shared)
    })
    .await?
    .with_context(|| {
        format!(
            "Schlüssel auf {location} mit {} nicht nutzbar",
            path.join(crate::files::MASTER_KEY_FILE).display()
        )
    })?;
    Ok(Arc::new(keys))
}
