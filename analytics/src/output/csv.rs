//! CSV as German Excel opens it: `;` between fields, UTF-8 with a byte order mark, decimal
//! comma, one file per table (`01_uebersicht.csv`, …).

use std::io::Write;
use std::path::Path;

use crate::AnalyticsError;
use crate::tables::Table;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file name of a table.
pub fn file_name(index: usize, table: &Table) -> String {
    format!("{:02}_{}.csv", index + 1, table.id)
}

/// One table as CSV bytes.
pub fn table_bytes(table: &Table) -> Result<Vec<u8>, AnalyticsError> {
    let mut bytes = BOM.to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut bytes);
        let io = |error: ::csv::Error| AnalyticsError::Io {
            path: table.id.to_owned(),
            source: std::io::Error::other(error.to_string()),
        };
        writer.write_record(&table.headers).map_err(io)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(|cell| cell.plain()))
                .map_err(io)?;
        }
        writer.flush().map_err(|source| AnalyticsError::Io {
            path: table.id.to_owned(),
            source,
        })?;
    }
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
