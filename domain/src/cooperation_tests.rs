//! Given/when/then tests of the `cooperation` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn coop() -> CooperationId {
    CooperationId::from_uuid(Uuid::from_u128(1))
}

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn ms(n: u128) -> MilestoneId {
    MilestoneId::from_uuid(Uuid::from_u128(n))
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

fn agree_command() -> AgreeCooperation {
    AgreeCooperation {
        cooperation: coop(),
        title: title("Kooperation Bezirksamt – Wirtschaftskreis"),
        partners: vec![org(7)],
        signed_on: day("2022-03-15"),
        valid_from: day("2022-04-01"),
        valid_until: day("2026-12-31"),
        goals: vec![
            title("Fachkräfte sichern"),
            title("Gewerbeflächen entwickeln"),
        ],
    }
}

fn agreed() -> CooperationEvent {
    CooperationEvent::Agreed {
        cooperation: coop(),
        title: title("Kooperation Bezirksamt – Wirtschaftskreis"),
        partners: vec![org(7)],
        signed_on: day("2022-03-15"),
        valid_from: day("2022-04-01"),
        valid_until: day("2026-12-31"),
        goals: vec![
            title("Fachkräfte sichern"),
            title("Gewerbeflächen entwickeln"),
        ],
    }
}

fn planned(n: u128) -> CooperationEvent {
    CooperationEvent::MilestonePlanned {
        cooperation: coop(),
        milestone: ms(n),
        title: title("Unternehmerdinner 2025"),
        kind: MilestoneKind::Gathering,
        due: day("2025-11-15"),
    }
}

fn achieved(n: u128) -> CooperationEvent {
    CooperationEvent::MilestoneAchieved {
        cooperation: coop(),
        milestone: ms(n),
        achieved_on: day("2025-11-14"),
    }
}

fn cancelled(n: u128) -> CooperationEvent {
    CooperationEvent::MilestoneCancelled {
        cooperation: coop(),
        milestone: ms(n),
        cancelled_on: day("2025-09-01"),
        reason: text("Kein Veranstaltungsort"),
    }
}

fn ended(on: &str) -> CooperationEvent {
    CooperationEvent::Ended {
        cooperation: coop(),
        ended_on: day(on),
    }
}

fn plan(n: u128, due: &str) -> CooperationCommand {
    CooperationCommand::PlanMilestone(PlanMilestone {
        cooperation: coop(),
        milestone: ms(n),
        title: title("Unternehmerdinner 2025"),
        kind: MilestoneKind::Gathering,
        due: day(due),
    })
}

fn achieve(n: u128, on: &str) -> CooperationCommand {
    CooperationCommand::AchieveMilestone(AchieveMilestone {
        cooperation: coop(),
        milestone: ms(n),
        achieved_on: day(on),
    })
}

fn reschedule(n: u128, due: &str) -> CooperationCommand {
    CooperationCommand::RescheduleMilestone(RescheduleMilestone {
        cooperation: coop(),
        milestone: ms(n),
        due: day(due),
        reason: text("Saal erst im Dezember frei"),
    })
}

fn cancel(n: u128) -> CooperationCommand {
    CooperationCommand::CancelMilestone(CancelMilestone {
        cooperation: coop(),
        milestone: ms(n),
        cancelled_on: day("2025-09-01"),
        reason: text("Kein Veranstaltungsort"),
    })
}

fn extend(until: &str) -> CooperationCommand {
    CooperationCommand::Extend(ExtendCooperation {
        cooperation: coop(),
        valid_until: day(until),
    })
}

fn end(on: &str) -> CooperationCommand {
    CooperationCommand::End(EndCooperation {
        cooperation: coop(),
        ended_on: day(on),
    })
}

#[test]
fn agreeing_records_partners_term_and_goals() {
    given::<Cooperation>(vec![])
        .when(CooperationCommand::Agree(agree_command()))
        .then(vec![agreed()]);
}

#[test]
fn agreeing_twice_is_refused() {
    given::<Cooperation>(vec![agreed()])
        .when(CooperationCommand::Agree(agree_command()))
        .then_error(CooperationError::AlreadyAgreed);
}

#[test]
fn an_agreement_needs_distinct_partners() {
    let mut command = agree_command();
    command.partners = vec![];
    given::<Cooperation>(vec![])
        .when(CooperationCommand::Agree(command))
        .then_error(CooperationError::NoPartners);
    let mut command = agree_command();
    command.partners = vec![org(7), org(8), org(7)];
    given::<Cooperation>(vec![])
        .when(CooperationCommand::Agree(command))
        .then_error(CooperationError::DuplicatePartner(org(7)));
}

#[test]
fn a_term_ending_before_it_starts_is_refused() {
    let mut command = agree_command();
    command.valid_until = day("2022-03-31");
    given::<Cooperation>(vec![])
        .when(CooperationCommand::Agree(command))
        .then_error(CooperationError::TermEndsBeforeStart {
            valid_from: day("2022-04-01"),
        });
}

#[test]
fn commands_before_the_agreement_are_refused() {
    given::<Cooperation>(vec![])
        .when(plan(1, "2025-11-15"))
        .then_error(CooperationError::NotAgreed);
    given::<Cooperation>(vec![])
        .when(end("2025-11-15"))
        .then_error(CooperationError::NotAgreed);
}

#[test]
fn planning_a_milestone_records_it() {
    given::<Cooperation>(vec![agreed()])
        .when(plan(1, "2025-11-15"))
        .then(vec![planned(1)]);
}

#[test]
fn planning_with_a_used_milestone_id_is_refused() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(plan(1, "2025-12-01"))
        .then_error(CooperationError::MilestoneAlreadyPlanned(ms(1)));
}

#[test]
fn a_milestone_due_after_the_term_needs_an_extension_first() {
    given::<Cooperation>(vec![agreed()])
        .when(plan(1, "2027-01-15"))
        .then_error(CooperationError::DueAfterTerm {
            valid_until: day("2026-12-31"),
        });
    let extended = CooperationEvent::Extended {
        cooperation: coop(),
        valid_until: day("2027-12-31"),
    };
    given::<Cooperation>(vec![agreed(), extended])
        .when(plan(1, "2027-01-15"))
        .then(vec![CooperationEvent::MilestonePlanned {
            cooperation: coop(),
            milestone: ms(1),
            title: title("Unternehmerdinner 2025"),
            kind: MilestoneKind::Gathering,
            due: day("2027-01-15"),
        }]);
}

#[test]
fn achieving_a_milestone_records_the_date() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(achieve(1, "2025-11-14"))
        .then(vec![achieved(1)]);
}

#[test]
fn achieving_twice_is_refused() {
    given::<Cooperation>(vec![agreed(), planned(1), achieved(1)])
        .when(achieve(1, "2025-11-20"))
        .then_error(CooperationError::MilestoneAchieved {
            on: day("2025-11-14"),
        });
}

#[test]
fn achieving_after_the_term_is_refused() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(achieve(1, "2027-01-02"))
        .then_error(CooperationError::AchievedAfterTerm {
            valid_until: day("2026-12-31"),
        });
}

#[test]
fn an_unknown_milestone_is_refused() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(achieve(2, "2025-11-14"))
        .then_error(CooperationError::UnknownMilestone(ms(2)));
    given::<Cooperation>(vec![agreed()])
        .when(reschedule(2, "2025-12-01"))
        .then_error(CooperationError::UnknownMilestone(ms(2)));
    given::<Cooperation>(vec![agreed()])
        .when(cancel(2))
        .then_error(CooperationError::UnknownMilestone(ms(2)));
}

#[test]
fn rescheduling_records_the_new_due_date_and_the_same_date_records_nothing() {
    let rescheduled = CooperationEvent::MilestoneRescheduled {
        cooperation: coop(),
        milestone: ms(1),
        due: day("2025-12-05"),
        reason: text("Saal erst im Dezember frei"),
    };
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(reschedule(1, "2025-12-05"))
        .then(vec![rescheduled.clone()]);
    given::<Cooperation>(vec![agreed(), planned(1), rescheduled])
        .when(reschedule(1, "2025-12-05"))
        .then(vec![]);
}

#[test]
fn rescheduling_beyond_the_term_is_refused() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(reschedule(1, "2027-03-01"))
        .then_error(CooperationError::DueAfterTerm {
            valid_until: day("2026-12-31"),
        });
}

#[test]
fn cancelling_records_date_and_reason() {
    given::<Cooperation>(vec![agreed(), planned(1)])
        .when(cancel(1))
        .then(vec![cancelled(1)]);
}

#[test]
fn a_cancelled_milestone_cannot_be_achieved_rescheduled_or_cancelled_again() {
    let history = || vec![agreed(), planned(1), cancelled(1)];
    let refusal = CooperationError::MilestoneCancelled {
        on: day("2025-09-01"),
    };
    given::<Cooperation>(history())
        .when(achieve(1, "2025-11-14"))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(reschedule(1, "2025-12-05"))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(cancel(1))
        .then_error(refusal);
}

#[test]
fn an_achieved_milestone_cannot_be_rescheduled_or_cancelled() {
    let refusal = CooperationError::MilestoneAchieved {
        on: day("2025-11-14"),
    };
    given::<Cooperation>(vec![agreed(), planned(1), achieved(1)])
        .when(reschedule(1, "2025-12-05"))
        .then_error(refusal.clone());
    given::<Cooperation>(vec![agreed(), planned(1), achieved(1)])
        .when(cancel(1))
        .then_error(refusal);
}

#[test]
fn extending_moves_the_end_of_the_term() {
    given::<Cooperation>(vec![agreed()])
        .when(extend("2028-12-31"))
        .then(vec![CooperationEvent::Extended {
            cooperation: coop(),
            valid_until: day("2028-12-31"),
        }]);
}

#[test]
fn extending_to_an_earlier_or_equal_date_is_refused() {
    let refusal = CooperationError::NotAnExtension {
        valid_until: day("2026-12-31"),
    };
    given::<Cooperation>(vec![agreed()])
        .when(extend("2026-06-30"))
        .then_error(refusal.clone());
    given::<Cooperation>(vec![agreed()])
        .when(extend("2026-12-31"))
        .then_error(refusal);
}

#[test]
fn ending_records_the_date_but_not_before_the_term_began() {
    given::<Cooperation>(vec![agreed()])
        .when(end("2025-12-31"))
        .then(vec![ended("2025-12-31")]);
    given::<Cooperation>(vec![agreed()])
        .when(end("2022-01-31"))
        .then_error(CooperationError::TermEndsBeforeStart {
            valid_from: day("2022-04-01"),
        });
}

#[test]
fn ending_twice_and_other_commands_after_the_end_are_refused() {
    let refusal = CooperationError::Ended {
        ended_on: day("2025-12-31"),
    };
    let history = || vec![agreed(), planned(1), ended("2025-12-31")];
    given::<Cooperation>(history())
        .when(end("2026-01-31"))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(plan(2, "2026-03-01"))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(reschedule(1, "2026-03-01"))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(cancel(1))
        .then_error(refusal.clone());
    given::<Cooperation>(history())
        .when(extend("2028-12-31"))
        .then_error(refusal);
}

#[test]
fn a_milestone_cannot_be_achieved_after_the_agreement_ended() {
    given::<Cooperation>(vec![agreed(), planned(1), ended("2025-06-30")])
        .when(achieve(1, "2025-11-14"))
        .then_error(CooperationError::AchievedAfterEnd {
            ended_on: day("2025-06-30"),
        });
}

#[test]
fn an_achievement_from_before_the_end_may_still_be_recorded() {
    given::<Cooperation>(vec![agreed(), planned(1), ended("2025-12-31")])
        .when(achieve(1, "2025-11-14"))
        .then(vec![achieved(1)]);
}

#[test]
fn state_shows_partners_term_and_milestones_with_their_history() {
    let state = Cooperation::fold(&[
        agreed(),
        planned(1),
        CooperationEvent::MilestoneRescheduled {
            cooperation: coop(),
            milestone: ms(1),
            due: day("2025-12-05"),
            reason: text("Saal erst im Dezember frei"),
        },
        achieved(1),
        CooperationEvent::Extended {
            cooperation: coop(),
            valid_until: day("2028-12-31"),
        },
    ]);
    assert_eq!(state.status, Status::Active);
    assert_eq!(state.partners, vec![org(7)]);
    assert_eq!(
        state.term,
        Some(Term {
            valid_from: day("2022-04-01"),
            valid_until: day("2028-12-31"),
        })
    );
    let milestone = state.milestones.get(&ms(1)).expect("planned milestone");
    assert_eq!(milestone.due, day("2025-12-05"));
    assert_eq!(milestone.original_due, day("2025-11-15"));
    assert_eq!(milestone.times_rescheduled, 1);
    assert!(milestone.slipped());
    assert_eq!(
        milestone.status,
        MilestoneStatus::Achieved {
            on: day("2025-11-14")
        }
    );
}

#[test]
fn milestone_kinds_have_distinct_german_labels() {
    let labels: std::collections::BTreeSet<_> =
        MilestoneKind::ALL.iter().map(|kind| kind.label()).collect();
    assert_eq!(labels.len(), MilestoneKind::ALL.len());
    assert_eq!(MilestoneKind::Award.label(), "Auszeichnung");
}
