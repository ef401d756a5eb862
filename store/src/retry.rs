//! When an append is a retry: the one rule for idempotent event ids, shared by the backends that
//! look ids up themselves (the embedded file, PostgreSQL). A client that lost an acknowledgement
//! sends the same events again; if every id is already stored, in this stream and in this
//! order, the append succeeds without writing and reports the original result. If only some
//! are, or they are stored in another stream, it is neither new nor a retry and is refused.

use std::collections::HashSet;

use uuid::Uuid;

use crate::{
    error::StoreError,
    types::{AppendResult, Position},
};

/// Where an event id is already stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredAt {
    pub(crate) stream: String,
    pub(crate) revision: u64,
    pub(crate) position: u64,
}

/// The outcome of an append whose event ids were found (or not) as `found`, in the order of the
/// append: `None` when no id is stored yet (a new append), otherwise the original result or the
/// refusal.
pub(crate) fn retry_outcome(
    stream: &str,
    found: &[(Uuid, Option<StoredAt>)],
) -> Option<Result<AppendResult, StoreError>> {
    let mut seen = HashSet::new();
    if let Some((event_id, _)) = found.iter().find(|(id, _)| !seen.insert(*id)) {
        return Some(Err(StoreError::DuplicateEventId {
            event_id: *event_id,
        }));
    }
    if found.iter().all(|(_, stored)| stored.is_none()) {
        return None;
    }
    let foreign = found
        .iter()
        .find(|(_, stored)| !matches!(stored, Some(at) if at.stream == stream));
    if let Some((event_id, _)) = foreign {
        return Some(Err(StoreError::DuplicateEventId {
            event_id: *event_id,
        }));
    }
    let stored: Vec<&StoredAt> = found.iter().filter_map(|(_, at)| at.as_ref()).collect();
    if stored
        .windows(2)
        .any(|pair| pair[1].revision != pair[0].revision + 1)
    {
        let event_id = found.first().map_or(Uuid::nil(), |(id, _)| *id);
        return Some(Err(StoreError::DuplicateEventId { event_id }));
    }
    stored.last().map(|last| {
        Ok(AppendResult {
            revision: last.revision,
            position: Position(last.position),
        })
    })
}
