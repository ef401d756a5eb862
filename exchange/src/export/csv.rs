//! CSV that German Excel opens correctly by double-click: UTF-8 with BOM, `;` as separator,
//! CRLF line ends, quotes where needed, numbers with a decimal comma and dates as `21.11.2026`.
//! A text that Excel would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`) is written
//! with a leading apostrophe, as OWASP advises against CSV injection; `wifo import` drops that
//! apostrophe again (`table::read_table`), so an export still reads back unchanged. Phone
//! numbers (`+49 30 1234-56`) and negative numbers stay as they are.

use std::io::Write;

use super::Sheet;
use crate::formula::neutralised;

#[derive(Debug, thiserror::Error)]
#[error("CSV kann nicht geschrieben werden: {0}")]
pub struct CsvError(String);

/// Writes a header and rows of text cells.
pub fn write_rows<'a, R, C>(
    out: &mut impl Write,
    header: impl IntoIterator<Item = &'a str>,
    rows: R,
) -> Result<(), CsvError>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<[u8]>,
{
    out.write_all(b"\xEF\xBB\xBF")
        .map_err(|error| CsvError(error.to_string()))?;
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |error: ::csv::Error| CsvError(error.to_string());
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        let cells: Vec<Vec<u8>> = row
            .into_iter()
            .map(|cell| match std::str::from_utf8(cell.as_ref()) {
                Ok(text) => neutralised(text).into_owned().into_bytes(),
                Err(_) => cell.as_ref().to_vec(),
            })
            .collect();
        writer.write_record(&cells).map_err(fail)?;
    }
    writer.flush().map_err(|error| CsvError(error.to_string()))
}

/// Writes a whole sheet.
pub fn write_sheet(out: &mut impl Write, sheet: &Sheet) -> Result<(), CsvError> {
    write_rows(
        out,
        sheet.header.iter().map(String::as_str),
        sheet
            .rows
            .iter()
            .map(|row| row.iter().map(super::Cell::display).collect::<Vec<_>>()),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::export::Cell;
    use crate::table::{Header, read_table};

    #[test]
    fn written_csv_reads_back_with_bom_separator_and_german_numbers() {
        let mut sheet = Sheet::new("Test", &["Name", "PLZ", "Umsatz", "Datum"]);
        sheet.rows.push(vec![
            Cell::text("Müller; Söhne \"alt\"\nZweigstelle"),
            Cell::text("01067"),
            Cell::Number(1234.5),
            Cell::Date(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()),
        ]);
        let mut bytes = Vec::new();
        write_sheet(&mut bytes, &sheet).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBFName;PLZ;Umsatz;Datum\r\n"));
        let table = read_table(&bytes, Header::Present).unwrap();
        assert_eq!(table.header, ["Name", "PLZ", "Umsatz", "Datum"]);
        assert_eq!(
            table.rows[0].cells,
            [
                "Müller; Söhne \"alt\"\nZweigstelle",
                "01067",
                "1234,5",
                "21.11.2026"
            ]
        );
    }

    #[test]
    fn formulas_are_neutralised_and_read_back_unchanged() {
        let mut sheet = Sheet::new("Test", &["Name", "Telefon", "Saldo"]);
        for (name, phone) in [
            (
                "=HYPERLINK(\"https://example.org\";\"Klick\")",
                "+49 30 1234-56",
            ),
            ("@SUMME(A1:A2)", "-"),
            ("+cmd|' /C calc'!A0", "(030) 12 34"),
            ("-2+3+cmd|' /C calc'!A0", "030/1234"),
        ] {
            sheet.rows.push(vec![
                Cell::text(name),
                Cell::text(phone),
                Cell::Number(-3.0),
            ]);
        }
        let mut bytes = Vec::new();
        write_sheet(&mut bytes, &sheet).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("\"'=HYPERLINK(\"\"https://example.org\"\";\"\"Klick\"\")\""));
        assert!(text.contains("'@SUMME(A1:A2)"));
        assert!(text.contains("'+cmd|"));
        assert!(text.contains("'-2+3+cmd|"));
        // Phone numbers, numbers and a lone "-" are not touched.
        assert!(text.contains(";+49 30 1234-56;-3\r\n"));
        assert!(text.contains(";(030) 12 34;"));
        assert!(text.contains(";-;"));
        let table = read_table(&bytes, Header::Present).unwrap();
        let names: Vec<&str> = table.rows.iter().map(|row| row.cells[0].as_str()).collect();
        assert_eq!(
            names,
            [
                "=HYPERLINK(\"https://example.org\";\"Klick\")",
                "@SUMME(A1:A2)",
                "+cmd|' /C calc'!A0",
                "-2+3+cmd|' /C calc'!A0"
            ]
        );
        assert_eq!(table.rows[1].cells[1], "-");
    }

    #[test]
    fn counts_and_decimals_are_written_for_excel_with_crlf() {
        let mut sheet = Sheet::new("Bericht", &["Kennzahl", "Zeitraum", "Veränderung in %"]);
        sheet.rows.push(vec![
            Cell::text("Besuche"),
            Cell::Integer(1234),
            Cell::Decimal(12.5, 1),
        ]);
        sheet.rows.push(vec![
            Cell::text("Anliegen"),
            Cell::Integer(-3),
            Cell::Decimal(0.25, 2),
        ]);
        sheet.rows.push(vec![
            Cell::text("Dauer"),
            Cell::Decimal(3.0, 1),
            Cell::Empty,
        ]);
        let mut bytes = Vec::new();
        write_sheet(&mut bytes, &sheet).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}Kennzahl;Zeitraum;Veränderung in %\r\n\
             Besuche;1234;12,5\r\nAnliegen;-3;0,25\r\nDauer;3,0;\r\n"
        );
    }
}
