//! A store named on the command line (`--store`, `--from`, `--to`): a data directory with the
//! embedded log, a PostgreSQL connection string (`postgres://…`, `postgresql://…`) or a
//! KurrentDB one (`kurrentdb://…`, `esdb://…`). Text with `://` is a connection string; a build
//! without the matching cargo feature says so in German instead of treating it as a directory
//! name.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Context;
use wifo_store::{EventStore, SqliteStore};

use crate::files::EVENTS_FILE;

/// Where an event log is.
#[derive(Clone, Debug)]
pub enum StoreLocation {
    /// A data directory; its log is `events.sqlite`.
    Directory(PathBuf),
    /// A KurrentDB node or cluster.
    #[cfg(feature = "kurrentdb")]
    Kurrent(Box<wifo_store::KurrentLocation>),
    /// A PostgreSQL server or cluster.
    #[cfg(feature = "postgres")]
    Postgres(Box<wifo_store::PostgresLocation>),
}

/// Whether `text` names a PostgreSQL server (in builds with or without the backend).
fn is_postgres(text: &str) -> bool {
    text.split_once("://").is_some_and(|(scheme, _)| {
        matches!(
            scheme.to_ascii_lowercase().as_str(),
            "postgres" | "postgresql"
        )
    })
}

impl StoreLocation {
    pub fn parse(text: &str) -> crate::error::Result<Self> {
        if !text.contains("://") {
            return Ok(Self::Directory(PathBuf::from(text)));
        }
        if is_postgres(text) {
            #[cfg(feature = "postgres")]
            return Ok(Self::Postgres(Box::new(
                wifo_store::PostgresLocation::parse(text)?,
            )));
            #[cfg(not(feature = "postgres"))]
            crate::refuse!(
                "{text} ist eine PostgreSQL-Adresse, aber dieses wifo wurde ohne \
                 PostgreSQL-Unterstützung gebaut. Neu bauen mit \
                 `cargo build --release -p wifo-server --features postgres`."
            );
        }
        #[cfg(feature = "kurrentdb")]
        {
            Ok(Self::Kurrent(Box::new(wifo_store::KurrentLocation::parse(
                text,
            )?)))
        }
        #[cfg(not(feature = "kurrentdb"))]
        {
            crate::refuse!(
                "{text} ist eine Server-Adresse, aber dieses wifo wurde ohne KurrentDB-Unterstützung \
                 gebaut. Neu bauen mit `cargo build --release -p wifo-server --features kurrentdb`."
            )
        }
    }

    /// The directory, for an embedded log.
    pub fn directory(&self) -> Option<&Path> {
        match self {
            Self::Directory(path) => Some(path),
            #[cfg(feature = "kurrentdb")]
            Self::Kurrent(_) => None,
            #[cfg(feature = "postgres")]
            Self::Postgres(_) => None,
        }
    }
}

impl std::fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Directory(path) => write!(f, "{}", path.display()),
            #[cfg(feature = "kurrentdb")]
            Self::Kurrent(location) => write!(f, "{location}"),
            #[cfg(feature = "postgres")]
            Self::Postgres(location) => write!(f, "{location}"),
        }
    }
}

/// An opened log; `close` drains the embedded writer so every acknowledged append is on disk.
#[derive(Debug)]
pub struct OpenedStore {
    pub store: Arc<dyn EventStore>,
    embedded: Option<SqliteStore>,
}

impl OpenedStore {
    pub fn close(&self) {
        if let Some(embedded) = &self.embedded {
            embedded.close();
        }
    }
}

/// Opens the log; `create` allows a new, empty one (a migration target), otherwise a directory
/// without a log is refused so a mistyped path does not read as an empty office.
pub async fn open(location: &StoreLocation, create: bool) -> crate::error::Result<OpenedStore> {
    match location {
        StoreLocation::Directory(path) => {
            let file = path.join(EVENTS_FILE);
            if !create && !file.is_file() {
                crate::refuse!(
                    "Im Datenverzeichnis {} gibt es kein Ereignisprotokoll ({EVENTS_FILE}).",
                    path.display()
                );
            }
            std::fs::create_dir_all(path).with_context(|| {
                format!(
                    "Datenverzeichnis {} kann nicht angelegt werden",
                    path.display()
                )
            })?;
            let store = SqliteStore::open(&file).with_context(|| {
                format!(
                    "Ereignisspeicher in {} kann nicht geöffnet werden",
                    path.display()
                )
            })?;
            Ok(OpenedStore {
                store: Arc::new(store.clone()),
                embedded: Some(store),
            })
        }
        #[cfg(feature = "kurrentdb")]
        StoreLocation::Kurrent(location) => {
            let store = wifo_store::KurrentStore::connect(location)
                .await
                .with_context(|| format!("KurrentDB unter {location} ist nicht erreichbar"))?;
            Ok(OpenedStore {
                store: Arc::new(store),
                embedded: None,
            })
        }
        #[cfg(feature = "postgres")]
        StoreLocation::Postgres(location) => {
            let store = wifo_store::PostgresStore::connect(location)
                .await
                .with_context(|| format!("PostgreSQL unter {location} ist nicht erreichbar"))?;
            Ok(OpenedStore {
                store: Arc::new(store),
                embedded: None,
            })
        }
    }
}

#[cfg(test)]
#[path = "store_location_tests.rs"]
mod tests;
