//! Shared helpers of wifo's test suites: fresh stores in temporary directories and small event
//! builders, so each test says only what it is about.

pub mod load;

use std::sync::Arc;

use chrono::Utc;
use uuid::Uuid;
use wifo_store::{EventData, EventStore, Metadata, SqliteStore};

/// An embedded store in a temporary directory that lives as long as the value.
#[derive(Debug)]
pub struct TempStore {
    pub dir: tempfile::TempDir,
    pub store: SqliteStore,
}

impl TempStore {
    pub fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let store = SqliteStore::open(&dir.path().join("events.sqlite"))?;
        Ok(Self { dir, store })
    }

    pub fn shared(&self) -> Arc<dyn EventStore> {
        Arc::new(self.store.clone())
    }
}

/// A KurrentDB store on the server named by `WIFO_KURRENTDB_URL`, under a tenant of its own, so
/// every test sees an empty log however many ran before or run beside it.
#[cfg(feature = "kurrentdb")]
#[derive(Debug)]
pub struct KurrentTestStore {
    pub location: wifo_store::KurrentLocation,
    pub store: wifo_store::KurrentStore,
}

#[cfg(feature = "kurrentdb")]
impl KurrentTestStore {
    /// The connection string of `WIFO_KURRENTDB_URL` with a fresh `tenant=t…` added.
    pub fn url_from_env() -> anyhow::Result<String> {
        let url = std::env::var("WIFO_KURRENTDB_URL").map_err(|_| {
            anyhow::anyhow!("WIFO_KURRENTDB_URL is not set: no KurrentDB server to test against")
        })?;
        let separator = if url.contains('?') { '&' } else { '?' };
        let tenant = format!("t{}", Uuid::now_v7().simple());
        Ok(format!("{url}{separator}tenant={tenant}"))
    }

    pub async fn connect() -> anyhow::Result<Self> {
        let location = wifo_store::KurrentLocation::parse(&Self::url_from_env()?)?;
        let store = wifo_store::KurrentStore::connect(&location).await?;
        Ok(Self { location, store })
    }

    pub fn shared(&self) -> Arc<dyn EventStore> {
        Arc::new(self.store.clone())
    }
}

/// A PostgreSQL store on the server named by `WIFO_POSTGRES_URL` (which `scripts/test.sh`
/// starts), under a tenant (schema) of its own, so every test sees an empty log however many
/// ran before or run beside it. Without the variable the test fails: nothing is skipped.
#[cfg(feature = "postgres")]
#[derive(Debug)]
pub struct PostgresTestStore {
    pub url: String,
    pub location: wifo_store::PostgresLocation,
    pub store: wifo_store::PostgresStore,
}

#[cfg(feature = "postgres")]
impl PostgresTestStore {
    /// The connection string of `WIFO_POSTGRES_URL` with a fresh `tenant=t…` added.
    pub fn url_from_env() -> anyhow::Result<String> {
        let url = std::env::var("WIFO_POSTGRES_URL").map_err(|_| {
            anyhow::anyhow!(
                "WIFO_POSTGRES_URL is not set: run the tests through scripts/test.sh, which \
                 starts a PostgreSQL server"
            )
        })?;
        let separator = if url.contains('?') { '&' } else { '?' };
        let tenant = format!("t{}", Uuid::now_v7().simple());
        Ok(format!("{url}{separator}tenant={tenant}"))
    }

    pub async fn connect() -> anyhow::Result<Self> {
        let url = Self::url_from_env()?;
        let location = wifo_store::PostgresLocation::parse(&url)?;
        let store = wifo_store::PostgresStore::connect(&location).await?;
        Ok(Self {
            url,
            location,
            store,
        })
    }

    pub fn shared(&self) -> Arc<dyn EventStore> {
        Arc::new(self.store.clone())
    }
}

/// A test event with a fresh id and a small payload naming it.
pub fn event(label: &str) -> EventData {
    event_with_id(Uuid::now_v7(), label)
}

/// A test event with the given id.
pub fn event_with_id(id: Uuid, label: &str) -> EventData {
    let mut payload = Vec::new();
    // A map {"label": label}, as the codec would write a struct variant's fields.
    payload.push(0x81);
    payload.extend([0xa5]);
    payload.extend(b"label");
    payload.push(0xd9);
    payload.push(u8::try_from(label.len().min(255)).unwrap_or(255));
    payload.extend(label.as_bytes().iter().take(255));
    EventData {
        id,
        event_type: "TestEventRecorded".into(),
        schema_version: 1,
        payload,
        metadata: Metadata {
            actor: "test".into(),
            occurred_at: Utc::now(),
            correlation_id: Uuid::now_v7(),
            causation_id: None,
            data_subject: None,
        },
    }
}
