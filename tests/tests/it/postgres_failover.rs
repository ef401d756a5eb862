//! Failover on PostgreSQL, for real: a primary with a synchronous standby (`pg_basebackup -R`,
//! `synchronous_standby_names`), eight writers appending through a connection string that
//! names both hosts with `target_session_attrs=read-write`, and a subscription reading along.
//! Three times the primary is killed (`pg_ctl stop -m immediate`), the standby promoted and the
//! old primary rebuilt as the new standby. Afterwards every acknowledged event is stored exactly
//! once, positions are dense, the hash chain verifies, and the subscription saw the log as it is,
//! without a gap or a duplicate. The servers are made from the binaries `scripts/postgres.sh`
//! found (`PG_BIN`), on free ports, in a temporary directory.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use uuid::Uuid;
use wifo_store::{
    EventStore, ExpectedRevision, Position, PostgresLocation, PostgresStore, postgres::verify,
};

/// Rounds of kill, promote and rebuild.
const ROUNDS: usize = 3;
/// Appending tasks.
const WRITERS: usize = 8;

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0"))
}

/// Runs a PostgreSQL program, as the `postgres` user when the tests run as root.
fn pg(program: &str, args: &[&str]) -> anyhow::Result<()> {
    let bin = std::env::var("PG_BIN")
        .map_err(|_| anyhow::anyhow!("PG_BIN is not set: run the tests through scripts/test.sh"))?;
    let path = format!("{bin}/{program}");
    let mut command = if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--", &path]);
        command
    } else {
        Command::new(&path)
    };
    let output = command.args(args).output()?;
    anyhow::ensure!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(())
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Two servers in one temporary directory; both are stopped when it is dropped.
struct Pair {
    root: tempfile::TempDir,
    ports: [u16; 2],
}

impl Pair {
    fn data(&self, server: usize) -> PathBuf {
        self.root.path().join(format!("server{server}"))
    }

    fn configure(&self, server: usize, standby: bool) -> anyhow::Result<()> {
        let mut settings = format!(
            "\nlisten_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{}'\n\
             wal_level = replica\nmax_wal_senders = 10\nsynchronous_commit = on\nfsync = on\n",
            self.ports[server],
            self.root.path().display()
        );
        if standby {
            settings.push_str("cluster_name = 'standby'\n");
        }
        let conf = self.data(server).join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf)?;
        text.push_str(&settings);
        std::fs::write(&conf, text)?;
        Ok(())
    }

    fn start(&self, server: usize) -> anyhow::Result<()> {
        let data = self.data(server);
        let log = self.root.path().join(format!("server{server}.log"));
        pg(
            "pg_ctl",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--log",
                &log.to_string_lossy(),
                "--wait",
                "start",
            ],
        )
    }

    fn kill(&self, server: usize) -> anyhow::Result<()> {
        pg(
            "pg_ctl",
            &[
                "--pgdata",
                &self.data(server).to_string_lossy(),
                "--mode=immediate",
                "stop",
            ],
        )
    }

    /// Makes `server` a fresh synchronous standby of `primary`.
    fn rebuild_standby(&self, server: usize, primary: usize) -> anyhow::Result<()> {
        let data = self.data(server);
        if data.exists() {
            std::fs::remove_dir_all(&data)?;
        }
        pg(
            "pg_basebackup",
            &[
                "--host=127.0.0.1",
                &format!("--port={}", self.ports[primary]),
                "--username=wifo",
                "--pgdata",
                &data.to_string_lossy(),
                "--write-recovery-conf",
                "--wal-method=stream",
                "--checkpoint=fast",
            ],
        )?;
        self.configure(server, true)?;
        self.start(server)
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        for server in 0..2 {
            let _ = self.kill(server);
        }
    }
}

fn chown_to_postgres(path: &Path) -> anyhow::Result<()> {
    if is_root() {
        let status = Command::new("chown").arg("postgres").arg(path).status()?;
        anyhow::ensure!(status.success(), "chown {}", path.display());
    }
    Ok(())
}

/// Runs one statement on the server at `port`.
async fn sql(port: u16, statement: &str) -> anyhow::Result<()> {
    let (client, connection) = format!("postgres://wifo@127.0.0.1:{port}/wifo")
        .parse::<tokio_postgres::Config>()?
        .connect(tokio_postgres::NoTls)
        .await?;
    tokio::spawn(connection);
    client.batch_execute(statement).await?;
    Ok(())
}

/// From now on every commit on the primary at `port` waits for its standby.
async fn make_synchronous(port: u16) -> anyhow::Result<()> {
    sql(port, "ALTER SYSTEM SET synchronous_standby_names = '*'").await?;
    sql(port, "SELECT pg_reload_conf()").await?;
    wait_for_sync_standby(port).await
}

/// Waits until `primary` has a synchronous standby streaming.
async fn wait_for_sync_standby(port: u16) -> anyhow::Result<()> {
    let url = format!("postgres://wifo@127.0.0.1:{port}/wifo");
    for _ in 0..200 {
        if let Ok((client, connection)) = url
            .parse::<tokio_postgres::Config>()?
            .connect(tokio_postgres::NoTls)
            .await
        {
            tokio::spawn(connection);
            let row = client
                .query_one(
                    "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'",
                    &[],
                )
                .await?;
            if row.get::<_, i64>(0) == 1 {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("no synchronous standby on port {port} after 20 s")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_three_failovers_every_acknowledged_event_is_there_once_and_in_order()
-> anyhow::Result<()> {
    let pair = Pair {
        root: tempfile::tempdir()?,
        ports: [free_port()?, free_port()?],
    };
    // A hang (a commit waiting for a standby that never comes) fails the test instead of the
    // whole run; dropping `pair` stops both servers.
    tokio::time::timeout(Duration::from_secs(300), failovers(&pair))
        .await
        .map_err(|_| anyhow::anyhow!("the failover test did not finish in 300 s"))?
}

async fn failovers(pair: &Pair) -> anyhow::Result<()> {
    chown_to_postgres(pair.root.path())?;
    pg(
        "initdb",
        &[
            "--pgdata",
            &pair.data(0).to_string_lossy(),
            "--username=wifo",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ],
    )?;
    pair.configure(0, false)?;
    pair.start(0)?;
    pg(
        "createdb",
        &[
            "--host=127.0.0.1",
            &format!("--port={}", pair.ports[0]),
            "--username=wifo",
            "wifo",
        ],
    )?;
    pair.rebuild_standby(1, 0)?;
    make_synchronous(pair.ports[0]).await?;

    let url = format!(
        "postgres://wifo@127.0.0.1:{},127.0.0.1:{}/wifo?target_session_attrs=read-write&tenant=failover",
        pair.ports[0], pair.ports[1]
    );
    let store = PostgresStore::connect(&PostgresLocation::parse(&url)?).await?;

    let seen = Arc::new(Mutex::new(Vec::<(Position, Uuid)>::new()));
    let reader = tokio::spawn({
        let mut subscription = store.subscribe_all(Position::START);
        let seen = seen.clone();
        async move {
            while let Some(event) = subscription.next().await {
                if let (Ok(event), Ok(mut seen)) = (event, seen.lock()) {
                    seen.push((event.position, event.id));
                }
            }
        }
    });

    let acknowledged = Arc::new(Mutex::new(HashSet::<Uuid>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let store = store.clone();
            let acknowledged = acknowledged.clone();
            let stop = stop.clone();
            tokio::spawn(async move {
                let mut n = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    let batch: Vec<_> = (0..1 + n % 3).map(|_| wifo_tests::event("fo")).collect();
                    let ids: Vec<Uuid> = batch.iter().map(|event| event.id).collect();
                    let stream = format!("visit-f{writer}x{}", n % 4);
                    if store
                        .append(&stream, ExpectedRevision::Any, batch)
                        .await
                        .is_ok()
                        && let Ok(mut acknowledged) = acknowledged.lock()
                    {
                        acknowledged.extend(ids);
                    }
                }
            })
        })
        .collect();
    let acked = || acknowledged.lock().map(|set| set.len()).unwrap_or_default();

    let mut primary = 0;
    for round in 0..ROUNDS {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let before = acked();
        anyhow::ensure!(
            before > 0,
            "round {round}: nothing acknowledged before the kill"
        );
        let standby = 1 - primary;
        pair.kill(primary)?;
        pg(
            "pg_ctl",
            &[
                "--pgdata",
                &pair.data(standby).to_string_lossy(),
                "--wait",
                "promote",
            ],
        )?;
        pair.rebuild_standby(primary, standby)?;
        make_synchronous(pair.ports[standby]).await?;
        primary = standby;
        let mut waited = 0;
        while acked() < before + 100 {
            waited += 1;
            anyhow::ensure!(
                waited < 600,
                "round {round}: appends did not resume in 60 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await?;
    }

    let head = store.head().await?;
    let mut stored = Vec::new();
    let mut after = Position::START;
    loop {
        let page = store.read_all(after, 10_000).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        stored.extend(page.into_iter().map(|event| (event.position, event.id)));
    }
    assert_eq!(after, head);
    for (index, (position, _)) in stored.iter().enumerate() {
        assert_eq!(position.0, index as u64 + 1, "positions must be dense");
    }
    let ids: HashSet<Uuid> = stored.iter().map(|(_, id)| *id).collect();
    assert_eq!(ids.len(), stored.len(), "no event may be stored twice");
    let acknowledged = acknowledged
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?
        .clone();
    let lost = acknowledged.difference(&ids).count();
    assert_eq!(lost, 0, "acknowledged events lost in the failovers");
    let report = verify(&store, |_| Ok(())).await?;
    assert!(report.is_ok(), "{:?}", report.first_problem);

    let mut waited = 0;
    while seen.lock().map(|seen| seen.len()).unwrap_or_default() < stored.len() {
        waited += 1;
        anyhow::ensure!(waited < 300, "the subscription did not catch up in 30 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    reader.abort();
    let seen = seen
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?
        .clone();
    assert_eq!(
        seen, stored,
        "the subscription saw the log as it is stored, without gap or duplicate"
    );
    println!(
        "{ROUNDS} failovers: {} events acknowledged, {} stored",
        acknowledged.len(),
        stored.len()
    );
    Ok(())
}
