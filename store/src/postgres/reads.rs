//! Reads of the log: one stream in either direction, the global log after a position, a range
//! of it; and the one conversion of a row into a `RecordedEvent`.

use tokio_postgres::Row;

use super::schema::Sql;
use crate::{
    error::StoreError,
    types::{Direction, Metadata, Position, RecordedEvent},
};

/// A stored `bigint` position or revision; they are never negative.
pub(super) fn position(value: i64) -> u64 {
    u64::try_from(value).unwrap_or_default()
}

fn bigint(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

pub(super) async fn read_stream(
    client: &tokio_postgres::Client,
    sql: &Sql,
    stream: &str,
    from: u64,
    direction: Direction,
    limit: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let query = match direction {
        Direction::Forward => &sql.read_stream_forward,
        Direction::Backward => &sql.read_stream_backward,
    };
    let limit = bigint(limit as u64);
    let rows = client
        .query(query, &[&stream, &bigint(from), &limit])
        .await?;
    rows.iter().map(recorded).collect()
}

pub(super) async fn read_all(
    client: &tokio_postgres::Client,
    sql: &Sql,
    after: Position,
    limit: usize,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let rows = client
        .query(&sql.read_all, &[&bigint(after.0), &bigint(limit as u64)])
        .await?;
    rows.iter().map(recorded).collect()
}

pub(super) async fn read_all_range(
    client: &tokio_postgres::Client,
    sql: &Sql,
    after: Position,
    until: Position,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let rows = client
        .query(&sql.read_all_range, &[&bigint(after.0), &bigint(until.0)])
        .await?;
    rows.iter().map(recorded).collect()
}

/// A row of `schema::COLUMNS`, in that order.
pub(super) fn recorded(row: &Row) -> Result<RecordedEvent, StoreError> {
    let at = position(row.try_get::<_, i64>(0)?);
    let schema_version =
        u16::try_from(row.try_get::<_, i32>(5)?).map_err(|_| StoreError::Corrupt {
            position: at,
            reason: "schema version out of range".into(),
        })?;
    Ok(RecordedEvent {
        position: Position(at),
        stream: row.try_get(1)?,
        revision: position(row.try_get::<_, i64>(2)?),
        id: row.try_get(3)?,
        event_type: row.try_get(4)?,
        schema_version,
        payload: row.try_get(6)?,
        metadata: Metadata {
            actor: row.try_get(7)?,
            occurred_at: row.try_get(8)?,
            correlation_id: row.try_get(9)?,
            causation_id: row.try_get(10)?,
            data_subject: row.try_get(11)?,
        },
        recorded_at: row.try_get(12)?,
    })
}
