//! Shared helpers of wifo's test suites: fresh stores in temporary directories and small event
//! builders, so each test says only what it is about.

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
