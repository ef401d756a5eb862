//! The report as one XLSX workbook, written by `wifo_exchange::export::xlsx` like every other
//! workbook wifo writes: bold frozen German headers, counts and measures as numbers (so Excel
//! can sum them; measures formatted with their decimal place), dates as dates.
//!
//! The first sheet, „Übersicht“, is what a reader opens first, as in the HTML report: the key
//! figures (`summary::key_figures`: Kennzahl, Zeitraum, Vorjahr, Veränderung) and below them
//! the agenda proposals (Rang, Gegenstand, Gewicht, Anlass, Begründung — the long reason last,
//! so it does not widen the figures' columns). One sheet per table of `tables.rs` follows.
//!
//! Column widths: the report used to set fixed widths (40 for the first column, 16 for the
//! others); it now takes the exchange writer's autofit, which fits long labels and short
//! numbers alike and keeps one writer for all workbooks.

use wifo_exchange::export::{Sheet, xlsx::workbook};

use crate::AnalyticsError;
use crate::model::Report;
use crate::summary::{FigureValue, key_figures};
use crate::tables::{Cell, Table, reason_labels, tables};

/// The name of the first sheet.
pub const OVERVIEW_SHEET: &str = "Übersicht";

/// The workbook as bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, AnalyticsError> {
    let mut sheets = vec![overview(report)];
    sheets.extend(tables(report).iter().map(Table::to_sheet));
    Ok(workbook(&sheets)?)
}

/// The „Übersicht“ sheet: the key figures, an empty row, then the proposals under their own
/// header row.
fn overview(report: &Report) -> Sheet {
    let text = |value: &str| Cell::Text(value.to_owned());
    let mut rows: Vec<Vec<Cell>> = key_figures(report)
        .iter()
        .map(|figure| {
            let mut row = vec![text(&figure.label)];
            row.extend(match figure.value {
                FigureValue::Count(count) => [
                    Cell::Integer(count.current as i64),
                    Cell::Integer(count.previous as i64),
                    Cell::Integer(count.change),
                ],
                FigureValue::Measure(measure) => {
                    [measure.current, measure.previous, measure.change]
                        .map(|value| value.map_or(Cell::Empty, |value| Cell::Decimal(value, 1)))
                }
            });
            row
        })
        .collect();
    rows.push(Vec::new());
    rows.push(vec![text("Themenvorschläge für das nächste Jahr")]);
    rows.push(
        ["Rang", "Gegenstand", "Gewicht", "Anlass", "Begründung"]
            .map(text)
            .to_vec(),
    );
    if report.agenda.is_empty() {
        rows.push(vec![text(
            "Aus den Zahlen ergibt sich kein besonderer Handlungsbedarf.",
        )]);
    }
    for proposal in &report.agenda {
        rows.push(vec![
            Cell::Integer(i64::from(proposal.rank)),
            text(&proposal.subject),
            Cell::Decimal(proposal.score, 1),
            text(&reason_labels(proposal)),
            text(&proposal.reason),
        ]);
    }
    Sheet {
        name: OVERVIEW_SHEET.to_owned(),
        header: ["Kennzahl", "Zeitraum", "Vorjahr", "Veränderung"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}
