//! Given/when/then tests of the `retreat` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn rid() -> RetreatId {
    RetreatId::from_uuid(Uuid::from_u128(1))
}

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn proposal(n: u128) -> ProposalId {
    ProposalId::from_uuid(Uuid::from_u128(n))
}

fn decision(n: u128) -> DecisionId {
    DecisionId::from_uuid(Uuid::from_u128(n))
}

fn ms(n: u128) -> MilestoneId {
    MilestoneId::from_uuid(Uuid::from_u128(n))
}

fn gid(n: u128) -> GatheringId {
    GatheringId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn title(text: &str) -> Title {
    Title::parse(text).expect("test title")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn priority(n: u8) -> Priority {
    Priority::new(n).expect("test priority")
}

fn schedule(year: i32) -> RetreatCommand {
    RetreatCommand::Schedule(ScheduleRetreat {
        retreat: rid(),
        year,
        partners: vec![org(7)],
        date: day("2025-11-28"),
        title: title("Klausur 2025 mit dem Wirtschaftskreis"),
    })
}

fn scheduled() -> RetreatEvent {
    RetreatEvent::Scheduled {
        retreat: rid(),
        year: 2025,
        partners: vec![org(7)],
        date: day("2025-11-28"),
        title: title("Klausur 2025 mit dem Wirtschaftskreis"),
    }
}

fn propose(n: u128) -> RetreatCommand {
    RetreatCommand::ProposeTopic(ProposeTopic {
        retreat: rid(),
        proposal: proposal(n),
        title: title("Fachkräfte"),
        reason: text("Anfragen zum Thema haben sich verdoppelt"),
        proposed_by: UserName::parse("anna.schmidt").expect("user"),
    })
}

fn proposed(n: u128) -> RetreatEvent {
    RetreatEvent::TopicProposed {
        retreat: rid(),
        proposal: proposal(n),
        title: title("Fachkräfte"),
        reason: text("Anfragen zum Thema haben sich verdoppelt"),
        proposed_by: UserName::parse("anna.schmidt").expect("user"),
    }
}

fn prioritise(n: u128, p: u8) -> RetreatCommand {
    RetreatCommand::PrioritiseTopic(PrioritiseTopic {
        retreat: rid(),
        proposal: proposal(n),
        priority: priority(p),
    })
}

fn prioritised(n: u128, p: u8) -> RetreatEvent {
    RetreatEvent::TopicPrioritised {
        retreat: rid(),
        proposal: proposal(n),
        priority: priority(p),
    }
}

fn hold() -> RetreatCommand {
    RetreatCommand::Hold(HoldRetreat {
        retreat: rid(),
        held_on: day("2025-11-28"),
    })
}

fn held() -> RetreatEvent {
    RetreatEvent::Held {
        retreat: rid(),
        held_on: day("2025-11-28"),
    }
}

fn planned_milestone(n: u128, due: &str) -> PlannedMilestone {
    PlannedMilestone {
        cooperation: CooperationId::from_uuid(Uuid::from_u128(50)),
        milestone: ms(n),
        title: title("Ausbildungsbörse"),
        kind: MilestoneKind::Project,
        due: day(due),
    }
}

fn planned_gathering(n: u128, date: &str) -> PlannedGathering {
    PlannedGathering {
        gathering: gid(n),
        kind: GatheringKind::Reception,
        title: title("Neujahrsempfang 2026"),
        date: day(date),
    }
}

fn record_command() -> RecordDecision {
    RecordDecision {
        retreat: rid(),
        decision: decision(1),
        text: text("Fachkräfte werden Schwerpunkt 2026"),
        proposal: Some(proposal(1)),
        planned_milestones: vec![planned_milestone(30, "2026-05-15")],
        planned_gatherings: vec![planned_gathering(40, "2026-01-16")],
    }
}

fn recorded() -> RetreatEvent {
    RetreatEvent::DecisionRecorded {
        retreat: rid(),
        decision: decision(1),
        text: text("Fachkräfte werden Schwerpunkt 2026"),
        proposal: Some(proposal(1)),
        planned_milestones: vec![planned_milestone(30, "2026-05-15")],
        planned_gatherings: vec![planned_gathering(40, "2026-01-16")],
    }
}

fn record(command: RecordDecision) -> RetreatCommand {
    RetreatCommand::RecordDecision(command)
}

#[test]
fn scheduling_records_year_partners_date_and_title() {
    given::<Retreat>(vec![])
        .when(schedule(2025))
        .then(vec![scheduled()]);
}

#[test]
fn scheduling_twice_is_refused() {
    given::<Retreat>(vec![scheduled()])
        .when(schedule(2025))
        .then_error(RetreatError::AlreadyScheduled);
}

#[test]
fn an_implausible_year_is_refused() {
    given::<Retreat>(vec![])
        .when(schedule(1999))
        .then_error(RetreatError::ImplausibleYear(1999));
    given::<Retreat>(vec![])
        .when(schedule(2101))
        .then_error(RetreatError::ImplausibleYear(2101));
}

#[test]
fn commands_before_scheduling_are_refused() {
    given::<Retreat>(vec![])
        .when(propose(1))
        .then_error(RetreatError::NotScheduled);
    given::<Retreat>(vec![])
        .when(hold())
        .then_error(RetreatError::NotScheduled);
}

#[test]
fn proposing_a_topic_records_it() {
    given::<Retreat>(vec![scheduled()])
        .when(propose(1))
        .then(vec![proposed(1)]);
}

#[test]
fn proposing_with_a_used_proposal_id_is_refused() {
    given::<Retreat>(vec![scheduled(), proposed(1)])
        .when(propose(1))
        .then_error(RetreatError::ProposalAlreadyMade(proposal(1)));
}

#[test]
fn proposing_after_the_retreat_was_held_is_refused() {
    given::<Retreat>(vec![scheduled(), held()])
        .when(propose(1))
        .then_error(RetreatError::AlreadyHeld {
            held_on: day("2025-11-28"),
        });
}

#[test]
fn prioritising_records_the_priority_and_the_same_priority_records_nothing() {
    given::<Retreat>(vec![scheduled(), proposed(1)])
        .when(prioritise(1, 2))
        .then(vec![prioritised(1, 2)]);
    given::<Retreat>(vec![scheduled(), proposed(1), prioritised(1, 2)])
        .when(prioritise(1, 2))
        .then(vec![]);
}

#[test]
fn prioritising_is_allowed_after_the_retreat_was_held() {
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(prioritise(1, 1))
        .then(vec![prioritised(1, 1)]);
}

#[test]
fn prioritising_an_unknown_proposal_is_refused() {
    given::<Retreat>(vec![scheduled(), proposed(1)])
        .when(prioritise(2, 1))
        .then_error(RetreatError::UnknownProposal(proposal(2)));
}

#[test]
fn priorities_run_from_one_to_five() {
    assert_eq!(Priority::parse(" 3 ").map(Priority::get), Ok(3));
    assert_eq!(Priority::new(1), Ok(Priority::HIGHEST));
    assert_eq!(Priority::new(5), Ok(Priority::LOWEST));
    assert!(Priority::new(0).is_err());
    assert!(Priority::new(6).is_err());
    assert!(Priority::parse("hoch").is_err());
    assert!(Priority::HIGHEST < Priority::LOWEST);
}

#[test]
fn holding_records_the_date_once() {
    given::<Retreat>(vec![scheduled()])
        .when(hold())
        .then(vec![held()]);
    given::<Retreat>(vec![scheduled(), held()])
        .when(hold())
        .then_error(RetreatError::AlreadyHeld {
            held_on: day("2025-11-28"),
        });
}

#[test]
fn recording_a_decision_records_what_it_plans_for_next_year() {
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(record_command()))
        .then(vec![recorded()]);
}

#[test]
fn a_decision_before_the_retreat_was_held_is_refused() {
    given::<Retreat>(vec![scheduled(), proposed(1)])
        .when(record(record_command()))
        .then_error(RetreatError::NotHeld);
}

#[test]
fn a_decision_referring_to_an_unknown_proposal_is_refused() {
    let mut command = record_command();
    command.proposal = Some(proposal(9));
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(command))
        .then_error(RetreatError::UnknownProposal(proposal(9)));
}

#[test]
fn a_decision_without_text_is_refused() {
    let mut command = record_command();
    command.text = text("  ");
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(command))
        .then_error(RetreatError::EmptyDecision);
}

#[test]
fn a_duplicate_decision_id_is_refused() {
    given::<Retreat>(vec![scheduled(), proposed(1), held(), recorded()])
        .when(record(record_command()))
        .then_error(RetreatError::DecisionAlreadyRecorded(decision(1)));
}

#[test]
fn planned_milestones_and_gatherings_must_fall_in_the_following_year() {
    let mut command = record_command();
    command.planned_milestones = vec![planned_milestone(30, "2025-12-15")];
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(command))
        .then_error(RetreatError::NotInFollowingYear {
            date: day("2025-12-15"),
            year: 2026,
        });
    let mut command = record_command();
    command.planned_gatherings = vec![planned_gathering(40, "2027-01-15")];
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(command))
        .then_error(RetreatError::NotInFollowingYear {
            date: day("2027-01-15"),
            year: 2026,
        });
}

#[test]
fn a_milestone_or_gathering_id_planned_twice_is_refused() {
    let mut command = record_command();
    command.decision = decision(2);
    command.planned_gatherings = vec![];
    given::<Retreat>(vec![scheduled(), proposed(1), held(), recorded()])
        .when(record(command))
        .then_error(RetreatError::MilestoneAlreadyPlanned(ms(30)));
    let mut command = record_command();
    command.planned_gatherings = vec![
        planned_gathering(41, "2026-01-16"),
        planned_gathering(41, "2026-06-16"),
    ];
    given::<Retreat>(vec![scheduled(), proposed(1), held()])
        .when(record(command))
        .then_error(RetreatError::GatheringAlreadyPlanned(gid(41)));
}

#[test]
fn state_shows_year_partners_proposals_with_priority_held_date_and_decisions() {
    let state = Retreat::fold(&[
        scheduled(),
        proposed(1),
        proposed(2),
        prioritised(1, 2),
        held(),
        recorded(),
    ]);
    assert_eq!(state.year, Some(2025));
    assert_eq!(state.partners, vec![org(7)]);
    assert_eq!(state.date, Some(day("2025-11-28")));
    assert_eq!(state.held_on(), Some(day("2025-11-28")));
    assert_eq!(
        state
            .proposals
            .values()
            .map(|p| p.priority)
            .collect::<Vec<_>>(),
        vec![Some(priority(2)), None]
    );
    assert_eq!(
        state.decisions,
        vec![Decision {
            decision: decision(1),
            text: text("Fachkräfte werden Schwerpunkt 2026"),
            proposal: Some(proposal(1)),
            planned_milestones: vec![planned_milestone(30, "2026-05-15")],
            planned_gatherings: vec![planned_gathering(40, "2026-01-16")],
        }]
    );
}
