//! Given/when/then tests of the `contact` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn contact() -> ContactId {
    ContactId::from_uuid(Uuid::from_u128(1))
}

fn organization(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn user(text: &str) -> UserName {
    UserName::parse(text).expect("test user")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("test code")
}

fn log_command() -> ContactCommand {
    ContactCommand::Log(LogContact {
        contact: contact(),
        organization: organization(10),
        person: Some(person(20)),
        channel: Channel::Phone,
        contacted_on: day("2025-03-04"),
        topics: vec![code("foerderung.zuschuesse")],
        summary: text("Fragt nach Zuschüssen für Ladenumbau"),
        staff: user("anna.schmidt"),
    })
}

fn logged() -> ContactEvent {
    ContactEvent::Logged {
        contact: contact(),
        organization: organization(10),
        person: Some(person(20)),
        channel: Channel::Phone,
        contacted_on: day("2025-03-04"),
        topics: vec![code("foerderung.zuschuesse")],
        summary: text("Fragt nach Zuschüssen für Ladenumbau"),
        staff: user("anna.schmidt"),
    }
}

fn correction() -> CorrectContact {
    CorrectContact {
        contact: contact(),
        organization: organization(10),
        person: None,
        channel: Channel::Consultation,
        contacted_on: day("2025-03-05"),
        topics: vec![code("foerderung.zuschuesse"), code("gewerbeflaechen")],
        summary: text("Beratung zu Zuschüssen und Flächen"),
        staff: user("anna.schmidt"),
    }
}

fn corrected() -> ContactEvent {
    ContactEvent::Corrected {
        contact: contact(),
        organization: organization(10),
        person: None,
        channel: Channel::Consultation,
        contacted_on: day("2025-03-05"),
        topics: vec![code("foerderung.zuschuesse"), code("gewerbeflaechen")],
        summary: text("Beratung zu Zuschüssen und Flächen"),
        staff: user("anna.schmidt"),
    }
}

fn retract() -> ContactCommand {
    ContactCommand::Retract(RetractContact {
        contact: contact(),
        reason: text("Beim falschen Betrieb erfasst"),
    })
}

fn retracted() -> ContactEvent {
    ContactEvent::Retracted {
        contact: contact(),
        reason: text("Beim falschen Betrieb erfasst"),
    }
}

#[test]
fn logging_a_contact_records_it() {
    given::<Contact>(vec![])
        .when(log_command())
        .then(vec![logged()]);
}

#[test]
fn logging_the_same_contact_twice_is_refused() {
    given::<Contact>(vec![logged()])
        .when(log_command())
        .then_error(ContactError::AlreadyLogged);
    given::<Contact>(vec![logged(), retracted()])
        .when(log_command())
        .then_error(ContactError::AlreadyLogged);
}

#[test]
fn correcting_replaces_all_fields() {
    given::<Contact>(vec![logged()])
        .when(ContactCommand::Correct(correction()))
        .then(vec![corrected()]);
}

#[test]
fn a_correction_without_changes_records_nothing() {
    given::<Contact>(vec![logged(), corrected()])
        .when(ContactCommand::Correct(correction()))
        .then(vec![]);
}

#[test]
fn correcting_a_contact_that_was_not_logged_is_refused() {
    given::<Contact>(vec![])
        .when(ContactCommand::Correct(correction()))
        .then_error(ContactError::NotLogged);
}

#[test]
fn correcting_a_retracted_contact_is_refused() {
    given::<Contact>(vec![logged(), retracted()])
        .when(ContactCommand::Correct(correction()))
        .then_error(ContactError::Retracted);
}

#[test]
fn retracting_records_the_reason() {
    given::<Contact>(vec![logged()])
        .when(retract())
        .then(vec![retracted()]);
}

#[test]
fn retracting_a_contact_that_was_not_logged_is_refused() {
    given::<Contact>(vec![])
        .when(retract())
        .then_error(ContactError::NotLogged);
}

#[test]
fn retracting_twice_is_refused() {
    given::<Contact>(vec![logged(), retracted()])
        .when(retract())
        .then_error(ContactError::Retracted);
}

#[test]
fn state_shows_the_corrected_contact_and_its_retraction() {
    let state = Contact::fold(&[logged(), corrected()]);
    assert_eq!(state.status, ContactStatus::Logged);
    assert_eq!(state.organization, Some(organization(10)));
    assert_eq!(state.person, None);
    assert_eq!(state.channel, Some(Channel::Consultation));
    assert_eq!(state.contacted_on, Some(day("2025-03-05")));
    assert_eq!(state.topics.len(), 2);
    assert_eq!(state.staff, Some(user("anna.schmidt")));
    let state = Contact::fold(&[logged(), corrected(), retracted()]);
    assert_eq!(state.status, ContactStatus::Retracted);
}

#[test]
fn only_corrections_are_not_retried_on_conflict() {
    assert!(!Contact::retry_on_conflict(&ContactCommand::Correct(
        correction()
    )));
    assert!(Contact::retry_on_conflict(&log_command()));
    assert!(Contact::retry_on_conflict(&retract()));
}

#[test]
fn commands_are_addressed_to_the_contact_stream() {
    assert_eq!(Contact::stream_id(&retract()), contact().to_string());
    assert_eq!(Contact::CATEGORY, "contact");
}

#[test]
fn every_channel_has_a_distinct_german_label() {
    let labels: std::collections::BTreeSet<_> = Channel::ALL.iter().map(|c| c.label()).collect();
    assert_eq!(labels.len(), Channel::ALL.len());
    assert_eq!(Channel::Fair.label(), "Messe");
}
