//! The catch-up subscription to `$all` on KurrentDB: filtered on the server to this office's
//! streams, starting after a checkpoint (the position the projections last applied), numbering
//! events as they come (`ordinals.rs`), and reconnecting by itself when the node it reads from
//! goes away — the client rediscovers the cluster and the subscription resumes after the last
//! event it saw, so a leader loss costs a pause, never a gap or a duplicate.

use std::time::Duration;

use futures::StreamExt;
use kurrentdb::{StreamPosition, SubscribeToAllOptions, SubscriptionEvent};

use crate::{
    error::StoreError,
    event_store::Subscription,
    kurrent::{KurrentStore, errors, position, streams},
    types::Position,
};

/// How long to wait before the `attempt`-th reconnection (1, 2, …): doubling from a quarter
/// second up to five seconds, so a failover (a few seconds) is bridged without hammering.
pub fn reconnect_delay(attempt: u32) -> Duration {
    let millis = 250u64.saturating_mul(1u64 << attempt.saturating_sub(1).min(5));
    Duration::from_millis(millis.min(5_000))
}

struct State {
    store: KurrentStore,
    /// The newest event delivered to the caller.
    delivered: Position,
    /// The newest event seen from the server (at or before `delivered` only at the start, when
    /// `after` lies beyond the numbered log).
    seen: Position,
    seen_offset: Option<u64>,
    live: Option<kurrentdb::Subscription>,
    failures: u32,
    finished: bool,
}

/// Subscribes after `after` and keeps the subscription alive across reconnections.
pub fn subscribe(store: KurrentStore, after: Position) -> Subscription {
    let state = State {
        store,
        delivered: after,
        seen: after,
        seen_offset: None,
        live: None,
        failures: 0,
        finished: false,
    };
    futures::stream::unfold(state, |mut state| async move {
        if state.finished {
            return None;
        }
        loop {
            if state.live.is_none() {
                match start(&mut state).await {
                    Ok(live) => state.live = Some(live),
                    Err(error) => match wait_or_fail(&mut state, error).await {
                        Some(error) => return Some((Err(error), state)),
                        None => continue,
                    },
                }
            }
            let Some(live) = state.live.as_mut() else {
                continue;
            };
            match live.next_subscription_event().await {
                Ok(SubscriptionEvent::EventAppeared(resolved)) => {
                    state.failures = 0;
                    match next_event(&mut state, &resolved) {
                        Ok(Some(event)) => return Some((Ok(event), state)),
                        Ok(None) => continue,
                        Err(error) => {
                            state.finished = true;
                            return Some((Err(error), state));
                        }
                    }
                }
                Ok(_) => continue,
                Err(error) => {
                    state.live = None;
                    if let Some(error) = wait_or_fail(&mut state, errors::from_client(error)).await
                    {
                        return Some((Err(error), state));
                    }
                }
            }
        }
    })
    .boxed()
}

/// Opens the server subscription after the newest event seen (numbering it first if needed).
async fn start(state: &mut State) -> Result<kurrentdb::Subscription, StoreError> {
    let offset = match state.store.offset_after(state.seen).await? {
        Ok(offset) => offset,
        // `after` lies beyond the log: follow it from its end, deliver only what is after.
        Err(end) => {
            state.seen = end;
            state.store.offset_after(end).await?.unwrap_or(None)
        }
    };
    state.seen_offset = offset;
    let start = offset.map_or(StreamPosition::Start, |offset| {
        StreamPosition::Position(position::to_server(offset))
    });
    let options = SubscribeToAllOptions::default()
        .position(start)
        .filter(streams::filter(state.store.tenant()));
    Ok(state.store.client().subscribe_to_all(&options).await)
}

/// Numbers the next server event; `Some` if it is after what the caller has.
fn next_event(
    state: &mut State,
    resolved: &kurrentdb::ResolvedEvent,
) -> Result<Option<crate::types::RecordedEvent>, StoreError> {
    let Some(read) = state.store.recorded(resolved)? else {
        return Ok(None);
    };
    if state.seen_offset.is_some_and(|seen| read.offset <= seen) {
        return Ok(None);
    }
    let offset = read.offset;
    let Some(event) = state.store.number(state.seen, vec![read])?.pop() else {
        return Ok(None);
    };
    state.seen = event.position;
    state.seen_offset = Some(offset);
    if event.position > state.delivered {
        state.delivered = event.position;
        Ok(Some(event))
    } else {
        Ok(None)
    }
}

/// After a failure: waits and returns `None` to reconnect, or returns the error to end with.
async fn wait_or_fail(state: &mut State, error: StoreError) -> Option<StoreError> {
    if !errors::is_transient(&error) {
        state.finished = true;
        return Some(error);
    }
    state.failures = state.failures.saturating_add(1);
    let delay = reconnect_delay(state.failures);
    tracing::warn!(%error, after = %state.delivered, ?delay, "subscription lost, reconnecting");
    tokio::time::sleep(delay).await;
    None
}

#[cfg(test)]
#[path = "subscription_tests.rs"]
mod tests;
