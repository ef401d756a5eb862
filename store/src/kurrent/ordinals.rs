//! wifo's positions on KurrentDB are dense: the n-th event of the office's filtered `$all` has
//! `Position(n)`, exactly as in the embedded store, so everything that pages or slices the log by
//! position (replay, audit, `events tail`) works unchanged, and every instance numbers the same
//! event alike (they all read the same filtered `$all`). The server's own position of an event
//! is a byte offset in its transaction log; reading `$all` from an offset that is not the start
//! of a record fails on the server, so positions are never computed from offsets. This index
//! keeps, in memory and in order, the server offset of every event numbered so far (8 bytes per
//! event); reads extend it as they see events in order. It relies on wifo never deleting or
//! truncating a log stream on the cluster (a scavenge of deleted key streams does not touch the
//! log).
//!
//! The index also remembers in which stream each numbered event id is (a hash of the name,
//! about 40 bytes per event), because KurrentDB deduplicates ids only within a stream while
//! wifo's contract refuses an id that is stored in another stream, or a retry that repeats only
//! some of its ids. Pure, tested without a server.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use uuid::Uuid;

use crate::{error::StoreError, types::Position};

#[derive(Debug, Default)]
pub struct Ordinals {
    /// `server[i]` is the server offset of `Position(i + 1)`.
    server: Vec<u64>,
    /// Event id → hash of its stream's name.
    streams: HashMap<Uuid, u64>,
}

/// What the numbered log already says about an append's ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnownIds {
    /// None of the ids is numbered: a new append.
    New,
    /// All of them are numbered in the target stream: a retry the server answers idempotently.
    Retry,
    /// This id is stored in another stream, or only some ids are known: wifo refuses.
    Conflict(Uuid),
}

fn stream_hash(stream: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    stream.hash(&mut hasher);
    hasher.finish()
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

    /// Classifies the ids of an append to `stream` by what is numbered so far.
    pub fn known_ids(&self, stream: &str, ids: &[Uuid]) -> KnownIds {
        let target = stream_hash(stream);
        let mut known = 0;
        for id in ids {
            match self.streams.get(id) {
                Some(hash) if *hash != target => return KnownIds::Conflict(*id),
                Some(_) => known += 1,
                None => {}
            }
        }
        match known {
            0 => KnownIds::New,
            all if all == ids.len() => KnownIds::Retry,
            _ => ids
                .iter()
                .find(|id| self.streams.contains_key(id))
                .map_or(KnownIds::New, |id| KnownIds::Conflict(*id)),
        }
    }

    /// Records that the event `id` of `stream`, read right after `position` (in filtered `$all`
    /// order), has the server offset `offset`, and returns its position, `position + 1`. A
    /// disagreement with what is numbered already means the log changed under wifo.
    pub fn next_after(
        &mut self,
        position: Position,
        offset: u64,
        id: Uuid,
        stream: &str,
    ) -> Result<Position, StoreError> {
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
                self.streams.insert(id, stream_hash(stream));
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
                .next_after(
                    Position(index as u64),
                    *offset,
                    Uuid::from_u128(*offset as u128),
                    "visit-a",
                )
                .unwrap();
        }
        ordinals
    }

    #[test]
    fn events_are_numbered_one_two_three_whatever_their_offsets() {
        let mut ordinals = Ordinals::default();
        assert_eq!(
            ordinals
                .next_after(Position::START, 12_288, Uuid::now_v7(), "visit-a")
                .unwrap(),
            Position(1)
        );
        assert_eq!(
            ordinals
                .next_after(Position(1), 12_611, Uuid::now_v7(), "visit-b")
                .unwrap(),
            Position(2)
        );
        assert_eq!(
            ordinals
                .next_after(Position(2), 40_960, Uuid::now_v7(), "visit-a")
                .unwrap(),
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
        let id = Uuid::from_u128(250);
        assert_eq!(
            ordinals
                .next_after(Position(1), 250, id, "visit-a")
                .unwrap(),
            Position(2)
        );
        assert_eq!(ordinals.len(), 3);
        let changed = ordinals
            .next_after(Position(1), 300, id, "visit-a")
            .unwrap_err();
        assert!(
            matches!(changed, StoreError::Corrupt { position: 2, .. }),
            "{changed:?}"
        );
    }

    #[test]
    fn gaps_and_offsets_going_backwards_are_refused() {
        let mut ordinals = numbered(&[100, 250]);
        let id = Uuid::now_v7();
        assert!(
            ordinals
                .next_after(Position(5), 999, id, "visit-a")
                .is_err()
        );
        assert!(
            ordinals
                .next_after(Position(2), 250, id, "visit-a")
                .is_err()
        );
        assert!(
            ordinals
                .next_after(Position(2), 200, id, "visit-a")
                .is_err()
        );
        assert_eq!(ordinals.len(), 2);
    }

    #[test]
    fn ids_are_known_per_stream_like_the_embedded_store_knows_them() {
        // numbered(): ids 100 and 250 in visit-a.
        let ordinals = numbered(&[100, 250]);
        let (a, b, new) = (
            Uuid::from_u128(100),
            Uuid::from_u128(250),
            Uuid::from_u128(7),
        );
        assert_eq!(ordinals.known_ids("visit-a", &[new]), KnownIds::New);
        assert_eq!(ordinals.known_ids("visit-a", &[a, b]), KnownIds::Retry);
        assert_eq!(
            ordinals.known_ids("visit-a", &[a, new]),
            KnownIds::Conflict(a)
        );
        assert_eq!(ordinals.known_ids("visit-b", &[b]), KnownIds::Conflict(b));
    }
}
