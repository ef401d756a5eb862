//! `wifo verify --data DIR`: checks the event log of a data directory — SQLite integrity, no
//! gaps in positions and revisions, the hash chain, and that every event decodes with this
//! version of wifo — and names the first broken position. Exit code 1 when something is wrong.

use std::path::Path;

use crate::data_dir::{DataDir, EVENTS_FILE};

pub fn run(data: &Path) -> anyhow::Result<()> {
    let opened = DataDir::open_existing(data)?;
    let codec = opened.codec.clone();
    opened.store.close();
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
