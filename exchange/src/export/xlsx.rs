//! XLSX workbooks with one sheet per table (rust_xlsxwriter): bold German headers, frozen
//! header row, text cells stored as text so codes keep their zeros, dates as real dates.

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
                    Cell::Date(day) => worksheet
                        .write_datetime_with_format(r, c, *day, &date)
                        .map(|_| ()),
                    Cell::Empty => Ok(()),
                }
                .map_err(fail)?;
            }
        }
        worksheet.autofit();
    }
    workbook.save_to_buffer().map_err(fail)
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
}
