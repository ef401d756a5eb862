//! XLSX workbooks with one sheet per table (rust_xlsxwriter): bold German headers, frozen
//! header row, text cells stored as text so codes keep their zeros, numbers as numbers (decimals
//! with their places shown, `#,##0.0`), dates as real dates, columns fitted to their content.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Format, Workbook};

use super::{Cell, Sheet};

#[derive(Debug, thiserror::Error)]
#[error("XLSX kann nicht geschrieben werden: {0}")]
pub struct XlsxError(String);

/// The workbook as bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let fail = |error: rust_xlsxwriter::XlsxError| XlsxError(error.to_string());
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let mut decimals: BTreeMap<usize, Format> = BTreeMap::new();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        // Excel limits sheet names to 31 characters.
        let name: String = sheet.name.chars().take(31).collect();
        worksheet.set_name(&name).map_err(fail)?;
        for (column, title) in sheet.header.iter().enumerate() {
            worksheet
                .write_string_with_format(0, column as u16, title, &bold)
                .map_err(fail)?;
        }
        worksheet.set_freeze_panes(1, 0).map_err(fail)?;
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = (i + 1) as u32;
            for (column, cell) in row.iter().enumerate() {
                let c = column as u16;
                match cell {
                    Cell::Text(text) => worksheet.write_string(r, c, text).map(|_| ()),
                    Cell::Number(number) => worksheet.write_number(r, c, *number).map(|_| ()),
                    Cell::Integer(number) => {
                        worksheet.write_number(r, c, *number as f64).map(|_| ())
                    }
                    Cell::Decimal(number, places) if number.is_finite() => {
                        let format = decimals
                            .entry(*places)
                            .or_insert_with(|| decimal_format(*places));
                        worksheet
                            .write_number_with_format(r, c, *number, format)
                            .map(|_| ())
                    }
                    Cell::Date(day) => worksheet
                        .write_datetime_with_format(r, c, *day, &date)
                        .map(|_| ()),
                    Cell::Decimal(..) | Cell::Empty => Ok(()),
                }
                .map_err(fail)?;
            }
        }
        worksheet.autofit();
    }
    workbook.save_to_buffer().map_err(fail)
}

/// Excel's number format for `places` decimal places with thousands grouping: `#,##0.0` for
/// one (German Excel shows it as `1.234,5`).
fn decimal_format(places: usize) -> Format {
    let pattern = if places == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(places))
    };
    Format::new().set_num_format(pattern)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use calamine::{Data, DataType, Reader};

    use super::*;

    #[test]
    fn each_sheet_reads_back_with_calamine() {
        let mut organizations = Sheet::new("Organisationen", &["Name", "Region", "Gegründet"]);
        organizations.rows.push(vec![
            Cell::text("Bäckerei Schulz"),
            Cell::text("03601142"),
            Cell::Number(1998.0),
        ]);
        let mut visits = Sheet::new("Besuche", &["Datum"]);
        visits.rows.push(vec![Cell::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        )]);
        let bytes = workbook(&[organizations, visits]).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(book.sheet_names(), ["Organisationen", "Besuche"]);
        let range = book.worksheet_range("Organisationen").unwrap();
        let rows: Vec<_> = range.rows().collect();
        assert_eq!(rows[0][0], Data::String("Name".into()));
        assert_eq!(rows[1][1], Data::String("03601142".into()));
        assert_eq!(rows[1][2], Data::Float(1998.0));
        let visits = book.worksheet_range("Besuche").unwrap();
        let cell = visits.get((1, 0)).unwrap();
        let read = cell.as_date().unwrap();
        assert_eq!(read, chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap());
    }

    #[test]
    fn counts_and_decimals_are_numbers() {
        let mut report = Sheet::new("Übersicht", &["Kennzahl", "Zeitraum", "in %"]);
        report.rows.push(vec![
            Cell::text("Besuche"),
            Cell::Integer(8),
            Cell::Decimal(300.0, 1),
        ]);
        report
            .rows
            .push(vec![Cell::text("Anliegen"), Cell::Integer(-3), Cell::Empty]);
        let bytes = workbook(&[report]).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Übersicht").unwrap();
        assert_eq!(range.get_value((1, 1)), Some(&Data::Float(8.0)));
        assert_eq!(range.get_value((1, 2)), Some(&Data::Float(300.0)));
        assert_eq!(range.get_value((2, 1)), Some(&Data::Float(-3.0)));
        assert!(matches!(range.get_value((2, 2)), None | Some(Data::Empty)));
    }

    #[test]
    fn decimal_formats_show_the_places() {
        assert_eq!(decimal_format(0), Format::new().set_num_format("#,##0"));
        assert_eq!(decimal_format(1), Format::new().set_num_format("#,##0.0"));
        assert_eq!(decimal_format(2), Format::new().set_num_format("#,##0.00"));
    }
}
