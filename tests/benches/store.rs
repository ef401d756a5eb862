//! Benchmark of the write and replay paths, printed beside a plain SQLite peer run in the same
//! process on the same disk:
//! - durable commands/s through the full command path (load stream, decide, encode, group-commit
//!   append) with 1, 8 and 64 concurrent writers, against one transaction per append;
//! - full-log replay events/s (read every event and decode it into its domain type), against a
//!   plain `SELECT` over the same rows.
//!
//! Run: `cargo bench -p wifo-tests --bench store`. Knobs: `WIFO_BENCH_SECONDS` per run,
//! `WIFO_BENCH_EVENTS` to replay, `WIFO_BENCH_WRITERS=1,8,64`, `WIFO_BENCH_PEER=0` to skip the peer.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use uuid::Uuid;
use wifo_domain::organization::{
    Organization, OrganizationCommand, OrganizationEvent, OrganizationKind, Profile,
    RegisterOrganization,
};
use wifo_domain::{ids::OrganizationId, values::OrganizationName};
use wifo_store::{
    Codec, CommandContext, CommandHandler, EventStore, ExpectedRevision, Metadata, Position,
    SqliteStore,
};

fn register(n: u64) -> anyhow::Result<OrganizationCommand> {
    Ok(OrganizationCommand::Register(RegisterOrganization {
        organization: OrganizationId::from_uuid(Uuid::now_v7()),
        name: OrganizationName::parse(&format!("Betrieb {n}"))?,
        kind: OrganizationKind::Company,
        profile: Profile::default(),
        address: None,
        region: None,
        external_id: None,
    }))
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn wifo_commands(writers: usize, duration: Duration) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let store: Arc<dyn EventStore> =
        Arc::new(SqliteStore::open(&dir.path().join("events.sqlite"))?);
    let handler = CommandHandler::new(store, Arc::new(Codec::default()));
    let done = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..writers)
        .map(|_| {
            let handler = handler.clone();
            let done = done.clone();
            tokio::spawn(async move {
                let context = CommandContext::now("bench");
                while start.elapsed() < duration {
                    let command = register(done.load(Ordering::Relaxed))?;
                    handler
                        .execute::<Organization>(&command, &context, None)
                        .await
                        .map_err(|error| anyhow::anyhow!("{error}"))?;
                    done.fetch_add(1, Ordering::Relaxed);
                }
                anyhow::Ok(())
            })
        })
        .collect();
    for task in tasks {
        task.await??;
    }
    Ok(done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64())
}

/// The peer: one SQLite transaction (and so one fsync) per append, writers taking turns.
async fn sqlite_one_transaction_per_append(
    writers: usize,
    duration: Duration,
) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let connection = rusqlite::Connection::open(dir.path().join("peer.sqlite"))?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.execute_batch(
        "CREATE TABLE events (position INTEGER PRIMARY KEY, event_id BLOB NOT NULL UNIQUE, stream TEXT NOT NULL, \
         revision INTEGER NOT NULL, event_type TEXT NOT NULL, payload BLOB NOT NULL, UNIQUE (stream, revision))",
    )?;
    let payload = rmp_payload()?;
    let connection = Arc::new(Mutex::new(connection));
    let done = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..writers)
        .map(|_| {
            let connection = connection.clone();
            let done = done.clone();
            let payload = payload.clone();
            tokio::task::spawn_blocking(move || {
                while start.elapsed() < duration {
                    let mut connection = connection.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
                    let transaction = connection.transaction()?;
                    let id = Uuid::now_v7();
                    transaction.execute(
                        "INSERT INTO events (event_id, stream, revision, event_type, payload) VALUES (?1, ?2, 0, ?3, ?4)",
                        rusqlite::params![id.as_bytes().as_slice(), format!("organization-{id}"), "OrganizationRegistered", payload],
                    )?;
                    transaction.commit()?;
                    done.fetch_add(1, Ordering::Relaxed);
                }
                anyhow::Ok(())
            })
        })
        .collect();
    for task in tasks {
        task.await??;
    }
    Ok(done.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64())
}

fn rmp_payload() -> anyhow::Result<Vec<u8>> {
    let OrganizationCommand::Register(command) = register(1)? else {
        anyhow::bail!("not a registration")
    };
    let event = OrganizationEvent::Registered {
        organization: command.organization,
        name: command.name,
        kind: command.kind,
        profile: command.profile,
        address: command.address,
        region: command.region,
        external_id: None,
    };
    Ok(rmp_serde::to_vec_named(&event)?)
}

/// Fills a store with `events` organization events in batches, for the replay measurement.
async fn filled_store(path: &std::path::Path, events: u64) -> anyhow::Result<SqliteStore> {
    let store = SqliteStore::open(path)?;
    let codec = Codec::default();
    let mut written = 0;
    while written < events {
        let mut batch = Vec::new();
        let organization = OrganizationId::from_uuid(Uuid::now_v7());
        for n in 0..1000.min(events - written) {
            let event = if n == 0 {
                OrganizationEvent::Registered {
                    organization,
                    name: OrganizationName::parse("Replay GmbH")?,
                    kind: OrganizationKind::Company,
                    profile: Profile::default(),
                    address: None,
                    region: None,
                    external_id: None,
                }
            } else {
                OrganizationEvent::Renamed {
                    organization,
                    name: OrganizationName::parse(&format!("Replay GmbH {n}"))?,
                }
            };
            batch.push(codec.encode(
                &event,
                Uuid::now_v7(),
                Metadata {
                    actor: "bench".into(),
                    occurred_at: chrono::Utc::now(),
                    correlation_id: Uuid::now_v7(),
                    causation_id: None,
                    data_subject: None,
                },
            )?);
        }
        written += batch.len() as u64;
        store
            .append(
                &format!("organization-{organization}"),
                ExpectedRevision::NoStream,
                batch,
            )
            .await?;
    }
    Ok(store)
}

async fn wifo_replay(store: &SqliteStore) -> anyhow::Result<(u64, f64)> {
    let codec = Codec::default();
    let shared: Arc<dyn EventStore> = Arc::new(store.clone());
    let start = Instant::now();
    let mut count = 0u64;
    wifo_projections::replay(shared, &codec, Position::START, |_, event| {
        std::hint::black_box(&event);
        count += 1;
    })
    .await?;
    Ok((count, count as f64 / start.elapsed().as_secs_f64()))
}

fn sqlite_scan(path: &std::path::Path) -> anyhow::Result<f64> {
    let connection = rusqlite::Connection::open(path)?;
    let start = Instant::now();
    let mut statement = connection.prepare(
        "SELECT position, event_id, stream, payload, actor FROM events ORDER BY position",
    )?;
    let mut rows = statement.query([])?;
    let mut count = 0u64;
    while let Some(row) = rows.next()? {
        let payload: &[u8] = row.get_ref(3)?.as_blob()?;
        std::hint::black_box(payload);
        count += 1;
    }
    Ok(count as f64 / start.elapsed().as_secs_f64())
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let duration = Duration::from_secs(env_number("WIFO_BENCH_SECONDS", 3));
    let replay_events = env_number("WIFO_BENCH_EVENTS", 1_000_000);
    println!(
        "durable commands/s ({}s each, {} cores)",
        duration.as_secs(),
        std::thread::available_parallelism()?
    );
    println!(
        "{:>8} | {:>22} | {:>28} | {:>6}",
        "writers", "wifo (group commit)", "SQLite, 1 txn per append", "ratio"
    );
    let writer_counts: Vec<usize> = std::env::var("WIFO_BENCH_WRITERS")
        .ok()
        .map(|list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![1, 8, 64]);
    let with_peer = std::env::var("WIFO_BENCH_PEER").map_or(true, |v| v != "0");
    for writers in writer_counts {
        let wifo = runtime.block_on(wifo_commands(writers, duration))?;
        let peer = if with_peer {
            runtime.block_on(sqlite_one_transaction_per_append(writers, duration))?
        } else {
            f64::NAN
        };
        println!(
            "{writers:>8} | {wifo:>22.0} | {peer:>28.0} | {:>5.1}x",
            wifo / peer
        );
    }
    let dir = tempfile::tempdir()?;
    // `WIFO_BENCH_STORE=FILE` keeps the filled log between runs (for profiling the replay alone).
    let path = std::env::var("WIFO_BENCH_STORE")
        .map_or_else(|_| dir.path().join("events.sqlite"), Into::into);
    let store = if path.exists() {
        SqliteStore::open(&path)?
    } else {
        runtime.block_on(filled_store(&path, replay_events))?
    };
    let (count, wifo) = runtime.block_on(wifo_replay(&store))?;
    let peer = sqlite_scan(&path)?;
    let read_only = runtime.block_on(async {
        let start = Instant::now();
        let mut after = Position::START;
        let mut count = 0u64;
        loop {
            let page = store.read_all(after, 8192).await?;
            let Some(last) = page.last() else { break };
            after = last.position;
            count += page.len() as u64;
        }
        anyhow::Ok(count as f64 / start.elapsed().as_secs_f64())
    })?;
    println!("(of which reading alone: {read_only:.0} events/s)");
    println!("full-log replay of {count} events (read + decode into domain events)");
    println!(
        "{:>22} | {:>28}",
        "wifo events/s", "plain SQLite scan rows/s"
    );
    println!("{wifo:>22.0} | {peer:>28.0}");
    Ok(())
}
