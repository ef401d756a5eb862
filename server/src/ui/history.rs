//! The „Verlauf“ of a record's page: one line per event of the record's stream, in the order it
//! was recorded — the business date, what happened in German, the text that came with it (a
//! description, a note, an answer, a reason) and when and by whom it was recorded. The areas
//! say what each of their events means (`inquiries/history.rs`, `visits/record.rs`); this file
//! holds what the lines share.

use chrono::{Local, NaiveDate};
use wifo_app::{auth::Caller, history::Recorded};
use wifo_domain::Decider;
use wifo_domain::german;
use wifo_projections::queries::names::Names;

use super::{error::PageError, texts};
use crate::state::AppState;

/// The events of record `id` of `D` with when and by whom each was recorded, or the error page
/// (the cause goes to the log).
pub(crate) async fn load<D: Decider>(
    state: &AppState,
    caller: &Caller,
    id: &impl std::fmt::Display,
) -> Result<Vec<Recorded<D::Event>>, PageError> {
    state
        .history::<D>(&id.to_string())
        .await
        .map_err(|error| PageError::internal(caller, D::CATEGORY, error))
}

/// One line of a record's history.
pub(crate) struct HistoryLine {
    /// The day it happened (`21.11.2026`).
    pub date: String,
    /// What happened, in German, with names instead of codes.
    pub what: String,
    /// The text recorded with it (may be empty).
    pub text: String,
    /// „erfasst am 02.12.2026, 14:05 von Anna Schneider“.
    pub recorded: String,
}

impl HistoryLine {
    /// The line of `entry`: it happened on `happened_on`, `what` says what, `text` came with it.
    pub(crate) fn of<E>(
        names: &Names<'_>,
        entry: &Recorded<E>,
        happened_on: NaiveDate,
        what: String,
        text: &str,
    ) -> Self {
        let (recorded_at, recorded_by) = (entry.recorded_at, entry.recorded_by.as_str());
        Self {
            date: german::date(happened_on),
            what,
            text: text.to_owned(),
            recorded: format!(
                "{} {} {} {}",
                texts::get("history.recorded_on"),
                german::date_time(recorded_at.with_timezone(&Local).naive_local()),
                texts::get("history.by"),
                names.staff(recorded_by)
            ),
        }
    }
}
