//! What an anonymous client can do to the listener without logging in: 5,000 silent sockets and
//! 200 clients that send their request head one byte at a time must not keep `/healthz` from
//! answering within a second, and the server closes all of them once the header timeout has
//! passed, so they hold no file handle for long.

use std::time::{Duration, Instant};

use anyhow::ensure;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use wifo_server::listener::ConnectionLimits;

use super::spawn_app_with;

const SILENT: usize = 5_000;
const SLOW: usize = 200;
const HEADER_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether the server closed the socket (end of file, or a reset), waiting at most `wait`.
async fn closed_by_server(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buffer = [0u8; 512];
    loop {
        match tokio::time::timeout(wait, stream.read(&mut buffer)).await {
            Ok(Ok(0) | Err(_)) => return true,
            // A 408 answer before the close is fine: read on to the end.
            Ok(Ok(_)) => {}
            Err(_) => return false,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_and_slow_clients_neither_block_health_checks_nor_stay_open() -> anyhow::Result<()> {
    let app = spawn_app_with(ConnectionLimits {
        header_timeout: HEADER_TIMEOUT,
        ..ConnectionLimits::default()
    })
    .await?;
    let address = app.address.trim_start_matches("http://").to_owned();

    let mut silent = Vec::with_capacity(SILENT);
    for _ in 0..SILENT / 500 {
        let batch = (0..500).map(|_| TcpStream::connect(address.clone()));
        for stream in futures::future::join_all(batch).await {
            silent.push(stream?);
        }
    }
    let mut slow = Vec::with_capacity(SLOW);
    for _ in 0..SLOW {
        let mut stream = TcpStream::connect(address.clone()).await?;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: wifo\r\n")
            .await?;
        slow.push(stream);
    }
    // The slow clients go on sending a header byte now and then, never finishing the head.
    let trickle = tokio::spawn(async move {
        for _ in 0..8 {
            tokio::time::sleep(Duration::from_millis(400)).await;
            for stream in &mut slow {
                let _ = stream.write_all(b"X").await;
            }
        }
        slow
    });

    let client = app.anonymous()?;
    let mut slowest = Duration::ZERO;
    for _ in 0..5 {
        let started = Instant::now();
        let status = client.get("/healthz").await?.status();
        slowest = slowest.max(started.elapsed());
        ensure!(status.is_success(), "/healthz answered {status}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "/healthz beside {SILENT} silent and {SLOW} slow-header sockets: slowest of 5 answers {} ms",
        slowest.as_millis()
    );
    ensure!(
        slowest < Duration::from_secs(1),
        "/healthz took {} ms",
        slowest.as_millis()
    );

    // After the timeout (plus a margin for 5,200 closes), every socket has been closed.
    let mut slow = trickle.await?;
    let deadline = Instant::now() + HEADER_TIMEOUT + Duration::from_secs(3);
    let left = || deadline.saturating_duration_since(Instant::now());
    let mut silent_open = 0;
    for stream in &mut silent {
        if !closed_by_server(stream, left()).await {
            silent_open += 1;
        }
    }
    let mut slow_open = 0;
    for stream in &mut slow {
        if !closed_by_server(stream, left()).await {
            slow_open += 1;
        }
    }
    ensure!(
        silent_open == 0 && slow_open == 0,
        "still open after the header timeout: {silent_open} silent, {slow_open} slow"
    );
    // And the server still answers.
    ensure!(client.get("/healthz").await?.status().is_success());
    Ok(())
}
