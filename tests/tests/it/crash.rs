//! Crash safety of the embedded store: a child process appends under load and is killed with
//! SIGKILL at random moments; after every kill the file must open cleanly and hold every event
//! whose append was acknowledged. The same for the server: killed while keyed API requests are in
//! flight, retried with the same `Idempotency-Key` after the restart, no request is stored twice.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::Rng;
use uuid::Uuid;
use wifo_store::{EventStore, Position, SqliteStore};

const CYCLES: usize = 24;

/// Starts `src/bin/crash-writer.rs` on `target` (a store file or a connection string); the
/// thread returns the ids it printed as acknowledged once the writer is gone.
pub(crate) fn start_writer(
    target: &std::ffi::OsStr,
) -> anyhow::Result<(std::process::Child, std::thread::JoinHandle<Vec<Uuid>>)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                line.strip_prefix("ack ")
                    .and_then(|id| Uuid::parse_str(id).ok())
            })
            .collect::<Vec<_>>()
    });
    Ok((child, reader))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_append_is_lost_when_the_writer_is_killed() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("events.sqlite");
    let mut rng = rand::rng();
    let mut acknowledged: HashSet<Uuid> = HashSet::new();
    for cycle in 0..CYCLES {
        let (mut child, reader) = start_writer(path.as_os_str())?;
        std::thread::sleep(Duration::from_millis(rng.random_range(30..250)));
        child.kill()?; // SIGKILL on Unix
        child.wait()?;
        let acked_now = reader
            .join()
            .map_err(|_| anyhow::anyhow!("reader panicked"))?;
        acknowledged.extend(acked_now);

        let integrity: String =
            rusqlite::Connection::open(&path)?
                .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        assert_eq!(integrity, "ok", "cycle {cycle}: file is damaged");
        let store = SqliteStore::open(&path)?;
        let mut stored = HashSet::new();
        let mut after = Position::START;
        loop {
            let page = store.read_all(after, 10_000).await?;
            let Some(last) = page.last() else { break };
            after = last.position;
            stored.extend(page.iter().map(|event| event.id));
        }
        store.close();
        let lost: Vec<_> = acknowledged.difference(&stored).collect();
        assert!(
            lost.is_empty(),
            "cycle {cycle}: {} acknowledged events lost",
            lost.len()
        );
    }
    assert!(
        acknowledged.len() > 1000,
        "the writer must have been under load, got {}",
        acknowledged.len()
    );
    Ok(())
}

/// Retries of keyed requests after the server was killed, cycle after cycle.
const SERVER_CYCLES: usize = 20;

/// The crash server of one cycle: its process and its address.
struct Server {
    child: std::process::Child,
    base: String,
}

/// Starts the crash server on `data` and reads what it prints until it listens.
fn start_server(data: &std::path::Path, setup: bool) -> anyhow::Result<(Server, Vec<String>)> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crash-server"));
    command
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if setup {
        command.arg("--setup");
    }
    let mut child = command.spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(address) = line.strip_prefix("listening ") {
            let base = format!("http://{address}");
            return Ok((Server { child, base }, lines));
        }
        lines.push(line);
    }
    anyhow::bail!("the crash server ended before it listened: {lines:?}")
}

/// Sends one keyed contact; `Ok(true)` when the server answered 2xx (`replayed` counts the
/// answers that came from an earlier try).
async fn send_contact(
    http: &reqwest::Client,
    base: &str,
    token: &str,
    organization: &str,
    key: &str,
    replayed: &std::sync::atomic::AtomicUsize,
) -> anyhow::Result<bool> {
    let response = http
        .post(format!("{base}/api/v1/contacts"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&serde_json::json!({
            "organization": organization, "channel": "phone",
            "contacted_on": chrono::Local::now().date_naive().to_string(),
            "topics": [], "summary": key, "staff": "staff",
        }))
        .send()
        .await?;
    let status = response.status();
    if response.headers().contains_key("idempotent-replayed") {
        replayed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    anyhow::ensure!(
        status.is_success(),
        "{key}: {status} {}",
        response.text().await?
    );
    Ok(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyed_retries_after_the_server_was_killed_store_nothing_twice() -> anyhow::Result<()> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let dir = tempfile::tempdir()?;
    let (mut server, lines) = start_server(dir.path(), true)?;
    let value = |prefix: &str| {
        lines
            .iter()
            .find_map(|line| line.strip_prefix(prefix))
            .map(str::to_owned)
            .ok_or_else(|| anyhow::anyhow!("no {prefix} in {lines:?}"))
    };
    let (token, organization) = (value("token ")?, value("organization ")?);
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()?;
    let replayed = std::sync::Arc::new(AtomicUsize::new(0));
    let mut acknowledged: Vec<String> = Vec::new();
    let mut in_flight: Vec<String> = Vec::new();
    let mut rng = rand::rng();
    for cycle in 0..=SERVER_CYCLES {
        if cycle > 0 {
            server = start_server(dir.path(), false)?.0;
        }
        // First the requests the last kill cut off, with their keys: each must now succeed.
        for key in std::mem::take(&mut in_flight) {
            send_contact(&http, &server.base, &token, &organization, &key, &replayed).await?;
            acknowledged.push(key);
        }
        if cycle == SERVER_CYCLES {
            break;
        }
        // Then 16 writers, each sending new keys until the server dies under them.
        let mut writers = Vec::new();
        for writer in 0..16 {
            let (http, base, token, organization, replayed) = (
                http.clone(),
                server.base.clone(),
                token.clone(),
                organization.clone(),
                replayed.clone(),
            );
            writers.push(tokio::spawn(async move {
                let mut sent = Vec::new();
                for n in 0.. {
                    let key = format!("c{cycle}-w{writer}-n{n}");
                    let ok = send_contact(&http, &base, &token, &organization, &key, &replayed)
                        .await
                        .unwrap_or(false);
                    sent.push((key, ok));
                    if !ok {
                        break;
                    }
                }
                sent
            }));
        }
        tokio::time::sleep(Duration::from_millis(rng.random_range(150..600))).await;
        server.child.kill()?; // SIGKILL on Unix
        server.child.wait()?;
        for writer in writers {
            for (key, ok) in writer.await? {
                if ok {
                    acknowledged.push(key);
                } else {
                    in_flight.push(key);
                }
            }
        }
    }
    server.child.kill()?;
    server.child.wait()?;

    // Every key is in the log exactly once.
    let data = wifo_app::data_dir::DataDir::open(dir.path())?;
    let mut logged: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut after = Position::START;
    loop {
        let page = data.store.read_all(after, 10_000).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for recorded in &page {
            if let wifo_domain::Event::Contact(wifo_domain::contact::ContactEvent::Logged {
                summary,
                ..
            }) = wifo_projections::decode_event(&data.codec, recorded)?
            {
                *logged.entry(summary.to_string()).or_default() += 1;
            }
        }
    }
    data.store.close();
    let twice: Vec<_> = logged.iter().filter(|(_, count)| **count > 1).collect();
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|key| !logged.contains_key(*key))
        .collect();
    println!(
        "{SERVER_CYCLES} kills: {} keys acknowledged, {} answered from an earlier try, {} stored twice, {} missing",
        acknowledged.len(),
        replayed.load(Ordering::Relaxed),
        twice.len(),
        missing.len()
    );
    assert!(twice.is_empty(), "stored twice: {twice:?}");
    assert!(
        missing.is_empty(),
        "acknowledged but not stored: {missing:?}"
    );
    assert_eq!(logged.len(), acknowledged.len());
    assert!(
        acknowledged.len() > 200,
        "the server must have been under load, got {}",
        acknowledged.len()
    );
    Ok(())
}
