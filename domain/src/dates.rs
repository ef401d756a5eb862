//! Which business dates are plausible. A command names the dates it carries and what each one
//! is (`Decider::dates`): a day on which something **happened** (a visit conducted, an inquiry
//! received, a consent given) lies neither after today nor before 1900; a **planned** day (a
//! visit planned, a milestone due, a term's end) may lie ahead, but not before 1900 and not more
//! than ten years after today; a change entered with the day it happened cannot lie before the
//! day its record began. The command handler checks them against the day the command is given,
//! before anything is decided, so a refused date writes nothing.

use chrono::{Datelike, NaiveDate};

/// What a date of a command is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateKind {
    /// Something that happened: not after today.
    Happened,
    /// Something planned or agreed: may lie ahead.
    Planned,
}

/// One date a command carries, with the German name of its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BusinessDate {
    pub field: &'static str,
    pub date: NaiveDate,
    pub kind: DateKind,
}

impl BusinessDate {
    pub fn happened(field: &'static str, date: NaiveDate) -> Self {
        Self {
            field,
            date,
            kind: DateKind::Happened,
        }
    }

    pub fn planned(field: &'static str, date: NaiveDate) -> Self {
        Self {
            field,
            date,
            kind: DateKind::Planned,
        }
    }
}

/// The earliest plausible business date: 1 January 1900.
pub const EARLIEST_YEAR: i32 = 1900;

/// How many years ahead a planned date may lie.
pub const PLANNED_YEARS_AHEAD: i32 = 10;

/// A date that cannot be right.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error(
        "Datum {field}: der {date} liegt in der Zukunft. Was schon geschehen ist, kann nicht nach heute ({today}) liegen."
    )]
    InTheFuture {
        field: &'static str,
        date: String,
        today: String,
    },
    #[error("Datum {field}: der {date} liegt vor 1900 und ist wohl ein Tippfehler.")]
    TooEarly { field: &'static str, date: String },
    #[error(
        "Datum {field}: der {date} liegt mehr als {PLANNED_YEARS_AHEAD} Jahre in der Zukunft und ist wohl ein Tippfehler."
    )]
    TooFarAhead { field: &'static str, date: String },
    #[error(
        "Datum {field}: der {date} liegt vor dem {since}, an dem der Datensatz beginnt. Was vorher geschah, zuerst dort nachtragen (etwa „bekannt seit“)."
    )]
    BeforeTheRecord {
        field: &'static str,
        date: String,
        since: String,
    },
}

/// A change to a record cannot have happened before the record began (its first event's
/// business date, `since`).
pub fn check_not_before(
    field: &'static str,
    date: NaiveDate,
    since: NaiveDate,
) -> Result<(), DateError> {
    if date < since {
        return Err(DateError::BeforeTheRecord {
            field,
            date: crate::german::date(date),
            since: crate::german::date(since),
        });
    }
    Ok(())
}

/// Checks every date of a command given on `today`.
pub fn check(dates: &[BusinessDate], today: NaiveDate) -> Result<(), DateError> {
    for date in dates {
        let shown = crate::german::date(date.date);
        if date.date.year() < EARLIEST_YEAR {
            return Err(DateError::TooEarly {
                field: date.field,
                date: shown,
            });
        }
        match date.kind {
            DateKind::Happened if date.date > today => {
                return Err(DateError::InTheFuture {
                    field: date.field,
                    date: shown,
                    today: crate::german::date(today),
                });
            }
            DateKind::Planned if date.date.year() > today.year() + PLANNED_YEARS_AHEAD => {
                return Err(DateError::TooFarAhead {
                    field: date.field,
                    date: shown,
                });
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
