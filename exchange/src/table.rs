//! A file an office hands us, read into a table of text cells with the line number of every
//! row: CSV in UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252, separated by `;`,
//! `,` or tab, with quoted fields spanning lines; or the first sheet of an XLSX/XLS/ODS workbook.
//! Every cell stays text — codes keep their leading zeros — and a file that is not a table is
//! refused as a whole with a German message saying why.

use std::io::Cursor;

use calamine::{Data, Reader};
use wifo_domain::german;

/// The longest cell we accept. A longer one means the file is not what the user thinks it is
/// (a missing closing quote swallows the rest of the file into one cell).
pub const MAX_CELL_CHARS: usize = 10_000;

/// How the file was read, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    Csv {
        encoding: &'static str,
        separator: char,
    },
    Spreadsheet {
        sheet: String,
    },
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceFormat::Csv {
                encoding,
                separator,
            } => {
                let separator = match separator {
                    '\t' => "Tabulator".to_owned(),
                    other => format!("„{other}“"),
                };
                write!(f, "CSV ({encoding}, Trennzeichen {separator})")
            }
            SourceFormat::Spreadsheet { sheet } => write!(f, "Tabelle „{sheet}“"),
        }
    }
}

/// One row with the line it starts on (1-based, counting the header line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// A file read into rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub format: SourceFormat,
    /// Column names; an unnamed column is called `Spalte N`. Empty when read without a header.
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|column| column.trim().eq_ignore_ascii_case(name.trim()))
    }
}

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("Die Datei ist leer.")]
    Empty,
    #[error("Die Datei enthält nur die Kopfzeile und keine Datenzeilen.")]
    HeaderOnly,
    #[error(
        "Die Datei ist keine Text- oder Tabellendatei (Nullbytes bei Byte {offset}). \
         Erwartet wird CSV, XLSX oder ODS."
    )]
    Binary { offset: usize },
    #[error(
        "Zeile {line}, Spalte {column}: das Feld ist {chars} Zeichen lang, erlaubt sind höchstens \
         {max}. Fehlt ein schließendes Anführungszeichen?",
        max = MAX_CELL_CHARS
    )]
    CellTooLong {
        line: usize,
        column: usize,
        chars: usize,
    },
    #[error("Zeile {line}: die CSV-Datei ist fehlerhaft ({message}).")]
    Csv { line: usize, message: String },
    #[error("Die Tabellendatei kann nicht gelesen werden: {0}. Ist sie vollständig?")]
    Spreadsheet(String),
    #[error("Die Tabellendatei enthält kein Tabellenblatt.")]
    NoSheet,
}

/// Whether the first row names the columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Header {
    Present,
    Absent,
}

/// Reads a whole file. Spreadsheets are recognised by their content, not their name.
pub fn read_table(bytes: &[u8], header: Header) -> Result<Table, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let (format, mut records) = if is_spreadsheet(bytes) {
        read_spreadsheet(bytes)?
    } else {
        read_csv(bytes)?
    };
    for (line, cells) in &records {
        if let Some((column, cell)) = cells
            .iter()
            .enumerate()
            .find(|(_, cell)| cell.len() > MAX_CELL_CHARS)
        {
            let chars = cell.chars().count();
            if chars > MAX_CELL_CHARS {
                return Err(ReadError::CellTooLong {
                    line: *line,
                    column: column + 1,
                    chars,
                });
            }
        }
    }
    records.retain(|(_, cells)| cells.iter().any(|cell| !cell.trim().is_empty()));
    let header_names = match header {
        Header::Absent => Vec::new(),
        Header::Present => {
            if records.is_empty() {
                return Err(ReadError::Empty);
            }
            let (_, names) = records.remove(0);
            names
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    let name = name.trim().to_owned();
                    if name.is_empty() {
                        format!("Spalte {}", i + 1)
                    } else {
                        name
                    }
                })
                .collect()
        }
    };
    if records.is_empty() {
        return Err(if header == Header::Present {
            ReadError::HeaderOnly
        } else {
            ReadError::Empty
        });
    }
    Ok(Table {
        format,
        header: header_names,
        rows: records
            .into_iter()
            .map(|(line, cells)| Row { line, cells })
            .collect(),
    })
}

type Records = Vec<(usize, Vec<String>)>;

fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

fn read_spreadsheet(bytes: &[u8]) -> Result<(SourceFormat, Records), ReadError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|error| ReadError::Spreadsheet(error.to_string()))?;
    let sheet = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or(ReadError::NoSheet)?;
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|error| ReadError::Spreadsheet(error.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let records = range
        .rows()
        .enumerate()
        .map(|(i, row)| (first_row + i + 1, row.iter().map(cell_text).collect()))
        .collect();
    Ok((SourceFormat::Spreadsheet { sheet }, records))
}

/// A spreadsheet cell as the text the user sees; whole numbers without `.0`, so a code typed as
/// a number (`3601142`) reads as digits.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{number:.0}")
        }
        Data::Float(number) => number.to_string().replace('.', ","),
        Data::Bool(true) => "ja".to_owned(),
        Data::Bool(false) => "nein".to_owned(),
        Data::DateTime(moment) => moment
            .as_datetime()
            .map(|at| german::date(at.date()))
            .unwrap_or_else(|| moment.to_string()),
        Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

fn read_csv(bytes: &[u8]) -> Result<(SourceFormat, Records), ReadError> {
    let (text, encoding) = decode(bytes)?;
    let separator = detect_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers are counted here, not taken from the reader, which is off by one after CRLF.
    let mut lines = LineCounter::new(&text);
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let start = record
                    .position()
                    .map_or(start, |position| position.byte() as usize);
                records.push((
                    lines.line_at(start),
                    record.iter().map(crate::formula::unneutralised).collect(),
                ));
            }
            Err(error) => {
                let at = error
                    .position()
                    .map_or(start, |position| position.byte() as usize);
                return Err(ReadError::Csv {
                    line: lines.line_at(at),
                    message: error.to_string(),
                });
            }
        }
    }
    Ok((
        SourceFormat::Csv {
            encoding,
            separator: char::from(separator),
        },
        records,
    ))
}

/// Turns byte offsets of record starts (increasing) into 1-based line numbers.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, mut offset: usize) -> usize {
        // A record "starts" at the line break that ended the previous one.
        while matches!(self.text.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            self.line += self.text[self.offset..offset]
                .iter()
                .filter(|byte| **byte == b'\n')
                .count();
            self.offset = offset;
        }
        self.line
    }
}

/// The text of a CSV file: UTF-8 (a BOM is dropped), UTF-16 with BOM, or else Windows-1252 —
/// what German Excel writes by default.
fn decode(bytes: &[u8]) -> Result<(String, &'static str), ReadError> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        if !had_errors {
            return Ok((text.into_owned(), encoding.name()));
        }
    }
    if let Some(offset) = bytes.iter().position(|byte| *byte == 0) {
        return Err(ReadError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), "UTF-8")),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\r' | '\n' | '\t'))
            {
                return Err(ReadError::Binary {
                    offset: text
                        .char_indices()
                        .find(|(_, c)| c.is_control() && !matches!(c, '\r' | '\n' | '\t'))
                        .map_or(0, |(offset, _)| offset),
                });
            }
            Ok((text.into_owned(), "Windows-1252"))
        }
    }
}

/// The separator that occurs most often outside quotes in the first line: `;`, `,` or tab
/// (ties go to `;`, the German Excel default).
fn detect_separator(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(separator, _)| *separator == byte) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold((b';', 0), |best, candidate| {
            if candidate.1 > best.1 {
                *candidate
            } else {
                best
            }
        })
        .0
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "table_tests.rs"]
mod tests;
