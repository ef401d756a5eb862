//! Given/when/then tests of the `reminder` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn reminder() -> ReminderId {
    ReminderId::from_uuid(Uuid::from_u128(1))
}

fn inquiry() -> InquiryId {
    InquiryId::from_uuid(Uuid::from_u128(7))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn user(text: &str) -> UserName {
    UserName::parse(text).expect("test user")
}

fn title(text: &str) -> Title {
    Title::parse(text).expect("test title")
}

fn set_command() -> ReminderCommand {
    ReminderCommand::Set(SetReminder {
        reminder: reminder(),
        about: ReminderSubject::Inquiry(inquiry()),
        task: title("Rückruf zur Gewerbeanmeldung"),
        assignee: user("anna.schmidt"),
        due_on: day("2026-12-10"),
    })
}

fn set() -> ReminderEvent {
    ReminderEvent::Set {
        reminder: reminder(),
        about: ReminderSubject::Inquiry(inquiry()),
        task: title("Rückruf zur Gewerbeanmeldung"),
        assignee: user("anna.schmidt"),
        due_on: day("2026-12-10"),
    }
}

fn change(assignee: &str, due_on: &str) -> ReminderCommand {
    ReminderCommand::Change(ChangeReminder {
        reminder: reminder(),
        task: title("Rückruf zur Gewerbeanmeldung"),
        assignee: user(assignee),
        due_on: day(due_on),
    })
}

fn complete() -> ReminderCommand {
    ReminderCommand::Complete(CompleteReminder {
        reminder: reminder(),
        completed_on: day("2026-12-09"),
    })
}

fn completed() -> ReminderEvent {
    ReminderEvent::Completed {
        reminder: reminder(),
        completed_on: day("2026-12-09"),
    }
}

fn withdrawn() -> ReminderEvent {
    ReminderEvent::Withdrawn {
        reminder: reminder(),
        withdrawn_on: day("2026-12-08"),
        reason: Text::parse("Doppelt angelegt").expect("text"),
    }
}

#[test]
fn setting_a_reminder_records_it() {
    given::<Reminder>(vec![])
        .when(set_command())
        .then(vec![set()]);
}

#[test]
fn setting_it_twice_is_refused() {
    given::<Reminder>(vec![set()])
        .when(set_command())
        .then_error(ReminderError::AlreadySet);
}

#[test]
fn a_change_records_the_new_assignee_and_day_and_no_change_records_nothing() {
    given::<Reminder>(vec![set()])
        .when(change("ben.meyer", "2026-12-14"))
        .then(vec![ReminderEvent::Changed {
            reminder: reminder(),
            task: title("Rückruf zur Gewerbeanmeldung"),
            assignee: user("ben.meyer"),
            due_on: day("2026-12-14"),
        }]);
    given::<Reminder>(vec![set()])
        .when(change("anna.schmidt", "2026-12-10"))
        .then(vec![]);
}

#[test]
fn completing_records_the_day_and_completing_again_is_refused() {
    given::<Reminder>(vec![set()])
        .when(complete())
        .then(vec![completed()]);
    given::<Reminder>(vec![set(), completed()])
        .when(complete())
        .then_error(ReminderError::AlreadyCompleted);
}

#[test]
fn a_withdrawn_reminder_can_be_neither_changed_nor_completed() {
    given::<Reminder>(vec![set(), withdrawn()])
        .when(complete())
        .then_error(ReminderError::Withdrawn);
    given::<Reminder>(vec![set(), withdrawn()])
        .when(change("ben.meyer", "2026-12-14"))
        .then_error(ReminderError::Withdrawn);
}

#[test]
fn nothing_but_setting_works_on_a_reminder_that_does_not_exist() {
    given::<Reminder>(vec![])
        .when(complete())
        .then_error(ReminderError::NotSet);
}

#[test]
fn state_follows_the_events() {
    let state = Reminder::fold(&[set(), completed()]);
    assert_eq!(state.status, ReminderStatus::Completed);
    assert_eq!(state.about, Some(ReminderSubject::Inquiry(inquiry())));
    assert_eq!(state.due_on, Some(day("2026-12-10")));
    assert_eq!(state.completed_on, Some(day("2026-12-09")));
}
