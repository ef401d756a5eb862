//! The one rule against CSV formula injection: a text Excel would run as a formula (`=…`, `@…`,
//! `+cmd|…`) is written with a leading apostrophe, as OWASP advises, and reading a table drops
//! that apostrophe again, so an export reads back unchanged. Phone numbers (`+49 30 1234-56`),
//! negative numbers and a lone `-` stay as they are.

use std::borrow::Cow;

/// Characters that make Excel read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell as written: a text Excel would take for a formula gets a leading apostrophe.
pub(crate) fn neutralised(cell: &str) -> Cow<'_, str> {
    let Some(first) = cell.chars().next() else {
        return Cow::Borrowed(cell);
    };
    // A lone sign ("-" for "nothing") is no formula, nor is a number or a phone number.
    let number_like = |rest: &str| {
        rest.chars()
            .all(|c| c.is_ascii_digit() || " /-().,".contains(c))
    };
    let harmless = match first {
        '+' | '-' => number_like(&cell[1..]),
        _ => !FORMULA_STARTS.contains(&first),
    };
    if harmless {
        Cow::Borrowed(cell)
    } else {
        Cow::Owned(format!("'{cell}"))
    }
}

/// A cell as it was before `export::csv` guarded it against formula injection: the apostrophe
/// before `=`, `+`, `-`, `@`, a tab or a carriage return goes.
pub(crate) fn unneutralised(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}
