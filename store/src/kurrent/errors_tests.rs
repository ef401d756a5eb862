//! Unit tests of `errors`.

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
