//! Exports in the formats offices use. A [`Sheet`] is one table with German headers and typed
//! cells; it is written as CSV for German Excel, as an XLSX sheet, or as JSON records. Calendar
//! entries become iCalendar files for Outlook.

pub mod csv;
pub mod ics;
pub mod xlsx;

use chrono::NaiveDate;
use serde::Serialize;

/// One cell: text stays text (codes keep their zeros), numbers and dates are typed so Excel
/// can sort and sum them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        Cell::Text(value.into())
    }

    pub fn optional(value: Option<impl ToString>) -> Self {
        value.map_or(Cell::Empty, |value| Cell::Text(value.to_string()))
    }

    /// The cell as German Excel shows it: `21.11.2026`, `1234,5`.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(number) if number.fract() == 0.0 => format!("{number:.0}"),
            Cell::Number(number) => number.to_string().replace('.', ","),
            Cell::Date(date) => date.format("%d.%m.%Y").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// One table of an export.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// Sheet and file name, e.g. `Organisationen`.
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, header: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// The rows as JSON objects keyed by the German headers; dates as ISO 8601.
    pub fn to_json(&self) -> serde_json::Value {
        let rows = self
            .rows
            .iter()
            .map(|row| {
                let object = self
                    .header
                    .iter()
                    .zip(row)
                    .map(|(name, cell)| {
                        let value = match cell {
                            Cell::Text(text) => serde_json::Value::from(text.as_str()),
                            Cell::Number(number) => serde_json::Value::from(*number),
                            Cell::Date(date) => serde_json::Value::from(date.to_string()),
                            Cell::Empty => serde_json::Value::Null,
                        };
                        (name.clone(), value)
                    })
                    .collect::<serde_json::Map<_, _>>();
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::Value::Array(rows)
    }
}
