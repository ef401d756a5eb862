//! German dates and numbers as people in a German office read and write them: `21.11.2026`,
//! `1.234.567`, `1.234,5`, `12,5 %`. The one place wifo formats them; the web UI, the reports
//! and the exports all call these functions.
//!
//! Decision: wherever a person reads a number, a negative one is written with the typographic
//! minus sign U+2212 (`−1.234`), not the hyphen-minus `-`. Files that a program parses (the cells
//! of a CSV for Excel, JSON) keep the ASCII `-` and do not use this module for numbers.
//!
//! Pure functions, no IO: form input reads both the browser's ISO date (`2026-11-21`, sent by
//! `<input type="date">`) and the German form.

use chrono::{NaiveDate, NaiveDateTime};

/// The minus sign people read: U+2212.
const MINUS: char = '−';

/// `21.11.2026`
pub fn date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A range of days within one year as `01.01.–02.12.2026` (across years both in full).
pub fn period(from: NaiveDate, to: NaiveDate) -> String {
    use chrono::Datelike;
    if from.year() == to.year() {
        format!("{}–{}", from.format("%d.%m."), date(to))
    } else {
        format!("{}–{}", date(from), date(to))
    }
}

/// `21.11.2026`, or an empty string.
pub fn optional_date(date: Option<NaiveDate>) -> String {
    date.map(self::date).unwrap_or_default()
}

/// `21.11.2026, 10:30 Uhr` for a day with an agreed time, `21.11.2026` without one.
pub fn planned(date: NaiveDate, at: Option<crate::values::TimeOfDay>) -> String {
    match at {
        Some(time) => format!("{}, {time} Uhr", self::date(date)),
        None => self::date(date),
    }
}

/// `21.11.2026, 14:05` (a moment in the office's local time).
pub fn date_time(moment: NaiveDateTime) -> String {
    moment.format("%d.%m.%Y, %H:%M").to_string()
}

/// `2026-11-21`, the value an `<input type="date">` expects.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads `2026-11-21` or `21.11.2026`, ignoring surrounding blanks.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

/// A whole number with a dot between thousands: `1.234.567`, `−1.234`.
pub fn integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    if value < 0 {
        grouped.push(MINUS);
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// A decimal number with `places` places: `1.234,5`; `–` when it is not a finite number.
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", places, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let whole = integer(whole.parse().unwrap_or(0));
    // A value that rounds to zero carries no sign.
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative {
        MINUS.to_string()
    } else {
        String::new()
    };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole},{fraction}")
    }
}

/// A share as percent with one decimal: `12,5 %`; `–` when there is no whole.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!("{} %", decimal(part as f64 * 100.0 / whole as f64, 1))
}

/// A change with its sign: `+3`, `−2`, `±0`.
pub fn signed(value: i64) -> String {
    match value {
        0 => "±0".to_owned(),
        v if v > 0 => format!("+{}", integer(v)),
        v => integer(v),
    }
}

/// A percent change with its sign and one decimal: `+12,5 %`, `−3,0 %`; `–` when it is not a
/// finite number.
pub fn signed_percent(value: f64) -> String {
    if !value.is_finite() {
        "–".to_owned()
    } else if value > 0.0 {
        format!("+{} %", decimal(value, 1))
    } else {
        format!("{} %", decimal(value, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_name_the_year_once_within_a_year() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid");
        assert_eq!(
            period(day(2026, 1, 1), day(2026, 12, 7)),
            "01.01.–07.12.2026"
        );
        assert_eq!(
            period(day(2025, 12, 1), day(2026, 1, 31)),
            "01.12.2025–31.01.2026"
        );
    }

    #[test]
    fn numbers_are_german() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1234), "1.234");
        assert_eq!(integer(1_234_567), "1.234.567");
        assert_eq!(integer(-1234), "−1.234");
        assert_eq!(decimal(1234.5, 1), "1.234,5");
        assert_eq!(decimal(1234.56, 1), "1.234,6");
        assert_eq!(decimal(0.5, 1), "0,5");
        assert_eq!(decimal(0.25, 2), "0,25");
        assert_eq!(decimal(-3.0, 1), "−3,0");
        assert_eq!(decimal(-2.25, 2), "−2,25");
        assert_eq!(decimal(f64::NAN, 1), "–");
        assert_eq!(percent(1, 8), "12,5 %");
        assert_eq!(percent(1, 0), "–");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(signed(-3), "−3");
        assert_eq!(signed(4), "+4");
        assert_eq!(signed(0), "±0");
        assert_eq!(signed_percent(12.5), "+12,5 %");
        assert_eq!(signed_percent(-3.0), "−3,0 %");
    }

    #[test]
    fn dates_read_both_ways_and_print_german() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 21);
        assert_eq!(parse_date("2026-11-21"), day);
        assert_eq!(parse_date("21.11.2026"), day);
        assert_eq!(parse_date(" 21.11.2026 "), day);
        assert_eq!(parse_date("21/11/2026"), None);
        assert_eq!(parse_date("2026/11/21"), None);
        assert_eq!(day.map(date).as_deref(), Some("21.11.2026"));
        assert_eq!(day.map(iso).as_deref(), Some("2026-11-21"));
        assert_eq!(optional_date(day), "21.11.2026");
        assert_eq!(optional_date(None), "");
    }
}
