//! Exports in the formats offices use. A [`Sheet`] is one table with German headers and typed
//! cells; it is written as CSV for German Excel, as an XLSX sheet, or as JSON records. Calendar
//! entries become iCalendar files for Outlook. The CRM's table exports and the reports of
//! `wifo-analytics` are written by the same writers here.

pub mod csv;
pub mod ics;
pub mod xlsx;

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use wifo_domain::german;

/// One cell: text stays text (codes keep their zeros), numbers and dates are typed so Excel
/// can sort and sum them.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A number shown as it is: whole numbers without decimals, others with as many as needed.
    Number(f64),
    /// A whole number, e.g. a count.
    Integer(i64),
    /// A number shown with a fixed number of decimal places (the second field): `12,5` in CSV,
    /// a number formatted `#,##0.0` in XLSX.
    Decimal(f64, usize),
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

    /// The cell as a page shows it: `1.234`, `12,5`, `21.11.2026`, `–` when empty.
    pub fn shown(&self) -> String {
        match self {
            Cell::Integer(value) => german::integer(*value),
            Cell::Decimal(value, places) => german::decimal(*value, *places),
            Cell::Date(day) => german::date(*day),
            Cell::Empty => "–".to_owned(),
            Cell::Text(_) | Cell::Number(_) => self.display(),
        }
    }

    /// The cell as German Excel reads it from a CSV: `21.11.2026`, `1234,5`, `12,5`. Numbers
    /// have no thousands separator and a plain `-`, so Excel takes them as numbers.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(number) if number.fract() == 0.0 => format!("{number:.0}"),
            Cell::Number(number) => number.to_string().replace('.', ","),
            Cell::Integer(number) => number.to_string(),
            Cell::Decimal(number, places) if number.is_finite() => {
                format!("{number:.places$}").replace('.', ",")
            }
            Cell::Date(date) => german::date(*date),
            Cell::Decimal(..) | Cell::Empty => String::new(),
        }
    }

    /// The cell as a JSON value: numbers as numbers, dates as ISO 8601, empty as `null`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Cell::Text(text) => serde_json::Value::from(text.as_str()),
            Cell::Number(number) | Cell::Decimal(number, _) => serde_json::Value::from(*number),
            Cell::Integer(number) => serde_json::Value::from(*number),
            Cell::Date(date) => serde_json::Value::from(date.to_string()),
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
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
                    .map(|(name, cell)| (name.clone(), cell.to_json()))
                    .collect::<serde_json::Map<_, _>>();
                serde_json::Value::Object(object)
            })
            .collect();
        serde_json::Value::Array(rows)
    }
}
