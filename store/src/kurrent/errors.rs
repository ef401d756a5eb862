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
#[path = "errors_tests.rs"]
mod tests;
