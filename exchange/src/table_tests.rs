//! Reading the files offices really send: encodings, separators, quotes, spreadsheets, and files
//! that are not tables at all.

use super::*;

fn cells(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn utf8_with_bom_crlf_and_a_quoted_line_break() {
    let file = "\u{feff}Name;Ort\r\n\"Bäckerei\r\nSchulz\";Berlin\r\n\"A; B\";Köln\r\n";
    let table = read_table(file.as_bytes(), Header::Present).unwrap();
    assert_eq!(table.header, ["Name", "Ort"]);
    assert_eq!(
        cells(&table),
        [vec!["Bäckerei\r\nSchulz", "Berlin"], vec!["A; B", "Köln"]]
    );
    assert_eq!(
        table.rows.iter().map(|row| row.line).collect::<Vec<_>>(),
        [2, 4]
    );
    assert_eq!(
        table.format,
        SourceFormat::Csv {
            encoding: "UTF-8",
            separator: ';'
        }
    );
}

#[test]
fn windows_1252_umlauts_are_decoded() {
    // "Straße;Größe\nMühlenweg;groß" as German Excel saves it.
    let mut file = b"Stra\xdfe;Gr\xf6\xdfe\nM\xfchlenweg;gro\xdf\n".to_vec();
    file.extend_from_slice(b"");
    let table = read_table(&file, Header::Present).unwrap();
    assert_eq!(table.header, ["Straße", "Größe"]);
    assert_eq!(cells(&table), [vec!["Mühlenweg", "groß"]]);
    assert!(matches!(
        table.format,
        SourceFormat::Csv {
            encoding: "Windows-1252",
            ..
        }
    ));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut file = vec![0xFF, 0xFE];
    for unit in "Name\tOrt\nAü\tB\n".encode_utf16() {
        file.extend_from_slice(&unit.to_le_bytes());
    }
    let table = read_table(&file, Header::Present).unwrap();
    assert_eq!(cells(&table), [vec!["Aü", "B"]]);
}

#[test]
fn the_separator_is_detected_outside_quotes() {
    let comma = read_table(b"a,b,c\n1,2,3\n", Header::Present).unwrap();
    assert_eq!(cells(&comma), [vec!["1", "2", "3"]]);
    let tab = read_table(b"\"x,y\"\tb\n1\t2\n", Header::Present).unwrap();
    assert_eq!(tab.header, ["x,y", "b"]);
    let semicolon = read_table(b"a;b,c\n1;2,5\n", Header::Present).unwrap();
    assert_eq!(cells(&semicolon), [vec!["1", "2,5"]]);
}

#[test]
fn unnamed_columns_and_blank_lines() {
    let table = read_table(b"a;b;\n\n1;2;Mitte\n;;\n", Header::Present).unwrap();
    assert_eq!(table.header, ["a", "b", "Spalte 3"]);
    assert_eq!(cells(&table), [vec!["1", "2", "Mitte"]]);
    assert_eq!(table.column("SPALTE 3"), Some(2));
}

#[test]
fn files_that_are_not_tables_are_refused_with_a_reason() {
    assert!(matches!(
        read_table(b"", Header::Present),
        Err(ReadError::Empty)
    ));
    assert!(matches!(
        read_table(b" \r\n\n", Header::Present),
        Err(ReadError::Empty)
    ));
    assert!(matches!(
        read_table(b"Name;Ort\r\n", Header::Present),
        Err(ReadError::HeaderOnly)
    ));
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    let error = read_table(&binary, Header::Present).unwrap_err();
    assert!(matches!(error, ReadError::Binary { offset: 0 }));
    assert!(error.to_string().contains("keine Text- oder Tabellendatei"));
}

#[test]
fn a_megabyte_in_one_cell_is_refused_with_its_position() {
    let mut file = b"Name;Notiz\nA;\"".to_vec();
    file.extend(std::iter::repeat_n(b'x', 1 << 20));
    file.extend_from_slice(b"\"\n");
    let error = read_table(&file, Header::Present).unwrap_err();
    assert!(matches!(
        error,
        ReadError::CellTooLong {
            line: 2,
            column: 2,
            chars: 1_048_576
        }
    ));
    assert!(error.to_string().starts_with("Zeile 2, Spalte 2"));
}

#[test]
fn a_truncated_spreadsheet_is_refused() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().write_string(0, 0, "Name").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let error = read_table(&bytes[..bytes.len() / 2], Header::Present).unwrap_err();
    assert!(matches!(error, ReadError::Spreadsheet(_)), "{error:?}");
}

#[test]
fn spreadsheet_codes_stay_digits_and_text_keeps_its_zeros() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet().set_name("Betriebe").unwrap();
    for (column, name) in ["Name", "Planungsraum", "Text-Code", "Fläche"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, "Bäckerei Schulz").unwrap();
    sheet.write_number(1, 1, 3601142.0).unwrap();
    sheet.write_string(1, 2, "03601142").unwrap();
    sheet.write_number(1, 3, 12.5).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let table = read_table(&bytes, Header::Present).unwrap();
    assert_eq!(
        table.format,
        SourceFormat::Spreadsheet {
            sheet: "Betriebe".into()
        }
    );
    assert_eq!(
        cells(&table),
        [vec!["Bäckerei Schulz", "3601142", "03601142", "12,5"]]
    );
    assert_eq!(table.rows[0].line, 2);
}

#[test]
fn the_shared_ihk_sample_reads_as_thirty_rows_of_twenty_cells() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/ihk-berlin-gewerbedaten-sample-2023-03.csv"
    ))
    .unwrap();
    let table = read_table(&bytes, Header::Present).unwrap();
    assert_eq!(table.rows.len(), 30);
    assert_eq!(table.header.len(), 20);
    assert_eq!(table.header[0], "opendata_id");
    assert_eq!(table.header[19], "Spalte 20");
    assert!(table.rows.iter().all(|row| row.cells.len() == 20));
}
