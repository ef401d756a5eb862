//! The single writer of the embedded store and its group commit. Appends from any number of
//! tasks queue on a channel; the writer thread takes everything queued (up to `MAX_BATCH`),
//! checks each append against the stream's revision, writes all that pass in one transaction
//! and acknowledges them after one fsync. Durability therefore costs one fsync per batch, not per
//! append, and a crash loses only appends that were never acknowledged.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::Utc;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use tokio::sync::{oneshot, watch};

use crate::{
    chain::chain_hash,
    error::StoreError,
    retry::{StoredAt, retry_outcome},
    types::{AppendResult, EventData, ExpectedRevision, Position},
};

/// Upper bound of appends per transaction, so one batch cannot hold the lock for long.
const MAX_BATCH: usize = 1024;

pub(crate) struct AppendRequest {
    pub stream: String,
    pub expected: ExpectedRevision,
    pub events: Vec<EventData>,
    pub reply: oneshot::Sender<Result<AppendResult, StoreError>>,
}

/// What the writer keeps in memory between batches; rebuilt from the file after a failed batch.
struct WriterState {
    last_position: u64,
    last_hash: [u8; 32],
    /// Last revision of streams seen so far (`None`: known not to exist).
    revisions: HashMap<String, Option<u64>>,
}

impl WriterState {
    fn load(connection: &Connection) -> Result<Self, StoreError> {
        let last = connection
            .query_row(
                "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1",
                [],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, Vec<u8>>(1)?)),
            )
            .optional()?;
        let (last_position, last_hash) = match last {
            Some((position, hash)) => (
                u64::try_from(position).unwrap_or_default(),
                hash.try_into().map_err(|_| StoreError::Corrupt {
                    position: u64::try_from(position).unwrap_or_default(),
                    reason: "hash is not 32 bytes".into(),
                })?,
            ),
            None => (0, [0; 32]),
        };
        Ok(Self {
            last_position,
            last_hash,
            revisions: HashMap::new(),
        })
    }
}

/// Runs until every sender is dropped. Publishes the newest committed position on `head`.
pub(crate) fn run(
    mut connection: Connection,
    requests: Receiver<AppendRequest>,
    head: watch::Sender<u64>,
) {
    let mut state = match WriterState::load(&connection) {
        Ok(state) => state,
        Err(error) => {
            tracing::error!(%error, "event store writer could not start");
            // Fail every request rather than hang the callers.
            for request in requests {
                let _ = request.reply.send(Err(StoreError::Closed));
            }
            return;
        }
    };
    head.send_replace(state.last_position);
    while let Ok(first) = requests.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match requests.try_recv() {
                Ok(request) => batch.push(request),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
        }
        match write_batch(&mut connection, &mut state, &batch) {
            Ok(outcomes) => {
                head.send_replace(state.last_position);
                for (request, outcome) in batch.into_iter().zip(outcomes) {
                    let _ = request.reply.send(outcome);
                }
            }
            Err(error) => {
                tracing::error!(%error, appends = batch.len(), "event store batch failed, nothing written");
                let message = error.to_string();
                let full = error.is_storage_failure();
                for request in batch {
                    let _ = request.reply.send(Err(if full {
                        StoreError::StorageFailure(message.clone())
                    } else {
                        StoreError::Io(std::io::Error::other(message.clone()))
                    }));
                }
                match WriterState::load(&connection) {
                    Ok(reloaded) => state = reloaded,
                    Err(error) => {
                        tracing::error!(%error, "event store writer could not reload its state")
                    }
                }
            }
        }
    }
}

/// Writes one batch in one transaction. The outer error aborts the whole batch (nothing
/// written); the inner results are each append's own outcome (a conflict fails only that
/// append).
fn write_batch(
    connection: &mut Connection,
    state: &mut WriterState,
    batch: &[AppendRequest],
) -> Result<Vec<Result<AppendResult, StoreError>>, StoreError> {
    let recorded_at = Utc::now().timestamp_micros();
    // IMMEDIATE takes the write lock at BEGIN (waiting out busy_timeout), instead of failing
    // when a deferred read transaction has to be upgraded.
    let transaction =
        connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut outcomes = Vec::with_capacity(batch.len());
    let mut pending = PendingState {
        last_position: state.last_position,
        last_hash: state.last_hash,
        revisions: Vec::new(),
    };
    for request in batch {
        outcomes.push(append_one(
            &transaction,
            state,
            &mut pending,
            request,
            recorded_at,
        )?);
    }
    transaction.commit()?;
    state.last_position = pending.last_position;
    state.last_hash = pending.last_hash;
    for (stream, revision) in pending.revisions {
        state.revisions.insert(stream, Some(revision));
    }
    Ok(outcomes)
}

/// Changes of this batch, applied to `WriterState` only after the commit succeeded.
struct PendingState {
    last_position: u64,
    last_hash: [u8; 32],
    revisions: Vec<(String, u64)>,
}

fn current_revision(
    transaction: &Transaction<'_>,
    state: &mut WriterState,
    pending: &PendingState,
    stream: &str,
) -> Result<Option<u64>, StoreError> {
    if let Some((_, revision)) = pending
        .revisions
        .iter()
        .rev()
        .find(|(name, _)| name == stream)
    {
        return Ok(Some(*revision));
    }
    if let Some(revision) = state.revisions.get(stream) {
        return Ok(*revision);
    }
    let revision: Option<i64> = transaction
        .prepare_cached("SELECT MAX(revision) FROM events WHERE stream = ?1")?
        .query_row([stream], |row| row.get(0))?;
    let revision = revision.and_then(|revision| u64::try_from(revision).ok());
    state.revisions.insert(stream.to_owned(), revision);
    Ok(revision)
}

fn append_one(
    transaction: &Transaction<'_>,
    state: &mut WriterState,
    pending: &mut PendingState,
    request: &AppendRequest,
    recorded_at: i64,
) -> Result<Result<AppendResult, StoreError>, StoreError> {
    if request.events.is_empty() {
        return Ok(Err(StoreError::EmptyAppend));
    }
    let actual = current_revision(transaction, state, pending, &request.stream)?;
    if !request.expected.matches(actual) {
        // A retry of an append that already succeeded finds the stream moved on by itself.
        if let Some(outcome) = already_stored(transaction, request)? {
            return Ok(outcome);
        }
        return Ok(Err(StoreError::WrongExpectedRevision {
            stream: request.stream.clone(),
            expected: request.expected,
            actual,
        }));
    }
    // Insert optimistically inside a savepoint: the unique index on event ids finds a repeated
    // id far cheaper than looking each one up first. On a violation, undo just this append and
    // decide whether it was a retry.
    transaction
        .prepare_cached("SAVEPOINT append")?
        .execute([])?;
    match insert_events(transaction, pending, request, actual, recorded_at) {
        Ok(result) => {
            transaction.prepare_cached("RELEASE append")?.execute([])?;
            Ok(Ok(result))
        }
        Err(rusqlite::Error::SqliteFailure(error, _))
            if error.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            transaction.execute_batch("ROLLBACK TO append; RELEASE append")?;
            Ok(
                already_stored(transaction, request)?.unwrap_or(Err(StoreError::Corrupt {
                    position: pending.last_position,
                    reason: "unique constraint failed without a stored event id".into(),
                })),
            )
        }
        Err(error) => Err(error.into()),
    }
}

/// Inserts the events of one append and advances `pending` only if all of them went in.
fn insert_events(
    transaction: &Transaction<'_>,
    pending: &mut PendingState,
    request: &AppendRequest,
    actual: Option<u64>,
    recorded_at: i64,
) -> Result<AppendResult, rusqlite::Error> {
    let mut insert = transaction.prepare_cached(
        "INSERT INTO events (position, event_id, stream, revision, event_type, schema_version, \
         payload, actor, occurred_at, correlation_id, causation_id, data_subject, recorded_at, hash) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut revision = actual.map_or(0, |revision| revision + 1);
    let mut position = pending.last_position;
    let mut hash = pending.last_hash;
    for event in &request.events {
        position += 1;
        hash = chain_hash(&hash, event, &request.stream, revision, recorded_at);
        let metadata = &event.metadata;
        insert.execute(params![
            position as i64,
            event.id.as_bytes().as_slice(),
            request.stream,
            revision as i64,
            event.event_type,
            event.schema_version,
            event.payload,
            metadata.actor,
            metadata.occurred_at.timestamp_micros(),
            metadata.correlation_id.as_bytes().as_slice(),
            metadata
                .causation_id
                .as_ref()
                .map(|id| id.as_bytes().as_slice()),
            metadata
                .data_subject
                .as_ref()
                .map(|id| id.as_bytes().as_slice()),
            recorded_at,
            hash.as_slice(),
        ])?;
        revision += 1;
    }
    let last_revision = revision - 1;
    pending.last_position = position;
    pending.last_hash = hash;
    pending
        .revisions
        .push((request.stream.clone(), last_revision));
    Ok(AppendResult {
        revision: last_revision,
        position: Position(position),
    })
}

/// Idempotent retries (`retry.rs`): looks up every event id of the append and asks whether it
/// is a retry of an append already stored.
fn already_stored(
    transaction: &Transaction<'_>,
    request: &AppendRequest,
) -> Result<Option<Result<AppendResult, StoreError>>, StoreError> {
    let mut lookup = transaction
        .prepare_cached("SELECT stream, revision, position FROM events WHERE event_id = ?1")?;
    let mut found = Vec::with_capacity(request.events.len());
    for event in &request.events {
        let row = lookup
            .query_row([event.id.as_bytes().as_slice()], |row| {
                Ok(StoredAt {
                    stream: row.get(0)?,
                    revision: u64::try_from(row.get::<_, i64>(1)?).unwrap_or_default(),
                    position: u64::try_from(row.get::<_, i64>(2)?).unwrap_or_default(),
                })
            })
            .optional()?;
        found.push((event.id, row));
    }
    Ok(retry_outcome(&request.stream, &found))
}
