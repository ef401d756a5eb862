//! What the HTTP load generators (`wifo-load`, `wifo-flood`) share: keep-alive HTTP/1.1
//! connections over hyper (optionally from a chosen local address, so one machine can play many
//! clients on the loopback network), one request-and-whole-answer exchange, the latency
//! histogram, and the CPU and memory a process used, read from `/proc`.

use std::net::{IpAddr, SocketAddr};
use std::process::Command as Process;

use anyhow::Context;
use hdrhistogram::Histogram;
use http_body_util::{BodyExt, Full};
use hyper::{
    Request, StatusCode,
    body::Bytes,
    client::conn::http1::{self, SendRequest},
};
use hyper_util::rt::TokioIo;

/// One keep-alive connection's request side.
pub type Sender = SendRequest<Full<Bytes>>;

/// Opens a connection to `addr`.
pub async fn connect(addr: SocketAddr) -> anyhow::Result<Sender> {
    connect_from(addr, None).await
}

/// Opens a connection to `addr` from `local` (e.g. `127.0.3.7`; any port), or from any address.
pub async fn connect_from(addr: SocketAddr, local: Option<IpAddr>) -> anyhow::Result<Sender> {
    let stream = match local {
        None => tokio::net::TcpStream::connect(addr)
            .await
            .with_context(|| format!("connect to {addr}"))?,
        Some(local) => {
            let socket = match local {
                IpAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
                IpAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
            };
            socket
                .bind(SocketAddr::new(local, 0))
                .with_context(|| format!("bind to {local}"))?;
            socket
                .connect(addr)
                .await
                .with_context(|| format!("connect to {addr} from {local}"))?
        }
    };
    stream.set_nodelay(true)?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    Ok(sender)
}

/// Sends one request and reads the whole answer: status, headers and body.
pub async fn exchange_full(
    sender: &mut Sender,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, hyper::HeaderMap, Bytes)> {
    sender.ready().await?;
    let response = sender.send_request(request).await?;
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await?.to_bytes();
    Ok((status, headers, body))
}

/// Sends one request and reads the whole answer.
pub async fn exchange(
    sender: &mut Sender,
    request: Request<Full<Bytes>>,
) -> anyhow::Result<(StatusCode, Bytes)> {
    let (status, _, body) = exchange_full(sender, request).await?;
    Ok((status, body))
}

/// A latency histogram in microseconds: 1 µs … 60 s, 3 significant digits.
pub fn new_histogram() -> anyhow::Result<Histogram<u64>> {
    Ok(Histogram::new_with_bounds(1, 60_000_000, 3)?)
}

/// Microseconds as milliseconds.
pub fn ms(micros: u64) -> f64 {
    micros as f64 / 1000.0
}

/// CPU time (user + system) a process has used, threads that ended included, from
/// `/proc/PID/stat`, in nanoseconds (clock-tick resolution).
pub fn cpu_nanos(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    // After the command name: state is field 3, utime field 14, stime field 15.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 1_000_000_000 / clock_ticks_per_second())
}

/// CPU time all CPUs of the machine were busy (not idle, not waiting for I/O), from
/// `/proc/stat`, in nanoseconds.
pub fn machine_busy_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let ticks: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .take(8)
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    // user nice system idle iowait irq softirq steal
    let busy: u64 = ticks
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != 3 && *index != 4)
        .map(|(_, n)| n)
        .sum();
    Some(busy * 1_000_000_000 / clock_ticks_per_second())
}

/// `getconf CLK_TCK` (100 on every usual Linux).
pub fn clock_ticks_per_second() -> u64 {
    static TICKS: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Process::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|output| String::from_utf8(output.stdout).ok())
            .and_then(|text| text.trim().parse().ok())
            .filter(|ticks| *ticks > 0)
            .unwrap_or(100)
    })
}

/// `VmRSS` and `VmHWM` of a process in KiB.
pub fn memory_kib(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|line| line.starts_with(name))
            .and_then(|line| line.split_whitespace().nth(1))
            .and_then(|n| n.parse::<u64>().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
