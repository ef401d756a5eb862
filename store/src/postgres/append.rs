//! One append as one transaction, in this order: lock the tenant's head row (`SELECT … FOR
//! UPDATE`), look the event ids up, read the stream's revision, insert the events at head+1…,
//! move the head, notify, commit.
//!
//! **Why no reader can skip an event, and no two appends interleave:** the head lock is held
//! from before a position is chosen until the commit, so a second appender — in this process or
//! any other instance — waits at its first statement and then reads the head the first one
//! committed. Positions are therefore assigned in commit order without gaps; an event with
//! position `p` is visible no later than every event before it, and a reader that has seen `p`
//! has seen `1..p`. (A sequence would not do: it is assigned at insert and becomes visible at
//! commit, so a later-committing smaller number can appear behind a reader's back.) A
//! transaction that fails rolls back its rows and its head move together. The unique
//! constraints on `(stream, revision)` and `id` hold the same rules again in the database.
//!
//! The cost is one appender at a time per office; with `synchronous_commit=on` each commit
//! waits for the WAL flush (and the synchronous standby), which PostgreSQL's group commit
//! shares between transactions that wait on it together.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::{reads::position, schema::Sql};
use crate::{
    chain::chain_hash,
    error::StoreError,
    retry::{StoredAt, retry_outcome},
    types::{AppendResult, EventData, ExpectedRevision, Position},
};

/// Appends `events` to `stream` if it matches `expected`; the events were checked for a
/// stream name and at least one event by the caller.
pub(super) async fn append(
    client: &mut deadpool_postgres::Object,
    sql: &Sql,
    stream: &str,
    expected: ExpectedRevision,
    events: &[EventData],
) -> Result<AppendResult, StoreError> {
    let transaction = client.transaction().await?;
    let head = transaction.query_one(&sql.lock_head, &[]).await?;
    let head_position = position(head.get::<_, i64>(0));
    let head_hash: [u8; 32] =
        head.get::<_, Vec<u8>>(1)
            .try_into()
            .map_err(|_| StoreError::Corrupt {
                position: head_position,
                reason: "head hash is not 32 bytes".into(),
            })?;

    let ids: Vec<Uuid> = events.iter().map(|event| event.id).collect();
    let stored: HashMap<Uuid, StoredAt> = transaction
        .query(&sql.stored_ids, &[&ids])
        .await?
        .into_iter()
        .map(|row| {
            (
                row.get::<_, Uuid>(0),
                StoredAt {
                    stream: row.get(1),
                    revision: position(row.get::<_, i64>(2)),
                    position: position(row.get::<_, i64>(3)),
                },
            )
        })
        .collect();
    let found: Vec<(Uuid, Option<StoredAt>)> = ids
        .iter()
        .map(|id| (*id, stored.get(id).cloned()))
        .collect();
    // Dropping the transaction rolls it back and releases the head.
    if let Some(outcome) = retry_outcome(stream, &found) {
        return outcome;
    }

    let actual: Option<i64> = transaction
        .query_one(&sql.stream_revision, &[&stream])
        .await?
        .get(0);
    let actual = actual.map(position);
    if !expected.matches(actual) {
        return Err(StoreError::WrongExpectedRevision {
            stream: stream.to_owned(),
            expected,
            actual,
        });
    }

    let now = Utc::now();
    // PostgreSQL keeps microseconds; the hash must cover what is stored.
    let recorded_at = DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
    let rows = Rows::new(
        head_position,
        head_hash,
        stream,
        actual,
        events,
        recorded_at,
    );
    transaction
        .execute(
            &sql.insert_events,
            &[
                &rows.positions,
                &rows.streams,
                &rows.revisions,
                &ids,
                &rows.event_types,
                &rows.schema_versions,
                &rows.payloads,
                &rows.actors,
                &rows.occurred_at,
                &rows.correlation_ids,
                &rows.causation_ids,
                &rows.data_subjects,
                &rows.recorded_at,
                &rows.hashes,
            ],
        )
        .await?;
    let last_position = rows.positions.last().copied().unwrap_or_default();
    let last_hash = rows.hashes.last().cloned().unwrap_or_default();
    transaction
        .execute(&sql.update_head, &[&last_position, &last_hash])
        .await?;
    transaction
        .execute(&sql.notify, &[&sql.channel, &last_position.to_string()])
        .await?;
    transaction.commit().await?;
    Ok(AppendResult {
        revision: rows.revisions.last().copied().map_or(0, position),
        position: Position(position(last_position)),
    })
}

/// The columns of the rows to insert, one array each (`INSERT … SELECT * FROM UNNEST(…)` sends
/// an append of any size as one statement).
struct Rows {
    positions: Vec<i64>,
    streams: Vec<String>,
    revisions: Vec<i64>,
    event_types: Vec<String>,
    schema_versions: Vec<i32>,
    payloads: Vec<Vec<u8>>,
    actors: Vec<String>,
    occurred_at: Vec<DateTime<Utc>>,
    correlation_ids: Vec<Uuid>,
    causation_ids: Vec<Option<Uuid>>,
    data_subjects: Vec<Option<Uuid>>,
    recorded_at: Vec<DateTime<Utc>>,
    hashes: Vec<Vec<u8>>,
}

impl Rows {
    fn new(
        head_position: u64,
        head_hash: [u8; 32],
        stream: &str,
        actual: Option<u64>,
        events: &[EventData],
        recorded_at: DateTime<Utc>,
    ) -> Self {
        let mut rows = Rows {
            positions: Vec::with_capacity(events.len()),
            streams: Vec::with_capacity(events.len()),
            revisions: Vec::with_capacity(events.len()),
            event_types: Vec::with_capacity(events.len()),
            schema_versions: Vec::with_capacity(events.len()),
            payloads: Vec::with_capacity(events.len()),
            actors: Vec::with_capacity(events.len()),
            occurred_at: Vec::with_capacity(events.len()),
            correlation_ids: Vec::with_capacity(events.len()),
            causation_ids: Vec::with_capacity(events.len()),
            data_subjects: Vec::with_capacity(events.len()),
            recorded_at: Vec::with_capacity(events.len()),
            hashes: Vec::with_capacity(events.len()),
        };
        let mut hash = head_hash;
        let first_revision = actual.map_or(0, |revision| revision + 1);
        for ((revision, next), event) in (first_revision..).zip(head_position + 1..).zip(events) {
            hash = chain_hash(
                &hash,
                event,
                stream,
                revision,
                recorded_at.timestamp_micros(),
            );
            let metadata = &event.metadata;
            rows.positions.push(i64::try_from(next).unwrap_or(i64::MAX));
            rows.streams.push(stream.to_owned());
            rows.revisions
                .push(i64::try_from(revision).unwrap_or(i64::MAX));
            rows.event_types.push(event.event_type.clone());
            rows.schema_versions.push(i32::from(event.schema_version));
            rows.payloads.push(event.payload.clone());
            rows.actors.push(metadata.actor.clone());
            rows.occurred_at.push(metadata.occurred_at);
            rows.correlation_ids.push(metadata.correlation_id);
            rows.causation_ids.push(metadata.causation_id);
            rows.data_subjects.push(metadata.data_subject);
            rows.recorded_at.push(recorded_at);
            rows.hashes.push(hash.to_vec());
        }
        rows
    }
}
