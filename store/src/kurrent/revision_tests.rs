//! Unit tests of `revision`.

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
