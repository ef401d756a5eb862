//! `wifo export table|calendar|events`: the exports of `export.rs` written to files. Tables and
//! calendars are read from the views (snapshot plus the events after it); the log export reads
//! the store directly.

use std::path::Path;

use anyhow::Context;
use wifo_exchange::export::{Sheet, csv, ics, xlsx};
use wifo_projections::{Projections, Views};

use crate::cli::{CalendarKind, ExportCommand, TableFormat};
use crate::data_dir::DataDir;
use crate::export::Table;
use crate::serve::SNAPSHOT_FILE;

pub async fn run(command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Table {
            data,
            table,
            format,
            out,
        } => {
            let sheets: Vec<Sheet> = with_views(&data, |views| match table {
                Some(table) => vec![table.sheet(views)],
                None => Table::ALL.iter().map(|table| table.sheet(views)).collect(),
            })
            .await?;
            let bytes = table_bytes(&sheets, format)?;
            write(&out, &bytes)?;
            let rows: usize = sheets.iter().map(|sheet| sheet.rows.len()).sum();
            println!("{rows} Zeilen in {} geschrieben.", out.display());
            Ok(())
        }
        ExportCommand::Calendar { data, of, out } => {
            let (name, entries) = with_views(&data, |views| calendar(views, of)).await?;
            write(&out, ics::calendar(name, &entries).as_bytes())?;
            println!(
                "{} Termine in {} geschrieben.",
                entries.len(),
                out.display()
            );
            Ok(())
        }
        ExportCommand::Events { data, out } => {
            let data = DataDir::open_existing(&data)?;
            let file = std::fs::File::create(&out)
                .with_context(|| format!("{} kann nicht angelegt werden", out.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            let written = crate::export::events_jsonl(&data.store, &data.codec, &mut writer).await;
            data.store.close();
            let written = written?;
            std::io::Write::flush(&mut writer)?;
            println!("{written} Ereignisse in {} geschrieben.", out.display());
            Ok(())
        }
    }
}

/// The sheets in a table format: CSV and JSON take one table, XLSX any number.
pub fn table_bytes(sheets: &[Sheet], format: TableFormat) -> anyhow::Result<Vec<u8>> {
    match (format, sheets) {
        (TableFormat::Xlsx, _) => Ok(xlsx::workbook(sheets)?),
        (TableFormat::Csv, [sheet]) => {
            let mut bytes = Vec::new();
            csv::write_sheet(&mut bytes, sheet)?;
            Ok(bytes)
        }
        (TableFormat::Json, [sheet]) => Ok(serde_json::to_vec_pretty(&sheet.to_json())?),
        _ => anyhow::bail!("CSV und JSON enthalten genau eine Tabelle: bitte --table angeben."),
    }
}

pub fn calendar(views: &Views, of: CalendarKind) -> (&'static str, Vec<ics::CalendarEntry>) {
    let now = chrono::Utc::now();
    match of {
        CalendarKind::Visits => (
            "wifo Unternehmensbesuche",
            crate::export::visit_calendar(views, now),
        ),
        CalendarKind::Gatherings => (
            "wifo Veranstaltungen",
            crate::export::gathering_calendar(views, now),
        ),
    }
}

/// Runs `read` on the views of the data directory (snapshot plus the events after it).
pub async fn with_views<T>(data: &Path, read: impl FnOnce(&Views) -> T) -> anyhow::Result<T> {
    let data = DataDir::open_existing(data)?;
    let projections = Projections::start(
        data.store_shared(),
        data.codec.clone(),
        Some(data.path.join(SNAPSHOT_FILE)),
    )
    .await;
    let result = projections.map(|(projections, _)| read(&projections.read()));
    data.store.close();
    Ok(result?)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes)
        .with_context(|| format!("{} kann nicht geschrieben werden", path.display()))
}
