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
mod tests {
    use super::*;

    #[test]
    fn every_expected_revision_maps_to_the_same_server_check() {
        assert!(matches!(
            to_stream_state(ExpectedRevision::Any),
            StreamState::Any
        ));
        assert!(matches!(
            to_stream_state(ExpectedRevision::NoStream),
            StreamState::NoStream
        ));
        assert!(matches!(
            to_stream_state(ExpectedRevision::Exists),
            StreamState::StreamExists
        ));
        assert!(matches!(
            to_stream_state(ExpectedRevision::Revision(0)),
            StreamState::StreamRevision(0)
        ));
        assert!(matches!(
            to_stream_state(ExpectedRevision::Revision(41)),
            StreamState::StreamRevision(41)
        ));
    }

    #[test]
    fn a_conflict_names_the_actual_revision() {
        let error = conflict(
            "organization-a",
            ExpectedRevision::Revision(3),
            &CurrentRevision::Current(7),
        );
        match error {
            StoreError::WrongExpectedRevision {
                stream,
                expected,
                actual,
            } => {
                assert_eq!(stream, "organization-a");
                assert_eq!(expected, ExpectedRevision::Revision(3));
                assert_eq!(actual, Some(7));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_conflict_on_a_missing_stream_has_no_actual_revision() {
        let error = conflict(
            "visit-b",
            ExpectedRevision::Exists,
            &CurrentRevision::NoStream,
        );
        assert!(matches!(
            error,
            StoreError::WrongExpectedRevision { actual: None, .. }
        ));
    }
}
