//! Optimistic concurrency on KurrentDB: wifo's `ExpectedRevision` becomes the client's
//! `StreamState`, and the server's "wrong expected version" answer becomes wifo's typed conflict
//! that names the actual revision. Pure functions, tested without a server.

use kurrentdb::{CurrentRevision, StreamState};

use crate::{error::StoreError, types::ExpectedRevision};

/// The stream state the server checks before it appends.
pub fn to_stream_state(expected: ExpectedRevision) -> StreamState {
    match expected {
        ExpectedRevision::Any => StreamState::Any,
        ExpectedRevision::NoStream => StreamState::NoStream,
        ExpectedRevision::Exists => StreamState::StreamExists,
        ExpectedRevision::Revision(revision) => StreamState::StreamRevision(revision),
    }
}

/// The actual revision the server reported (`None`: the stream does not exist).
pub fn actual_revision(current: &CurrentRevision) -> Option<u64> {
    match current {
        CurrentRevision::Current(revision) => Some(*revision),
        CurrentRevision::NoStream => None,
    }
}

/// wifo's conflict error for a refused append.
pub fn conflict(stream: &str, expected: ExpectedRevision, current: &CurrentRevision) -> StoreError {
    StoreError::WrongExpectedRevision {
        stream: stream.to_owned(),
        expected,
        actual: actual_revision(current),
    }
}

#[cfg(test)]
#[path = "revision_tests.rs"]
mod tests;
