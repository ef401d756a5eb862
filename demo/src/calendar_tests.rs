//! Unit tests of `calendar`.

use super::*;

#[test]
fn three_years_end_with_the_current_one_and_start_on_a_working_day() {
    let calendar = Calendar::new(date(2026, 11, 21), 3);
    assert_eq!(calendar.years(), 2024..=2026);
    assert_eq!(calendar.start, date(2024, 1, 2));
    assert!(calendar.at_fraction(1.0) <= calendar.today);
    assert_eq!(nth_weekday(2026, 11, Weekday::Fri, 1), date(2026, 11, 6));
    assert_eq!(end_of_month(date(2025, 2, 10)), date(2025, 2, 28));
    assert_eq!(add_workdays(date(2026, 11, 20), 1), date(2026, 11, 23));
}
