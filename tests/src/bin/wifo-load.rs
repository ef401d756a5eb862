//! `wifo-load`: the HTTP load generator of wifo's benchmark, driven by `scripts/bench-http.sh`.
//! `run` keeps N keep-alive HTTP/1.1 connections (hyper client, one task per connection, closed
//! loop) busy against a running `wifo serve` and prints, per scenario, req/s, the latency
//! distribution (HDR histogram: p50/p90/p99/p99.9/max), the error count and the CPU the server and
//! the generator used; then the server's RSS and the verdict against the targets. Scenarios:
//! `healthz` (the floor: what the HTTP stack alone costs), `session` (`GET /api/v1/session`: HTTP
//! plus bearer-token authentication), `profile` (`GET /api/v1/organizations/{id}` over random ids
//! of the directory), `search` (`GET /api/v1/organizations?q=<prefix>&per_page=20`), `mixed` (70 %
//! reads — profile and search — and 30 % `POST /api/v1/contacts`, each connection authenticated as
//! one of the given users) and `mixed-1user` (the same, every connection as the same user, so
//! every read waits for the views to include that user's newest write).
//! `cold-start` starts `wifo serve`, measures the time from process start until `/readyz`
//! answers 200, reads the RSS, stops it with SIGTERM and measures the shutdown (snapshot write).
//!
//! Latencies are measured from sending a request to having read the whole response; as with
//! wrk, a closed loop under-reports queueing delay (coordinated omission) when the server stalls.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};
use hdrhistogram::Histogram;
use http_body_util::Full;
use hyper::{
    Method, Request, StatusCode,
    body::Bytes,
    header::{self, HeaderValue},
};
use rand::{Rng, SeedableRng, rngs::SmallRng, seq::IndexedRandom};
use wifo_tests::load::{
    Sender, clock_ticks_per_second, connect, cpu_nanos, exchange, machine_busy_nanos, memory_kib,
    mib, ms, new_histogram,
};

/// Targets of the issue, checked at the end of `run` and `cold-start`.
const PROFILE_P99_MS: f64 = 2.0;
const MIXED_MIN_RPS: f64 = 15_000.0;
const MIXED_P99_MS: f64 = 20.0;
const COLD_START_SNAPSHOT_S: f64 = 3.0;

#[derive(Debug, Parser)]
#[command(name = "wifo-load", about = "HTTP load generator for wifo")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs load scenarios against a running `wifo serve`.
    Run(RunArgs),
    /// Starts `wifo serve`, waits until `/readyz` answers 200, reports the time and RSS, stops it.
    ColdStart(ColdStartArgs),
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Address the server listens on.
    #[arg(long, default_value = "127.0.0.1:8088")]
    addr: SocketAddr,
    /// File with one `USER TOKEN` per line (staff users); connection i uses line i mod n.
    #[arg(long)]
    tokens: PathBuf,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Measured seconds per scenario.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Unmeasured seconds before each scenario.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Comma-separated scenarios: healthz, session, profile, search, mixed, mixed-1user,
    /// mixed-profile; `NAME@N` runs one with N connections instead of `--connections`.
    #[arg(
        long,
        default_value = "healthz,session,profile@1,profile@8,profile,search@1,search,mixed,mixed-1user,mixed-profile"
    )]
    scenarios: String,
    /// Share of writes in the mixed scenarios.
    #[arg(long, default_value_t = 0.30)]
    write_share: f64,
    /// Share of searches in the mixed scenarios (the rest of the reads are profiles).
    #[arg(long, default_value_t = 0.20)]
    search_share: f64,
    /// Characters of the search prefixes.
    #[arg(long, default_value_t = 4)]
    prefix_chars: usize,
    /// A file with one search text per line, searched instead of name prefixes (a street, a
    /// contact person, a misspelt name: see `scripts/bench-search.sh`).
    #[arg(long)]
    queries: Option<std::path::PathBuf>,
    /// Process id of the server, to report its CPU time and RSS.
    #[arg(long)]
    pid: Option<u32>,
    /// Worker threads of the generator's runtime (the server shares the machine with it).
    #[arg(long, default_value_t = 1)]
    client_threads: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
}

#[derive(Debug, clap::Args)]
struct ColdStartArgs {
    /// The `wifo` binary.
    #[arg(long)]
    wifo: PathBuf,
    #[arg(long)]
    data: PathBuf,
    #[arg(long, default_value = "127.0.0.1:8088")]
    listen: SocketAddr,
    /// Where the server's output goes.
    #[arg(long, default_value = "wifo-serve-cold-start.log")]
    log: PathBuf,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 600)]
    timeout: u64,
}

// ---------------------------------------------------------------------------------------------
// Requests

/// Kinds of requests, each with its own latency histogram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Health,
    Session,
    Profile,
    Search,
    Write,
}

const KINDS: [Kind; 5] = [
    Kind::Health,
    Kind::Session,
    Kind::Profile,
    Kind::Search,
    Kind::Write,
];

impl Kind {
    fn index(self) -> usize {
        self as usize
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Health => "GET /healthz",
            Kind::Session => "GET /session",
            Kind::Profile => "profile",
            Kind::Search => "search",
            Kind::Write => "POST /contacts",
        }
    }

    fn expected(self) -> StatusCode {
        match self {
            Kind::Write => StatusCode::CREATED,
            _ => StatusCode::OK,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scenario {
    Healthz,
    Session,
    Profile,
    Search,
    Mixed,
    MixedOneUser,
    /// 70 % profiles, 30 % writes: the mix without the search.
    MixedProfile,
}

impl Scenario {
    fn parse(name: &str) -> anyhow::Result<Self> {
        Ok(match name.trim() {
            "healthz" => Scenario::Healthz,
            "session" => Scenario::Session,
            "profile" => Scenario::Profile,
            "search" => Scenario::Search,
            "mixed" => Scenario::Mixed,
            "mixed-1user" => Scenario::MixedOneUser,
            "mixed-profile" => Scenario::MixedProfile,
            other => bail!("unknown scenario {other:?}"),
        })
    }

    fn label(self) -> &'static str {
        match self {
            Scenario::Healthz => "healthz (HTTP floor)",
            Scenario::Session => "session (HTTP + auth)",
            Scenario::Profile => "profile",
            Scenario::Search => "search",
            Scenario::Mixed => "mixed 70/30",
            Scenario::MixedOneUser => "mixed 70/30, 1 user",
            Scenario::MixedProfile => "mixed 70/30, no search",
        }
    }

    fn pick(self, rng: &mut SmallRng, write_share: f64, search_share: f64) -> Kind {
        match self {
            Scenario::Healthz => Kind::Health,
            Scenario::Session => Kind::Session,
            Scenario::Profile => Kind::Profile,
            Scenario::Search => Kind::Search,
            Scenario::Mixed | Scenario::MixedOneUser | Scenario::MixedProfile => {
                let search_share = if self == Scenario::MixedProfile {
                    0.0
                } else {
                    search_share
                };
                let draw: f64 = rng.random();
                if draw < write_share {
                    Kind::Write
                } else if draw < write_share + search_share {
                    Kind::Search
                } else {
                    Kind::Profile
                }
            }
        }
    }
}

/// A scenario with its number of connections.
#[derive(Clone, Copy, Debug)]
struct Plan {
    scenario: Scenario,
    connections: usize,
}

impl Plan {
    fn parse(text: &str, default_connections: usize) -> anyhow::Result<Self> {
        let (name, connections) = match text.trim().split_once('@') {
            Some((name, n)) => (
                name,
                n.parse()
                    .with_context(|| format!("connections in {text:?}"))?,
            ),
            None => (text.trim(), default_connections),
        };
        if connections == 0 {
            bail!("{text:?}: at least one connection");
        }
        Ok(Self {
            scenario: Scenario::parse(name)?,
            connections,
        })
    }
}

/// A user the load authenticates as.
#[derive(Debug)]
struct User {
    name: String,
    bearer: HeaderValue,
}

/// Everything the connections share: users, the paths to read, the contact channels.
#[derive(Debug)]
struct Workload {
    host: HeaderValue,
    users: Vec<User>,
    profiles: Vec<String>,
    searches: Vec<String>,
    today: String,
    write_share: f64,
    search_share: f64,
}

const CHANNELS: [&str; 4] = ["phone", "mail", "meeting", "consultation"];

impl Workload {
    fn request(
        &self,
        kind: Kind,
        user: &User,
        rng: &mut SmallRng,
    ) -> anyhow::Result<Request<Full<Bytes>>> {
        let (method, path, body) = match kind {
            Kind::Health => (Method::GET, "/healthz".to_owned(), Bytes::new()),
            Kind::Session => (Method::GET, "/api/v1/session".to_owned(), Bytes::new()),
            Kind::Profile => (
                Method::GET,
                pick(rng, &self.profiles)?.clone(),
                Bytes::new(),
            ),
            Kind::Search => (
                Method::GET,
                pick(rng, &self.searches)?.clone(),
                Bytes::new(),
            ),
            Kind::Write => {
                let profile = pick(rng, &self.profiles)?;
                let organization = profile.rsplit('/').next().unwrap_or_default();
                let channel = CHANNELS.choose(rng).copied().unwrap_or("phone");
                let body = format!(
                    r#"{{"organization":"{organization}","person":null,"channel":"{channel}","contacted_on":"{}","topics":[],"summary":"Lasttest: Rückfrage zum Förderprogramm","staff":"{}"}}"#,
                    self.today, user.name
                );
                (
                    Method::POST,
                    "/api/v1/contacts".to_owned(),
                    Bytes::from(body),
                )
            }
        };
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::HOST, self.host.clone());
        if kind != Kind::Health {
            builder = builder.header(header::AUTHORIZATION, user.bearer.clone());
        }
        if kind == Kind::Write {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
        }
        Ok(builder.body(Full::new(body))?)
    }
}

fn pick<'a, T>(rng: &mut SmallRng, items: &'a [T]) -> anyhow::Result<&'a T> {
    items.choose(rng).context("nothing to pick from")
}

// ---------------------------------------------------------------------------------------------
// Connections

/// `total` of a directory page, read from the start of the body without parsing all of it.
fn directory_total(body: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(body.get(..body.len().min(64))?).ok()?;
    let rest = &text[text.find("\"total\":")? + 8..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// What one connection measured.
#[derive(Debug)]
struct Tally {
    latencies: Vec<Histogram<u64>>,
    /// Response body bytes per kind.
    bytes: Vec<u64>,
    errors: BTreeMap<String, u64>,
    search_totals: u64,
    searches: u64,
}

impl Tally {
    fn new() -> anyhow::Result<Self> {
        Ok(Self {
            latencies: KINDS
                .iter()
                .map(|_| new_histogram())
                .collect::<anyhow::Result<_>>()?,
            bytes: vec![0; KINDS.len()],
            errors: BTreeMap::new(),
            search_totals: 0,
            searches: 0,
        })
    }

    fn merge(&mut self, other: Tally) -> anyhow::Result<()> {
        for (mine, theirs) in self.latencies.iter_mut().zip(&other.latencies) {
            mine.add(theirs)?;
        }
        for (mine, theirs) in self.bytes.iter_mut().zip(&other.bytes) {
            *mine += theirs;
        }
        for (error, count) in other.errors {
            *self.errors.entry(error).or_default() += count;
        }
        self.search_totals += other.search_totals;
        self.searches += other.searches;
        Ok(())
    }

    /// Mean response size in KiB of one kind, or of all with `None`.
    fn mean_kib(&self, kind: Option<Kind>) -> f64 {
        let (bytes, count) = match kind {
            Some(kind) => (
                self.bytes.get(kind.index()).copied().unwrap_or(0),
                self.latencies.get(kind.index()).map_or(0, Histogram::len),
            ),
            None => (
                self.bytes.iter().sum(),
                self.latencies.iter().map(Histogram::len).sum(),
            ),
        };
        bytes as f64 / 1024.0 / count.max(1) as f64
    }

    fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }
}

/// One connection's closed loop: requests until `end`, measured from `measure_from` on.
async fn connection_loop(
    addr: SocketAddr,
    workload: Arc<Workload>,
    scenario: Scenario,
    user: usize,
    seed: u64,
    measure_from: Instant,
    end: Instant,
) -> anyhow::Result<Tally> {
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut tally = Tally::new()?;
    let mut sender = connect(addr).await?;
    let user = workload
        .users
        .get(user % workload.users.len().max(1))
        .context("no users")?;
    while Instant::now() < end {
        let kind = scenario.pick(&mut rng, workload.write_share, workload.search_share);
        let request = workload.request(kind, user, &mut rng)?;
        let sent = Instant::now();
        let outcome = exchange(&mut sender, request).await;
        let micros = u64::try_from(sent.elapsed().as_micros()).unwrap_or(u64::MAX);
        let measured = sent >= measure_from;
        match outcome {
            Ok((status, body)) => {
                if !measured {
                    continue;
                }
                if status != kind.expected() {
                    let detail = String::from_utf8_lossy(&body[..body.len().min(160)]).into_owned();
                    *tally
                        .errors
                        .entry(format!("{} → {status}: {detail}", kind.label()))
                        .or_default() += 1;
                    continue;
                }
                if let Some(histogram) = tally.latencies.get_mut(kind.index()) {
                    histogram.saturating_record(micros.max(1));
                }
                if let Some(bytes) = tally.bytes.get_mut(kind.index()) {
                    *bytes += body.len() as u64;
                }
                if kind == Kind::Search
                    && let Some(total) = directory_total(&body)
                {
                    tally.search_totals += total;
                    tally.searches += 1;
                }
            }
            Err(error) => {
                if measured {
                    *tally
                        .errors
                        .entry(format!("{} → transport: {error}", kind.label()))
                        .or_default() += 1;
                }
                sender = connect(addr).await?;
            }
        }
    }
    Ok(tally)
}

// ---------------------------------------------------------------------------------------------
// Setup: users, ids and names from the directory

fn read_users(path: &Path) -> anyhow::Result<Vec<User>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("token file {} not readable", path.display()))?;
    let mut users = Vec::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(token)) = (parts.next(), parts.next()) else {
            bail!("token file line {line:?} is not `USER TOKEN`");
        };
        users.push(User {
            name: name.to_owned(),
            bearer: HeaderValue::from_str(&format!("Bearer {token}"))?,
        });
    }
    if users.is_empty() {
        bail!("token file {} names no user", path.display());
    }
    Ok(users)
}

async fn get_json(
    sender: &mut Sender,
    host: &HeaderValue,
    user: &User,
    path: &str,
) -> anyhow::Result<serde_json::Value> {
    let request = Request::builder()
        .uri(path)
        .header(header::HOST, host.clone())
        .header(header::AUTHORIZATION, user.bearer.clone())
        .body(Full::new(Bytes::new()))?;
    let (status, body) = exchange(sender, request).await?;
    if status != StatusCode::OK {
        bail!(
            "GET {path} → {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(300)])
        );
    }
    Ok(serde_json::from_slice(&body)?)
}

/// Every listed organization: (id, name).
async fn directory(
    addr: SocketAddr,
    host: &HeaderValue,
    user: &User,
) -> anyhow::Result<Vec<(String, String)>> {
    let mut sender = connect(addr).await?;
    let mut organizations = Vec::new();
    for page in 1.. {
        let value = get_json(
            &mut sender,
            host,
            user,
            &format!("/api/v1/organizations?per_page=500&page={page}"),
        )
        .await?;
        let entries = value["entries"].as_array().cloned().unwrap_or_default();
        if entries.is_empty() {
            break;
        }
        for entry in entries {
            if let (Some(id), Some(name)) = (entry["id"].as_str(), entry["name"].as_str()) {
                organizations.push((id.to_owned(), name.to_owned()));
            }
        }
        let total = value["total"].as_u64().unwrap_or(0);
        if organizations.len() as u64 >= total {
            break;
        }
    }
    if organizations.is_empty() {
        bail!("the directory lists no organization: is the data directory filled?");
    }
    Ok(organizations)
}

/// Words that many names share and nobody searches for.
const LEGAL_WORDS: &[&str] = &[
    "gmbh",
    "mbh",
    "kg",
    "ag",
    "ug",
    "ohg",
    "gbr",
    "e.k.",
    "e.v.",
    "eg",
    "co.",
    "&",
    "und",
    "(haftungsbeschränkt)",
    "inh.",
];

/// Search paths: a prefix of a random distinctive word of a random listed name.
fn search_paths(
    organizations: &[(String, String)],
    prefix_chars: usize,
    rng: &mut SmallRng,
) -> Vec<String> {
    let mut paths = Vec::new();
    for _ in 0..2000 {
        let Some((_, name)) = organizations.choose(rng) else {
            break;
        };
        let words: Vec<String> = name
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|word| !LEGAL_WORDS.contains(&word.as_str()))
            .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= prefix_chars)
            .collect();
        let Some(word) = words.choose(rng) else {
            continue;
        };
        let prefix: String = word.chars().take(prefix_chars).collect();
        paths.push(format!(
            "/api/v1/organizations?q={}&per_page=20",
            percent_encode(&prefix)
        ));
    }
    paths
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The log position and the views' position, from `/metrics`.
async fn positions(addr: SocketAddr, host: &HeaderValue) -> anyhow::Result<(u64, u64)> {
    let mut sender = connect(addr).await?;
    let request = Request::builder()
        .uri("/metrics")
        .header(header::HOST, host.clone())
        .body(Full::new(Bytes::new()))?;
    let (_, body) = exchange(&mut sender, request).await?;
    let text = String::from_utf8_lossy(&body);
    let metric = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().parse::<u64>().ok())
            .unwrap_or(0)
    };
    Ok((metric("wifo_log_position "), metric("wifo_views_position ")))
}

// ---------------------------------------------------------------------------------------------
// run

/// The outcome of one scenario.
#[derive(Debug)]
struct Outcome {
    plan: Plan,
    tally: Tally,
    all: Histogram<u64>,
    seconds: f64,
    server_cpu: Option<f64>,
    client_cpu: Option<f64>,
    /// What everything else on the machine used meanwhile: should be ~0 for trustworthy numbers.
    other_cpu: Option<f64>,
}

impl Outcome {
    fn rps(&self) -> f64 {
        self.all.len() as f64 / self.seconds
    }
}

/// A scenario's name with its connections, for the notes under the table.
fn name(plan: &Plan) -> String {
    format!("{} @{}", plan.scenario.label(), plan.connections)
}

async fn run_scenario(
    args: &RunArgs,
    workload: &Arc<Workload>,
    plan: Plan,
) -> anyhow::Result<Outcome> {
    let scenario = plan.scenario;
    let start = Instant::now();
    let measure_from = start + Duration::from_secs(args.warmup);
    let end = measure_from + Duration::from_secs(args.seconds);
    let tasks: Vec<_> = (0..plan.connections)
        .map(|connection| {
            let user = match scenario {
                Scenario::MixedOneUser => 0,
                _ => connection,
            };
            tokio::spawn(connection_loop(
                args.addr,
                workload.clone(),
                scenario,
                user,
                args.seed
                    .wrapping_mul(1_000_003)
                    .wrapping_add(connection as u64),
                measure_from,
                end,
            ))
        })
        .collect();
    tokio::time::sleep_until(measure_from.into()).await;
    let own = std::process::id();
    let cpu_before = (
        args.pid.and_then(cpu_nanos),
        cpu_nanos(own),
        machine_busy_nanos(),
    );
    let measured_at = Instant::now();
    tokio::time::sleep_until(end.into()).await;
    let cpu_after = (
        args.pid.and_then(cpu_nanos),
        cpu_nanos(own),
        machine_busy_nanos(),
    );
    let window = measured_at.elapsed().as_secs_f64();
    let share = |before: Option<u64>, after: Option<u64>| {
        before
            .zip(after)
            .map(|(b, a)| a.saturating_sub(b) as f64 / 1e9 / window * 100.0)
    };
    let mut tally = Tally::new()?;
    for task in tasks {
        tally.merge(task.await??)?;
    }
    let mut all = new_histogram()?;
    for histogram in &tally.latencies {
        all.add(histogram)?;
    }
    Ok(Outcome {
        plan,
        tally,
        all,
        seconds: args.seconds as f64,
        server_cpu: share(cpu_before.0, cpu_after.0),
        client_cpu: share(cpu_before.1, cpu_after.1),
        other_cpu: share(cpu_before.2, cpu_after.2).map(|busy| {
            (busy
                - share(cpu_before.0, cpu_after.0).unwrap_or(0.0)
                - share(cpu_before.1, cpu_after.1).unwrap_or(0.0))
            .max(0.0)
        }),
    })
}

fn print_header() {
    println!(
        "{:<30} {:>5} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "scenario",
        "conns",
        "requests",
        "req/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99.9",
        "max ms",
        "KiB/rsp",
        "errors",
        "srv CPU",
        "gen CPU",
        "other"
    );
}

fn print_row(
    label: &str,
    connections: &str,
    histogram: &Histogram<u64>,
    seconds: f64,
    kib: f64,
    tail: &str,
) {
    println!(
        "{:<30} {:>5} {:>9} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {kib:>7.1} {tail}",
        label,
        connections,
        histogram.len(),
        histogram.len() as f64 / seconds,
        ms(histogram.value_at_quantile(0.50)),
        ms(histogram.value_at_quantile(0.90)),
        ms(histogram.value_at_quantile(0.99)),
        ms(histogram.value_at_quantile(0.999)),
        ms(histogram.max()),
    );
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.0} %"))
}

fn print_outcome(outcome: &Outcome) {
    let tail = format!(
        "{:>7} {:>7} {:>7} {:>7}",
        outcome.tally.error_count(),
        percent(outcome.server_cpu),
        percent(outcome.client_cpu),
        percent(outcome.other_cpu)
    );
    print_row(
        outcome.plan.scenario.label(),
        &outcome.plan.connections.to_string(),
        &outcome.all,
        outcome.seconds,
        outcome.tally.mean_kib(None),
        &tail,
    );
    let used: Vec<Kind> = KINDS
        .into_iter()
        .filter(|kind| {
            outcome
                .tally
                .latencies
                .get(kind.index())
                .is_some_and(|h| !h.is_empty())
        })
        .collect();
    if used.len() > 1 {
        for kind in used {
            if let Some(histogram) = outcome.tally.latencies.get(kind.index()) {
                print_row(
                    &format!("  └ {}", kind.label()),
                    "",
                    histogram,
                    outcome.seconds,
                    outcome.tally.mean_kib(Some(kind)),
                    "",
                );
            }
        }
    }
}

fn verdict(name: &str, measured: f64, target: f64, at_most: bool, unit: &str) {
    let met = if at_most {
        measured <= target
    } else {
        measured >= target
    };
    let detail = if met {
        String::new()
    } else if at_most {
        format!(
            " — missed by {:.2} {unit} ({:.1}× the target)",
            measured - target,
            measured / target
        )
    } else {
        format!(
            " — missed by {:.0} {unit} ({:.0} % of the target)",
            target - measured,
            measured / target * 100.0
        )
    };
    println!(
        "  {:<44} {:>10.2} {unit:<5} target {} {target} {unit}: {}{detail}",
        name,
        measured,
        if at_most { "≤" } else { "≥" },
        if met { "met" } else { "MISSED" },
    );
}

async fn run(args: RunArgs) -> anyhow::Result<()> {
    let plans = args
        .scenarios
        .split(',')
        .filter(|name| !name.trim().is_empty())
        .map(|name| Plan::parse(name, args.connections))
        .collect::<anyhow::Result<Vec<_>>>()?;
    clock_ticks_per_second();
    let host = HeaderValue::from_str(&args.addr.to_string())?;
    let users = read_users(&args.tokens)?;
    let setup_started = Instant::now();
    let organizations = directory(args.addr, &host, &users[0]).await?;
    let mut rng = SmallRng::seed_from_u64(args.seed);
    let searches = match &args.queries {
        Some(file) => std::fs::read_to_string(file)?
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|text| {
                format!(
                    "/api/v1/organizations?q={}&per_page=20",
                    percent_encode(text)
                )
            })
            .collect(),
        None => search_paths(&organizations, args.prefix_chars, &mut rng),
    };
    anyhow::ensure!(!searches.is_empty(), "no search texts");
    let profiles: Vec<String> = organizations
        .iter()
        .map(|(id, _)| format!("/api/v1/organizations/{id}"))
        .collect();
    let (log, views) = positions(args.addr, &host).await?;
    println!(
        "wifo HTTP load: {} connections unless a scenario says otherwise, {} s measured after {} s warm-up per scenario, {} generator thread(s), {} CPUs",
        args.connections,
        args.seconds,
        args.warmup,
        args.client_threads,
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    println!(
        "data: log position {log} (views at {views}), {} listed organizations, {} search prefixes of {} characters, {} users; setup {:.1} s",
        organizations.len(),
        searches.len(),
        args.prefix_chars,
        users.len(),
        setup_started.elapsed().as_secs_f64()
    );
    if let Some((rss, hwm)) = args.pid.and_then(memory_kib) {
        println!(
            "server RSS before the load: {:.1} MiB (peak so far {:.1} MiB)",
            mib(rss),
            mib(hwm)
        );
    }
    let workload = Arc::new(Workload {
        host: host.clone(),
        users,
        profiles,
        searches,
        today: chrono::Local::now().date_naive().to_string(),
        write_share: args.write_share,
        search_share: args.search_share,
    });
    println!();
    print_header();
    let mut outcomes = Vec::new();
    for plan in plans {
        let outcome = run_scenario(&args, &workload, plan).await?;
        print_outcome(&outcome);
        outcomes.push(outcome);
    }
    println!();
    for outcome in &outcomes {
        if outcome.tally.searches > 0 {
            println!(
                "{}: a search matched {:.0} organizations on average (page of 20 returned)",
                name(&outcome.plan),
                outcome.tally.search_totals as f64 / outcome.tally.searches as f64
            );
        }
        for (error, count) in outcome.tally.errors.iter().take(10) {
            println!("{}: {count} × {error}", name(&outcome.plan));
        }
    }
    let (log_after, views_after) = positions(args.addr, &host).await?;
    println!(
        "log position after the load: {log_after} (views at {views_after}; {} events written)",
        log_after.saturating_sub(log)
    );
    if let Some((rss, hwm)) = args.pid.and_then(memory_kib) {
        println!(
            "server RSS after the load: {:.1} MiB (VmHWM peak {:.1} MiB)",
            mib(rss),
            mib(hwm)
        );
    }
    println!();
    println!("targets:");
    for outcome in &outcomes {
        match outcome.plan.scenario {
            Scenario::Profile => verdict(
                &format!("profile p99 ({} connections)", outcome.plan.connections),
                ms(outcome.all.value_at_quantile(0.99)),
                PROFILE_P99_MS,
                true,
                "ms",
            ),
            Scenario::Mixed => {
                verdict(
                    &format!(
                        "mixed throughput ({} connections)",
                        outcome.plan.connections
                    ),
                    outcome.rps(),
                    MIXED_MIN_RPS,
                    false,
                    "req/s",
                );
                verdict(
                    &format!("mixed p99 ({} connections)", outcome.plan.connections),
                    ms(outcome.all.value_at_quantile(0.99)),
                    MIXED_P99_MS,
                    true,
                    "ms",
                );
            }
            _ => {}
        }
        let errors = outcome.tally.error_count();
        println!(
            "  {:<44} {errors:>10}       target 0: {}",
            format!("{} errors", name(&outcome.plan)),
            if errors == 0 { "met" } else { "MISSED" }
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// cold-start

/// Whether `/readyz` answers 200 (a fresh connection, as a load balancer's probe would).
fn ready(addr: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&addr, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    if stream
        .write_all(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

fn cold_start(args: ColdStartArgs) -> anyhow::Result<()> {
    let snapshot = args.data.join(wifo_app::files::SNAPSHOT_FILE);
    let snapshot_size = std::fs::metadata(&snapshot).ok().map(|meta| meta.len());
    let how = if snapshot_size.is_some() {
        "from snapshot"
    } else {
        "without snapshot (full replay)"
    };
    if ready(args.listen) {
        bail!("something already answers on {}", args.listen);
    }
    let log = std::fs::File::create(&args.log)
        .with_context(|| format!("log {} cannot be created", args.log.display()))?;
    let started = Instant::now();
    let mut child = Process::new(&args.wifo)
        .arg("serve")
        .arg("--data")
        .arg(&args.data)
        .arg("--listen")
        .arg(args.listen.to_string())
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .with_context(|| format!("{} cannot be started", args.wifo.display()))?;
    let pid = child.id();
    let mut peak_before_ready = 0u64;
    let ready_after = loop {
        if ready(args.listen) {
            break started.elapsed();
        }
        if let Some(status) = child.try_wait()? {
            bail!(
                "wifo serve ended with {status} before it was ready; see {}",
                args.log.display()
            );
        }
        if started.elapsed() > Duration::from_secs(args.timeout) {
            let _ = child.kill();
            bail!("not ready after {} s", args.timeout);
        }
        if let Some((_, hwm)) = memory_kib(pid) {
            peak_before_ready = peak_before_ready.max(hwm);
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let memory = memory_kib(pid);
    let stopping = Instant::now();
    let killed = Process::new("kill")
        .arg("-TERM")
        .arg(pid.to_string())
        .status()?;
    if !killed.success() {
        bail!("kill -TERM {pid} failed");
    }
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if stopping.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            bail!("wifo serve did not stop within 120 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stopped_after = stopping.elapsed();
    let snapshot_now = std::fs::metadata(&snapshot).ok().map(|meta| meta.len());
    let seconds = ready_after.as_secs_f64();
    println!("cold start {how}: /readyz 200 after {seconds:.2} s (from process start)");
    if let Some((rss, hwm)) = memory {
        println!(
            "  server RSS when ready: {:.1} MiB (VmHWM peak {:.1} MiB)",
            mib(rss),
            mib(hwm)
        );
    }
    if let Some(size) = snapshot_size {
        println!("  snapshot read: {:.1} MiB", size as f64 / 1048576.0);
    }
    println!(
        "  SIGTERM → exit ({status}) in {:.2} s, including the snapshot write{}",
        stopped_after.as_secs_f64(),
        snapshot_now.map_or_else(String::new, |size| format!(
            " ({:.1} MiB)",
            size as f64 / 1048576.0
        ))
    );
    if snapshot_size.is_some() {
        verdict(
            "cold start from snapshot",
            seconds,
            COLD_START_SNAPSHOT_S,
            true,
            "s",
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.client_threads.max(1))
            .enable_all()
            .build()?
            .block_on(run(args)),
        Command::ColdStart(args) => cold_start(args),
    }
}
