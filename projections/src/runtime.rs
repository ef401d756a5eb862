//! Keeps the views current: loads the snapshot, replays what came after it, then follows the
//! log through a catch-up subscription. Each applied event advances a watch of the applied
//! position, so a request can wait (bounded) until the views include its own write.

use std::path::PathBuf;
use std::sync::{Arc, RwLock, RwLockReadGuard};
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::watch;
use wifo_store::{Codec, EventStore, Position};

use crate::{decode::decode_event, replay::ReplayError, snapshot, views::Views};

/// How often the running projections write a snapshot (if anything changed). Writing one pauses
/// applying new events for as long as serializing takes (about 2.5 s for 1M events), so it is
/// rare; shutdown writes one too, and a missing or old snapshot only costs a longer replay.
const SNAPSHOT_EVERY: Duration = Duration::from_secs(15 * 60);

/// The live views of one store.
#[derive(Clone, Debug)]
pub struct Projections {
    views: Arc<RwLock<Views>>,
    applied: watch::Receiver<Position>,
    /// Whether the in-memory index of person names holds every person of the log.
    names_ready: watch::Receiver<bool>,
    snapshot_path: Option<PathBuf>,
}

/// How the views were brought up to date at start.
#[derive(Clone, Copy, Debug)]
pub struct Startup {
    pub from_snapshot: Option<Position>,
    pub replayed_events: u64,
    pub position: Position,
}

impl Projections {
    /// Loads the snapshot (if any), replays the rest of the log, and starts following it.
    pub async fn start(
        store: Arc<dyn EventStore>,
        codec: Arc<Codec>,
        snapshot_path: Option<PathBuf>,
    ) -> Result<(Self, Startup), ReplayError> {
        let mut views = snapshot_path
            .as_deref()
            .and_then(snapshot::load)
            .unwrap_or_default();
        // A snapshot from beyond the log (the log was restored from an older backup) describes
        // events that do not exist: start over.
        if views.position > store.head().await? {
            tracing::warn!(snapshot = %views.position, "snapshot is ahead of the log, rebuilding");
            views = Views::default();
        }
        let from_snapshot = (views.events > 0).then_some(views.position);
        let before = views.events;
        crate::replay::replay(store.clone(), &codec, views.position, |recorded, event| {
            views.apply(recorded, &event);
        })
        .await?;
        let startup = Startup {
            from_snapshot,
            replayed_events: views.events - before,
            position: views.position,
        };
        let (sender, applied) = watch::channel(views.position);
        let views = Arc::new(RwLock::new(views));
        let (names_sender, names_ready) = watch::channel(false);
        let projections = Self {
            views: views.clone(),
            applied,
            names_ready,
            snapshot_path: snapshot_path.clone(),
        };
        // The names of persons known from the snapshot are read from the log in the background,
        // so the views serve at once; a search by person finds them about 2 s later.
        tokio::spawn(restore_person_names(
            views.clone(),
            store.clone(),
            codec.clone(),
            names_sender,
        ));
        tokio::spawn(follow(
            store,
            codec,
            views,
            sender,
            snapshot_path,
            startup.position,
        ));
        Ok((projections, startup))
    }

    /// Read access to the views.
    pub fn read(&self) -> RwLockReadGuard<'_, Views> {
        // A panic while applying would leave the lock poisoned; the views are still the last
        // consistent state, so reading on is right.
        self.views
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The newest position the views include.
    pub fn position(&self) -> Position {
        *self.applied.borrow()
    }

    /// Waits until the index of person names holds every person known at start, at most
    /// `timeout`. Returns whether it does.
    pub async fn wait_for_person_names(&self, timeout: Duration) -> bool {
        let mut ready = self.names_ready.clone();
        let reached = tokio::time::timeout(timeout, ready.wait_for(|ready| *ready)).await;
        matches!(reached, Ok(Ok(_)))
    }

    /// Waits until the views include `position`, at most `timeout`. Returns whether they do.
    pub async fn wait_for(&self, position: Position, timeout: Duration) -> bool {
        let mut applied = self.applied.clone();
        let reached =
            tokio::time::timeout(timeout, applied.wait_for(|applied| *applied >= position)).await;
        matches!(reached, Ok(Ok(_)))
    }

    /// Writes a snapshot now (e.g. at shutdown).
    pub fn save_snapshot(&self) -> Result<(), snapshot::SnapshotError> {
        match &self.snapshot_path {
            Some(path) => snapshot::save(path, &self.read()),
            None => Ok(()),
        }
    }
}

/// Applies live events as they are committed, in small batches under the write lock.
async fn follow(
    store: Arc<dyn EventStore>,
    codec: Arc<Codec>,
    views: Arc<RwLock<Views>>,
    applied: watch::Sender<Position>,
    snapshot_path: Option<PathBuf>,
    after: Position,
) {
    let mut subscription = store.subscribe_all(after).ready_chunks(512);
    let mut last_snapshot = tokio::time::Instant::now();
    let mut snapshot_position = after;
    while let Some(batch) = subscription.next().await {
        let mut decoded = Vec::with_capacity(batch.len());
        for recorded in batch {
            match recorded {
                Ok(recorded) => match decode_event(&codec, &recorded) {
                    Ok(event) => decoded.push((recorded, event)),
                    Err(error) => {
                        tracing::error!(position = %recorded.position, %error, "event not decodable, views stop here");
                        return;
                    }
                },
                Err(error) => {
                    tracing::error!(%error, "subscription failed, views stop here");
                    return;
                }
            }
        }
        let position = {
            let mut views = views
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for (recorded, event) in &decoded {
                views.apply(recorded, event);
            }
            views.position
        };
        applied.send_replace(position);
        if let Some(path) = &snapshot_path
            && last_snapshot.elapsed() >= SNAPSHOT_EVERY
            && position > snapshot_position
        {
            let views = views.clone();
            let path = path.clone();
            let result = tokio::task::spawn_blocking(move || {
                let views = views
                    .read()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                snapshot::save(&path, &views)
            })
            .await;
            if let Ok(Err(error)) = result {
                tracing::warn!(%error, "snapshot not written");
            }
            last_snapshot = tokio::time::Instant::now();
            snapshot_position = position;
        }
    }
}

/// Fills the in-memory index of person names (which no snapshot holds) from each person's
/// newest personal event, opened with their key. A name is set only if that event is still the
/// person's newest and they were not erased meanwhile, so what the live views applied since the
/// start is never overwritten.
async fn restore_person_names(
    views: Arc<RwLock<Views>>,
    store: Arc<dyn EventStore>,
    codec: Arc<Codec>,
    ready: watch::Sender<bool>,
) {
    let started = std::time::Instant::now();
    let wanted: Vec<(wifo_domain::ids::PersonId, Position)> = {
        let views = views
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        views
            .persons
            .iter()
            .filter(|(person, record)| !record.erased && !views.person_names.contains(**person))
            .filter_map(|(person, record)| record.personal_at.map(|at| (*person, at)))
            .collect()
    };
    let mut found = Vec::with_capacity(wanted.len());
    for (person, at) in wanted {
        if let Some(wifo_domain::personal::Erasable::Known(data)) =
            crate::queries::personal::personal_data(Some(at), false, &*store, &codec).await
        {
            found.push((person, at, data.name));
        }
    }
    let indexed = {
        let mut views = views
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for (person, at, name) in found {
            let current = views
                .persons
                .get(&person)
                .is_some_and(|record| !record.erased && record.personal_at == Some(at));
            if current && !views.person_names.contains(person) {
                views.person_names.set(person, name.as_str());
            }
        }
        views.person_names.len()
    };
    let _ = ready.send(true);
    tracing::info!(
        persons = indexed,
        millis = started.elapsed().as_millis() as u64,
        "person names indexed"
    );
}
