//! The PostgreSQL backend (cargo feature `postgres`): one office's log in one schema of a
//! database that several `wifo serve` instances share, on `tokio-postgres` with a
//! `deadpool-postgres` pool. Appends are one transaction each that locks the tenant's head row
//! (`append.rs`), so positions are dense and in commit order across every process. Subscribers
//! catch up by reading, then wait for the next head: a local append, a `NOTIFY` from another
//! instance (`listen.rs`) or, where notifications cannot arrive (a standby, a lost listener
//! connection), the poll interval. An append that failed because the server went away (a
//! failover) is retried with the same event ids for up to `RETRY_FOR`; the ids make the retry
//! store nothing twice.

mod append;
mod errors;
pub mod keys;
mod listen;
mod location;
mod reads;
mod schema;
mod verify;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio::sync::watch;
use tokio_postgres::NoTls;

pub use location::{DEFAULT_TENANT, PostgresLocation, check_tenant};
pub use verify::verify;

use crate::{
    error::StoreError,
    event_store::{EventStore, Subscription, check_stream_name},
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

/// Connections per instance: appends queue on the head lock anyway, reads run beside them.
const POOL_SIZE: usize = 16;
/// How long an append or read keeps retrying while the server is unreachable (a failover
/// usually takes a few seconds).
const RETRY_FOR: Duration = Duration::from_secs(30);
/// Pause between two attempts.
const RETRY_PAUSE: Duration = Duration::from_millis(200);
/// How long a subscriber waits for a wake-up before it reads anyway.
const POLL: Duration = Duration::from_millis(500);
/// Events per read of a subscription.
const SUBSCRIPTION_PAGE: usize = 1024;

/// The log of one office on a PostgreSQL server or cluster.
#[derive(Clone, Debug)]
pub struct PostgresStore {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    pool: Pool,
    sql: schema::Sql,
    location: PostgresLocation,
    /// The newest position this instance knows of (its own appends and notifications).
    head: watch::Sender<u64>,
    listener: tokio::task::JoinHandle<()>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

impl PostgresStore {
    /// Connects, creates the tenant's tables if they are missing and starts the listener.
    pub async fn connect(location: &PostgresLocation) -> Result<Self, StoreError> {
        let manager = Manager::from_config(
            location.config().clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(|error| StoreError::Server(error.to_string()))?;
        let sql = schema::Sql::new(location.tenant());
        let head = {
            let client = pool.get().await?;
            schema::ensure(&client, location.tenant()).await?;
            let row = client.query_one(&sql.head, &[]).await?;
            reads::position(row.get::<_, i64>(0))
        };
        let (head, _) = watch::channel(head);
        let listener = listen::spawn(location.config().clone(), sql.channel.clone(), head.clone());
        Ok(Self {
            inner: Arc::new(Inner {
                pool,
                sql,
                location: location.clone(),
                head,
                listener,
            }),
        })
    }

    /// Where this store is (without the password).
    pub fn location(&self) -> &PostgresLocation {
        &self.inner.location
    }

    /// Runs `operation` on a pooled connection, again while the server is unavailable.
    async fn with_retry<T, F, Fut>(&self, mut operation: F) -> Result<T, StoreError>
    where
        F: FnMut(deadpool_postgres::Object) -> Fut,
        Fut: std::future::Future<Output = Result<T, StoreError>>,
    {
        let started = tokio::time::Instant::now();
        loop {
            let outcome = match self.inner.pool.get().await {
                Ok(client) => operation(client).await,
                Err(error) => Err(error.into()),
            };
            match outcome {
                Err(StoreError::Unavailable(reason)) if started.elapsed() < RETRY_FOR => {
                    tracing::warn!(%reason, "PostgreSQL nicht erreichbar, neuer Versuch");
                    tokio::time::sleep(RETRY_PAUSE).await;
                }
                other => return other,
            }
        }
    }

    fn saw(&self, position: u64) {
        self.inner.head.send_if_modified(|head| {
            let newer = position > *head;
            if newer {
                *head = position;
            }
            newer
        });
    }
}

#[async_trait]
impl EventStore for PostgresStore {
    async fn append(
        &self,
        stream: &str,
        expected: ExpectedRevision,
        events: Vec<EventData>,
    ) -> Result<AppendResult, StoreError> {
        check_stream_name(stream)?;
        if events.is_empty() {
            return Err(StoreError::EmptyAppend);
        }
        let sql = &self.inner.sql;
        let events = &events;
        let result = self
            .with_retry(|mut client| async move {
                append::append(&mut client, sql, stream, expected, events).await
            })
            .await?;
        self.saw(result.position.0);
        Ok(result)
    }

    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let sql = &self.inner.sql;
        self.with_retry(|client| async move {
            reads::read_stream(&client, sql, stream, from, direction, limit).await
        })
        .await
    }

    async fn read_all(
        &self,
        after: Position,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let sql = &self.inner.sql;
        self.with_retry(|client| async move { reads::read_all(&client, sql, after, limit).await })
            .await
    }

    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let sql = &self.inner.sql;
        self.with_retry(
            |client| async move { reads::read_all_range(&client, sql, after, until).await },
        )
        .await
    }

    async fn head(&self) -> Result<Position, StoreError> {
        let sql = &self.inner.sql;
        let head = self
            .with_retry(|client| async move {
                let row = client.query_one(&sql.head, &[]).await?;
                Ok(reads::position(row.get::<_, i64>(0)))
            })
            .await?;
        self.saw(head);
        Ok(Position(head))
    }

    fn subscribe_all(&self, after: Position) -> Subscription {
        // The timeout covers wake-ups that never come (a lost listener, a standby).
        crate::follow::follow(
            self.clone(),
            self.inner.head.subscribe(),
            after,
            SUBSCRIPTION_PAGE,
            Some(POLL),
        )
    }
}
