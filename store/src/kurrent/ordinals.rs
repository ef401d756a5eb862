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
#[path = "ordinals_tests.rs"]
mod tests;
