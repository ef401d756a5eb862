//! Berlin's public holidays and working days, for response-time targets ("first answer within 2
//! working days"). Easter follows the Gregorian computus (Meeus/Jones/Butcher).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Whether `date` is a public holiday in Berlin.
pub fn is_berlin_holiday(date: NaiveDate) -> bool {
    let (year, month, day) = (date.year(), date.month(), date.day());
    let fixed = matches!(
        (month, day),
        (1, 1) | (5, 1) | (10, 3) | (12, 25) | (12, 26)
    ) || (month == 3 && day == 8 && year >= 2019) // Internationaler Frauentag
        || (month == 5 && day == 8 && (year == 2020 || year == 2025)); // Tag der Befreiung (einmalig)
    if fixed {
        return true;
    }
    let Some(easter) = easter_sunday(year) else {
        return false;
    };
    [-2, 1, 39, 50]
        .iter()
        .any(|offset| easter + Duration::days(*offset) == date)
}

/// Whether `date` is a working day in Berlin (Monday to Friday, no public holiday).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_berlin_holiday(date)
}

/// Working days after `from` up to and including `to` (0 if `to` is not after `from`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut days = 0;
    let mut date = from;
    while date < to {
        date = date.succ_opt().unwrap_or(to);
        if is_working_day(date) {
            days += 1;
        }
    }
    days
}

/// The response time of an inquiry: Berlin working days from the day it was received to the day
/// of its first answer. The one definition every list, page and report uses (the target is
/// stated in working days too, see `add_working_days`).
pub fn response_working_days(received: NaiveDate, answered: NaiveDate) -> u32 {
    working_days_between(received, answered)
}

/// The day by which something received on `from` is due, `working_days` working days later.
pub fn add_working_days(from: NaiveDate, working_days: u32) -> NaiveDate {
    let mut date = from;
    let mut left = working_days;
    while left > 0 {
        let Some(next) = date.succ_opt() else { break };
        date = next;
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

#[cfg(test)]
#[path = "holidays_tests.rs"]
mod tests;
