//! Unit tests of `holidays`.

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

#[test]
fn berlin_holidays_of_2025_and_2026() {
    // Published holiday calendars of the Senatsverwaltung.
    for date in [
        day(2025, 1, 1),
        day(2025, 3, 8),
        day(2025, 4, 18),
        day(2025, 4, 21),
        day(2025, 5, 1),
        day(2025, 5, 8),
        day(2025, 5, 29),
        day(2025, 6, 9),
        day(2025, 10, 3),
        day(2025, 12, 25),
        day(2025, 12, 26),
        day(2026, 4, 3),
        day(2026, 4, 6),
        day(2026, 5, 14),
        day(2026, 5, 25),
    ] {
        assert!(is_berlin_holiday(date), "{date} is a holiday");
    }
    for date in [
        day(2026, 5, 8),
        day(2025, 11, 1),
        day(2025, 1, 6),
        day(2025, 10, 31),
    ] {
        assert!(!is_berlin_holiday(date), "{date} is no holiday in Berlin");
    }
}

#[test]
fn working_days_skip_weekends_and_holidays() {
    // Thursday 17 April 2025 → Good Friday, weekend, Easter Monday → Tuesday 22 April.
    assert_eq!(add_working_days(day(2025, 4, 17), 1), day(2025, 4, 22));
    assert_eq!(add_working_days(day(2025, 4, 17), 2), day(2025, 4, 23));
    assert_eq!(working_days_between(day(2025, 4, 17), day(2025, 4, 23)), 2);
    // Friday → Monday is one working day.
    assert_eq!(
        working_days_between(day(2026, 11, 20), day(2026, 11, 23)),
        1
    );
    assert_eq!(
        working_days_between(day(2026, 11, 23), day(2026, 11, 20)),
        0
    );
}
