//! How a due day reads on the work lists ("Meine Woche", the inquiry queue): the day, „(überfällig)“
//! when it passed without the step, and for an inquiry why it is no longer overdue — „beantwortet
//! am 03.12.2026“ — so both lists say the same thing the same way (the template macro `due`
//! writes the cell).

use chrono::NaiveDate;
use wifo_domain::german;

use super::texts;

/// „beantwortet am 03.12.2026“ once an inquiry has its first answer, else empty.
pub(crate) fn answered_note(first_response_on: Option<NaiveDate>) -> String {
    first_response_on
        .map(|day| {
            format!(
                "{} {}",
                texts::get("inquiry.answered_on_short"),
                german::date(day)
            )
        })
        .unwrap_or_default()
}
