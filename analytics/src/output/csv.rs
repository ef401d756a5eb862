//! The report as CSV files, one per table (`01_uebersicht.csv`, …), in a folder or a ZIP
//! archive. Each file is written by `wifo_exchange::export::csv` like every other CSV wifo
//! writes for German Excel: `;` between fields, UTF-8 with a byte order mark, CRLF line ends,
//! decimal comma.

use std::io::Write;
use std::path::Path;

use wifo_exchange::export::csv::write_sheet;

use crate::AnalyticsError;
use crate::tables::Table;

/// The file name of a table.
pub fn file_name(index: usize, table: &Table) -> String {
    format!("{:02}_{}.csv", index + 1, table.id)
}

/// One table as CSV bytes.
pub fn table_bytes(table: &Table) -> Result<Vec<u8>, AnalyticsError> {
    let mut bytes = Vec::new();
    write_sheet(&mut bytes, &table.to_sheet())?;
    Ok(bytes)
}

/// Every table as a file in `folder`.
pub fn write_folder(tables: &[Table], folder: &Path) -> Result<(), AnalyticsError> {
    super::create_folder(folder)?;
    for (index, table) in tables.iter().enumerate() {
        super::write_file(&folder.join(file_name(index, table)), &table_bytes(table)?)?;
    }
    Ok(())
}

/// Every table as a file in a ZIP archive.
pub fn zip(tables: &[Table]) -> Result<Vec<u8>, AnalyticsError> {
    let mut archive = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = ::zip::write::SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Deflated);
    for (index, table) in tables.iter().enumerate() {
        archive.start_file(file_name(index, table), options)?;
        archive
            .write_all(&table_bytes(table)?)
            .map_err(|source| AnalyticsError::Io {
                path: file_name(index, table),
                source,
            })?;
    }
    Ok(archive.finish()?.into_inner())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::tables::Cell;

    #[test]
    fn a_report_table_is_written_by_the_exchange_writer() {
        let table = Table {
            id: "uebersicht",
            sheet: "Übersicht",
            title: "Übersicht".to_owned(),
            headers: ["Kennzahl", "Zeitraum", "Veränderung", "Veränderung in %"]
                .map(str::to_owned)
                .to_vec(),
            rows: vec![
                vec![
                    Cell::text("Durchgeführte Betriebsbesuche"),
                    Cell::Integer(8),
                    Cell::Integer(-2),
                    Cell::Decimal(300.0, 1),
                ],
                vec![
                    Cell::text("Erstantwort in Tagen (Median)"),
                    Cell::Decimal(5.0, 1),
                    Cell::Empty,
                    Cell::Empty,
                ],
            ],
        };
        assert_eq!(file_name(0, &table), "01_uebersicht.csv");
        assert_eq!(
            String::from_utf8(table_bytes(&table).unwrap()).unwrap(),
            "\u{feff}Kennzahl;Zeitraum;Veränderung;Veränderung in %\r\n\
             Durchgeführte Betriebsbesuche;8;-2;300,0\r\n\
             Erstantwort in Tagen (Median);5,0;;\r\n"
        );
    }
}
