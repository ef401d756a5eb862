//! Parquet: the fact tables for further analysis (one file per table; ids as 64-bit keys,
//! dates as `Date`, no personal data).

use std::io::Write;
use std::path::Path;

use polars::prelude::*;

use crate::{AnalyticsError, Frames};

/// A fact table with its day columns as dates.
fn with_dates(frame: &DataFrame) -> PolarsResult<DataFrame> {
    let dates: Vec<Expr> = ["day", "due", "valid_from", "valid_until", "ended"]
        .into_iter()
        .filter(|name| frame.column(name).is_ok())
        .map(|name| col(name).cast(DataType::Date))
        .collect();
    frame.clone().lazy().with_columns(dates).collect()
}

fn bytes(frame: &DataFrame) -> Result<Vec<u8>, AnalyticsError> {
    let mut frame = with_dates(frame)?;
    let mut buffer = Vec::new();
    ParquetWriter::new(&mut buffer).finish(&mut frame)?;
    Ok(buffer)
}

pub fn write_folder(frames: &Frames, folder: &Path) -> Result<(), AnalyticsError> {
    super::create_folder(folder)?;
    for (name, frame) in frames.fact_tables() {
        super::write_file(&folder.join(format!("{name}.parquet")), &bytes(frame)?)?;
    }
    Ok(())
}

pub fn zip(frames: &Frames) -> Result<Vec<u8>, AnalyticsError> {
    let mut archive = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = ::zip::write::SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Stored);
    for (name, frame) in frames.fact_tables() {
        let file = format!("{name}.parquet");
        archive.start_file(file.as_str(), options)?;
        archive
            .write_all(&bytes(frame)?)
            .map_err(|source| AnalyticsError::Io { path: file, source })?;
    }
    Ok(archive.finish()?.into_inner())
}
