//! wifo's positions on KurrentDB are dense: the n-th event of the office's filtered `$all` has
//! `Position(n)`, exactly as in the embedded store, so everything that pages or slices the log by
//! position (replay, audit, `events tail`) works unchanged, and every instance numbers the same
//! event alike (they all read the same filtered `$all`). The server's own position of an event
//! is a byte offset in its transaction log; reading `$all` from an offset that is not the start
//! of a record fails on the server, so positions are never computed from offsets. This index
//! keeps, in memory and in order, the server offset of every event numbered so far (8 bytes per
//! event); reads extend it as they see events in order. It relies on wifo never deleting or
//! truncating a log stream on the cluster (a scavenge of deleted key streams does not touch the
//! log). Pure, tested without a server.

use crate::{error::StoreError, types::Position};

#[derive(Debug, Default)]
pub struct Ordinals {
    /// `server[i]` is the server offset of `Position(i + 1)`.
    server: Vec<u64>,
}

impl Ordinals {
    /// How many events are numbered: the newest numbered position.
    pub fn len(&self) -> u64 {
        self.server.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.server.is_empty()
    }

    /// The server offset to read `$all` after `position` from: `None` for the start.
    /// `Err` when the position is not numbered yet (the caller extends the index first).
    pub fn server_after(&self, position: Position) -> Result<Option<u64>, Position> {
        match position.0 {
            0 => Ok(None),
            n => usize::try_from(n - 1)
                .ok()
                .and_then(|index| self.server.get(index))
                .map(|offset| Some(*offset))
                .ok_or(Position(self.len())),
        }
    }

    /// The position of the event at a server offset, if it is numbered.
    pub fn position_of(&self, offset: u64) -> Option<Position> {
        self.server
            .binary_search(&offset)
            .ok()
            .map(|index| Position(index as u64 + 1))
    }

    /// The newest numbered server offset.
    pub fn last_offset(&self) -> Option<u64> {
        self.server.last().copied()
    }

    /// Records that the event read right after `position` (in filtered `$all` order) has the
    /// server offset `offset`, and returns its position, `position + 1`. A disagreement with
    /// what is numbered already means the log changed under wifo.
    pub fn next_after(&mut self, position: Position, offset: u64) -> Result<Position, StoreError> {
        let next = Position(position.0 + 1);
        let corrupt = |reason: String| StoreError::Corrupt {
            position: next.0,
            reason,
        };
        match next.0.cmp(&(self.len() + 1)) {
            std::cmp::Ordering::Less => {
                let known = self.server[usize::try_from(position.0).unwrap_or(usize::MAX)];
                if known == offset {
                    Ok(next)
                } else {
                    Err(corrupt(format!(
                        "the cluster has offset {offset} where wifo numbered {known}: were log \
                         streams deleted?"
                    )))
                }
            }
            std::cmp::Ordering::Equal => {
                if self.last_offset().is_some_and(|last| last >= offset) {
                    return Err(corrupt(format!(
                        "offset {offset} is not after the last one"
                    )));
                }
                self.server.push(offset);
                Ok(next)
            }
            std::cmp::Ordering::Greater => Err(corrupt(format!(
                "position {position} is beyond the numbered log ({})",
                self.len()
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn numbered(offsets: &[u64]) -> Ordinals {
        let mut ordinals = Ordinals::default();
        for (index, offset) in offsets.iter().enumerate() {
            ordinals
                .next_after(Position(index as u64), *offset)
                .unwrap();
        }
        ordinals
    }

    #[test]
    fn events_are_numbered_one_two_three_whatever_their_offsets() {
        let mut ordinals = Ordinals::default();
        assert_eq!(
            ordinals.next_after(Position::START, 12_288).unwrap(),
            Position(1)
        );
        assert_eq!(
            ordinals.next_after(Position(1), 12_611).unwrap(),
            Position(2)
        );
        assert_eq!(
            ordinals.next_after(Position(2), 40_960).unwrap(),
            Position(3)
        );
        assert_eq!(ordinals.len(), 3);
        assert_eq!(ordinals.position_of(12_611), Some(Position(2)));
        assert_eq!(ordinals.position_of(12_612), None);
    }

    #[test]
    fn reading_after_a_position_starts_at_that_events_offset() {
        let ordinals = numbered(&[100, 250, 900]);
        assert_eq!(ordinals.server_after(Position::START), Ok(None));
        assert_eq!(ordinals.server_after(Position(1)), Ok(Some(100)));
        assert_eq!(ordinals.server_after(Position(3)), Ok(Some(900)));
        // Not numbered yet: the caller extends the index up to there first.
        assert_eq!(ordinals.server_after(Position(4)), Err(Position(3)));
    }

    #[test]
    fn reading_numbered_events_again_checks_them() {
        let mut ordinals = numbered(&[100, 250, 900]);
        assert_eq!(ordinals.next_after(Position(1), 250).unwrap(), Position(2));
        assert_eq!(ordinals.len(), 3);
        let changed = ordinals.next_after(Position(1), 300).unwrap_err();
        assert!(
            matches!(changed, StoreError::Corrupt { position: 2, .. }),
            "{changed:?}"
        );
    }

    #[test]
    fn gaps_and_offsets_going_backwards_are_refused() {
        let mut ordinals = numbered(&[100, 250]);
        assert!(ordinals.next_after(Position(5), 999).is_err());
        assert!(ordinals.next_after(Position(2), 250).is_err());
        assert!(ordinals.next_after(Position(2), 200).is_err());
        assert_eq!(ordinals.len(), 2);
    }
}
