//! `AnyStore`: the backend a deployment chose, as one concrete, cloneable type — the embedded
//! SQLite log of a data directory or, with the cargo features `kurrentdb` and `postgres`, a
//! KurrentDB cluster or a PostgreSQL database.
//! Callers that need more than the `EventStore` trait (draining the embedded writer at shutdown)
//! hold this instead of a trait object.

use async_trait::async_trait;

use crate::{
    embedded::SqliteStore,
    error::StoreError,
    event_store::{EventStore, Subscription},
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

#[derive(Clone, Debug)]
pub enum AnyStore {
    Embedded(SqliteStore),
    #[cfg(feature = "kurrentdb")]
    Kurrent(crate::kurrent::KurrentStore),
    #[cfg(feature = "postgres")]
    Postgres(crate::postgres::PostgresStore),
}

impl AnyStore {
    /// Stops accepting appends and waits until the embedded writer has made everything durable;
    /// nothing to do for a server, where an acknowledged append is already committed.
    pub fn close(&self) {
        match self {
            AnyStore::Embedded(store) => store.close(),
            #[cfg(feature = "kurrentdb")]
            AnyStore::Kurrent(_) => {}
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(_) => {}
        }
    }

    fn inner(&self) -> &dyn EventStore {
        match self {
            AnyStore::Embedded(store) => store,
            #[cfg(feature = "kurrentdb")]
            AnyStore::Kurrent(store) => store,
            #[cfg(feature = "postgres")]
            AnyStore::Postgres(store) => store,
        }
    }
}

#[async_trait]
impl EventStore for AnyStore {
    async fn append(
        &self,
        stream: &str,
        expected: ExpectedRevision,
        events: Vec<EventData>,
    ) -> Result<AppendResult, StoreError> {
        self.inner().append(stream, expected, events).await
    }

    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner()
            .read_stream(stream, from, direction, limit)
            .await
    }

    async fn read_all(
        &self,
        after: Position,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner().read_all(after, limit).await
    }

    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner().read_all_range(after, until).await
    }

    async fn head(&self) -> Result<Position, StoreError> {
        self.inner().head().await
    }

    async fn ready(&self) -> Result<(), StoreError> {
        self.inner().ready().await
    }

    fn subscribe_all(&self, after: Position) -> Subscription {
        self.inner().subscribe_all(after)
    }
}
