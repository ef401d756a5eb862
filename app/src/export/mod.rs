//! What an office can take out of wifo: organizations, visits, contacts and inquiries as tables
//! (`tables.rs`: CSV for German Excel, XLSX, JSON), visits and gatherings as iCalendar for
//! Outlook, the whole event log as JSON Lines, and the address list for a purpose
//! (`addresses.rs`: the export of personal data that asks why and respects consent). The
//! formats and their names are defined here once, for the command line and the API alike.

pub mod addresses;
mod personal_calendar;
mod tables;

pub use personal_calendar::{personal_calendar, personal_calendar_title};

pub use tables::{
    Table, contacts, events_jsonl, gathering_calendar, inquiries, organizations, organizations_of,
    visit_calendar, visits,
};

use wifo_exchange::export::{Sheet, csv, ics, xlsx};
use wifo_projections::Views;

/// The formats of a table export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
    Json,
}

impl TableFormat {
    pub const ALL: [TableFormat; 3] = [TableFormat::Csv, TableFormat::Xlsx, TableFormat::Json];
    pub const NAMES: [&'static str; 3] = ["csv", "xlsx", "json"];

    /// Reads a format's name (`csv`, `xlsx`, `json`).
    pub fn parse(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .position(|known| *known == name)
            .map(|index| Self::ALL[index])
    }

    /// The media type of an answer in this format.
    pub fn media_type(self) -> &'static str {
        match self {
            TableFormat::Csv => "text/csv; charset=utf-8",
            TableFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            TableFormat::Json => "application/json",
        }
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The calendars of an iCalendar export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarKind {
    Visits,
    Gatherings,
}

impl CalendarKind {
    pub const NAMES: [&'static str; 2] = ["visits", "gatherings"];

    /// Reads a calendar's name (`visits`, `gatherings`).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "visits" => Some(CalendarKind::Visits),
            "gatherings" => Some(CalendarKind::Gatherings),
            _ => None,
        }
    }
}

/// Why a table export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Csv(#[from] csv::CsvError),
    #[error(transparent)]
    Xlsx(#[from] xlsx::XlsxError),
    #[error("JSON kann nicht geschrieben werden: {0}")]
    Json(#[from] serde_json::Error),
    #[error("CSV und JSON enthalten genau eine Tabelle: bitte --table angeben.")]
    OneTableOnly,
}

/// The sheets in a table format: CSV and JSON take one table, XLSX any number.
pub fn table_bytes(sheets: &[Sheet], format: TableFormat) -> Result<Vec<u8>, ExportError> {
    match (format, sheets) {
        (TableFormat::Xlsx, _) => Ok(xlsx::workbook(sheets)?),
        (TableFormat::Csv, [sheet]) => {
            let mut bytes = Vec::new();
            csv::write_sheet(&mut bytes, sheet)?;
            Ok(bytes)
        }
        (TableFormat::Json, [sheet]) => Ok(serde_json::to_vec_pretty(&sheet.to_json())?),
        _ => Err(ExportError::OneTableOnly),
    }
}

/// A calendar's title and entries, stamped now.
pub fn calendar(views: &Views, of: CalendarKind) -> (&'static str, Vec<ics::CalendarEntry>) {
    let now = chrono::Utc::now();
    match of {
        CalendarKind::Visits => ("wifo Unternehmensbesuche", visit_calendar(views, now)),
        CalendarKind::Gatherings => ("wifo Veranstaltungen", gathering_calendar(views, now)),
    }
}
