//! `wifo verify --data DIR`: checks the event log of a data directory — SQLite integrity, no
//! gaps in positions and revisions, the hash chain, and that every event decodes with this
//! version of wifo — and names the first broken position. Exit code 1 when something is wrong.

use std::path::Path;

use crate::data_dir::EVENTS_FILE;

pub fn run(data: &Path) -> anyhow::Result<()> {
    if !data.join(EVENTS_FILE).is_file() {
        anyhow::bail!("In {} gibt es kein Ereignisprotokoll.", data.display());
    }
    // Read-only: runs beside a serving process, which holds the store's writer lock.
    let keys = std::sync::Arc::new(wifo_store::KeyStore::open(data)?);
    let codec = wifo_store::Codec::new(Some(keys));
    let report = wifo_store::embedded::verify(&data.join(EVENTS_FILE), |event| {
        wifo_projections::decode_event(&codec, event)
            .map(|_| ())
            .map_err(|error| format!("nicht lesbar: {error}"))
    })?;
    match report.first_problem {
        None => {
            println!(
                "In Ordnung: {} Ereignisse in {} Streams, Hash-Kette lückenlos.",
                report.events, report.streams
            );
            Ok(())
        }
        Some((position, reason)) => {
            anyhow::bail!(
                "Fehler an Position {position}: {reason} ({} Ereignisse davor geprüft)",
                report.events
            )
        }
    }
}
