//! The client's errors in wifo's terms: a refused expected revision becomes the typed conflict
//! (see `revision.rs`), a lost connection or leader becomes `Unavailable` (retry later, the client
//! reconnects and rediscovers the leader), everything else `Server`. Pure, tested without a server.

use kurrentdb::Error;

use crate::{error::StoreError, kurrent::revision, types::ExpectedRevision};

/// Maps an error of an append to `stream` that expected `expected`.
pub fn from_append(stream: &str, expected: ExpectedRevision, error: Error) -> StoreError {
    match error {
        Error::WrongExpectedVersion { current, .. } => {
            revision::conflict(stream, expected, &current)
        }
        other => from_client(other),
    }
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
