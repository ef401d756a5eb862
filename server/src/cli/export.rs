//! `wifo export table|calendar|events`: the exports of `export.rs` written to files. Tables and
//! calendars are read from the views (snapshot plus the events after it); the log export reads
//! the store directly.

use std::path::{Path, PathBuf};

use anyhow::Context;
use wifo_app::data_dir::DataDir;
use wifo_app::export::{CalendarKind, Table, TableFormat, calendar, table_bytes};
use wifo_app::views::with_views;
use wifo_exchange::export::{Sheet, ics};

use super::args::{DataArg, one_of};

#[derive(Debug, clap::Subcommand)]
pub(super) enum ExportCommand {
    /// Eine Tabelle (CSV, XLSX, JSON); XLSX ohne --table enthält alle Tabellen als Blätter.
    Table {
        #[command(flatten)]
        data: DataArg,
        /// organizations, visits, contacts oder inquiries.
        #[arg(long, value_parser = one_of(&Table::NAMES, Table::parse))]
        table: Option<Table>,
        /// csv, xlsx oder json.
        #[arg(long, default_value = "csv", value_parser = one_of(&TableFormat::NAMES, TableFormat::parse))]
        format: TableFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Besuche oder Veranstaltungen als iCalendar-Datei (.ics) für Outlook.
    Calendar {
        #[command(flatten)]
        data: DataArg,
        /// visits oder gatherings.
        #[arg(long, value_parser = one_of(&CalendarKind::NAMES, CalendarKind::parse))]
        of: CalendarKind,
        #[arg(long)]
        out: PathBuf,
    },
    /// Das ganze Ereignisprotokoll als JSON Lines, personenbezogene Daten entschlüsselt, soweit
    /// der Schlüssel noch existiert.
    Events {
        #[command(flatten)]
        data: DataArg,
        #[arg(long)]
        out: PathBuf,
    },
}

impl ExportCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        run(self).await
    }
}

async fn run(command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Table {
            data,
            table,
            format,
            out,
        } => {
            let sheets: Vec<Sheet> = with_views(&data.path, |views| match table {
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
            let (name, entries) = with_views(&data.path, |views| calendar(views, of)).await?;
            write(&out, ics::calendar(name, &entries).as_bytes())?;
            println!(
                "{} Termine in {} geschrieben.",
                entries.len(),
                out.display()
            );
            Ok(())
        }
        ExportCommand::Events { data, out } => {
            let data = DataDir::open_existing(&data.path)?;
            let file = std::fs::File::create(&out)
                .with_context(|| format!("{} kann nicht angelegt werden", out.display()))?;
            let mut writer = std::io::BufWriter::new(file);
            let written =
                wifo_app::export::events_jsonl(&data.store, &data.codec, &mut writer).await;
            data.store.close();
            let written = written?;
            std::io::Write::flush(&mut writer)?;
            println!("{written} Ereignisse in {} geschrieben.", out.display());
            Ok(())
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes)
        .with_context(|| format!("{} kann nicht geschrieben werden", path.display()))
}
