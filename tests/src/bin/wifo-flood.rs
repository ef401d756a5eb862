//! `wifo-flood`: the flood benchmark of the public inquiry form, driven by
//! `scripts/bench-flood.sh`. Staff read organization pages of the staff UI (`GET
//! /organisationen/{id}` with a session cookie) at a fixed rate (open loop: each latency is
//! counted from the moment the request was due, so a stalled server cannot hide its queue) in
//! three phases — alone, beside a flood of public submissions, alone again — and the flood
//! submits `/anfrage` as fast as it can from many loopback addresses (`127.x.y.z`: each address
//! fetches the form for its CSRF cookie, submits until the per-address limit answers 429, then
//! the connection moves on to the next address, as a botnet would). Printed per phase: staff
//! pages/s, p50/p99/p99.9/max and errors; for the flood: accepted submissions/s, 429 and 503
//! answers/s, other errors, the latency of a submission, and the CPU the server used.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Parser;
use hdrhistogram::Histogram;
use http_body_util::Full;
use hyper::{
    Method, Request, StatusCode,
    body::Bytes,
    header::{self, HeaderValue},
};
use rand::{SeedableRng, rngs::SmallRng, seq::IndexedRandom};
use wifo_tests::load::{
    connect, connect_from, cpu_nanos, exchange, exchange_full, ms, new_histogram,
};

#[derive(Debug, Parser)]
#[command(
    name = "wifo-flood",
    about = "Flood of the public inquiry form beside the staff UI"
)]
struct Args {
    /// Address the server listens on.
    #[arg(long, default_value = "127.0.0.1:8088")]
    addr: SocketAddr,
    /// Staff user the pages are read as.
    #[arg(long)]
    user: String,
    /// Its password, read from this file (first line).
    #[arg(long)]
    password_file: std::path::PathBuf,
    /// Staff pages per second, spread over the staff connections.
    #[arg(long, default_value_t = 100)]
    staff_rate: u32,
    /// Staff connections (staff members reading at once).
    #[arg(long, default_value_t = 8)]
    staff_connections: u32,
    /// Connections of the flood, each one client at a time.
    #[arg(long, default_value_t = 32)]
    flood_connections: u32,
    /// Seconds of each phase without the flood.
    #[arg(long, default_value_t = 20)]
    quiet_seconds: u64,
    /// Seconds of the flood.
    #[arg(long, default_value_t = 60)]
    flood_seconds: u64,
    /// Process id of the server, to report its CPU time.
    #[arg(long)]
    pid: Option<u32>,
    /// Worker threads of the generator's runtime.
    #[arg(long, default_value_t = 1)]
    client_threads: usize,
}

/// What the whole run shares.
#[derive(Debug)]
struct Setup {
    addr: SocketAddr,
    host: HeaderValue,
    session: HeaderValue,
    pages: Vec<String>,
    topic: String,
    /// The next loopback address a flood connection takes.
    next_address: AtomicU32,
}

fn loopback(n: u32) -> IpAddr {
    // 127.10.1.1 onwards, never a .0 or .255 octet: 250 × 250 addresses per second octet.
    let third = (n / 250) % 250 + 1;
    let fourth = n % 250 + 1;
    let second = 10 + (n / 62_500) % 240;
    IpAddr::V4(Ipv4Addr::new(127, second as u8, third as u8, fourth as u8))
}

fn request(
    setup: &Setup,
    method: Method,
    path: &str,
    cookie: Option<&HeaderValue>,
    form: Option<String>,
) -> anyhow::Result<Request<Full<Bytes>>> {
    let mut builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, setup.host.clone());
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie.clone());
    }
    let body = match form {
        Some(form) => {
            builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Bytes::from(form)
        }
        None => Bytes::new(),
    };
    Ok(builder.body(Full::new(body))?)
}

fn encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", url_escape(value).collect::<String>()))
        .collect::<Vec<_>>()
        .join("&")
}

fn url_escape(text: &str) -> impl Iterator<Item = String> + '_ {
    text.bytes().map(|byte| {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            char::from(byte).to_string()
        } else {
            format!("%{byte:02X}")
        }
    })
}

/// The value of cookie `name` among the `Set-Cookie` headers of an answer.
fn set_cookie(headers: &hyper::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split(';').next())
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.to_owned())
}

/// The first non-empty option of `<select name="NAME">` in a page.
fn first_option(html: &str, name: &str) -> Option<String> {
    let select = &html[html.find(&format!("name=\"{name}\""))?..];
    let select = &select[..select.find("</select>")?];
    select
        .split("<option value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|value| !value.is_empty())
        .map(str::to_owned)
}

async fn prepare(args: &Args) -> anyhow::Result<Setup> {
    let host = HeaderValue::from_str(&args.addr.to_string())?;
    let password = std::fs::read_to_string(&args.password_file)
        .with_context(|| format!("{} not readable", args.password_file.display()))?;
    let password = password.lines().next().unwrap_or_default().to_owned();
    let mut setup = Setup {
        addr: args.addr,
        host,
        session: HeaderValue::from_static(""),
        pages: vec![],
        topic: String::new(),
        next_address: AtomicU32::new(0),
    };
    let mut sender = connect(args.addr).await?;
    let login = encode(&[("name", &args.user), ("password", &password)]);
    let (status, headers, _) = exchange_full(
        &mut sender,
        request(&setup, Method::POST, "/anmelden", None, Some(login))?,
    )
    .await?;
    let session = set_cookie(&headers, "wifo_session")
        .with_context(|| format!("login as {} refused ({status})", args.user))?;
    setup.session = HeaderValue::from_str(&format!("wifo_session={session}"))?;
    let (status, body) = exchange(
        &mut sender,
        request(
            &setup,
            Method::GET,
            "/api/v1/organizations?per_page=500",
            Some(&setup.session),
            None,
        )?,
    )
    .await?;
    if status != StatusCode::OK {
        bail!("the directory answered {status}");
    }
    let value: serde_json::Value = serde_json::from_slice(&body)?;
    setup.pages = value["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["id"].as_str())
        .map(|id| format!("/organisationen/{id}"))
        .collect();
    if setup.pages.is_empty() {
        bail!("the directory lists no organization: is the data directory filled?");
    }
    let (status, body) = exchange(
        &mut sender,
        request(&setup, Method::GET, "/anfrage", None, None)?,
    )
    .await?;
    if status != StatusCode::OK {
        bail!("/anfrage answered {status}");
    }
    setup.topic = first_option(&String::from_utf8_lossy(&body), "topic")
        .context("the public form offers no topic: is a topic marked öffentlich?")?;
    Ok(setup)
}

/// What the staff connections measured in one phase.
#[derive(Debug)]
struct Staff {
    latencies: Histogram<u64>,
    errors: u64,
}

async fn staff_connection(
    setup: Arc<Setup>,
    interval: Duration,
    offset: Duration,
    until: Instant,
    seed: u64,
) -> anyhow::Result<Staff> {
    let mut rng = SmallRng::seed_from_u64(seed);
    let mut sender = connect(setup.addr).await?;
    let mut staff = Staff {
        latencies: new_histogram()?,
        errors: 0,
    };
    let mut due = Instant::now() + offset;
    while due < until {
        tokio::time::sleep_until(due.into()).await;
        let path = setup.pages.choose(&mut rng).context("no page")?;
        let answer = exchange(
            &mut sender,
            request(&setup, Method::GET, path, Some(&setup.session), None)?,
        )
        .await;
        let micros = due.elapsed().as_micros().max(1) as u64;
        match answer {
            Ok((StatusCode::OK, _)) => staff.latencies.saturating_record(micros),
            Ok(_) => staff.errors += 1,
            Err(_) => {
                staff.errors += 1;
                sender = connect(setup.addr).await?;
            }
        }
        due += interval;
    }
    Ok(staff)
}

/// What the flood connections counted.
#[derive(Debug)]
struct Flood {
    submissions: Histogram<u64>,
    accepted: u64,
    limited: u64,
    busy: u64,
    other: u64,
    addresses: u64,
}

async fn flood_connection(setup: Arc<Setup>, until: Instant) -> anyhow::Result<Flood> {
    let mut flood = Flood {
        submissions: new_histogram()?,
        accepted: 0,
        limited: 0,
        busy: 0,
        other: 0,
        addresses: 0,
    };
    'addresses: while Instant::now() < until {
        let local = loopback(setup.next_address.fetch_add(1, Ordering::Relaxed));
        flood.addresses += 1;
        let mut sender = connect_from(setup.addr, Some(local)).await?;
        let mut serial = 0_u32;
        while Instant::now() < until {
            let Ok((_, headers, _)) = exchange_full(
                &mut sender,
                request(&setup, Method::GET, "/anfrage", None, None)?,
            )
            .await
            else {
                flood.other += 1;
                continue 'addresses;
            };
            let Some(token) = set_cookie(&headers, "wifo_anfrage") else {
                flood.other += 1;
                continue 'addresses;
            };
            serial += 1;
            let business = format!("Flutbetrieb {local} {serial}");
            let email = format!("flut{serial}@{local}.example");
            let form = encode(&[
                ("_csrf", &token),
                ("homepage", ""),
                ("business", &business),
                ("contact", "Kim Flut"),
                ("email", &email),
                ("phone", ""),
                ("street", ""),
                ("postal_code", "13187"),
                ("topic", &setup.topic),
                (
                    "description",
                    "Frage zu Fördermitteln für einen neuen Standort.",
                ),
                ("found_via", "website"),
                ("consent", "ja"),
            ]);
            let cookie = HeaderValue::from_str(&format!("wifo_anfrage={token}"))?;
            let started = Instant::now();
            let answer = exchange(
                &mut sender,
                request(&setup, Method::POST, "/anfrage", Some(&cookie), Some(form))?,
            )
            .await;
            flood
                .submissions
                .saturating_record(started.elapsed().as_micros().max(1) as u64);
            match answer {
                Ok((StatusCode::OK, _)) => flood.accepted += 1,
                Ok((StatusCode::TOO_MANY_REQUESTS, _)) => {
                    flood.limited += 1;
                    continue 'addresses;
                }
                Ok((StatusCode::SERVICE_UNAVAILABLE, _)) => flood.busy += 1,
                Ok(_) | Err(_) => {
                    flood.other += 1;
                    continue 'addresses;
                }
            }
        }
    }
    Ok(flood)
}

struct Phase {
    name: &'static str,
    seconds: u64,
    flood: bool,
}

fn staff_row(name: &str, seconds: f64, staff: &Staff, cpu: Option<f64>) {
    let h = &staff.latencies;
    println!(
        "| {name} | {:.1} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
        h.len() as f64 / seconds,
        ms(h.value_at_quantile(0.50)),
        ms(h.value_at_quantile(0.99)),
        ms(h.value_at_quantile(0.999)),
        ms(h.max()),
        staff.errors,
        cpu.map_or("–".to_owned(), |share| format!("{share:.0} %")),
    );
}

async fn run(args: Args) -> anyhow::Result<()> {
    let setup = Arc::new(prepare(&args).await?);
    println!(
        "staff: {} at {} pages/s over {} connections ({} organizations); flood: {} connections, topic {}",
        args.user,
        args.staff_rate,
        args.staff_connections,
        setup.pages.len(),
        args.flood_connections,
        setup.topic
    );
    let phases = [
        Phase {
            name: "staff alone",
            seconds: args.quiet_seconds,
            flood: false,
        },
        Phase {
            name: "staff beside the flood",
            seconds: args.flood_seconds,
            flood: true,
        },
        Phase {
            name: "staff alone again",
            seconds: args.quiet_seconds,
            flood: false,
        },
    ];
    let connections = args.staff_connections.max(1);
    let interval =
        Duration::from_secs_f64(f64::from(connections) / f64::from(args.staff_rate.max(1)));
    let mut rows = vec![];
    let mut floods = vec![];
    for (index, phase) in phases.iter().enumerate() {
        let started = Instant::now();
        let until = started + Duration::from_secs(phase.seconds);
        let cpu_before = args.pid.and_then(cpu_nanos);
        let staff: Vec<_> = (0..connections)
            .map(|n| {
                let offset = interval.mul_f64(f64::from(n) / f64::from(connections));
                tokio::spawn(staff_connection(
                    setup.clone(),
                    interval,
                    offset,
                    until,
                    (index as u64) << 32 | u64::from(n),
                ))
            })
            .collect();
        let flood: Vec<_> = if phase.flood {
            (0..args.flood_connections)
                .map(|_| tokio::spawn(flood_connection(setup.clone(), until)))
                .collect()
        } else {
            vec![]
        };
        let mut together = Staff {
            latencies: new_histogram()?,
            errors: 0,
        };
        for task in staff {
            let one = task.await??;
            together.latencies.add(&one.latencies)?;
            together.errors += one.errors;
        }
        let mut counted = Flood {
            submissions: new_histogram()?,
            accepted: 0,
            limited: 0,
            busy: 0,
            other: 0,
            addresses: 0,
        };
        for task in flood {
            let one = task.await??;
            counted.submissions.add(&one.submissions)?;
            counted.accepted += one.accepted;
            counted.limited += one.limited;
            counted.busy += one.busy;
            counted.other += one.other;
            counted.addresses += one.addresses;
        }
        let seconds = started.elapsed().as_secs_f64();
        let cpu = args
            .pid
            .and_then(cpu_nanos)
            .zip(cpu_before)
            .map(|(after, before)| (after - before) as f64 / 1e9 / seconds * 100.0);
        rows.push((phase.name, seconds, together, cpu));
        if phase.flood {
            floods.push((seconds, counted));
        }
    }
    println!();
    println!(
        "| phase | staff pages/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | server CPU |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (name, seconds, staff, cpu) in &rows {
        staff_row(name, *seconds, staff, *cpu);
    }
    for (seconds, flood) in &floods {
        let h = &flood.submissions;
        println!();
        println!(
            "flood over {seconds:.1} s from {} addresses: {:.1} accepted submissions/s ({} in all), {:.1} answers 429/s ({}), {:.1} answers 503/s ({}), {} other errors; a submission took p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            flood.addresses,
            flood.accepted as f64 / seconds,
            flood.accepted,
            flood.limited as f64 / seconds,
            flood.limited,
            flood.busy as f64 / seconds,
            flood.busy,
            flood.other,
            ms(h.value_at_quantile(0.50)),
            ms(h.value_at_quantile(0.99)),
            ms(h.max()),
        );
    }
    if let [(_, _, alone, _), (_, _, beside, _), ..] = rows.as_slice() {
        let before = ms(alone.latencies.value_at_quantile(0.99));
        let during = ms(beside.latencies.value_at_quantile(0.99));
        println!();
        println!(
            "staff p99 beside the flood: {during:.2} ms against {before:.2} ms alone ({:.2}×)",
            during / before.max(0.001)
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.client_threads.max(1))
        .enable_all()
        .build()?;
    runtime.block_on(run(args))
}
