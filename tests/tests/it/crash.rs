//! Crash safety of the embedded store: a child process appends under load and is killed with
//! SIGKILL at random moments; after every kill the file must open cleanly and hold every event
//! whose append was acknowledged.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::Rng;
use uuid::Uuid;
use wifo_store::{EventStore, Position, SqliteStore};

const CYCLES: usize = 24;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_append_is_lost_when_the_writer_is_killed() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("events.sqlite");
    let mut rng = rand::rng();
    let mut acknowledged: HashSet<Uuid> = HashSet::new();
    for cycle in 0..CYCLES {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .arg(&path)
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
