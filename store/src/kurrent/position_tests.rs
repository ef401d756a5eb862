//! Unit tests of `position`.

use super::*;

#[test]
fn reading_from_an_offset_uses_it_as_commit_and_prepare_position() {
    let server = to_server(4_096);
    assert_eq!(server.commit, 4_096);
    assert_eq!(server.prepare, 4_096);
}

#[test]
fn an_event_is_identified_by_its_prepare_offset_even_without_commit_offset() {
    // A stream read reports no commit position (u64::MAX) but the real prepare offset.
    let from_stream_read = kurrentdb::Position {
        commit: u64::MAX,
        prepare: 8_812,
    };
    assert_eq!(offset_of(from_stream_read), 8_812);
    assert_eq!(offset_of(to_server(8_812)), 8_812);
}

#[test]
fn only_a_single_event_write_result_is_taken_as_the_event_offset() {
    let single = to_server(1_200);
    assert_eq!(from_write_result(single, 1), Some(1_200));
    assert_eq!(from_write_result(single, 3), None);
    // Idempotent retries answer without a position (0/0 from the client).
    assert_eq!(from_write_result(kurrentdb::Position::start(), 1), None);
    let split = kurrentdb::Position {
        commit: 1_000,
        prepare: 1_200,
    };
    assert_eq!(from_write_result(split, 1), None);
}
