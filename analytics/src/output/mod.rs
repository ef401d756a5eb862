//! Writing a report: self-contained HTML, JSON, CSV (one `;`-separated UTF-8 file with BOM
//! per table, in a folder or a ZIP archive), XLSX (an „Übersicht“ sheet, then one sheet per
//! table) and Parquet (the fact tables). CSV and XLSX are written by the writers of `wifo_exchange::export`; `csv.rs` and
//! `xlsx.rs` here only name and gather the files. `render` gives the bytes for an HTTP answer,
//! `write` writes files for the CLI.

pub mod csv;
pub mod html;
pub mod parquet;
pub mod xlsx;

use std::path::Path;

use crate::{AnalyticsError, Frames, model::Report, tables::tables};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Json,
    Csv,
    Xlsx,
    Parquet,
}

impl Format {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "html" => Some(Format::Html),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    /// The media type of the rendered answer (CSV and Parquet come as a ZIP archive).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Json => "application/json",
            Format::Csv | Format::Parquet => "application/zip",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// File name extension of the rendered answer.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv | Format::Parquet => "zip",
            Format::Xlsx => "xlsx",
        }
    }
}

/// The report as one file's bytes. Parquet needs the fact tables.
pub fn render(
    report: &Report,
    frames: Option<&Frames>,
    format: Format,
) -> Result<Vec<u8>, AnalyticsError> {
    match format {
        Format::Html => Ok(html::render(report).into_bytes()),
        Format::Json => Ok(serde_json::to_vec_pretty(report)?),
        Format::Csv => csv::zip(&tables(report)),
        Format::Xlsx => xlsx::render(report),
        Format::Parquet => match frames {
            Some(frames) => parquet::zip(frames),
            None => Err(AnalyticsError::InvalidPeriod(
                "Parquet braucht die Faktentabellen".to_owned(),
            )),
        },
    }
}

/// Writes the report to `path`. CSV and Parquet write a folder of files, or a ZIP archive when
/// `path` ends in `.zip`.
pub fn write(
    report: &Report,
    frames: &Frames,
    format: Format,
    path: &Path,
) -> Result<(), AnalyticsError> {
    let zipped = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
    match format {
        Format::Csv if !zipped => csv::write_folder(&tables(report), path),
        Format::Parquet if !zipped => parquet::write_folder(frames, path),
        _ => {
            let bytes = render(report, Some(frames), format)?;
            write_file(path, &bytes)
        }
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), AnalyticsError> {
    std::fs::write(path, bytes).map_err(|source| AnalyticsError::Io {
        path: path.display().to_string(),
        source,
    })
}

pub(crate) fn create_folder(path: &Path) -> Result<(), AnalyticsError> {
    std::fs::create_dir_all(path).map_err(|source| AnalyticsError::Io {
        path: path.display().to_string(),
        source,
    })
}
