//! The server's positions in `$all`. KurrentDB names a place in its transaction log by a pair
//! (commit, prepare) of byte offsets. wifo identifies an event on the server by its **prepare
//! offset**, the start of the event's own record: unique per event, ordered like `$all`, and
//! present in stream reads as well as `$all` reads (stream reads may lack the commit offset).
//! Events appended through the gRPC API (wifo writes nothing else) are implicitly committed, so
//! their `$all` position is (p, p), and reading `$all` from (p, p) starts at that event — the
//! server reads inclusively, so the caller skips it. wifo's own, dense `Position` is mapped to
//! these offsets in `ordinals.rs`. Pure functions, tested without a server.

/// The server position to read `$all` from, at the event with prepare offset `offset`.
pub fn to_server(offset: u64) -> kurrentdb::Position {
    kurrentdb::Position {
        commit: offset,
        prepare: offset,
    }
}

/// The offset that identifies an event read from the server.
pub fn offset_of(position: kurrentdb::Position) -> u64 {
    position.prepare
}

/// The offset of an append's last event, from the server's write result: usable as is when the
/// append wrote one event (its commit and prepare positions are the event's own offset); `None`
/// when it must be read back (several events, or an idempotent retry without a position).
pub fn from_write_result(position: kurrentdb::Position, events: usize) -> Option<u64> {
    let known = position.commit == position.prepare
        && position.prepare != 0
        && position.prepare != u64::MAX;
    (events == 1 && known).then_some(position.prepare)
}

#[cfg(test)]
#[path = "position_tests.rs"]
mod tests;
