//! The `retreat` stream: the yearly planning retreat (Klausur) of the office with its partners,
//! such as a business association. Topics are proposed and prioritised beforehand; after the
//! retreat its decisions are recorded, each possibly planning next year's cooperation milestones
//! and gatherings, which other code turns into commands on those streams.

use crate::dates::BusinessDate;
use std::{
    collections::{BTreeMap, BTreeSet},
    fmt,
};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    cooperation::MilestoneKind,
    decider::Decider,
    decider::DomainEvent,
    gathering::GatheringKind,
    ids::{
        CooperationId, DecisionId, GatheringId, MilestoneId, OrganizationId, ProposalId, RetreatId,
    },
    values::{InvalidValue, Text, Title, UserName},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RetreatError {
    #[error("Die Klausur ist nicht angesetzt")]
    NotScheduled,
    #[error("Die Klausur ist bereits angesetzt")]
    AlreadyScheduled,
    #[error("Das Jahr {0} ist nicht plausibel")]
    ImplausibleYear(i32),
    #[error("Die Klausur hat bereits am {held_on} stattgefunden")]
    AlreadyHeld { held_on: NaiveDate },
    #[error("Die Klausur hat noch nicht stattgefunden")]
    NotHeld,
    #[error("Der Themenvorschlag {0} ist bereits erfasst")]
    ProposalAlreadyMade(ProposalId),
    #[error("Der Themenvorschlag {0} ist nicht bekannt")]
    UnknownProposal(ProposalId),
    #[error("Der Beschluss {0} ist bereits erfasst")]
    DecisionAlreadyRecorded(DecisionId),
    #[error("Ein Beschluss braucht einen Text")]
    EmptyDecision,
    #[error("Geplante Termine müssen im Jahr {year} liegen, nicht am {date}")]
    NotInFollowingYear { date: NaiveDate, year: i32 },
    #[error("Der Meilenstein {0} ist bereits in einem Beschluss geplant")]
    MilestoneAlreadyPlanned(MilestoneId),
    #[error("Die Veranstaltung {0} ist bereits in einem Beschluss geplant")]
    GatheringAlreadyPlanned(GatheringId),
}

// ---------------------------------------------------------------------------------------------
// Values

/// The years a retreat may plan for.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The priority of a proposed topic, 1 (highest) to 5 (lowest); sorting ascending puts the most
/// urgent topics first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Priority(u8);

impl schemars::JsonSchema for Priority {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Priority".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer", "minimum": 1, "maximum": 5,
            "description": "Priorität von 1 (höchste) bis 5 (niedrigste)",
        })
    }
}

impl Priority {
    pub const HIGHEST: Priority = Priority(1);
    pub const LOWEST: Priority = Priority(5);

    pub fn new(value: u8) -> Result<Self, InvalidValue> {
        if !(Self::HIGHEST.0..=Self::LOWEST.0).contains(&value) {
            return Err(InvalidValue::malformed(
                "Priorität",
                &value.to_string(),
                "1 (höchste) bis 5",
            ));
        }
        Ok(Self(value))
    }

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        text.trim()
            .parse()
            .map_err(|_| InvalidValue::malformed("Priorität", text, "1 (höchste) bis 5"))
            .and_then(Self::new)
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl TryFrom<u8> for Priority {
    type Error = InvalidValue;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Priority> for u8 {
    fn from(value: Priority) -> u8 {
        value.0
    }
}

/// A cooperation milestone a decision plans for the following year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlannedMilestone {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub title: Title,
    pub kind: MilestoneKind,
    pub due: NaiveDate,
}

/// A gathering a decision plans for the following year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlannedGathering {
    pub gathering: GatheringId,
    pub kind: GatheringKind,
    pub title: Title,
    pub date: NaiveDate,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ScheduleRetreat {
    pub retreat: RetreatId,
    /// The year the retreat is held for; its decisions plan the year after.
    pub year: i32,
    pub partners: Vec<OrganizationId>,
    pub date: NaiveDate,
    pub title: Title,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProposeTopic {
    pub retreat: RetreatId,
    pub proposal: ProposalId,
    pub title: Title,
    pub reason: Text,
    pub proposed_by: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PrioritiseTopic {
    pub retreat: RetreatId,
    pub proposal: ProposalId,
    pub priority: Priority,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HoldRetreat {
    pub retreat: RetreatId,
    pub held_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecordDecision {
    pub retreat: RetreatId,
    pub decision: DecisionId,
    pub text: Text,
    /// The proposed topic the decision answers, if any.
    pub proposal: Option<ProposalId>,
    pub planned_milestones: Vec<PlannedMilestone>,
    pub planned_gatherings: Vec<PlannedGathering>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum RetreatCommand {
    Schedule(ScheduleRetreat),
    ProposeTopic(ProposeTopic),
    PrioritiseTopic(PrioritiseTopic),
    Hold(HoldRetreat),
    RecordDecision(RecordDecision),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum RetreatEvent {
    #[serde(rename = "RetreatScheduled")]
    Scheduled {
        retreat: RetreatId,
        year: i32,
        partners: Vec<OrganizationId>,
        date: NaiveDate,
        title: Title,
    },
    #[serde(rename = "RetreatTopicProposed")]
    TopicProposed {
        retreat: RetreatId,
        proposal: ProposalId,
        title: Title,
        reason: Text,
        proposed_by: UserName,
    },
    #[serde(rename = "RetreatTopicPrioritised")]
    TopicPrioritised {
        retreat: RetreatId,
        proposal: ProposalId,
        priority: Priority,
    },
    #[serde(rename = "RetreatHeld")]
    Held {
        retreat: RetreatId,
        held_on: NaiveDate,
    },
    #[serde(rename = "RetreatDecisionRecorded")]
    DecisionRecorded {
        retreat: RetreatId,
        decision: DecisionId,
        text: Text,
        proposal: Option<ProposalId>,
        planned_milestones: Vec<PlannedMilestone>,
        planned_gatherings: Vec<PlannedGathering>,
    },
}

impl DomainEvent for RetreatEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "RetreatScheduled",
        "RetreatTopicProposed",
        "RetreatTopicPrioritised",
        "RetreatHeld",
        "RetreatDecisionRecorded",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Status {
    #[default]
    Unscheduled,
    Scheduled,
    Held {
        held_on: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Proposal {
    pub title: Title,
    pub reason: Text,
    pub proposed_by: UserName,
    pub priority: Option<Priority>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Decision {
    pub decision: DecisionId,
    pub text: Text,
    pub proposal: Option<ProposalId>,
    pub planned_milestones: Vec<PlannedMilestone>,
    pub planned_gatherings: Vec<PlannedGathering>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RetreatState {
    pub status: Status,
    pub year: Option<i32>,
    pub title: Option<Title>,
    pub partners: Vec<OrganizationId>,
    /// The date it was scheduled for.
    pub date: Option<NaiveDate>,
    pub proposals: BTreeMap<ProposalId, Proposal>,
    /// In the order recorded.
    pub decisions: Vec<Decision>,
}

impl RetreatState {
    pub fn held_on(&self) -> Option<NaiveDate> {
        match self.status {
            Status::Held { held_on } => Some(held_on),
            _ => None,
        }
    }
}

/// The decider of the `retreat` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Retreat;

impl Decider for Retreat {
    const CATEGORY: &'static str = "retreat";
    type Command = RetreatCommand;
    type Event = RetreatEvent;
    type State = RetreatState;
    type Error = RetreatError;

    fn stream_id(command: &RetreatCommand) -> String {
        use RetreatCommand as C;
        let id = match command {
            C::Schedule(c) => c.retreat,
            C::ProposeTopic(c) => c.retreat,
            C::PrioritiseTopic(c) => c.retreat,
            C::Hold(c) => c.retreat,
            C::RecordDecision(c) => c.retreat,
        };
        id.to_string()
    }

    fn evolve(mut state: RetreatState, event: &RetreatEvent) -> RetreatState {
        use RetreatEvent as E;
        match event {
            E::Scheduled {
                year,
                partners,
                date,
                title,
                ..
            } => {
                state.status = Status::Scheduled;
                state.year = Some(*year);
                state.partners = partners.clone();
                state.date = Some(*date);
                state.title = Some(title.clone());
            }
            E::TopicProposed {
                proposal,
                title,
                reason,
                proposed_by,
                ..
            } => {
                state.proposals.insert(
                    *proposal,
                    Proposal {
                        title: title.clone(),
                        reason: reason.clone(),
                        proposed_by: proposed_by.clone(),
                        priority: None,
                    },
                );
            }
            E::TopicPrioritised {
                proposal, priority, ..
            } => {
                if let Some(p) = state.proposals.get_mut(proposal) {
                    p.priority = Some(*priority);
                }
            }
            E::Held { held_on, .. } => state.status = Status::Held { held_on: *held_on },
            E::DecisionRecorded {
                decision,
                text,
                proposal,
                planned_milestones,
                planned_gatherings,
                ..
            } => state.decisions.push(Decision {
                decision: *decision,
                text: text.clone(),
                proposal: *proposal,
                planned_milestones: planned_milestones.clone(),
                planned_gatherings: planned_gatherings.clone(),
            }),
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use RetreatCommand as C;
        match command {
            C::Schedule(c) => vec![BusinessDate::planned("Klausur am", c.date)],
            C::Hold(c) => vec![BusinessDate::happened("durchgeführt am", c.held_on)],
            _ => Vec::new(),
        }
    }

    fn decide(
        command: &RetreatCommand,
        state: &RetreatState,
    ) -> Result<Vec<RetreatEvent>, RetreatError> {
        use RetreatCommand as C;
        use RetreatEvent as E;
        if let C::Schedule(c) = command {
            if state.status != Status::Unscheduled {
                return Err(RetreatError::AlreadyScheduled);
            }
            if !PLAUSIBLE_YEARS.contains(&c.year) {
                return Err(RetreatError::ImplausibleYear(c.year));
            }
            return Ok(vec![E::Scheduled {
                retreat: c.retreat,
                year: c.year,
                partners: c.partners.clone(),
                date: c.date,
                title: c.title.clone(),
            }]);
        }
        let Some(year) = state.year else {
            return Err(RetreatError::NotScheduled);
        };
        let events = match command {
            C::Schedule(_) => unreachable!("handled above"),
            C::ProposeTopic(c) => {
                // The agenda closes when the retreat is held: a topic raised afterwards belongs
                // to next year's retreat.
                if let Some(held_on) = state.held_on() {
                    return Err(RetreatError::AlreadyHeld { held_on });
                }
                if state.proposals.contains_key(&c.proposal) {
                    return Err(RetreatError::ProposalAlreadyMade(c.proposal));
                }
                vec![E::TopicProposed {
                    retreat: c.retreat,
                    proposal: c.proposal,
                    title: c.title.clone(),
                    reason: c.reason.clone(),
                    proposed_by: c.proposed_by.clone(),
                }]
            }
            C::PrioritiseTopic(c) => {
                // Allowed after the retreat too: priorities are often set there and typed in
                // afterwards.
                let proposal = state
                    .proposals
                    .get(&c.proposal)
                    .ok_or(RetreatError::UnknownProposal(c.proposal))?;
                if proposal.priority == Some(c.priority) {
                    return Ok(vec![]);
                }
                vec![E::TopicPrioritised {
                    retreat: c.retreat,
                    proposal: c.proposal,
                    priority: c.priority,
                }]
            }
            C::Hold(c) => {
                if let Some(held_on) = state.held_on() {
                    return Err(RetreatError::AlreadyHeld { held_on });
                }
                vec![E::Held {
                    retreat: c.retreat,
                    held_on: c.held_on,
                }]
            }
            C::RecordDecision(c) => {
                check_decision(c, state, year)?;
                vec![E::DecisionRecorded {
                    retreat: c.retreat,
                    decision: c.decision,
                    text: c.text.clone(),
                    proposal: c.proposal,
                    planned_milestones: c.planned_milestones.clone(),
                    planned_gatherings: c.planned_gatherings.clone(),
                }]
            }
        };
        Ok(events)
    }
}

/// A decision is recorded after the retreat, once, with text, for a known proposal, and plans
/// only dates in the year after the retreat's year and ids not planned before.
fn check_decision(c: &RecordDecision, state: &RetreatState, year: i32) -> Result<(), RetreatError> {
    if state.held_on().is_none() {
        return Err(RetreatError::NotHeld);
    }
    if state.decisions.iter().any(|d| d.decision == c.decision) {
        return Err(RetreatError::DecisionAlreadyRecorded(c.decision));
    }
    if c.text.is_empty() {
        return Err(RetreatError::EmptyDecision);
    }
    if let Some(proposal) = c.proposal
        && !state.proposals.contains_key(&proposal)
    {
        return Err(RetreatError::UnknownProposal(proposal));
    }
    let next_year = year + 1;
    let dates = c.planned_milestones.iter().map(|m| m.due);
    let dates = dates.chain(c.planned_gatherings.iter().map(|g| g.date));
    for date in dates {
        if date.year() != next_year {
            return Err(RetreatError::NotInFollowingYear {
                date,
                year: next_year,
            });
        }
    }
    let earlier = || state.decisions.iter();
    let milestones = earlier().flat_map(|d| &d.planned_milestones);
    let milestones = milestones.chain(&c.planned_milestones).map(|m| m.milestone);
    if let Some(milestone) = first_repeat(milestones) {
        return Err(RetreatError::MilestoneAlreadyPlanned(milestone));
    }
    let gatherings = earlier().flat_map(|d| &d.planned_gatherings);
    let gatherings = gatherings.chain(&c.planned_gatherings).map(|g| g.gathering);
    if let Some(gathering) = first_repeat(gatherings) {
        return Err(RetreatError::GatheringAlreadyPlanned(gathering));
    }
    Ok(())
}

/// The first id that occurs a second time.
fn first_repeat<T: Copy + Ord>(mut ids: impl Iterator<Item = T>) -> Option<T> {
    let mut seen = BTreeSet::new();
    ids.find(|id| !seen.insert(*id))
}

#[cfg(test)]
#[path = "retreat_tests.rs"]
mod tests;
