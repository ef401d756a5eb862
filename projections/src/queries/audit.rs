//! The audit trail: who changed what and when, read straight from the log (newest first), so it
//! can never disagree with what is stored.

use serde::{Deserialize, Serialize};
use wifo_store::{EventStore, Position, StoreError};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuditEntry {
    pub position: Position,
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    pub actor: String,
    pub stream: String,
    pub event_type: String,
}

#[derive(Clone, Debug, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    /// A whole stream name (`organization-…`) or a category (`organization`).
    pub stream: Option<String>,
    /// Only entries before this position (for paging backwards).
    pub before: Option<Position>,
    pub limit: usize,
}

/// How far back one audit query scans at most.
const MAX_SCANNED: u64 = 200_000;
const CHUNK: u64 = 2048;

pub async fn audit(
    store: &dyn EventStore,
    filter: &AuditFilter,
) -> Result<Vec<AuditEntry>, StoreError> {
    let limit = filter.limit.clamp(1, 1000);
    let head = store.head().await?;
    let mut until = filter.before.map_or(head, |before| {
        Position(before.0.saturating_sub(1)).min(head)
    });
    let stop = until.0.saturating_sub(MAX_SCANNED);
    let mut entries = Vec::new();
    while until.0 > stop && entries.len() < limit {
        let after = Position(until.0.saturating_sub(CHUNK).max(stop));
        let chunk = store.read_all_range(after, until).await?;
        for event in chunk.iter().rev() {
            let actor_matches = filter
                .actor
                .as_ref()
                .is_none_or(|actor| &event.metadata.actor == actor);
            let stream_matches = filter.stream.as_ref().is_none_or(|stream| {
                event.stream == *stream || wifo_domain::event::category_of(&event.stream) == stream
            });
            if actor_matches && stream_matches {
                entries.push(AuditEntry {
                    position: event.position,
                    recorded_at: event.recorded_at,
                    occurred_at: event.metadata.occurred_at,
                    actor: event.metadata.actor.clone(),
                    stream: event.stream.clone(),
                    event_type: event.event_type.clone(),
                });
                if entries.len() == limit {
                    break;
                }
            }
        }
        until = after;
    }
    Ok(entries)
}
