//! German number and date formatting for the reports: `1.234,5`, `21.11.2026`.

use chrono::NaiveDate;

/// `1234567` → `1.234.567`.
pub fn integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if value < 0 {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// `1234.56` with one decimal → `1.234,6`.
pub fn decimal(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{}", integer(whole))
    } else {
        format!("{sign}{},{fraction}", integer(whole))
    }
}

/// A change with its sign: `+3`, `−2`, `±0`.
pub fn signed(value: i64) -> String {
    match value {
        0 => "±0".to_owned(),
        v if v > 0 => format!("+{}", integer(v)),
        v => integer(v),
    }
}

/// A percent change with its sign and one decimal: `+12,5 %`.
pub fn signed_percent(value: f64) -> String {
    if value > 0.0 {
        format!("+{} %", decimal(value, 1))
    } else {
        format!("{} %", decimal(value, 1))
    }
}

/// `21.11.2026`.
pub fn date(value: NaiveDate) -> String {
    value.format("%d.%m.%Y").to_string()
}

/// Reads `21.11.2026` or `2026-11-21`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d.%m.%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_german_way() {
        assert_eq!(integer(1_234_567), "1.234.567");
        assert_eq!(integer(999), "999");
        assert_eq!(decimal(1234.56, 1), "1.234,6");
        assert_eq!(decimal(0.5, 1), "0,5");
        assert_eq!(decimal(-2.25, 2), "−2,25");
        assert_eq!(signed(-3), "−3");
        assert_eq!(signed(4), "+4");
        assert_eq!(signed_percent(12.5), "+12,5 %");
    }

    #[test]
    fn dates_are_read_in_both_forms_and_written_the_german_way() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 21);
        assert_eq!(parse_date("21.11.2026"), day);
        assert_eq!(parse_date("2026-11-21"), day);
        assert_eq!(parse_date("2026/11/21"), None);
        assert_eq!(day.map(date).as_deref(), Some("21.11.2026"));
    }
}
