//! The vocabulary of the event store contract, shared by every backend: positions in the global
//! log, revisions within a stream, expected revisions for optimistic concurrency, and the events
//! going in and coming out. It mirrors KurrentDB's model so both backends mean the same thing.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A place in the global log (`$all`). Positions start at 1 and grow without gaps in the
/// embedded store; callers must only rely on them being ordered.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct Position(pub u64);

impl Position {
    /// Before the first event: reading from here reads everything.
    pub const START: Position = Position(0);
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What the writer believes about the stream it appends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExpectedRevision {
    /// Append whatever the stream holds.
    Any,
    /// The stream must not exist yet.
    NoStream,
    /// The stream must have at least one event.
    Exists,
    /// The stream's last event must have exactly this revision (revisions start at 0).
    Revision(u64),
}

impl ExpectedRevision {
    /// Whether a stream whose last revision is `actual` (`None`: no stream) satisfies this.
    pub fn matches(self, actual: Option<u64>) -> bool {
        match self {
            ExpectedRevision::Any => true,
            ExpectedRevision::NoStream => actual.is_none(),
            ExpectedRevision::Exists => actual.is_some(),
            ExpectedRevision::Revision(expected) => actual == Some(expected),
        }
    }
}

/// Who caused an event, when, and in reply to what. Stored beside the payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Login name of the user, or `system` / `demo` / `import` for automation.
    pub actor: String,
    /// When it happened in the world (may be earlier than recorded, e.g. a visit logged later).
    /// Stored as microseconds since 1970 (a number decodes far faster than RFC 3339 text).
    #[serde(with = "chrono::serde::ts_microseconds")]
    pub occurred_at: DateTime<Utc>,
    /// Groups every event caused by one user action.
    pub correlation_id: Uuid,
    /// The event or command that caused this one.
    pub causation_id: Option<Uuid>,
    /// The person whose key encrypts the payload's `personal` field.
    pub data_subject: Option<Uuid>,
}

/// An event to append.
#[derive(Clone, Debug, PartialEq)]
pub struct EventData {
    /// Unique; appending an id that is already stored does not store it twice.
    pub id: Uuid,
    pub event_type: String,
    pub schema_version: u16,
    /// MessagePack with named fields.
    pub payload: Vec<u8>,
    pub metadata: Metadata,
}

/// An event as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordedEvent {
    pub position: Position,
    pub stream: String,
    pub revision: u64,
    pub id: Uuid,
    pub event_type: String,
    pub schema_version: u16,
    pub payload: Vec<u8>,
    pub metadata: Metadata,
    pub recorded_at: DateTime<Utc>,
}

/// What a successful append reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppendResult {
    /// Revision of the stream's last event after the append.
    pub revision: u64,
    /// Position of the last appended event in the global log.
    pub position: Position,
}

/// Direction of a stream read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Forward,
    Backward,
}
