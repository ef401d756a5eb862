//! Replaying the global log into a fold, the way projections are rebuilt. Two reader tasks
//! read alternate slices of the log (by position) while the caller decodes and applies events in
//! order, so on a 2-core machine both cores work on a rebuild; whatever was appended while the
//! replay ran is read at the end, page by page.

use std::sync::Arc;

use tokio::sync::mpsc;
use wifo_domain::Event;
use wifo_store::{Codec, EventStore, Position, RecordedEvent, StoreError, codec::CodecError};

use crate::decode::decode_event;

/// Positions per slice read by one reader.
const SLICE: u64 = 8192;
/// Parallel readers.
const READERS: u64 = 2;
/// Slices a reader may read ahead of the decoder.
const READ_AHEAD: usize = 2;

#[derive(Debug, thiserror::Error)]
pub enum ReplayError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("event at position {position}: {source}")]
    Decode {
        position: Position,
        source: CodecError,
    },
}

type Slice = Result<Vec<RecordedEvent>, StoreError>;

/// Feeds every event after `after` to `apply`, in log order, and returns the last position seen
/// (`after` if there was nothing new).
pub async fn replay(
    store: Arc<dyn EventStore>,
    codec: &Codec,
    after: Position,
    mut apply: impl FnMut(&RecordedEvent, Event),
) -> Result<Position, ReplayError> {
    let head = store.head().await?;
    let mut last = after;
    let mut feed = |slice: Vec<RecordedEvent>, last: &mut Position| -> Result<(), ReplayError> {
        for recorded in &slice {
            let event = decode_event(codec, recorded).map_err(|source| ReplayError::Decode {
                position: recorded.position,
                source,
            })?;
            apply(recorded, event);
            *last = recorded.position;
        }
        Ok(())
    };
    if head > after {
        let slices = (head.0 - after.0).div_ceil(SLICE);
        let mut receivers = Vec::new();
        let mut readers = Vec::new();
        for reader in 0..READERS {
            let (sender, receiver) = mpsc::channel::<Slice>(READ_AHEAD);
            receivers.push(receiver);
            let store = store.clone();
            readers.push(tokio::spawn(async move {
                let mut slice = reader;
                while slice < slices {
                    let from = Position(after.0 + slice * SLICE);
                    let until = Position((from.0 + SLICE).min(head.0));
                    let events = store.read_all_range(from, until).await;
                    let failed = events.is_err();
                    if sender.send(events).await.is_err() || failed {
                        return;
                    }
                    slice += READERS;
                }
            }));
        }
        for slice in 0..slices {
            let receiver = &mut receivers[(slice % READERS) as usize];
            let Some(events) = receiver.recv().await else {
                return Err(StoreError::Closed.into());
            };
            feed(events?, &mut last)?;
        }
        for reader in readers {
            let _ = reader.await;
        }
    }
    // Appended while the replay ran.
    let mut cursor = head.max(after);
    loop {
        let page = store.read_all(cursor, SLICE as usize).await?;
        let Some(newest) = page.last() else { break };
        cursor = newest.position;
        feed(page, &mut last)?;
    }
    Ok(last)
}
