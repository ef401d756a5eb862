//! Given/when/then tests of the `gathering` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn gid() -> GatheringId {
    GatheringId::from_uuid(Uuid::from_u128(1))
}

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn milestone_ref() -> MilestoneRef {
    MilestoneRef {
        cooperation: CooperationId::from_uuid(Uuid::from_u128(50)),
        milestone: MilestoneId::from_uuid(Uuid::from_u128(51)),
    }
}

fn plan_command() -> GatheringCommand {
    GatheringCommand::Plan(PlanGathering {
        gathering: gid(),
        kind: GatheringKind::BusinessDinner,
        title: Title::parse("Unternehmerdinner 2025").expect("title"),
        date: day("2025-11-14"),
        venue: text("Rathaus Pankow, Festsaal"),
        co_hosts: vec![org(7)],
        milestone: Some(milestone_ref()),
    })
}

fn planned() -> GatheringEvent {
    GatheringEvent::Planned {
        gathering: gid(),
        kind: GatheringKind::BusinessDinner,
        title: Title::parse("Unternehmerdinner 2025").expect("title"),
        date: day("2025-11-14"),
        venue: text("Rathaus Pankow, Festsaal"),
        co_hosts: vec![org(7)],
        milestone: Some(milestone_ref()),
    }
}

fn invited() -> GatheringEvent {
    GatheringEvent::Invited {
        gathering: gid(),
        organizations: vec![org(10), org(11)],
        persons: vec![person(20)],
        invited_on: day("2025-09-01"),
    }
}

fn held() -> GatheringEvent {
    GatheringEvent::Held {
        gathering: gid(),
        held_on: day("2025-11-14"),
        attendance: vec![Attendance {
            organization: Some(org(10)),
            person: Some(person(20)),
        }],
        other_attendees: 12,
    }
}

fn cancelled() -> GatheringEvent {
    GatheringEvent::Cancelled {
        gathering: gid(),
        cancelled_on: day("2025-10-01"),
        reason: text("Zu wenige Anmeldungen"),
    }
}

fn invite(organizations: Vec<OrganizationId>, persons: Vec<PersonId>) -> GatheringCommand {
    GatheringCommand::Invite(InviteGuests {
        gathering: gid(),
        organizations,
        persons,
        invited_on: day("2025-09-15"),
    })
}

fn register(organization: u128, attending: bool) -> GatheringCommand {
    GatheringCommand::RecordRegistration(RecordRegistration {
        gathering: gid(),
        organization: org(organization),
        person: Some(person(20)),
        registered_on: day("2025-10-02"),
        attending,
    })
}

fn registered(organization: u128, attending: bool) -> GatheringEvent {
    GatheringEvent::RegistrationRecorded {
        gathering: gid(),
        organization: org(organization),
        person: Some(person(20)),
        registered_on: day("2025-10-02"),
        attending,
    }
}

fn hold(attendance: Vec<Attendance>) -> GatheringCommand {
    GatheringCommand::Hold(HoldGathering {
        gathering: gid(),
        held_on: day("2025-11-14"),
        attendance,
        other_attendees: 12,
    })
}

fn hold_command() -> GatheringCommand {
    hold(vec![Attendance {
        organization: Some(org(10)),
        person: Some(person(20)),
    }])
}

fn cancel() -> GatheringCommand {
    GatheringCommand::Cancel(CancelGathering {
        gathering: gid(),
        cancelled_on: day("2025-10-01"),
        reason: text("Zu wenige Anmeldungen"),
    })
}

#[test]
fn planning_records_kind_date_venue_co_hosts_and_milestone() {
    given::<Gathering>(vec![])
        .when(plan_command())
        .then(vec![planned()]);
}

#[test]
fn planning_twice_is_refused() {
    given::<Gathering>(vec![planned()])
        .when(plan_command())
        .then_error(GatheringError::AlreadyPlanned);
}

#[test]
fn commands_before_planning_are_refused() {
    given::<Gathering>(vec![])
        .when(invite(vec![org(10)], vec![]))
        .then_error(GatheringError::NotPlanned);
    given::<Gathering>(vec![])
        .when(hold_command())
        .then_error(GatheringError::NotPlanned);
}

#[test]
fn rescheduling_records_the_new_date_and_the_same_date_records_nothing() {
    let rescheduled = GatheringEvent::Rescheduled {
        gathering: gid(),
        date: day("2025-11-21"),
    };
    let command = || {
        GatheringCommand::Reschedule(RescheduleGathering {
            gathering: gid(),
            date: day("2025-11-21"),
        })
    };
    given::<Gathering>(vec![planned()])
        .when(command())
        .then(vec![rescheduled.clone()]);
    given::<Gathering>(vec![planned(), rescheduled])
        .when(command())
        .then(vec![]);
}

#[test]
fn inviting_records_only_guests_not_invited_before() {
    given::<Gathering>(vec![planned()])
        .when(GatheringCommand::Invite(InviteGuests {
            gathering: gid(),
            organizations: vec![org(10), org(11), org(10)],
            persons: vec![person(20)],
            invited_on: day("2025-09-01"),
        }))
        .then(vec![invited()]);
    given::<Gathering>(vec![planned(), invited()])
        .when(invite(vec![org(11), org(12)], vec![person(20)]))
        .then(vec![GatheringEvent::Invited {
            gathering: gid(),
            organizations: vec![org(12)],
            persons: vec![],
            invited_on: day("2025-09-15"),
        }]);
    given::<Gathering>(vec![planned(), invited()])
        .when(invite(vec![org(10)], vec![person(20)]))
        .then(vec![]);
}

#[test]
fn registrations_and_declines_are_recorded() {
    given::<Gathering>(vec![planned(), invited()])
        .when(register(10, true))
        .then(vec![registered(10, true)]);
    given::<Gathering>(vec![planned(), invited(), registered(10, true)])
        .when(register(10, false))
        .then(vec![registered(10, false)]);
}

#[test]
fn holding_records_attendance_and_other_attendees() {
    given::<Gathering>(vec![planned(), invited()])
        .when(hold_command())
        .then(vec![held()]);
}

#[test]
fn an_attendee_without_organization_or_person_is_refused() {
    given::<Gathering>(vec![planned()])
        .when(hold(vec![Attendance {
            organization: None,
            person: None,
        }]))
        .then_error(GatheringError::AnonymousAttendee);
}

#[test]
fn holding_twice_is_refused() {
    given::<Gathering>(vec![planned(), held()])
        .when(hold_command())
        .then_error(GatheringError::AlreadyHeld {
            held_on: day("2025-11-14"),
        });
}

#[test]
fn inviting_or_registering_after_the_gathering_was_held_is_refused() {
    let refusal = GatheringError::AlreadyHeld {
        held_on: day("2025-11-14"),
    };
    given::<Gathering>(vec![planned(), held()])
        .when(invite(vec![org(12)], vec![]))
        .then_error(refusal.clone());
    given::<Gathering>(vec![planned(), held()])
        .when(register(10, true))
        .then_error(refusal);
}

#[test]
fn cancelling_records_date_and_reason() {
    given::<Gathering>(vec![planned()])
        .when(cancel())
        .then(vec![cancelled()]);
}

#[test]
fn a_held_gathering_cannot_be_cancelled() {
    given::<Gathering>(vec![planned(), held()])
        .when(cancel())
        .then_error(GatheringError::AlreadyHeld {
            held_on: day("2025-11-14"),
        });
}

#[test]
fn a_cancelled_gathering_cannot_be_held_invited_to_registered_for_or_cancelled_again() {
    let refusal = GatheringError::Cancelled {
        cancelled_on: day("2025-10-01"),
    };
    given::<Gathering>(vec![planned(), cancelled()])
        .when(hold_command())
        .then_error(refusal.clone());
    given::<Gathering>(vec![planned(), cancelled()])
        .when(invite(vec![org(12)], vec![]))
        .then_error(refusal.clone());
    given::<Gathering>(vec![planned(), cancelled()])
        .when(register(10, true))
        .then_error(refusal.clone());
    given::<Gathering>(vec![planned(), cancelled()])
        .when(cancel())
        .then_error(refusal);
}

#[test]
fn state_keeps_the_latest_answer_per_guest_and_the_attendance() {
    let state = Gathering::fold(&[
        planned(),
        invited(),
        registered(10, true),
        registered(11, true),
        registered(10, false),
        held(),
    ]);
    assert_eq!(state.kind, Some(GatheringKind::BusinessDinner));
    assert_eq!(state.date, Some(day("2025-11-14")));
    assert_eq!(
        state.status,
        Status::Held {
            held_on: day("2025-11-14")
        }
    );
    assert_eq!(
        state.invited_organizations,
        BTreeSet::from([org(10), org(11)])
    );
    assert_eq!(
        state.registrations,
        vec![
            Registration {
                organization: org(10),
                person: Some(person(20)),
                registered_on: day("2025-10-02"),
                attending: false,
            },
            Registration {
                organization: org(11),
                person: Some(person(20)),
                registered_on: day("2025-10-02"),
                attending: true,
            },
        ]
    );
    assert_eq!(state.attending().count(), 1);
    assert_eq!(state.attendance.len(), 1);
    assert_eq!(state.other_attendees, 12);
    assert_eq!(state.milestone, Some(milestone_ref()));
}

#[test]
fn gathering_kinds_have_distinct_german_labels() {
    let labels: BTreeSet<_> = GatheringKind::ALL.iter().map(|kind| kind.label()).collect();
    assert_eq!(labels.len(), GatheringKind::ALL.len());
    assert_eq!(GatheringKind::IndustryDialogue.label(), "Branchengespräch");
}

fn codes(list: &[&str]) -> Vec<Code> {
    list.iter()
        .map(|code| Code::parse(code).expect("valid"))
        .collect()
}

fn set_agenda(topics: &[&str], offices: &[&str]) -> GatheringCommand {
    GatheringCommand::SetAgenda(SetGatheringAgenda {
        gathering: gid(),
        topics: codes(topics),
        offices: codes(offices),
    })
}

fn agenda_set(topics: &[&str], offices: &[&str]) -> GatheringEvent {
    GatheringEvent::AgendaSet {
        gathering: gid(),
        topics: codes(topics),
        offices: codes(offices),
    }
}

#[test]
fn an_agenda_is_recorded_sorted_without_repeats_before_and_after_the_gathering() {
    given::<Gathering>(vec![planned()])
        .when(set_agenda(
            &["genehmigung", "fachkraefte", "genehmigung"],
            &["ordnungsamt"],
        ))
        .then(vec![agenda_set(
            &["fachkraefte", "genehmigung"],
            &["ordnungsamt"],
        )]);
    given::<Gathering>(vec![planned(), invited(), held()])
        .when(set_agenda(&["flaechen"], &[]))
        .then(vec![agenda_set(&["flaechen"], &[])]);
}

#[test]
fn the_same_agenda_again_writes_nothing_and_a_new_one_replaces_it() {
    let before = vec![planned(), agenda_set(&["fachkraefte"], &["bauamt"])];
    given::<Gathering>(before.clone())
        .when(set_agenda(&["fachkraefte"], &["bauamt"]))
        .then(vec![]);
    given::<Gathering>(before.clone())
        .when(set_agenda(&[], &["bauamt"]))
        .then(vec![agenda_set(&[], &["bauamt"])]);
    let state = before
        .iter()
        .chain([agenda_set(&["flaechen"], &[])].iter())
        .fold(GatheringState::default(), |state, event| {
            Gathering::evolve(state, event)
        });
    assert_eq!(state.topics, codes(&["flaechen"]));
    assert!(state.offices.is_empty());
}

#[test]
fn an_unplanned_gathering_has_no_agenda() {
    given::<Gathering>(vec![])
        .when(set_agenda(&["fachkraefte"], &[]))
        .then_error(GatheringError::NotPlanned);
}
