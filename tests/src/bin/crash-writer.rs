//! A child process for the crash tests: appends to a store — an embedded file, or with the
//! feature `postgres` a `postgres://…` connection string — from many tasks as fast as it can and
//! prints `ack <event id>` for every append the store acknowledged, until it is killed. The
//! parent kills it with SIGKILL and checks that every acknowledged event survived.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use wifo_store::{EventStore, ExpectedRevision, SqliteStore};

/// The store at `target`.
async fn open(target: &str) -> anyhow::Result<Arc<dyn EventStore>> {
    #[cfg(feature = "postgres")]
    if wifo_store::PostgresLocation::looks_like(target) {
        let location = wifo_store::PostgresLocation::parse(target)?;
        return Ok(Arc::new(
            wifo_store::PostgresStore::connect(&location).await?,
        ));
    }
    Ok(Arc::new(SqliteStore::open(Path::new(target))?))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let target = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: crash-writer STORE_FILE|postgres://…"))?;
    let store = open(&target).await?;
    let (acks, mut acked) = tokio::sync::mpsc::unbounded_channel::<String>();
    for writer in 0..16 {
        let store = store.clone();
        let acks = acks.clone();
        tokio::spawn(async move {
            let mut n = 0u64;
            loop {
                n += 1;
                let batch: Vec<_> = (0..1 + n % 3).map(|_| wifo_tests::event("crash")).collect();
                let ids: Vec<String> = batch.iter().map(|event| event.id.to_string()).collect();
                let stream = format!("visit-w{writer}x{}", n % 5);
                if store
                    .append(&stream, ExpectedRevision::Any, batch)
                    .await
                    .is_ok()
                {
                    for id in ids {
                        if acks.send(id).is_err() {
                            return;
                        }
                    }
                }
            }
        });
    }
    drop(acks);
    let stdout = std::io::stdout();
    while let Some(id) = acked.recv().await {
        let mut out = stdout.lock();
        writeln!(out, "ack {id}")?;
        out.flush()?;
    }
    Ok(())
}
