//! The catch-up-then-live subscription of the backends that read their own log (the embedded
//! file, PostgreSQL): read everything after the cursor in pages, and when a read comes back
//! empty wait for the next head — published on a `watch` by the backend's appends (and, on
//! PostgreSQL, by notifications from other instances) — or, with a poll interval, at most that
//! long. The head is marked as seen before each read, so a commit between the read and the wait
//! still wakes the subscriber: no event is missed, none is delivered twice.

use std::collections::VecDeque;
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::watch;

use crate::{
    event_store::{EventStore, Subscription},
    types::{Position, RecordedEvent},
};

/// Follows `store` after `after`; `poll` bounds each wait where wake-ups can be lost.
pub(crate) fn follow<S: EventStore + Clone>(
    store: S,
    head: watch::Receiver<u64>,
    after: Position,
    page: usize,
    poll: Option<Duration>,
) -> Subscription {
    struct Cursor<S> {
        store: S,
        head: watch::Receiver<u64>,
        after: Position,
        buffer: VecDeque<RecordedEvent>,
    }
    let cursor = Cursor {
        store,
        head,
        after,
        buffer: VecDeque::new(),
    };
    futures::stream::unfold(cursor, move |mut cursor| async move {
        loop {
            if let Some(event) = cursor.buffer.pop_front() {
                cursor.after = event.position;
                return Some((Ok(event), cursor));
            }
            cursor.head.borrow_and_update();
            match cursor.store.read_all(cursor.after, page).await {
                Ok(events) if !events.is_empty() => cursor.buffer.extend(events),
                Ok(_) => match poll {
                    Some(poll) => {
                        let _ = tokio::time::timeout(poll, cursor.head.changed()).await;
                    }
                    None => {
                        if cursor.head.changed().await.is_err() {
                            return None;
                        }
                    }
                },
                Err(error) => return Some((Err(error), cursor)),
            }
        }
    })
    .boxed()
}
