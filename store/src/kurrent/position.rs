//! Positions in `$all`. KurrentDB names a place in its transaction log by a pair (commit,
//! prepare) of byte offsets; wifo's `Position` is one number. wifo uses the event's **prepare
//! position**, the offset of the event's own record: it is unique per event, ordered like `$all`,
//! and present in stream reads as well as `$all` reads (stream reads may lack the commit
//! position). Events appended through the gRPC API (wifo writes nothing else) are implicitly
//! committed, so their `$all` position is (p, p) and reading `$all` from wifo's `Position(p)`
//! means reading from (p, p). The server reads from a position inclusively; wifo's reads are
//! "after a position", so the event at `p` itself is skipped by the caller of `after_filter`.
//! Positions on this backend are byte offsets: ordered, with gaps, never dense.

use crate::types::Position;

/// The server position to start an `$all` read or subscription at, for "after `after`".
pub fn to_server(after: Position) -> kurrentdb::Position {
    kurrentdb::Position {
        commit: after.0,
        prepare: after.0,
    }
}

/// wifo's position of an event read from the server.
pub fn from_server(position: kurrentdb::Position) -> Position {
    Position(position.prepare)
}

/// Whether an event read from `to_server(after)` on belongs to the answer ("after", exclusive).
pub fn is_after(event: Position, after: Position) -> bool {
    event > after
}

/// The position an append reports, from the server's write result: usable as is when the
/// append wrote one event (its commit and prepare positions are the event's own offset); `None`
/// when it must be read back (several events, or an idempotent retry without a position).
pub fn from_write_result(position: kurrentdb::Position, events: usize) -> Option<Position> {
    let known = position.commit == position.prepare
        && position.prepare != 0
        && position.prepare != u64::MAX;
    (events == 1 && known).then_some(Position(position.prepare))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_after_a_position_starts_at_the_same_commit_and_prepare_offset() {
        let server = to_server(Position(4_096));
        assert_eq!(server.commit, 4_096);
        assert_eq!(server.prepare, 4_096);
        assert_eq!(to_server(Position::START), kurrentdb::Position::start());
    }

    #[test]
    fn an_event_position_is_its_prepare_offset_even_without_commit_offset() {
        // A stream read reports no commit position (u64::MAX) but the real prepare offset.
        let from_stream_read = kurrentdb::Position {
            commit: u64::MAX,
            prepare: 8_812,
        };
        assert_eq!(from_server(from_stream_read), Position(8_812));
        let from_all_read = kurrentdb::Position {
            commit: 8_812,
            prepare: 8_812,
        };
        assert_eq!(from_server(from_all_read), Position(8_812));
    }

    #[test]
    fn the_event_at_the_start_position_is_not_after_it() {
        assert!(!is_after(Position(500), Position(500)));
        assert!(is_after(Position(501), Position(500)));
        assert!(is_after(Position(1), Position::START));
    }

    #[test]
    fn only_a_single_event_write_result_is_taken_as_the_event_position() {
        let single = kurrentdb::Position {
            commit: 1_200,
            prepare: 1_200,
        };
        assert_eq!(from_write_result(single, 1), Some(Position(1_200)));
        assert_eq!(from_write_result(single, 3), None);
        // Idempotent retries answer without a position (0/0 from the client).
        assert_eq!(from_write_result(kurrentdb::Position::start(), 1), None);
        let split = kurrentdb::Position {
            commit: 1_000,
            prepare: 1_200,
        };
        assert_eq!(from_write_result(split, 1), None);
    }
}
