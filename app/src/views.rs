//! Loading the views of a data directory, in one place: from the snapshot (`views.snapshot`)
//! plus the events after it. The server keeps them live; the read-only commands (exports,
//! import planning, reports) load them once; `rebuild` replays the whole log into fresh views.

use std::time::Instant;

use wifo_projections::{FactTables, Projections, Views};
use wifo_store::{EventStore, Position};

use crate::data_dir::DataDir;
use crate::files::SNAPSHOT_FILE;

/// Brings the views of `data` up to date from their snapshot and keeps them live.
pub async fn start(data: &DataDir) -> crate::error::Result<Projections> {
    let started = Instant::now();
    let (projections, startup) = Projections::start(
        data.store_shared(),
        data.codec.clone(),
        Some(data.path.join(SNAPSHOT_FILE)),
    )
    .await?;
    tracing::info!(
        from_snapshot = ?startup.from_snapshot,
        replayed = startup.replayed_events,
        position = %startup.position,
        millis = started.elapsed().as_millis() as u64,
        "views ready"
    );
    Ok(projections)
}

/// Runs `read` on the views of the data directory at `path`, opened read-only (snapshot plus the
/// events after it).
pub async fn with_views<T>(
    path: &std::path::Path,
    read: impl FnOnce(&Views) -> T,
) -> crate::error::Result<T> {
    let data = DataDir::open_existing(path)?;
    let projections = start(&data).await;
    let result = projections.map(|projections| read(&projections.read()));
    data.store.close();
    result
}

/// Progress of a replay: events applied so far of how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// Replays the whole log into fresh views and writes the snapshot; `progress` is told every
/// 4,096 events. Answers the number of events applied.
pub async fn rebuild(
    data: &DataDir,
    mut progress: impl FnMut(Progress),
) -> crate::error::Result<u64> {
    let head = data.store.head().await?;
    let mut views = Views::default();
    let mut applied = 0u64;
    wifo_projections::replay(
        data.store_shared(),
        &data.codec,
        Position::START,
        |recorded, event| {
            views.apply(recorded, &event);
            applied += 1;
            if applied.is_multiple_of(4096) {
                progress(Progress {
                    done: recorded.position.0,
                    total: head.0,
                });
            }
        },
    )
    .await?;
    wifo_projections::snapshot::save(&data.path.join(SNAPSHOT_FILE), &views)?;
    Ok(applied)
}

/// The fact tables as the server would have them: from the snapshot (the other views in it are
/// skipped), then the rest of the log. Only the fact tables are built, so a report needs a
/// fraction of the server's memory. `progress` counts the events replayed after the snapshot.
pub async fn load_facts(
    data: &DataDir,
    mut progress: impl FnMut(Progress),
) -> crate::error::Result<FactTables> {
    let head = data.store.head().await?;
    let mut facts =
        wifo_projections::snapshot::load_facts(&data.path.join(SNAPSHOT_FILE)).unwrap_or_default();
    if facts.position > head {
        facts = FactTables::default();
    }
    let start = facts.position;
    let total = head.0.saturating_sub(start.0);
    let mut applied = 0u64;
    wifo_projections::replay(
        data.store_shared(),
        &data.codec,
        start,
        |recorded, event| {
            facts.apply(recorded, &event);
            applied += 1;
            if applied.is_multiple_of(4096) {
                progress(Progress {
                    done: recorded.position.0.saturating_sub(start.0),
                    total,
                });
            }
        },
    )
    .await?;
    Ok(facts)
}
