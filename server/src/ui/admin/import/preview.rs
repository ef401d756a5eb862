//! The dry run of an import as the admin page shows it: the counts of the whole file and the
//! rows with something to say — errors first, then duplicates, then rows with notes — each with
//! its line number, outcome and German reason.

use wifo_domain::german;
use wifo_exchange::organizations::{ImportPlan, Outcome};

use crate::ui::texts;

/// How many rows of a dry run the page lists; the counts always cover all of them.
const LISTED_ROWS: usize = 1000;

/// The dry run of one upload as the page shows it.
pub(super) struct Preview {
    pub id: String,
    pub file_name: String,
    pub format: String,
    pub mapping: String,
    pub unmapped: String,
    pub summary: String,
    pub errors: usize,
    pub rows: Vec<RowLine>,
    /// Rows with nothing to report that are not listed.
    pub unlisted: usize,
}

pub(super) struct RowLine {
    pub line: usize,
    pub outcome: &'static str,
    /// `error`, `duplicate` or `new`: the row's CSS class.
    pub class: &'static str,
    pub detail: String,
    pub notes: String,
}

fn summary(plan: &ImportPlan) -> String {
    format!(
        "{} {} – {} {}, {} {}, {} {}",
        german::integer(plan.rows.len() as i64),
        texts::get("import.rows"),
        german::integer(plan.new_count() as i64),
        texts::get("import.new"),
        german::integer(plan.duplicate_count() as i64),
        texts::get("import.duplicates"),
        german::integer(plan.error_count() as i64),
        texts::get("import.errors"),
    )
}

/// Errors first, then duplicates, then rows with notes, then new rows, in file order within
/// each group; at most `LISTED_ROWS`.
pub(super) fn preview(id: &str, file_name: &str, plan: &ImportPlan) -> Preview {
    let rank = |outcome: &Outcome, notes: bool| match outcome {
        Outcome::Invalid { .. } => 0,
        Outcome::DuplicateOfExisting { .. } | Outcome::DuplicateOfRow { .. } => 1,
        Outcome::New { .. } if notes => 2,
        Outcome::New { .. } => 3,
    };
    let mut order: Vec<usize> = (0..plan.rows.len()).collect();
    order.sort_by_key(|&index| {
        let row = &plan.rows[index];
        (rank(&row.outcome, !row.notes.is_empty()), row.line)
    });
    let rows: Vec<RowLine> = order
        .iter()
        .take(LISTED_ROWS)
        .map(|&index| {
            let row = &plan.rows[index];
            let (outcome, class) = match row.outcome {
                Outcome::Invalid { .. } => (texts::get("import.outcome_error"), "error"),
                Outcome::DuplicateOfExisting { .. } | Outcome::DuplicateOfRow { .. } => {
                    (texts::get("import.outcome_duplicate"), "duplicate")
                }
                Outcome::New { .. } => (texts::get("import.outcome_new"), "new"),
            };
            RowLine {
                line: row.line,
                outcome,
                class,
                detail: row.describe(),
                notes: row.notes.join(" "),
            }
        })
        .collect();
    Preview {
        id: id.to_owned(),
        file_name: file_name.to_owned(),
        format: plan.format.clone(),
        mapping: plan.mapping.clone(),
        unmapped: plan.unmapped_columns.join(", "),
        summary: summary(plan),
        errors: plan.error_count(),
        unlisted: plan.rows.len() - rows.len(),
        rows,
    }
}
