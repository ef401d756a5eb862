//! The demo office's time line: which years it covers, the first working day the office used
//! wifo, "today" (after which nothing has happened yet), and helpers for working days and
//! recurring dates (the second Thursday in June, the first Friday in November).

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use rand::{Rng, rngs::SmallRng};

#[derive(Clone, Debug)]
pub(crate) struct Calendar {
    pub first_year: i32,
    pub final_year: i32,
    /// The first working day of the first year: when the office started with wifo.
    pub start: NaiveDate,
    /// Nothing is recorded after this day; what is due later stays planned.
    pub today: NaiveDate,
}

impl Calendar {
    pub(crate) fn new(today: NaiveDate, years: u32) -> Self {
        let final_year = today.year();
        let first_year = final_year - i32::try_from(years.max(1)).unwrap_or(1) + 1;
        let start = workday_on_or_after(date(first_year, 1, 2));
        Self {
            first_year,
            final_year,
            start,
            today,
        }
    }

    pub(crate) fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.final_year
    }

    /// The day at `fraction` (0–1) of the way from `start` to `today`, moved to a working day
    /// not after today.
    pub(crate) fn at_fraction(&self, fraction: f64) -> NaiveDate {
        let span = (self.today - self.start).num_days().max(0) as f64;
        let offset = (span * fraction.clamp(0.0, 1.0)).round() as u64;
        let day = workday_on_or_after(add_days(self.start, offset));
        day.min(self.today)
    }

    /// A random working day in `[from, until]` (inclusive), or `None` if the range is empty.
    pub(crate) fn random_workday(
        &self,
        rng: &mut SmallRng,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Option<NaiveDate> {
        if until < from {
            return None;
        }
        let span = u64::try_from((until - from).num_days()).unwrap_or(0);
        for _ in 0..8 {
            let day = add_days(from, rng.random_range(0..=span));
            if is_workday(day) {
                return Some(day);
            }
        }
        let day = workday_on_or_after(from);
        (day <= until).then_some(day)
    }

    /// The first and last day of a year, the first no earlier than `start`.
    pub(crate) fn year_bounds(&self, year: i32) -> (NaiveDate, NaiveDate) {
        (date(year, 1, 1).max(self.start), date(year, 12, 31))
    }
}

/// A date from parts that are known to be valid (the demo's own tables).
pub(crate) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 28))
        .unwrap_or(NaiveDate::MIN)
}

pub(crate) fn add_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

pub(crate) fn sub_days(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_sub_days(Days::new(days)).unwrap_or(day)
}

pub(crate) fn is_workday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

pub(crate) fn workday_on_or_after(mut day: NaiveDate) -> NaiveDate {
    while !is_workday(day) {
        day = add_days(day, 1);
    }
    day
}

pub(crate) fn workday_on_or_before(mut day: NaiveDate) -> NaiveDate {
    while !is_workday(day) {
        day = sub_days(day, 1);
    }
    day
}

/// The working day `days` working days after `day`.
pub(crate) fn add_workdays(mut day: NaiveDate, days: u32) -> NaiveDate {
    for _ in 0..days {
        day = workday_on_or_after(add_days(day, 1));
    }
    day
}

/// The `n`-th (1-based) given weekday of a month.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        .unwrap_or_else(|| date(year, month, 1))
}

/// Noon UTC of the day: the moment a demo command "happened".
pub(crate) fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

/// The last day of the month `day` lies in.
pub(crate) fn end_of_month(day: NaiveDate) -> NaiveDate {
    let (year, month) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    sub_days(date(year, month, 1), 1)
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
