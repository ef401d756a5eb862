//! The KurrentDB / EventStoreDB backend (cargo feature `kurrentdb`), on the official gRPC client
//! crate `kurrentdb`. It keeps the same contract as the embedded store (the conformance suite
//! runs against both); the mapping between the two vocabularies lives in one file per concept:
//! `location.rs` (connection strings), `streams.rs` (stream names and the `$all` filter),
//! `revision.rs` (expected revisions and conflicts), `position.rs` (positions in `$all`),
//! `metadata.rs` (wifo's metadata as event metadata), `errors.rs` (client errors) and
//! `subscription.rs` (the reconnecting catch-up subscription); `keys.rs` keeps the person keys
//! in key streams outside the log. Payloads are stored as they are:
//! MessagePack as binary event data. There is no hash chain on this backend; the server keeps a
//! checksum per chunk file instead (see README, "Operations with KurrentDB").

pub mod errors;
pub mod keys;
pub mod location;
pub mod metadata;
pub mod position;
pub mod revision;
pub mod streams;
pub mod subscription;

use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use kurrentdb::{
    AppendToStreamOptions, Client, ReadAllOptions, ReadStreamOptions, ResolvedEvent, StreamPosition,
};

pub use location::KurrentLocation;

use crate::{
    error::StoreError,
    event_store::{EventStore, Subscription, check_stream_name},
    types::{AppendResult, Direction, EventData, ExpectedRevision, Position, RecordedEvent},
};

/// A connection to a KurrentDB node or cluster; cheap to clone (the client is shared).
#[derive(Clone)]
pub struct KurrentStore {
    inner: Arc<Inner>,
}

struct Inner {
    client: Client,
    tenant: Option<String>,
    location: String,
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
    /// Connects and checks that the server answers (a read of the newest event), so a wrong
    /// address fails at start instead of at the first request. Must run inside tokio.
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

    /// The underlying client, for the key streams (`wifo_keys-…`) that are not part of the log.
    pub fn client(&self) -> &Client {
        &self.inner.client
    }

    /// wifo's event of a resolved server event, or `None` for a stream outside this office's log.
    fn recorded(&self, resolved: &ResolvedEvent) -> Result<Option<RecordedEvent>, StoreError> {
        let event = resolved.get_original_event();
        let Some(stream) = streams::from_server(self.tenant(), event.stream_id()) else {
            return Ok(None);
        };
        let position = position::from_server(event.position);
        let (metadata, schema_version) = metadata::decode(&event.custom_metadata, position.0)?;
        Ok(Some(RecordedEvent {
            position,
            stream,
            revision: event.revision,
            id: event.id,
            event_type: event.event_type.clone(),
            schema_version,
            payload: event.data.to_vec(),
            metadata,
            recorded_at: event.created,
        }))
    }

    /// Reads a `$all` page with the office filter; `options` says where and which way.
    async fn read_all_page(
        &self,
        options: ReadAllOptions,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let options = options.filter(streams::filter(self.tenant()));
        let mut read = self
            .client()
            .read_all(&options)
            .await
            .map_err(errors::from_client)?;
        let mut events = Vec::new();
        while let Some(resolved) = read.next().await.map_err(errors::from_client)? {
            if let Some(event) = self.recorded(&resolved)? {
                events.push(event);
            }
        }
        Ok(events)
    }

    /// The position of the stream's event at `revision`, read back after an append whose result
    /// did not carry it.
    async fn position_of(
        &self,
        stream: &str,
        revision: u64,
        expected_id: uuid::Uuid,
    ) -> Result<Position, StoreError> {
        let events = self
            .read_stream(stream, revision, Direction::Forward, 1)
            .await?;
        match events.first() {
            Some(event) if event.id == expected_id => Ok(event.position),
            // The server took the append as a retry of a different one.
            _ => Err(StoreError::DuplicateEventId {
                event_id: expected_id,
            }),
        }
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
        let Some(last_id) = events.last().map(|event| event.id) else {
            return Err(StoreError::EmptyAppend);
        };
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
            .map_err(|error| errors::from_append(stream, expected, error))?;
        let revision = written.next_expected_version;
        let position = match position::from_write_result(written.position, count) {
            Some(position) => position,
            None => self.position_of(stream, revision, last_id).await?,
        };
        Ok(AppendResult { revision, position })
    }

    async fn read_stream(
        &self,
        stream: &str,
        from: u64,
        direction: Direction,
        limit: usize,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let options = match direction {
            Direction::Forward => ReadStreamOptions::default()
                .position(StreamPosition::Position(from))
                .forwards(),
            Direction::Backward if from == u64::MAX => {
                ReadStreamOptions::default().position(StreamPosition::End)
            }
            Direction::Backward => ReadStreamOptions::default()
                .position(StreamPosition::Position(from))
                .backwards(),
        }
        .max_count(limit);
        let name = streams::to_server(self.tenant(), stream);
        let mut read = match self.client().read_stream(name, &options).await {
            Ok(read) => read,
            Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
                return Ok(Vec::new());
            }
            Err(error) => return Err(errors::from_client(error)),
        };
        let mut events = Vec::new();
        loop {
            match read.next().await {
                Ok(Some(resolved)) => {
                    if let Some(event) = self.recorded(&resolved)? {
                        events.push(event);
                    }
                }
                Ok(None) => break,
                Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
                    return Ok(Vec::new());
                }
                Err(error) => return Err(errors::from_client(error)),
            }
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
        let start = if after == Position::START {
            StreamPosition::Start
        } else {
            StreamPosition::Position(position::to_server(after))
        };
        // The server reads from a position inclusively: one more for the event at `after`.
        let options = ReadAllOptions::default()
            .position(start)
            .forwards()
            .max_count(limit.saturating_add(1));
        let mut events = self.read_all_page(options).await?;
        events.retain(|event| position::is_after(event.position, after));
        events.truncate(limit);
        Ok(events)
    }

    /// Pages through `read_all` like the default, but sizes the first page by the width of the
    /// range: positions are byte offsets and no event record is shorter than 64 bytes, so a
    /// narrow range (one event, as personal-data lookups ask) is one small read.
    async fn read_all_range(
        &self,
        after: Position,
        until: Position,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut events = Vec::new();
        let mut cursor = after;
        let mut page_size = usize::try_from(until.0.saturating_sub(after.0) / 64 + 1)
            .unwrap_or(usize::MAX)
            .min(4096);
        while cursor < until {
            let page = self.read_all(cursor, page_size).await?;
            let Some(last) = page.last() else { break };
            cursor = last.position;
            events.extend(page.into_iter().filter(|event| event.position <= until));
            page_size = 4096;
        }
        Ok(events)
    }

    async fn head(&self) -> Result<Position, StoreError> {
        let options = ReadAllOptions::default()
            .position(StreamPosition::End)
            .backwards()
            .max_count(1);
        let newest = self.read_all_page(options).await?;
        Ok(newest
            .first()
            .map_or(Position::START, |event| event.position))
    }

    fn subscribe_all(&self, after: Position) -> Subscription {
        subscription::subscribe(self.clone(), after)
    }
}
