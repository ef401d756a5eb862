//! German formatting for the web UI: dates as `21.11.2026`, numbers as `1.234,5`. Form input
//! accepts both the browser's ISO date (`2026-11-21`, sent by `<input type="date">`) and the
//! German form.

use chrono::NaiveDate;

/// `21.11.2026`
pub fn date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `21.11.2026`, or an empty string.
pub fn optional_date(date: Option<NaiveDate>) -> String {
    date.map(self::date).unwrap_or_default()
}

/// `2026-11-21`, the value an `<input type="date">` expects.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Reads `2026-11-21` or `21.11.2026`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

/// A whole number with a dot between thousands: `1.234.567`.
pub fn integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// A decimal number with `decimals` places: `1.234,5`.
pub fn decimal(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{}", integer(whole))
    } else {
        format!("{sign}{},{fraction}", integer(whole))
    }
}

/// A share as percent with one decimal: `12,5 %`.
pub fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".to_owned();
    }
    format!("{} %", decimal(part as f64 * 100.0 / whole as f64, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_german() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1234), "1.234");
        assert_eq!(integer(1_234_567), "1.234.567");
        assert_eq!(integer(-1234), "-1.234");
        assert_eq!(decimal(1234.5, 1), "1.234,5");
        assert_eq!(decimal(0.25, 2), "0,25");
        assert_eq!(decimal(-3.0, 1), "-3,0");
        assert_eq!(percent(1, 8), "12,5 %");
        assert_eq!(percent(1, 0), "–");
    }

    #[test]
    fn dates_read_both_ways_and_print_german() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 21);
        assert_eq!(parse_date("2026-11-21"), day);
        assert_eq!(parse_date(" 21.11.2026 "), day);
        assert_eq!(parse_date("21/11/2026"), None);
        assert_eq!(day.map(date).as_deref(), Some("21.11.2026"));
    }
}
