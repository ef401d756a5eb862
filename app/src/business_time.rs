//! Business time of the commands that change what a record *is* rather than record something
//! with its own date: a rename, a move, a profile change, a new account manager, a tag, a merge,
//! a person linked or unlinked, a reschedule, a taxonomy change. Each may be entered later than
//! it happened; the day it happened travels as the events' `occurred_at` (see
//! `Office::execute_on`), so views, timelines and statistics date the change by it while
//! `recorded_at` keeps when it was entered. This table names, per command body, the field that
//! carries the day in the API and on the forms — the one definition both adapters read.

/// `(command body type, field with the day it happened)`.
const FIELDS: &[(&str, &str)] = &[
    ("RegisterOrganization", "registered_on"),
    ("RenameOrganization", "renamed_on"),
    ("RelocateOrganization", "relocated_on"),
    ("UpdateProfile", "changed_on"),
    ("AssignAccountManager", "changed_on"),
    ("TagOrganization", "changed_on"),
    ("UntagOrganization", "changed_on"),
    ("MergeOrganization", "merged_on"),
    ("AddPerson", "changed_on"),
    ("UpdatePerson", "changed_on"),
    ("LinkPerson", "linked_on"),
    ("UnlinkPerson", "unlinked_on"),
    ("RescheduleVisit", "rescheduled_on"),
    ("RescheduleMilestone", "rescheduled_on"),
    ("PlanMilestone", "changed_on"),
    ("RescheduleGathering", "rescheduled_on"),
    ("PlanGathering", "changed_on"),
    ("ProposeTopic", "changed_on"),
    ("PrioritiseTopic", "changed_on"),
    ("RecordDecision", "decided_on"),
    ("DefineEntries", "changed_on"),
    ("RenameEntry", "changed_on"),
    ("RetireEntry", "changed_on"),
    ("ReactivateEntry", "changed_on"),
];

/// The field that carries the day a command of body type `body` happened, if it has one.
pub fn occurred_field(body: &str) -> Option<&'static str> {
    FIELDS
        .iter()
        .find(|(name, _)| *name == body)
        .map(|(_, field)| *field)
}

#[cfg(test)]
#[path = "business_time_tests.rs"]
mod tests;
