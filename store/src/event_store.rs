//! The `EventStore` contract every backend fulfils (see DESIGN.md "The event store contract").
//! Callers hold an `Arc<dyn EventStore>` and never know which backend is behind it; the
//! conformance suite in `tests/` proves each backend keeps the same promises.

use async_trait::async_trait;
use futures::stream::BoxStream;

use crate::{
    error::StoreError,
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

/// A live, ordered feed of the global log after a position: first everything already stored
/// (catch-up), then each new event as it is committed — no gaps, no duplicates.
pub type Subscription = BoxStream<'static, Result<RecordedEvent, StoreError>>;

#[async_trait]
pub trait EventStore: Send + Sync + std::fmt::Debug + 'static {
    /// Appends events to one stream atomically if the stream matches `expected`. Returns once
    /// the events are durable. Appending events whose ids are all already stored in this stream
    /// is a successful no-op that reports the original result.
    async fn append(
        &self,
        stream: &str,
        expected: ExpectedRevision,
        events: Vec<EventData>,
    ) -> Result<AppendResult, StoreError>;

    /// Up to `limit` events of one stream starting at revision `from` (inclusive), in the given
    /// direction. A missing stream reads as empty.
    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError>;

    /// Up to `limit` events of the global log with a position greater than `after`, in order.
    async fn read_all(
        &self,
        after: Position,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError>;

    /// Every event with `after < position <= until`, in order. Lets a replay read disjoint ranges
    /// of the log in parallel. The default pages through `read_all`.
    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut events = Vec::new();
        let mut cursor = after;
        while cursor < until {
            let page = self.read_all(cursor, 4096).await?;
            let Some(last) = page.last() else { break };
            cursor = last.position;
            events.extend(page.into_iter().filter(|event| event.position <= until));
        }
        Ok(events)
    }

    /// The position of the newest event, or `Position::START` for an empty log.
    async fn head(&self) -> Result<Position, StoreError>;

    /// Whether the store can take writes now (the readiness probe of a server). The default
    /// asks for the head; the embedded store, after its disk refused an append, also checks
    /// that the disk takes a write again.
    async fn ready(&self) -> Result<(), StoreError> {
        self.head().await.map(|_| ())
    }

    /// Catch-up subscription to the global log, starting after `after`.
    fn subscribe_all(&self, after: Position) -> Subscription;
}

/// Reads a whole stream forward in pages.
pub async fn read_whole_stream(
    store: &dyn EventStore,
    stream: &str,
) -> Result<Vec<RecordedEvent>, StoreError> {
    const PAGE: usize = 256;
    let mut events = store
        .read_stream(stream, 0, Direction::Forward, PAGE)
        .await?;
    while events.len() % PAGE == 0 && !events.is_empty() {
        let next = events.last().map_or(0, |event| event.revision + 1);
        let page = store
            .read_stream(stream, next, Direction::Forward, PAGE)
            .await?;
        if page.is_empty() {
            break;
        }
        events.extend(page);
    }
    Ok(events)
}

/// Checks the `{category}-{id}` shape every stream name has.
pub fn check_stream_name(stream: &str) -> Result<(), StoreError> {
    match stream.split_once('-') {
        Some((category, id))
            if !category.is_empty()
                && !id.is_empty()
                && category.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            Ok(())
        }
        _ => Err(StoreError::InvalidStreamName(stream.to_owned())),
    }
}
