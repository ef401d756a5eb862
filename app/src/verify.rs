//! `wifo verify --data DIR`: checks the event log of a data directory — SQLite integrity, no
//! gaps in positions and revisions, the hash chain, and that every event decodes with this
//! version of wifo — and names the first broken position. Exit code 1 when something is wrong.

use std::path::Path;

use crate::files::EVENTS_FILE;

pub fn run(data: &Path) -> crate::error::Result<()> {
    if !data.join(EVENTS_FILE).is_file() {
        crate::refuse!("In {} gibt es kein Ereignisprotokoll.", data.display());
    }
    // Read-only: runs beside a serving process, which holds the store's writer lock.
    let keys = std::sync::Arc::new(wifo_store::KeyStore::open(data)?);
    let codec = wifo_store::Codec::new(Some(keys));
    let report = wifo_store::embedded::verify(&data.join(EVENTS_FILE), |event| {
        wifo_projections::decode_event(&codec, event)
            .map(|_| ())
            .map_err(|error| format!("nicht lesbar: {error}"))
    })?;
    print_report(&report)
}

/// The verdict on a log with a hash chain (the embedded file, PostgreSQL).
fn print_report(report: &wifo_store::VerifyReport) -> crate::error::Result<()> {
    match &report.first_problem {
        None => {
            println!(
                "In Ordnung: {} Ereignisse in {} Streams, Hash-Kette lückenlos.",
                report.events, report.streams
            );
            Ok(())
        }
        Some((position, reason)) => {
            crate::refuse!(
                "Fehler an Position {position}: {reason} ({} Ereignisse davor geprüft)",
                report.events
            )
        }
    }
}

/// `wifo verify --store postgres://…`: dense positions, revisions and the hash chain of the
/// tenant's tables, and that every event decodes with this version of wifo.
#[cfg(feature = "postgres")]
async fn run_postgres(location: &wifo_store::PostgresLocation) -> crate::error::Result<()> {
    let store = wifo_store::PostgresStore::connect(location).await?;
    let codec = wifo_store::Codec::new(None);
    let report = wifo_store::postgres::verify(&store, |event| {
        wifo_projections::decode_event(&codec, event)
            .map(|_| ())
            .map_err(|error| format!("nicht lesbar: {error}"))
    })
    .await?;
    print_report(&report)
}

/// What `verify` found in a log read through the `EventStore` contract.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogReport {
    pub events: u64,
    pub streams: usize,
    /// The first problem: the position and a German description.
    pub first_problem: Option<(wifo_store::Position, String)>,
}

/// `wifo verify --store URL`: the checks that hold on every backend — positions strictly
/// increasing, every stream's revisions 0, 1, 2, … without gaps in log order, every event
/// decodes (personal fields are not opened). There is no hash chain on KurrentDB: the server
/// protects its chunk files with checksums of its own, verified when a node starts. PostgreSQL
/// keeps the chain of the embedded file, and is checked as a file is (`run_postgres`).
pub async fn run_store(store: &str) -> crate::error::Result<()> {
    let location = crate::store_location::StoreLocation::parse(store)?;
    #[cfg(feature = "postgres")]
    if let crate::store_location::StoreLocation::Postgres(location) = &location {
        return run_postgres(location).await;
    }
    let opened = crate::store_location::open(&location, false).await?;
    let report = check_log(opened.store.as_ref()).await;
    opened.close();
    let report = report?;
    match report.first_problem {
        None => {
            println!(
                "In Ordnung: {} Ereignisse in {} Streams, Positionen und Revisionen lückenlos, \
                 alle lesbar.",
                report.events, report.streams
            );
            Ok(())
        }
        Some((position, reason)) => crate::refuse!(
            "Fehler an Position {position}: {reason} ({} Ereignisse davor geprüft)",
            report.events
        ),
    }
}

/// Reads the whole log and checks order, revisions and decoding.
pub async fn check_log(store: &dyn wifo_store::EventStore) -> crate::error::Result<LogReport> {
    let codec = wifo_store::Codec::new(None);
    let mut next_revision = std::collections::HashMap::<String, u64>::new();
    let mut report = LogReport::default();
    let mut cursor = wifo_store::Position::START;
    loop {
        let page = store.read_all(cursor, 4096).await?;
        if page.is_empty() {
            break;
        }
        for event in &page {
            let expected = next_revision.get(&event.stream).copied().unwrap_or(0);
            let problem = if event.position <= cursor {
                Some(format!("Position nicht aufsteigend (nach {cursor})"))
            } else if event.revision != expected {
                Some(format!(
                    "{} hat Revision {} statt {expected}",
                    event.stream, event.revision
                ))
            } else {
                wifo_projections::decode_event(&codec, event)
                    .err()
                    .map(|error| format!("nicht lesbar: {error}"))
            };
            if let Some(problem) = problem {
                report.first_problem = Some((event.position, problem));
                report.streams = next_revision.len();
                return Ok(report);
            }
            next_revision.insert(event.stream.clone(), expected + 1);
            report.events += 1;
            cursor = event.position;
        }
    }
    report.streams = next_revision.len();
    Ok(report)
}
