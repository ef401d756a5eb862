//! The client's errors in wifo's terms: a refused expected revision becomes the typed conflict
//! (see `revision.rs`), a lost connection or leader becomes `Unavailable` (retry later, the client
//! reconnects and rediscovers the leader), everything else `Server`. Pure, tested without a server.

use kurrentdb::Error;

use crate::{error::StoreError, kurrent::revision, types::ExpectedRevision};

/// Maps an error of an append to `stream` that expected `expected`; `first_id` is the id of the
/// append's first event. An append that expects `Any` cannot conflict on the revision: the server
/// refuses it only when its first event id is stored already and the rest does not repeat that
/// write ("corrupted idempotency"), which is wifo's `DuplicateEventId`.
pub fn from_append(
    stream: &str,
    expected: ExpectedRevision,
    first_id: uuid::Uuid,
    error: Error,
) -> StoreError {
    match error {
        Error::WrongExpectedVersion { .. } if expected == ExpectedRevision::Any => {
            StoreError::DuplicateEventId { event_id: first_id }
        }
        Error::WrongExpectedVersion { current, .. } => {
            revision::conflict(stream, expected, &current)
        }
        other => from_client(other),
    }
}

/// The first id that occurs twice in one append: the server would store both, wifo refuses.
pub fn repeated_id(ids: impl IntoIterator<Item = uuid::Uuid>) -> Option<uuid::Uuid> {
    let mut seen = std::collections::HashSet::new();
    ids.into_iter().find(|id| !seen.insert(*id))
}

/// Maps any other error of the client.
pub fn from_client(error: Error) -> StoreError {
    match error {
        Error::ConnectionClosed
        | Error::GrpcConnectionError(_)
        | Error::DeadlineExceeded
        | Error::NotLeaderException(_) => StoreError::Unavailable(error.to_string()),
        Error::Grpc {
            code: tonic::Code::Unavailable | tonic::Code::Aborted | tonic::Code::Cancelled,
            ..
        } => StoreError::Unavailable(error.to_string()),
        other => StoreError::Server(other.to_string()),
    }
}

/// Whether a subscription should reconnect after this error instead of giving up.
pub fn is_transient(error: &StoreError) -> bool {
    matches!(error, StoreError::Unavailable(_))
}

#[cfg(test)]
mod tests {
    use kurrentdb::{CurrentRevision, Endpoint, StreamState};

    use super::*;

    #[test]
    fn a_wrong_expected_version_becomes_the_conflict_with_the_actual_revision() {
        let error = from_append(
            "inquiry-7",
            ExpectedRevision::NoStream,
            uuid::Uuid::from_u128(1),
            Error::WrongExpectedVersion {
                expected: StreamState::NoStream,
                current: CurrentRevision::Current(2),
            },
        );
        assert!(matches!(
            error,
            StoreError::WrongExpectedRevision {
                actual: Some(2),
                expected: ExpectedRevision::NoStream,
                ..
            }
        ));
    }

    #[test]
    fn a_refused_append_that_expected_any_repeated_a_stored_id() {
        let first = uuid::Uuid::from_u128(0x42);
        let error = from_append(
            "contact-retry",
            ExpectedRevision::Any,
            first,
            Error::WrongExpectedVersion {
                expected: StreamState::Any,
                current: CurrentRevision::Current(1),
            },
        );
        assert!(
            matches!(error, StoreError::DuplicateEventId { event_id } if event_id == first),
            "{error:?}"
        );
    }

    #[test]
    fn an_id_twice_in_one_append_is_found() {
        let (a, b) = (uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2));
        assert_eq!(repeated_id([a, b, a]), Some(a));
        assert_eq!(repeated_id([a, b]), None);
        assert_eq!(repeated_id([]), None);
    }

    #[test]
    fn losing_the_connection_or_the_leader_is_transient() {
        for error in [
            Error::ConnectionClosed,
            Error::DeadlineExceeded,
            Error::NotLeaderException(Endpoint {
                host: "node2".into(),
                port: 2113,
            }),
            Error::Grpc {
                code: tonic::Code::Unavailable,
                message: "node down".into(),
            },
        ] {
            let mapped = from_client(error);
            assert!(is_transient(&mapped), "{mapped:?}");
        }
    }

    #[test]
    fn refusals_of_the_server_are_not_retried() {
        for error in [
            Error::AccessDenied,
            Error::ResourceDeleted,
            Error::Grpc {
                code: tonic::Code::InvalidArgument,
                message: "bad".into(),
            },
        ] {
            let mapped = from_client(error);
            assert!(matches!(mapped, StoreError::Server(_)), "{mapped:?}");
            assert!(!is_transient(&mapped));
        }
    }
}
