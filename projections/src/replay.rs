//! Replaying the global log into a fold, the way projections are rebuilt. Reading and decoding
//! run on different threads (a reader task hands pages to the decoding caller through a short
//! queue), so on a 2-core machine both cores work on a rebuild.

use std::sync::Arc;

use wifo_domain::Event;
use wifo_store::{Codec, EventStore, Position, RecordedEvent, StoreError, codec::CodecError};

use crate::decode::decode_event;

/// Events per page read from the store.
const PAGE: usize = 8192;
/// Pages read ahead of the decoder.
const READ_AHEAD: usize = 4;

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

/// Feeds every event after `after` to `apply`, in log order, and returns the last position seen
/// (`after` if there was nothing new).
pub async fn replay(
    store: Arc<dyn EventStore>,
    codec: &Codec,
    after: Position,
    mut apply: impl FnMut(&RecordedEvent, Event),
) -> Result<Position, ReplayError> {
    let (pages, mut received) =
        tokio::sync::mpsc::channel::<Result<Vec<RecordedEvent>, StoreError>>(READ_AHEAD);
    let reader = tokio::spawn(async move {
        let mut cursor = after;
        loop {
            match store.read_all(cursor, PAGE).await {
                Ok(page) => {
                    let Some(last) = page.last() else { return };
                    cursor = last.position;
                    if pages.send(Ok(page)).await.is_err() {
                        return;
                    }
                }
                Err(error) => {
                    let _ = pages.send(Err(error)).await;
                    return;
                }
            }
        }
    });
    let mut last = after;
    while let Some(page) = received.recv().await {
        for recorded in &page? {
            let event = decode_event(codec, recorded).map_err(|source| ReplayError::Decode {
                position: recorded.position,
                source,
            })?;
            apply(recorded, event);
            last = recorded.position;
        }
    }
    let _ = reader.await;
    Ok(last)
}
