//! The `cooperation` stream: a cooperation agreement (Kooperationsvereinbarung) between the office
//! and partners such as a business association, from signing through its milestones (a dinner, an
//! award, a joint project, a report) to its end. Milestones keep their original due date and count
//! their reschedulings, so the retreat can see what was delivered, what slipped and what was
//! dropped.

use crate::dates::BusinessDate;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::{CooperationId, MilestoneId, OrganizationId},
    values::{Text, Title},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CooperationError {
    #[error("Die Kooperationsvereinbarung ist nicht erfasst")]
    NotAgreed,
    #[error("Die Kooperationsvereinbarung ist bereits erfasst")]
    AlreadyAgreed,
    #[error("Die Kooperationsvereinbarung ist seit {ended_on} beendet")]
    Ended { ended_on: NaiveDate },
    #[error("Eine Kooperationsvereinbarung braucht mindestens einen Partner")]
    NoPartners,
    #[error("Der Partner {0} ist doppelt angegeben")]
    DuplicatePartner(OrganizationId),
    #[error("Die Laufzeit kann nicht vor ihrem Beginn ({valid_from}) enden")]
    TermEndsBeforeStart { valid_from: NaiveDate },
    #[error("Die Verlängerung muss über das bisherige Laufzeitende ({valid_until}) hinausgehen")]
    NotAnExtension { valid_until: NaiveDate },
    #[error("Der Meilenstein {0} ist nicht bekannt")]
    UnknownMilestone(MilestoneId),
    #[error("Die Meilenstein-ID {0} ist bereits vergeben")]
    MilestoneAlreadyPlanned(MilestoneId),
    #[error("Der Termin liegt nach dem Laufzeitende ({valid_until}); zuerst verlängern")]
    DueAfterTerm { valid_until: NaiveDate },
    #[error(
        "Ein Meilenstein kann nicht nach dem Ende der Laufzeit ({valid_until}) erreicht werden"
    )]
    AchievedAfterTerm { valid_until: NaiveDate },
    #[error(
        "Ein Meilenstein kann nicht nach dem Ende der Vereinbarung ({ended_on}) erreicht werden"
    )]
    AchievedAfterEnd { ended_on: NaiveDate },
    #[error("Der Meilenstein wurde bereits am {on} erreicht")]
    MilestoneAchieved { on: NaiveDate },
    #[error("Der Meilenstein wurde am {on} abgesagt")]
    MilestoneCancelled { on: NaiveDate },
}

// ---------------------------------------------------------------------------------------------
// Values

/// What a milestone is.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A gathering or event (dinner, reception, fair); usually linked from a `gathering` stream.
    Gathering,
    /// A joint project (commercial land, skilled workers, a new urban centre).
    Project,
    /// An award such as "company of the year".
    Award,
    /// A report, e.g. to the district council.
    Report,
    Other,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 5] = [
        MilestoneKind::Gathering,
        MilestoneKind::Project,
        MilestoneKind::Award,
        MilestoneKind::Report,
        MilestoneKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Gathering => "Veranstaltung",
            MilestoneKind::Project => "Projekt",
            MilestoneKind::Award => "Auszeichnung",
            MilestoneKind::Report => "Bericht",
            MilestoneKind::Other => "Sonstige",
        }
    }
}

/// The term of an agreement, both days included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Term {
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgreeCooperation {
    pub cooperation: CooperationId,
    pub title: Title,
    pub partners: Vec<OrganizationId>,
    pub signed_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub goals: Vec<Title>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlanMilestone {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub title: Title,
    pub kind: MilestoneKind,
    pub due: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AchieveMilestone {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub achieved_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RescheduleMilestone {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub due: NaiveDate,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CancelMilestone {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub cancelled_on: NaiveDate,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExtendCooperation {
    pub cooperation: CooperationId,
    pub valid_until: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EndCooperation {
    pub cooperation: CooperationId,
    pub ended_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum CooperationCommand {
    Agree(AgreeCooperation),
    PlanMilestone(PlanMilestone),
    AchieveMilestone(AchieveMilestone),
    RescheduleMilestone(RescheduleMilestone),
    CancelMilestone(CancelMilestone),
    Extend(ExtendCooperation),
    End(EndCooperation),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum CooperationEvent {
    #[serde(rename = "CooperationAgreed")]
    Agreed {
        cooperation: CooperationId,
        title: Title,
        partners: Vec<OrganizationId>,
        signed_on: NaiveDate,
        valid_from: NaiveDate,
        valid_until: NaiveDate,
        goals: Vec<Title>,
    },
    #[serde(rename = "MilestonePlanned")]
    MilestonePlanned {
        cooperation: CooperationId,
        milestone: MilestoneId,
        title: Title,
        kind: MilestoneKind,
        due: NaiveDate,
    },
    #[serde(rename = "MilestoneAchieved")]
    MilestoneAchieved {
        cooperation: CooperationId,
        milestone: MilestoneId,
        achieved_on: NaiveDate,
    },
    #[serde(rename = "MilestoneRescheduled")]
    MilestoneRescheduled {
        cooperation: CooperationId,
        milestone: MilestoneId,
        due: NaiveDate,
        reason: Text,
    },
    #[serde(rename = "MilestoneCancelled")]
    MilestoneCancelled {
        cooperation: CooperationId,
        milestone: MilestoneId,
        cancelled_on: NaiveDate,
        reason: Text,
    },
    #[serde(rename = "CooperationExtended")]
    Extended {
        cooperation: CooperationId,
        valid_until: NaiveDate,
    },
    #[serde(rename = "CooperationEnded")]
    Ended {
        cooperation: CooperationId,
        ended_on: NaiveDate,
    },
}

impl CooperationEvent {
    /// The cooperation the event is about.
    pub fn cooperation(&self) -> CooperationId {
        match self {
            Self::Agreed { cooperation, .. }
            | Self::MilestonePlanned { cooperation, .. }
            | Self::MilestoneAchieved { cooperation, .. }
            | Self::MilestoneRescheduled { cooperation, .. }
            | Self::MilestoneCancelled { cooperation, .. }
            | Self::Extended { cooperation, .. }
            | Self::Ended { cooperation, .. } => *cooperation,
        }
    }
}

impl DomainEvent for CooperationEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "CooperationAgreed",
        "MilestonePlanned",
        "MilestoneAchieved",
        "MilestoneRescheduled",
        "MilestoneCancelled",
        "CooperationExtended",
        "CooperationEnded",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Status {
    #[default]
    NotAgreed,
    Active,
    Ended {
        ended_on: NaiveDate,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum MilestoneStatus {
    Planned,
    Achieved { on: NaiveDate },
    Cancelled { on: NaiveDate },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Milestone {
    pub title: Title,
    pub kind: MilestoneKind,
    /// The current due date.
    pub due: NaiveDate,
    /// The due date it was planned with.
    pub original_due: NaiveDate,
    pub times_rescheduled: u32,
    pub status: MilestoneStatus,
}

impl Milestone {
    /// Whether the milestone is due later than first planned.
    pub fn slipped(&self) -> bool {
        self.due > self.original_due
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CooperationState {
    pub status: Status,
    pub title: Option<Title>,
    pub partners: Vec<OrganizationId>,
    pub signed_on: Option<NaiveDate>,
    /// The current term, as extended.
    pub term: Option<Term>,
    pub goals: Vec<Title>,
    pub milestones: BTreeMap<MilestoneId, Milestone>,
}

/// The decider of the `cooperation` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cooperation;

impl Decider for Cooperation {
    const CATEGORY: &'static str = "cooperation";
    type Command = CooperationCommand;
    type Event = CooperationEvent;
    type State = CooperationState;
    type Error = CooperationError;

    fn stream_id(command: &CooperationCommand) -> String {
        use CooperationCommand as C;
        let id = match command {
            C::Agree(c) => c.cooperation,
            C::PlanMilestone(c) => c.cooperation,
            C::AchieveMilestone(c) => c.cooperation,
            C::RescheduleMilestone(c) => c.cooperation,
            C::CancelMilestone(c) => c.cooperation,
            C::Extend(c) => c.cooperation,
            C::End(c) => c.cooperation,
        };
        id.to_string()
    }

    fn evolve(mut state: CooperationState, event: &CooperationEvent) -> CooperationState {
        use CooperationEvent as E;
        match event {
            E::Agreed {
                title,
                partners,
                signed_on,
                valid_from,
                valid_until,
                goals,
                ..
            } => {
                state.status = Status::Active;
                state.title = Some(title.clone());
                state.partners = partners.clone();
                state.signed_on = Some(*signed_on);
                state.term = Some(Term {
                    valid_from: *valid_from,
                    valid_until: *valid_until,
                });
                state.goals = goals.clone();
            }
            E::MilestonePlanned {
                milestone,
                title,
                kind,
                due,
                ..
            } => {
                state.milestones.insert(
                    *milestone,
                    Milestone {
                        title: title.clone(),
                        kind: *kind,
                        due: *due,
                        original_due: *due,
                        times_rescheduled: 0,
                        status: MilestoneStatus::Planned,
                    },
                );
            }
            E::MilestoneAchieved {
                milestone,
                achieved_on,
                ..
            } => {
                if let Some(m) = state.milestones.get_mut(milestone) {
                    m.status = MilestoneStatus::Achieved { on: *achieved_on };
                }
            }
            E::MilestoneRescheduled { milestone, due, .. } => {
                if let Some(m) = state.milestones.get_mut(milestone) {
                    m.due = *due;
                    m.times_rescheduled += 1;
                }
            }
            E::MilestoneCancelled {
                milestone,
                cancelled_on,
                ..
            } => {
                if let Some(m) = state.milestones.get_mut(milestone) {
                    m.status = MilestoneStatus::Cancelled { on: *cancelled_on };
                }
            }
            E::Extended { valid_until, .. } => {
                if let Some(term) = state.term.as_mut() {
                    term.valid_until = *valid_until;
                }
            }
            E::Ended { ended_on, .. } => {
                state.status = Status::Ended {
                    ended_on: *ended_on,
                };
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use CooperationCommand as C;
        match command {
            C::Agree(c) => vec![
                BusinessDate::happened("unterzeichnet am", c.signed_on),
                BusinessDate::planned("gültig ab", c.valid_from),
                BusinessDate::planned("gültig bis", c.valid_until),
            ],
            C::PlanMilestone(c) => vec![BusinessDate::planned("fällig am", c.due)],
            C::AchieveMilestone(c) => vec![BusinessDate::happened("erreicht am", c.achieved_on)],
            C::RescheduleMilestone(c) => vec![BusinessDate::planned("fällig am", c.due)],
            C::CancelMilestone(c) => vec![BusinessDate::happened("abgesagt am", c.cancelled_on)],
            C::Extend(c) => vec![BusinessDate::planned("gültig bis", c.valid_until)],
            C::End(c) => vec![BusinessDate::happened("beendet am", c.ended_on)],
        }
    }

    fn decide(
        command: &CooperationCommand,
        state: &CooperationState,
    ) -> Result<Vec<CooperationEvent>, CooperationError> {
        use CooperationCommand as C;
        use CooperationEvent as E;
        if let C::Agree(c) = command {
            if state.status != Status::NotAgreed {
                return Err(CooperationError::AlreadyAgreed);
            }
            check_partners(&c.partners)?;
            if c.valid_until < c.valid_from {
                return Err(CooperationError::TermEndsBeforeStart {
                    valid_from: c.valid_from,
                });
            }
            return Ok(vec![E::Agreed {
                cooperation: c.cooperation,
                title: c.title.clone(),
                partners: c.partners.clone(),
                signed_on: c.signed_on,
                valid_from: c.valid_from,
                valid_until: c.valid_until,
                goals: c.goals.clone(),
            }]);
        }
        let term = match (state.status.clone(), state.term) {
            (Status::Active, Some(term)) => term,
            // Late bookkeeping: a milestone reached while the agreement ran may still be recorded
            // after it ended, but nothing can be achieved after the end.
            (Status::Ended { ended_on }, Some(term)) => match command {
                C::AchieveMilestone(c) if c.achieved_on > ended_on => {
                    return Err(CooperationError::AchievedAfterEnd { ended_on });
                }
                C::AchieveMilestone(_) => term,
                _ => return Err(CooperationError::Ended { ended_on }),
            },
            _ => return Err(CooperationError::NotAgreed),
        };
        let events = match command {
            C::Agree(_) => unreachable!("handled above"),
            C::PlanMilestone(c) => {
                if state.milestones.contains_key(&c.milestone) {
                    return Err(CooperationError::MilestoneAlreadyPlanned(c.milestone));
                }
                check_due(c.due, term)?;
                vec![E::MilestonePlanned {
                    cooperation: c.cooperation,
                    milestone: c.milestone,
                    title: c.title.clone(),
                    kind: c.kind,
                    due: c.due,
                }]
            }
            C::AchieveMilestone(c) => {
                open_milestone(state, c.milestone)?;
                if c.achieved_on > term.valid_until {
                    return Err(CooperationError::AchievedAfterTerm {
                        valid_until: term.valid_until,
                    });
                }
                vec![E::MilestoneAchieved {
                    cooperation: c.cooperation,
                    milestone: c.milestone,
                    achieved_on: c.achieved_on,
                }]
            }
            C::RescheduleMilestone(c) => {
                let milestone = open_milestone(state, c.milestone)?;
                check_due(c.due, term)?;
                if milestone.due == c.due {
                    return Ok(vec![]);
                }
                vec![E::MilestoneRescheduled {
                    cooperation: c.cooperation,
                    milestone: c.milestone,
                    due: c.due,
                    reason: c.reason.clone(),
                }]
            }
            C::CancelMilestone(c) => {
                open_milestone(state, c.milestone)?;
                vec![E::MilestoneCancelled {
                    cooperation: c.cooperation,
                    milestone: c.milestone,
                    cancelled_on: c.cancelled_on,
                    reason: c.reason.clone(),
                }]
            }
            C::Extend(c) => {
                if c.valid_until <= term.valid_until {
                    return Err(CooperationError::NotAnExtension {
                        valid_until: term.valid_until,
                    });
                }
                vec![E::Extended {
                    cooperation: c.cooperation,
                    valid_until: c.valid_until,
                }]
            }
            C::End(c) => {
                if c.ended_on < term.valid_from {
                    return Err(CooperationError::TermEndsBeforeStart {
                        valid_from: term.valid_from,
                    });
                }
                vec![E::Ended {
                    cooperation: c.cooperation,
                    ended_on: c.ended_on,
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &CooperationCommand) -> bool {
        // A new due date replaces the one the user saw; redoing it on a state the user did not see
        // could silently undo someone else's rescheduling.
        !matches!(command, CooperationCommand::RescheduleMilestone(_))
    }
}

fn check_partners(partners: &[OrganizationId]) -> Result<(), CooperationError> {
    if partners.is_empty() {
        return Err(CooperationError::NoPartners);
    }
    for (i, partner) in partners.iter().enumerate() {
        if partners[..i].contains(partner) {
            return Err(CooperationError::DuplicatePartner(*partner));
        }
    }
    Ok(())
}

fn check_due(due: NaiveDate, term: Term) -> Result<(), CooperationError> {
    if due > term.valid_until {
        return Err(CooperationError::DueAfterTerm {
            valid_until: term.valid_until,
        });
    }
    Ok(())
}

/// The milestone, if it is known and still planned (neither achieved nor cancelled).
fn open_milestone(
    state: &CooperationState,
    milestone: MilestoneId,
) -> Result<&Milestone, CooperationError> {
    let found = state
        .milestones
        .get(&milestone)
        .ok_or(CooperationError::UnknownMilestone(milestone))?;
    match found.status {
        MilestoneStatus::Planned => Ok(found),
        MilestoneStatus::Achieved { on } => Err(CooperationError::MilestoneAchieved { on }),
        MilestoneStatus::Cancelled { on } => Err(CooperationError::MilestoneCancelled { on }),
    }
}

#[cfg(test)]
#[path = "cooperation_tests.rs"]
mod tests;
