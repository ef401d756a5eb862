//! The SHA-256 hash chain over the log, shared by every backend that keeps one (the embedded
//! file and PostgreSQL): `chain_hash` is the link a writer stores beside each event, and
//! `ChainCheck` is the per-event check `wifo verify` runs over a log read in position order —
//! positions without gaps from 1, stream revisions without gaps, and each stored link equal to
//! the one computed from the previous link and the event. Each backend only reads its rows and
//! feeds them in; the rules live here once.

use std::collections::HashMap;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::types::{EventData, Position, RecordedEvent};

/// The hash chain link of one event: covers the previous link, so changing or removing any
/// stored event breaks every later link.
pub(crate) fn chain_hash(
    previous: &[u8; 32],
    event: &EventData,
    stream: &str,
    revision: u64,
    recorded_at: i64,
) -> [u8; 32] {
    let metadata = &event.metadata;
    let optional = |id: Option<Uuid>| id.map_or([0; 16], |id| *id.as_bytes());
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(event.id.as_bytes());
    hasher.update(stream.as_bytes());
    hasher.update(revision.to_be_bytes());
    hasher.update(event.event_type.as_bytes());
    hasher.update(event.schema_version.to_be_bytes());
    hasher.update(&event.payload);
    hasher.update((metadata.actor.len() as u64).to_be_bytes());
    hasher.update(metadata.actor.as_bytes());
    hasher.update(metadata.occurred_at.timestamp_micros().to_be_bytes());
    hasher.update(metadata.correlation_id.as_bytes());
    hasher.update(optional(metadata.causation_id));
    hasher.update(optional(metadata.data_subject));
    hasher.update(recorded_at.to_be_bytes());
    hasher.finalize().into()
}

/// What `verify` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub events: u64,
    pub streams: u64,
    /// The first problem, with the position where it shows.
    pub first_problem: Option<(Position, String)>,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.first_problem.is_none()
    }
}

/// The state of a verification between two events: the previous link, the next position
/// expected, and each stream's last revision.
#[derive(Debug)]
pub(crate) struct ChainCheck {
    previous_hash: [u8; 32],
    expected_position: u64,
    revisions: HashMap<String, u64>,
    events: u64,
}

impl ChainCheck {
    pub(crate) fn new() -> Self {
        Self {
            previous_hash: [0; 32],
            expected_position: 1,
            revisions: HashMap::new(),
            events: 0,
        }
    }

    /// Checks the next event of the log with the link stored beside it; a German description of
    /// the problem otherwise. `on_event` (e.g. "does it decode") runs after the chain checks.
    pub(crate) fn check(
        &mut self,
        event: &RecordedEvent,
        stored_hash: Option<&[u8]>,
        on_event: &mut impl FnMut(&RecordedEvent) -> Result<(), String>,
    ) -> Result<(), String> {
        if event.position.0 != self.expected_position {
            return Err(format!("Position {} fehlt", self.expected_position));
        }
        let expected_revision = self
            .revisions
            .get(&event.stream)
            .map_or(0, |revision| revision + 1);
        if event.revision != expected_revision {
            return Err(format!(
                "Stream {}: Revision {} erwartet, {} gefunden",
                event.stream, expected_revision, event.revision
            ));
        }
        let data = EventData {
            id: event.id,
            event_type: event.event_type.clone(),
            schema_version: event.schema_version,
            payload: event.payload.clone(),
            metadata: event.metadata.clone(),
        };
        let hash = chain_hash(
            &self.previous_hash,
            &data,
            &event.stream,
            event.revision,
            event.recorded_at.timestamp_micros(),
        );
        if stored_hash != Some(hash.as_slice()) {
            return Err(
                "Hash-Kette unterbrochen: das Ereignis oder ein früheres wurde verändert".into(),
            );
        }
        on_event(event)?;
        self.previous_hash = hash;
        self.revisions.insert(event.stream.clone(), event.revision);
        self.expected_position += 1;
        self.events += 1;
        Ok(())
    }

    /// The report so far, with `problem` at `position` if there is one.
    pub(crate) fn report(&self, problem: Option<(Position, String)>) -> VerifyReport {
        VerifyReport {
            events: self.events,
            streams: self.revisions.len() as u64,
            first_problem: problem,
        }
    }
}
