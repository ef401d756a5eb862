//! Given/when/then tests of the `visit` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn visit() -> VisitId {
    VisitId::from_uuid(Uuid::from_u128(1))
}

fn organization(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(n))
}

fn follow_up(n: u128) -> FollowUpId {
    FollowUpId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn user(text: &str) -> UserName {
    UserName::parse(text).expect("test user")
}

fn time(text: &str) -> TimeOfDay {
    TimeOfDay::parse(text).expect("time of day")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("test code")
}

fn title(text: &str) -> Title {
    Title::parse(text).expect("test title")
}

fn findings() -> Findings {
    Findings {
        expansion_plans: true,
        relocation_risk: false,
        space_need_m2: Some(800),
        workforce_need: Some(3),
        funding_interest: true,
        location_satisfaction: Some(Satisfaction::new(4).expect("satisfaction")),
        issues_raised: vec![title("Parkplätze für Lieferverkehr fehlen")],
    }
}

fn plan_command() -> PlanVisit {
    PlanVisit {
        visit: visit(),
        organization: organization(10),
        planned_on: day("2025-05-14"),
        planned_at: Some(time("10:30")),
        staff: vec![user("anna.schmidt")],
        participants: vec![person(20)],
        purpose: text("Erweiterungspläne besprechen"),
        joint_partner: Some(organization(30)),
    }
}

fn planned() -> VisitEvent {
    VisitEvent::Planned {
        visit: visit(),
        organization: organization(10),
        planned_on: day("2025-05-14"),
        planned_at: Some(time("10:30")),
        staff: vec![user("anna.schmidt")],
        participants: vec![person(20)],
        purpose: text("Erweiterungspläne besprechen"),
        joint_partner: Some(organization(30)),
    }
}

fn conduct_command(at: Option<OrganizationId>) -> ConductVisit {
    ConductVisit {
        visit: visit(),
        organization: at,
        conducted_on: day("2025-05-15"),
        duration_minutes: 90,
        staff: vec![user("anna.schmidt"), user("ben.mueller")],
        participants: vec![person(20), person(21)],
        topics: vec![code("gewerbeflaechen.suche"), code("fachkraefte")],
        findings: findings(),
        notes: text("Halle zu klein, sucht 800 m² im Bezirk"),
        joint_partner: Some(organization(30)),
    }
}

fn conduct_at(at: Option<OrganizationId>) -> VisitCommand {
    VisitCommand::Conduct(conduct_command(at))
}

fn conducted() -> VisitEvent {
    VisitEvent::Conducted {
        visit: visit(),
        organization: organization(10),
        conducted_on: day("2025-05-15"),
        duration_minutes: 90,
        staff: vec![user("anna.schmidt"), user("ben.mueller")],
        participants: vec![person(20), person(21)],
        topics: vec![code("gewerbeflaechen.suche"), code("fachkraefte")],
        findings: findings(),
        notes: text("Halle zu klein, sucht 800 m² im Bezirk"),
        joint_partner: Some(organization(30)),
    }
}

fn cancelled() -> VisitEvent {
    VisitEvent::Cancelled {
        visit: visit(),
        cancelled_on: day("2025-05-10"),
        reason: text("Inhaber erkrankt"),
    }
}

fn create_follow_up(n: u128, due_on: &str) -> VisitCommand {
    VisitCommand::CreateFollowUp(CreateFollowUp {
        visit: visit(),
        follow_up: follow_up(n),
        task: title("Flächenangebote schicken"),
        assignee: user("ben.mueller"),
        due_on: day(due_on),
    })
}

fn follow_up_created(n: u128) -> VisitEvent {
    VisitEvent::FollowUpCreated {
        visit: visit(),
        follow_up: follow_up(n),
        task: title("Flächenangebote schicken"),
        assignee: user("ben.mueller"),
        due_on: day("2025-06-01"),
    }
}

fn complete_follow_up(n: u128, completed_on: &str) -> VisitCommand {
    VisitCommand::CompleteFollowUp(CompleteFollowUp {
        visit: visit(),
        follow_up: follow_up(n),
        completed_on: day(completed_on),
    })
}

fn follow_up_completed(n: u128) -> VisitEvent {
    VisitEvent::FollowUpCompleted {
        visit: visit(),
        follow_up: follow_up(n),
        completed_on: day("2025-05-20"),
    }
}

fn reschedule(planned_on: &str) -> VisitCommand {
    VisitCommand::Reschedule(RescheduleVisit {
        visit: visit(),
        planned_on: day(planned_on),
        planned_at: Some(time("10:30")),
    })
}

fn cancel() -> VisitCommand {
    VisitCommand::Cancel(CancelVisit {
        visit: visit(),
        cancelled_on: day("2025-05-10"),
        reason: text("Inhaber erkrankt"),
    })
}

#[test]
fn planning_a_visit_records_it() {
    given::<Visit>(vec![])
        .when(VisitCommand::Plan(plan_command()))
        .then(vec![planned()]);
}

#[test]
fn planning_twice_is_refused() {
    given::<Visit>(vec![planned()])
        .when(VisitCommand::Plan(plan_command()))
        .then_error(VisitError::AlreadyPlanned);
}

#[test]
fn planning_a_conducted_or_cancelled_visit_is_refused() {
    given::<Visit>(vec![conducted()])
        .when(VisitCommand::Plan(plan_command()))
        .then_error(VisitError::AlreadyConducted);
    given::<Visit>(vec![planned(), cancelled()])
        .when(VisitCommand::Plan(plan_command()))
        .then_error(VisitError::Cancelled);
}

#[test]
fn rescheduling_records_the_new_date_and_the_same_date_records_nothing() {
    given::<Visit>(vec![planned()])
        .when(reschedule("2025-05-21"))
        .then(vec![VisitEvent::Rescheduled {
            visit: visit(),
            planned_on: day("2025-05-21"),
            planned_at: Some(time("10:30")),
        }]);
    given::<Visit>(vec![
        planned(),
        VisitEvent::Rescheduled {
            visit: visit(),
            planned_on: day("2025-05-21"),
            planned_at: Some(time("10:30")),
        },
    ])
    .when(reschedule("2025-05-21"))
    .then(vec![]);
}

#[test]
fn rescheduling_or_cancelling_an_unplanned_visit_is_refused() {
    given::<Visit>(vec![])
        .when(reschedule("2025-05-21"))
        .then_error(VisitError::NotPlanned);
    given::<Visit>(vec![])
        .when(cancel())
        .then_error(VisitError::NotPlanned);
}

#[test]
fn rescheduling_or_cancelling_a_conducted_visit_is_refused() {
    given::<Visit>(vec![planned(), conducted()])
        .when(reschedule("2025-05-21"))
        .then_error(VisitError::AlreadyConducted);
    given::<Visit>(vec![planned(), conducted()])
        .when(cancel())
        .then_error(VisitError::AlreadyConducted);
}

#[test]
fn rescheduling_or_cancelling_a_cancelled_visit_is_refused() {
    given::<Visit>(vec![planned(), cancelled()])
        .when(reschedule("2025-05-21"))
        .then_error(VisitError::Cancelled);
    given::<Visit>(vec![planned(), cancelled()])
        .when(cancel())
        .then_error(VisitError::Cancelled);
}

#[test]
fn cancelling_a_planned_visit_records_date_and_reason() {
    given::<Visit>(vec![planned()])
        .when(cancel())
        .then(vec![cancelled()]);
}

#[test]
fn conducting_a_planned_visit_takes_the_planned_organization() {
    given::<Visit>(vec![planned()])
        .when(conduct_at(None))
        .then(vec![conducted()]);
    given::<Visit>(vec![planned()])
        .when(conduct_at(Some(organization(10))))
        .then(vec![conducted()]);
}

#[test]
fn conducting_a_planned_visit_at_another_organization_is_refused() {
    given::<Visit>(vec![planned()])
        .when(conduct_at(Some(organization(11))))
        .then_error(VisitError::OrganizationMismatch {
            planned: organization(10),
        });
}

#[test]
fn a_visit_may_be_conducted_without_having_been_planned() {
    given::<Visit>(vec![])
        .when(conduct_at(Some(organization(10))))
        .then(vec![conducted()]);
}

#[test]
fn conducting_an_unplanned_visit_needs_the_organization() {
    given::<Visit>(vec![])
        .when(conduct_at(None))
        .then_error(VisitError::OrganizationMissing);
}

#[test]
fn conducting_twice_is_refused() {
    given::<Visit>(vec![planned(), conducted()])
        .when(conduct_at(None))
        .then_error(VisitError::AlreadyConducted);
}

#[test]
fn conducting_a_cancelled_visit_is_refused() {
    given::<Visit>(vec![planned(), cancelled()])
        .when(conduct_at(None))
        .then_error(VisitError::Cancelled);
}

#[test]
fn a_duration_of_zero_minutes_is_refused() {
    let mut command = conduct_command(None);
    command.duration_minutes = 0;
    given::<Visit>(vec![planned()])
        .when(VisitCommand::Conduct(command))
        .then_error(VisitError::ZeroDuration);
}

#[test]
fn a_follow_up_on_a_conducted_visit_is_recorded() {
    given::<Visit>(vec![planned(), conducted()])
        .when(create_follow_up(1, "2025-06-01"))
        .then(vec![follow_up_created(1)]);
}

#[test]
fn a_follow_up_on_a_visit_that_was_not_conducted_is_refused() {
    given::<Visit>(vec![])
        .when(create_follow_up(1, "2025-06-01"))
        .then_error(VisitError::NotConducted);
    given::<Visit>(vec![planned()])
        .when(create_follow_up(1, "2025-06-01"))
        .then_error(VisitError::NotConducted);
    given::<Visit>(vec![planned(), cancelled()])
        .when(create_follow_up(1, "2025-06-01"))
        .then_error(VisitError::NotConducted);
}

#[test]
fn a_follow_up_due_before_the_visit_is_refused() {
    given::<Visit>(vec![planned(), conducted()])
        .when(create_follow_up(1, "2025-05-14"))
        .then_error(VisitError::FollowUpDueBeforeVisit {
            conducted_on: day("2025-05-15"),
        });
}

#[test]
fn a_follow_up_id_is_used_once() {
    given::<Visit>(vec![planned(), conducted(), follow_up_created(1)])
        .when(create_follow_up(1, "2025-06-01"))
        .then_error(VisitError::FollowUpExists(follow_up(1)));
    given::<Visit>(vec![
        planned(),
        conducted(),
        follow_up_created(1),
        follow_up_completed(1),
    ])
    .when(create_follow_up(1, "2025-06-01"))
    .then_error(VisitError::FollowUpExists(follow_up(1)));
}

#[test]
fn completing_a_follow_up_records_the_date() {
    given::<Visit>(vec![planned(), conducted(), follow_up_created(1)])
        .when(complete_follow_up(1, "2025-05-20"))
        .then(vec![follow_up_completed(1)]);
}

#[test]
fn completing_an_unknown_follow_up_is_refused() {
    given::<Visit>(vec![planned(), conducted(), follow_up_created(1)])
        .when(complete_follow_up(2, "2025-05-20"))
        .then_error(VisitError::UnknownFollowUp(follow_up(2)));
}

#[test]
fn completing_a_follow_up_twice_is_refused() {
    given::<Visit>(vec![
        planned(),
        conducted(),
        follow_up_created(1),
        follow_up_completed(1),
    ])
    .when(complete_follow_up(1, "2025-05-21"))
    .then_error(VisitError::FollowUpAlreadyCompleted(follow_up(1)));
}

#[test]
fn completing_a_follow_up_before_the_visit_is_refused() {
    given::<Visit>(vec![planned(), conducted(), follow_up_created(1)])
        .when(complete_follow_up(1, "2025-05-01"))
        .then_error(VisitError::FollowUpCompletedBeforeVisit {
            conducted_on: day("2025-05-15"),
        });
}

#[test]
fn completing_a_follow_up_of_a_visit_that_was_not_conducted_is_refused() {
    given::<Visit>(vec![planned()])
        .when(complete_follow_up(1, "2025-05-20"))
        .then_error(VisitError::NotConducted);
}

#[test]
fn rescheduling_only_the_time_of_day_records_it() {
    given::<Visit>(vec![planned()])
        .when(VisitCommand::Reschedule(RescheduleVisit {
            visit: visit(),
            planned_on: day("2025-05-14"),
            planned_at: Some(time("14:00")),
        }))
        .then(vec![VisitEvent::Rescheduled {
            visit: visit(),
            planned_on: day("2025-05-14"),
            planned_at: Some(time("14:00")),
        }]);
    let state = Visit::fold(&[
        planned(),
        VisitEvent::Rescheduled {
            visit: visit(),
            planned_on: day("2025-05-16"),
            planned_at: None,
        },
    ]);
    assert_eq!(state.planned_on, Some(day("2025-05-16")));
    assert_eq!(
        state.planned_at, None,
        "a new day without a time drops the old time"
    );
}

#[test]
fn state_shows_status_findings_and_open_follow_ups() {
    let state = Visit::fold(&[
        planned(),
        VisitEvent::Rescheduled {
            visit: visit(),
            planned_on: day("2025-05-15"),
            planned_at: None,
        },
        conducted(),
        follow_up_created(1),
        follow_up_created(2),
        follow_up_completed(1),
    ]);
    assert_eq!(state.status, VisitStatus::Conducted);
    assert_eq!(state.organization, Some(organization(10)));
    assert_eq!(state.planned_on, Some(day("2025-05-15")));
    assert_eq!(state.conducted_on, Some(day("2025-05-15")));
    assert_eq!(state.findings, Some(findings()));
    assert_eq!(
        state.open_follow_ups,
        BTreeMap::from([(follow_up(2), (user("ben.mueller"), day("2025-06-01")))])
    );
    assert_eq!(state.completed_follow_ups, BTreeSet::from([follow_up(1)]));
    let cancelled_state = Visit::fold(&[planned(), cancelled()]);
    assert_eq!(cancelled_state.status, VisitStatus::Cancelled);
    assert_eq!(cancelled_state.cancelled_on, Some(day("2025-05-10")));
}

#[test]
fn only_rescheduling_is_not_retried_on_conflict() {
    assert!(!Visit::retry_on_conflict(&reschedule("2025-05-21")));
    assert!(Visit::retry_on_conflict(&cancel()));
    assert!(Visit::retry_on_conflict(
        &VisitCommand::Plan(plan_command())
    ));
}

#[test]
fn commands_are_addressed_to_the_visit_stream() {
    assert_eq!(Visit::stream_id(&cancel()), visit().to_string());
    assert_eq!(Visit::CATEGORY, "visit");
}

#[test]
fn satisfaction_is_one_to_five() {
    assert_eq!(Satisfaction::parse(" 5 ").map(Satisfaction::get), Ok(5));
    assert_eq!(
        Satisfaction::new(1).map(Satisfaction::label),
        Ok("sehr unzufrieden")
    );
    for bad in ["0", "6", "gut", ""] {
        assert!(Satisfaction::parse(bad).is_err(), "{bad} must be refused");
    }
}

fn publicity(leadership: &[&str], press: bool) -> VisitCommand {
    VisitCommand::RecordPublicity(RecordVisitPublicity {
        visit: visit(),
        leadership: leadership.iter().map(|c| code(c)).collect(),
        press,
    })
}

fn publicity_recorded(leadership: &[&str], press: bool) -> VisitEvent {
    VisitEvent::PublicityRecorded {
        visit: visit(),
        leadership: leadership.iter().map(|c| code(c)).collect(),
        press,
    }
}

#[test]
fn leadership_and_press_are_recorded_for_a_planned_or_conducted_visit() {
    given::<Visit>(vec![planned()])
        .when(publicity(&["buergermeister"], false))
        .then(vec![publicity_recorded(&["buergermeister"], false)]);
    given::<Visit>(vec![planned(), conducted()])
        .when(publicity(&["senator", "stadtrat"], true))
        .then(vec![publicity_recorded(&["senator", "stadtrat"], true)]);
}

#[test]
fn a_new_publicity_record_replaces_the_old_one_and_the_same_records_nothing() {
    given::<Visit>(vec![
        planned(),
        conducted(),
        publicity_recorded(&["senator"], true),
    ])
    .when(publicity(&["senator"], true))
    .then(vec![]);
    given::<Visit>(vec![
        planned(),
        conducted(),
        publicity_recorded(&["senator"], true),
    ])
    .when(publicity(&[], false))
    .then(vec![publicity_recorded(&[], false)]);
}

#[test]
fn publicity_of_an_unknown_or_cancelled_visit_or_a_leader_named_twice_is_refused() {
    given::<Visit>(vec![])
        .when(publicity(&["senator"], true))
        .then_error(VisitError::NotPlanned);
    given::<Visit>(vec![planned(), cancelled()])
        .when(publicity(&["senator"], true))
        .then_error(VisitError::Cancelled);
    given::<Visit>(vec![planned()])
        .when(publicity(&["senator", "senator"], false))
        .then_error(VisitError::LeadershipTwice(code("senator")));
}
