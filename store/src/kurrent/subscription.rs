//! The catch-up subscription to `$all` on KurrentDB: filtered on the server to this office's
//! streams, starting after a checkpoint (the position the projections last applied), and
//! reconnecting by itself when the node it reads from goes away — the client rediscovers the
//! cluster and the subscription resumes after the last event it delivered, so a leader loss
//! costs a pause, never a gap or a duplicate.

use std::time::Duration;

use futures::StreamExt;
use kurrentdb::{StreamPosition, SubscribeToAllOptions, SubscriptionEvent};

use crate::{
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
    last: Position,
    live: Option<kurrentdb::Subscription>,
    failures: u32,
    finished: bool,
}

/// Subscribes after `after` and keeps the subscription alive across reconnections.
pub fn subscribe(store: KurrentStore, after: Position) -> Subscription {
    let state = State {
        store,
        last: after,
        live: None,
        failures: 0,
        finished: false,
    };
    futures::stream::unfold(state, |mut state| async move {
        if state.finished {
            return None;
        }
        loop {
            let live = match state.live.as_mut() {
                Some(live) => live,
                None => {
                    let options = options(&state.store, state.last);
                    state
                        .live
                        .insert(state.store.client().subscribe_to_all(&options).await)
                }
            };
            match live.next_subscription_event().await {
                Ok(SubscriptionEvent::EventAppeared(resolved)) => {
                    state.failures = 0;
                    match state.store.recorded(&resolved) {
                        Ok(Some(event)) if position::is_after(event.position, state.last) => {
                            state.last = event.position;
                            return Some((Ok(event), state));
                        }
                        Ok(_) => continue,
                        Err(error) => {
                            state.finished = true;
                            return Some((Err(error), state));
                        }
                    }
                }
                Ok(_) => continue,
                Err(error) => {
                    let error = errors::from_client(error);
                    if !errors::is_transient(&error) {
                        state.finished = true;
                        return Some((Err(error), state));
                    }
                    state.live = None;
                    state.failures = state.failures.saturating_add(1);
                    let delay = reconnect_delay(state.failures);
                    tracing::warn!(%error, after = %state.last, ?delay, "subscription lost, reconnecting");
                    tokio::time::sleep(delay).await;
                }
            }
        }
    })
    .boxed()
}

fn options(store: &KurrentStore, after: Position) -> SubscribeToAllOptions {
    let start = if after == Position::START {
        StreamPosition::Start
    } else {
        StreamPosition::Position(position::to_server(after))
    };
    SubscribeToAllOptions::default()
        .position(start)
        .filter(streams::filter(store.tenant()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnection_waits_double_each_time_up_to_five_seconds() {
        let delays: Vec<u64> = (1..=8)
            .map(|attempt| reconnect_delay(attempt).as_millis() as u64)
            .collect();
        assert_eq!(
            delays,
            vec![250, 500, 1_000, 2_000, 4_000, 5_000, 5_000, 5_000]
        );
        assert_eq!(reconnect_delay(u32::MAX).as_millis(), 5_000);
    }
}
