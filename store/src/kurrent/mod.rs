//! The KurrentDB / EventStoreDB backend (cargo feature `kurrentdb`), on the official gRPC client
//! crate `kurrentdb`. It keeps the same contract as the embedded store (the conformance suite
//! runs against both); the mapping between the two vocabularies lives in one file per concept:
//! `location.rs` (connection strings), `streams.rs` (stream names and the `$all` filter),
//! `revision.rs` (expected revisions and conflicts), `position.rs` (the server's offsets in
//! `$all`), `ordinals.rs` (wifo's dense positions over them), `metadata.rs` (wifo's metadata as
//! event metadata), `errors.rs` (client errors), `server_reads.rs` (reads as the server answers
//! them) and `subscription.rs` (the reconnecting catch-up subscription); `keys.rs` keeps the
//! person keys in key streams outside the log. Payloads are stored as they are: MessagePack as
//! binary event data. There is no hash chain on this backend; the server keeps a checksum per
//! chunk file instead (see README, "Operations with KurrentDB").

pub mod errors;
pub mod keys;
pub mod location;
pub mod metadata;
pub mod ordinals;
pub mod position;
pub mod revision;
mod server_reads;
pub mod streams;
pub mod subscription;

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use bytes::Bytes;
use kurrentdb::{AppendToStreamOptions, Client, ReadAllOptions, StreamPosition};

pub use location::KurrentLocation;

use crate::{
    error::StoreError,
    event_store::{EventStore, Subscription, check_stream_name},
    kurrent::ordinals::Ordinals,
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

/// Events per `$all` page when extending the position index.
const INDEX_PAGE: usize = 4096;

/// A connection to a KurrentDB node or cluster; cheap to clone (the client is shared).
#[derive(Clone)]
pub struct KurrentStore {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    tenant: Option<String>,
    location: String,
    ordinals: Mutex<Ordinals>,
}

/// An event as read from the server, identified by its offset, before wifo numbers it.
pub(crate) struct ServerEvent {
    offset: u64,
    event: RecordedEvent,
}

impl std::fmt::Debug for KurrentStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KurrentStore")
            .field("location", &self.inner.location)
            .field("tenant", &self.inner.tenant)
            .finish()
    }
}

impl KurrentStore {
    /// Connects and checks that the server answers (it numbers the office's log, see
    /// `ordinals.rs`), so a wrong address fails at start instead of at the first request.
    /// Must run inside tokio.
    pub async fn connect(location: &KurrentLocation) -> Result<Self, StoreError> {
        let handle = tokio::runtime::Handle::try_current()
            .map_err(|error| StoreError::Server(error.to_string()))?;
        let client = Client::with_runtime_handle(handle, location.settings().clone())
            .map_err(|error| StoreError::Server(error.to_string()))?;
        let store = Self {
            inner: Arc::new(Inner {
                client,
                tenant: location.tenant().map(str::to_owned),
                location: location.redacted().to_owned(),
                ordinals: Mutex::new(Ordinals::default()),
            }),
        };
        store.head().await?;
        Ok(store)
    }

    /// The office's stream prefix, if the cluster is shared.
    pub fn tenant(&self) -> Option<&str> {
        self.inner.tenant.as_deref()
    }

    /// The connection string without password.
    pub fn location(&self) -> &str {
        &self.inner.location
    }

    /// The underlying client.
    pub fn client(&self) -> &Client {
        &self.inner.client
    }

    fn ordinals(&self) -> Result<std::sync::MutexGuard<'_, Ordinals>, StoreError> {
        self.inner
            .ordinals
            .lock()
            .map_err(|_| StoreError::Server("position index poisoned".into()))
    }

    /// Numbers events that were read in order right after `after`.
    pub(crate) fn number(
        &self,
        after: Position,
        events: Vec<ServerEvent>,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut ordinals = self.ordinals()?;
        let mut previous = after;
        events
            .into_iter()
            .map(|mut read| {
                previous = ordinals.next_after(
                    previous,
                    read.offset,
                    read.event.id,
                    &read.event.stream,
                )?;
                read.event.position = previous;
                Ok(read.event)
            })
            .collect()
    }

    /// The server offset to read after `after` from, extending the index up to `after` first.
    /// `Ok(None)` is the start; `Err(Position)` the end of the log when `after` is beyond it.
    pub(crate) async fn offset_after(
        &self,
        after: Position,
    ) -> Result<Result<Option<u64>, Position>, StoreError> {
        let known = self.ordinals()?.server_after(after);
        if known.is_ok() {
            return Ok(known);
        }
        self.extend_index(|ordinals| ordinals.len() >= after.0)
            .await?;
        Ok(self.ordinals()?.server_after(after))
    }

    /// Reads `$all` on from the newest numbered event until `done` holds or the log ends.
    async fn extend_index(&self, done: impl Fn(&Ordinals) -> bool) -> Result<(), StoreError> {
        loop {
            let (newest, offset) = {
                let ordinals = self.ordinals()?;
                if done(&ordinals) {
                    return Ok(());
                }
                (Position(ordinals.len()), ordinals.last_offset())
            };
            let page = self.read_server_page(offset, INDEX_PAGE).await?;
            if page.is_empty() {
                return Ok(());
            }
            self.number(newest, page)?;
        }
    }

    /// wifo's position of the event at a server offset.
    async fn position_of_offset(&self, offset: u64) -> Result<Position, StoreError> {
        if let Some(position) = self.ordinals()?.position_of(offset) {
            return Ok(position);
        }
        self.extend_index(|ordinals| ordinals.last_offset().is_some_and(|last| last >= offset))
            .await?;
        self.ordinals()?
            .position_of(offset)
            .ok_or_else(|| StoreError::Corrupt {
                position: offset,
                reason: "the event at this server offset is not in the office's $all".into(),
            })
    }

    /// The revision and server offset of the appended event `last_id`, read back after an append
    /// whose result did not carry its position: first at the revision the server reported, else
    /// (an idempotent retry may report another revision) by searching the stream.
    async fn read_back(
        &self,
        stream: &str,
        revision: u64,
        last_id: uuid::Uuid,
    ) -> Result<(u64, u64), StoreError> {
        let at_revision = self
            .read_stream_server(stream, revision, Direction::Forward, 1)
            .await?;
        if let Some(read) = at_revision.first().filter(|read| read.event.id == last_id) {
            return Ok((read.event.revision, read.offset));
        }
        let whole = self
            .read_stream_server(stream, 0, Direction::Forward, usize::MAX)
            .await?;
        whole
            .iter()
            .find(|read| read.event.id == last_id)
            .map(|read| (read.event.revision, read.offset))
            // The server took the append as a retry of a different one.
            .ok_or(StoreError::DuplicateEventId { event_id: last_id })
    }
}

#[async_trait]
impl EventStore for KurrentStore {
    async fn append(
        &self,
        stream: &str,
        expected: ExpectedRevision,
        events: Vec<EventData>,
    ) -> Result<AppendResult, StoreError> {
        check_stream_name(stream)?;
        let (Some(first_id), Some(last_id)) = (
            events.first().map(|event| event.id),
            events.last().map(|event| event.id),
        ) else {
            return Err(StoreError::EmptyAppend);
        };
        if let Some(event_id) = errors::repeated_id(events.iter().map(|event| event.id)) {
            return Err(StoreError::DuplicateEventId { event_id });
        }
        let ids: Vec<uuid::Uuid> = events.iter().map(|event| event.id).collect();
        if let ordinals::KnownIds::Conflict(event_id) = self.ordinals()?.known_ids(stream, &ids) {
            return Err(StoreError::DuplicateEventId { event_id });
        }
        let count = events.len();
        let data: Vec<kurrentdb::EventData> = events
            .into_iter()
            .map(|event| {
                let metadata = metadata::encode(&event.metadata, event.schema_version);
                kurrentdb::EventData::binary(&event.event_type, Bytes::from(event.payload))
                    .id(event.id)
                    .metadata(Bytes::from(metadata))
            })
            .collect();
        let options =
            AppendToStreamOptions::default().stream_state(revision::to_stream_state(expected));
        let written = self
            .client()
            .append_to_stream(streams::to_server(self.tenant(), stream), &options, data)
            .await
            .map_err(|error| errors::from_append(stream, expected, first_id, error))?;
        let (revision, offset) = match position::from_write_result(written.position, count) {
            Some(offset) => (written.next_expected_version, offset),
            None => {
                self.read_back(stream, written.next_expected_version, last_id)
                    .await?
            }
        };
        let position = self.position_of_offset(offset).await?;
        Ok(AppendResult { revision, position })
    }

    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let read = self
            .read_stream_server(stream, from, direction, limit)
            .await?;
        let mut events = Vec::with_capacity(read.len());
        for mut server_event in read {
            server_event.event.position = self.position_of_offset(server_event.offset).await?;
            events.push(server_event.event);
        }
        Ok(events)
    }

    async fn read_all(
        &self,
        after: Position,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let Ok(offset) = self.offset_after(after).await? else {
            return Ok(Vec::new());
        };
        let page = self.read_server_page(offset, limit).await?;
        self.number(after, page)
    }

    /// Positions are dense here too, so a range is a count of events.
    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut events = Vec::new();
        let mut cursor = after;
        while cursor < until {
            let wanted = usize::try_from(until.0 - cursor.0)
                .unwrap_or(usize::MAX)
                .min(INDEX_PAGE);
            let page = self.read_all(cursor, wanted).await?;
            let Some(last) = page.last() else { break };
            cursor = last.position;
            events.extend(page.into_iter().filter(|event| event.position <= until));
        }
        Ok(events)
    }

    async fn head(&self) -> Result<Position, StoreError> {
        let options = ReadAllOptions::default()
            .position(StreamPosition::End)
            .backwards()
            .max_count(1)
            .filter(streams::filter(self.tenant()));
        let newest = self.read_all_with(options).await?;
        match newest.first() {
            Some(event) => self.position_of_offset(event.offset).await,
            None => Ok(Position::START),
        }
    }

    fn subscribe_all(&self, after: Position) -> Subscription {
        subscription::subscribe(self.clone(), after)
    }
}
