//! Unit tests of `business_time`.

use super::*;

#[test]
fn a_move_and_a_rename_carry_their_own_day_and_a_visit_log_has_none() {
    assert_eq!(occurred_field("RelocateOrganization"), Some("relocated_on"));
    assert_eq!(occurred_field("RenameOrganization"), Some("renamed_on"));
    assert_eq!(
        occurred_field("RescheduleMilestone"),
        Some("rescheduled_on")
    );
    // A conducted visit carries `conducted_on` in the command itself.
    assert_eq!(occurred_field("ConductVisit"), None);
}

#[test]
fn every_command_is_named_once() {
    let mut names: Vec<&str> = FIELDS.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before);
}
