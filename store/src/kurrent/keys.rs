//! Person keys on a KurrentDB cluster, so that every `wifo serve` instance reads the same keys
//! and none keeps state of its own. Each person's key, wrapped with the master key, is the one
//! event of the stream `wifo_keys-{person}` (`{tenant}.wifo_keys-…` with a tenant); these streams
//! are outside wifo's log (the `$all` filter of `streams.rs` does not match them). Erasure
//! hard-deletes the stream: from then on it reads as deleted on every node, can never be
//! written again, and the next scavenge removes the key's record from the chunk files.
//!
//! The stream `wifo_master-check` holds a digest of the master key, so an instance started with
//! a different `master.key` refuses to run instead of wrapping keys nobody else can open.
//!
//! `KeyStore` is synchronous (the codec calls it while encoding), so the client runs on a
//! thread of its own (`client_thread.rs`) and callers wait for the answer.

use bytes::Bytes;
use kurrentdb::{
    AppendToStreamOptions, Client, ReadAllOptions, ReadStreamOptions, StreamPosition, StreamState,
    SubscriptionFilter, TombstoneStreamOptions,
};
use uuid::Uuid;

pub use crate::shared_keys::master_check;
use crate::{
    client_thread::ClientThread, error::StoreError, keystore_error::KeyStoreError,
    kurrent::location::KurrentLocation, shared_keys::SharedKeys,
};

/// Event type of a key stream's one event.
const KEY_EVENT: &str = "PersonKeyCreated";
/// Event type of the master key check.
const MASTER_CHECK_EVENT: &str = "MasterKeyCheckRecorded";

/// The key streams of one office on the cluster.
pub struct KeyStreams {
    thread: ClientThread<Client>,
    tenant: Option<String>,
}

impl std::fmt::Debug for KeyStreams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyStreams")
            .field("tenant", &self.tenant)
            .finish()
    }
}

/// The stream holding a person's wrapped key.
pub fn key_stream(tenant: Option<&str>, person: Uuid) -> String {
    prefixed(tenant, &format!("wifo_keys-{person}"))
}

/// The stream holding the master key digest.
pub fn master_check_stream(tenant: Option<&str>) -> String {
    prefixed(tenant, "wifo_master-check")
}

/// The filter that finds all key streams of an office in `$all`.
pub fn key_stream_regex(tenant: Option<&str>) -> String {
    match tenant {
        Some(tenant) => format!("^{tenant}\\.wifo_keys-"),
        None => "^wifo_keys-".to_owned(),
    }
}

/// The person whose key a stream holds.
pub fn person_of(tenant: Option<&str>, stream: &str) -> Option<Uuid> {
    let name = match tenant {
        Some(tenant) => stream.strip_prefix(tenant)?.strip_prefix('.')?,
        None => stream,
    };
    Uuid::parse_str(name.strip_prefix("wifo_keys-")?).ok()
}

/// Persons with a key, from the key events and tombstones seen in `$all` (a hard-deleted stream
/// shows its original event until the scavenge, plus the tombstone).
pub fn live_keys(created: usize, deleted: usize) -> usize {
    created.saturating_sub(deleted)
}

fn prefixed(tenant: Option<&str>, name: &str) -> String {
    match tenant {
        Some(tenant) => format!("{tenant}.{name}"),
        None => name.to_owned(),
    }
}

fn server(error: impl std::fmt::Display) -> KeyStoreError {
    KeyStoreError::Server(error.to_string())
}

impl KeyStreams {
    /// Starts the client thread for the cluster at `location`.
    pub fn connect(location: &KurrentLocation) -> Result<Self, StoreError> {
        let settings = location.settings().clone();
        let thread = ClientThread::start("wifo-keys", move |runtime| {
            Client::with_runtime_handle(runtime.clone(), settings)
                .map_err(|error| StoreError::Server(error.to_string()))
        })?;
        Ok(Self {
            thread,
            tenant: location.tenant().map(str::to_owned),
        })
    }
}

impl SharedKeys for KeyStreams {
    /// The wrapped key, or `None` when the person has none or was erased.
    fn load(&self, person: Uuid) -> Result<Option<Vec<u8>>, KeyStoreError> {
        let stream = key_stream(self.tenant.as_deref(), person);
        self.thread
            .run(move |client| async move { first_event(&client, stream).await })
    }

    /// Stores a wrapped key unless the person has one already (the first one stays).
    fn insert(&self, person: Uuid, wrapped: Vec<u8>) -> Result<(), KeyStoreError> {
        let stream = key_stream(self.tenant.as_deref(), person);
        self.thread.run(move |client| async move {
            let options = AppendToStreamOptions::default().stream_state(StreamState::NoStream);
            let event =
                kurrentdb::EventData::binary(KEY_EVENT, Bytes::from(wrapped)).id(Uuid::now_v7());
            match client.append_to_stream(stream, &options, event).await {
                Ok(_) | Err(kurrentdb::Error::WrongExpectedVersion { .. }) => Ok(()),
                Err(kurrentdb::Error::ResourceDeleted) => Err(KeyStoreError::Erased(person)),
                Err(error) => Err(server(error)),
            }
        })
    }

    /// Hard-deletes the person's key stream. Idempotent.
    fn delete(&self, person: Uuid) -> Result<(), KeyStoreError> {
        let stream = key_stream(self.tenant.as_deref(), person);
        self.thread.run(move |client| async move {
            match client
                .tombstone_stream(stream, &TombstoneStreamOptions::default())
                .await
            {
                Ok(_) | Err(kurrentdb::Error::ResourceDeleted) => Ok(()),
                Err(error) => Err(server(error)),
            }
        })
    }

    /// How many persons have a key (reads the key streams' events in `$all`).
    fn count(&self) -> Result<usize, KeyStoreError> {
        let regex = key_stream_regex(self.tenant.as_deref());
        self.thread.run(move |client| async move {
            let options = ReadAllOptions::default()
                .position(StreamPosition::Start)
                .filter(SubscriptionFilter::on_stream_name().regex(regex));
            let mut read = client.read_all(&options).await.map_err(server)?;
            let (mut created, mut deleted) = (0usize, 0usize);
            while let Some(event) = read.next().await.map_err(server)? {
                match event.get_original_event().event_type.as_str() {
                    KEY_EVENT => created += 1,
                    "$streamDeleted" => deleted += 1,
                    _ => {}
                }
            }
            Ok(live_keys(created, deleted))
        })
    }

    /// The cluster's master key digest, if one is recorded.
    fn recorded_master_check(&self) -> Result<Option<Vec<u8>>, KeyStoreError> {
        let stream = master_check_stream(self.tenant.as_deref());
        self.thread
            .run(move |client| async move { first_event(&client, stream).await })
    }

    /// Every person's wrapped key (erased persons have none).
    fn all(&self) -> Result<Vec<(Uuid, Vec<u8>)>, KeyStoreError> {
        let regex = key_stream_regex(self.tenant.as_deref());
        let tenant = self.tenant.clone();
        self.thread.run(move |client| async move {
            let options = ReadAllOptions::default()
                .position(StreamPosition::Start)
                .filter(SubscriptionFilter::on_stream_name().regex(regex));
            let mut read = client.read_all(&options).await.map_err(server)?;
            let mut keys = std::collections::BTreeMap::new();
            while let Some(event) = read.next().await.map_err(server)? {
                let event = event.get_original_event();
                let Some(person) = person_of(tenant.as_deref(), event.stream_id()) else {
                    continue;
                };
                match event.event_type.as_str() {
                    KEY_EVENT => {
                        keys.entry(person).or_insert_with(|| event.data.to_vec());
                    }
                    "$streamDeleted" => {
                        keys.remove(&person);
                    }
                    _ => {}
                }
            }
            Ok(keys.into_iter().collect())
        })
    }

    /// Records `check` as the cluster's master key digest if there is none yet; whether the
    /// cluster's digest is `check`.
    fn agree_on_master(&self, check: [u8; 32]) -> Result<bool, KeyStoreError> {
        let stream = master_check_stream(self.tenant.as_deref());
        self.thread.run(move |client| async move {
            let options = AppendToStreamOptions::default().stream_state(StreamState::NoStream);
            let event =
                kurrentdb::EventData::binary(MASTER_CHECK_EVENT, Bytes::copy_from_slice(&check))
                    .id(Uuid::now_v7());
            match client
                .append_to_stream(stream.clone(), &options, event)
                .await
            {
                Ok(_) => return Ok(true),
                Err(kurrentdb::Error::WrongExpectedVersion { .. }) => {}
                Err(error) => return Err(server(error)),
            }
            let stored = first_event(&client, stream).await?;
            Ok(stored.as_deref() == Some(check.as_slice()))
        })
    }
}

/// The data of a stream's first event; `None` for a missing or deleted stream.
async fn first_event(client: &Client, stream: String) -> Result<Option<Vec<u8>>, KeyStoreError> {
    let options = ReadStreamOptions::default()
        .position(StreamPosition::Start)
        .max_count(1);
    let mut read = match client.read_stream(stream, &options).await {
        Ok(read) => read,
        Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
            return Ok(None);
        }
        Err(error) => return Err(server(error)),
    };
    match read.next().await {
        Ok(Some(event)) => Ok(Some(event.get_original_event().data.to_vec())),
        Ok(None) | Err(kurrentdb::Error::ResourceNotFound | kurrentdb::Error::ResourceDeleted) => {
            Ok(None)
        }
        Err(error) => Err(server(error)),
    }
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
