//! The report as one XLSX workbook, one sheet per table, written by
//! `wifo_exchange::export::xlsx` like every other workbook wifo writes: bold frozen German
//! headers, counts and measures as numbers (so Excel can sum them; measures formatted with
//! their decimal place), dates as dates.
//!
//! Column widths: the report used to set fixed widths (40 for the first column, 16 for the
//! others); it now takes the exchange writer's autofit, which fits long labels and short
//! numbers alike and keeps one writer for all workbooks.

use wifo_exchange::export::xlsx::workbook;

use crate::AnalyticsError;
use crate::tables::Table;

/// The workbook as bytes.
pub fn render(tables: &[Table]) -> Result<Vec<u8>, AnalyticsError> {
    let sheets: Vec<_> = tables.iter().map(Table::to_sheet).collect();
    Ok(workbook(&sheets)?)
}
