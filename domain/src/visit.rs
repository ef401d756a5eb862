//! The `visit` stream: one company visit (Betriebsbesuch) from planning to its conduct with
//! structured findings, or its cancellation, and the follow-up tasks it leaves. A visit may also be
//! logged after the fact without having been planned. The findings are what the Klausur statistics
//! count: expansion plans, relocation risks, space and workforce needs, location satisfaction.
//! A visit planned or made may also record that leadership took part (Bürgermeister/in,
//! Stadtrat/Stadträtin …, from the taxonomy `leadership`) and that the press came along; that
//! record replaces the previous one, so it is also its correction.

use crate::dates::BusinessDate;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::{FollowUpId, OrganizationId, PersonId, VisitId},
    values::{Code, InvalidValue, Text, TimeOfDay, Title, UserName},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VisitError {
    #[error("Der Besuch ist bereits geplant")]
    AlreadyPlanned,
    #[error("Der Besuch ist nicht geplant")]
    NotPlanned,
    #[error("Der Besuch hat bereits stattgefunden")]
    AlreadyConducted,
    #[error("Der Besuch wurde abgesagt")]
    Cancelled,
    #[error("Der Besuch hat noch nicht stattgefunden")]
    NotConducted,
    #[error("Für einen ungeplanten Besuch muss die Organisation angegeben werden")]
    OrganizationMissing,
    #[error("Der Besuch war bei einer anderen Organisation geplant ({planned})")]
    OrganizationMismatch { planned: OrganizationId },
    #[error("Die Dauer des Besuchs muss größer als null Minuten sein")]
    ZeroDuration,
    #[error("Die Wiedervorlage {0} gibt es bereits")]
    FollowUpExists(FollowUpId),
    #[error("Die Wiedervorlage {0} gibt es nicht")]
    UnknownFollowUp(FollowUpId),
    #[error("Die Wiedervorlage {0} ist bereits erledigt")]
    FollowUpAlreadyCompleted(FollowUpId),
    #[error("Die Wiedervorlage kann nicht vor dem Besuch ({conducted_on}) fällig sein")]
    FollowUpDueBeforeVisit { conducted_on: NaiveDate },
    #[error("Die Wiedervorlage kann nicht vor dem Besuch ({conducted_on}) erledigt werden")]
    FollowUpCompletedBeforeVisit { conducted_on: NaiveDate },
    #[error("Die Leitungsebene „{0}“ ist doppelt angegeben")]
    LeadershipTwice(Code),
}

// ---------------------------------------------------------------------------------------------
// Values

/// How satisfied a business is with its location, from 1 (sehr unzufrieden) to 5 (sehr zufrieden).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Satisfaction(u8);

impl schemars::JsonSchema for Satisfaction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Satisfaction".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer", "minimum": 1, "maximum": 5,
            "description": "Standortzufriedenheit von 1 (sehr unzufrieden) bis 5 (sehr zufrieden)",
        })
    }
}

impl Satisfaction {
    pub fn new(value: u8) -> Result<Self, InvalidValue> {
        if !(1..=5).contains(&value) {
            return Err(InvalidValue::malformed(
                "Standortzufriedenheit",
                &value.to_string(),
                "eine Zahl von 1 bis 5",
            ));
        }
        Ok(Self(value))
    }

    /// Reads `1` … `5`.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let value = text.trim().parse::<u8>().map_err(|_| {
            InvalidValue::malformed("Standortzufriedenheit", text, "eine Zahl von 1 bis 5")
        })?;
        Self::new(value)
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// German label as shown in the UI.
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "sehr unzufrieden",
            2 => "unzufrieden",
            3 => "teils, teils",
            4 => "zufrieden",
            _ => "sehr zufrieden",
        }
    }
}

impl TryFrom<u8> for Satisfaction {
    type Error = InvalidValue;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Satisfaction> for u8 {
    fn from(value: Satisfaction) -> u8 {
        value.0
    }
}

/// What a conducted visit found out, in a shape the statistics can count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Findings {
    pub expansion_plans: bool,
    pub relocation_risk: bool,
    /// Additional space needed, in square metres.
    pub space_need_m2: Option<u32>,
    /// Open positions the business cannot fill.
    pub workforce_need: Option<u32>,
    pub funding_interest: bool,
    pub location_satisfaction: Option<Satisfaction>,
    pub issues_raised: Vec<Title>,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlanVisit {
    pub visit: VisitId,
    pub organization: OrganizationId,
    pub planned_on: NaiveDate,
    /// The time of day, when one was agreed.
    #[serde(default)]
    pub planned_at: Option<TimeOfDay>,
    pub staff: Vec<UserName>,
    pub participants: Vec<PersonId>,
    pub purpose: Text,
    /// A partner visiting jointly, such as the Handwerkskammer.
    pub joint_partner: Option<OrganizationId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RescheduleVisit {
    pub visit: VisitId,
    pub planned_on: NaiveDate,
    /// The time of day, when one was agreed.
    #[serde(default)]
    pub planned_at: Option<TimeOfDay>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CancelVisit {
    pub visit: VisitId,
    pub cancelled_on: NaiveDate,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConductVisit {
    pub visit: VisitId,
    /// Required for a visit that was not planned; for a planned one `None` means the planned
    /// organization, and another organization is refused.
    pub organization: Option<OrganizationId>,
    pub conducted_on: NaiveDate,
    pub duration_minutes: u32,
    pub staff: Vec<UserName>,
    pub participants: Vec<PersonId>,
    pub topics: Vec<Code>,
    pub findings: Findings,
    pub notes: Text,
    /// The partner who actually came along.
    pub joint_partner: Option<OrganizationId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateFollowUp {
    pub visit: VisitId,
    pub follow_up: FollowUpId,
    pub task: Title,
    pub assignee: UserName,
    pub due_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CompleteFollowUp {
    pub visit: VisitId,
    pub follow_up: FollowUpId,
    pub completed_on: NaiveDate,
}

/// Records who of the leadership took part in a visit and whether the press came along, as a
/// whole: the record replaces the previous one (an empty list and `false` clear it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecordVisitPublicity {
    pub visit: VisitId,
    /// Wer aus der Leitung teilnahm (Schlüssel der Klassifikation „leadership“).
    pub leadership: Vec<Code>,
    /// Ob die Presse den Besuch begleitete.
    pub press: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum VisitCommand {
    Plan(PlanVisit),
    Reschedule(RescheduleVisit),
    Cancel(CancelVisit),
    Conduct(ConductVisit),
    CreateFollowUp(CreateFollowUp),
    CompleteFollowUp(CompleteFollowUp),
    RecordPublicity(RecordVisitPublicity),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum VisitEvent {
    #[serde(rename = "VisitPlanned")]
    Planned {
        visit: VisitId,
        organization: OrganizationId,
        planned_on: NaiveDate,
        #[serde(default)]
        planned_at: Option<TimeOfDay>,
        staff: Vec<UserName>,
        participants: Vec<PersonId>,
        purpose: Text,
        joint_partner: Option<OrganizationId>,
    },
    #[serde(rename = "VisitRescheduled")]
    Rescheduled {
        visit: VisitId,
        planned_on: NaiveDate,
        #[serde(default)]
        planned_at: Option<TimeOfDay>,
    },
    #[serde(rename = "VisitCancelled")]
    Cancelled {
        visit: VisitId,
        cancelled_on: NaiveDate,
        reason: Text,
    },
    #[serde(rename = "VisitConducted")]
    Conducted {
        visit: VisitId,
        organization: OrganizationId,
        conducted_on: NaiveDate,
        duration_minutes: u32,
        staff: Vec<UserName>,
        participants: Vec<PersonId>,
        topics: Vec<Code>,
        findings: Findings,
        notes: Text,
        joint_partner: Option<OrganizationId>,
    },
    #[serde(rename = "FollowUpCreated")]
    FollowUpCreated {
        visit: VisitId,
        follow_up: FollowUpId,
        task: Title,
        assignee: UserName,
        due_on: NaiveDate,
    },
    #[serde(rename = "FollowUpCompleted")]
    FollowUpCompleted {
        visit: VisitId,
        follow_up: FollowUpId,
        completed_on: NaiveDate,
    },
    #[serde(rename = "VisitPublicityRecorded")]
    PublicityRecorded {
        visit: VisitId,
        leadership: Vec<Code>,
        press: bool,
    },
}

impl VisitEvent {
    /// The visit the event is about.
    pub fn visit(&self) -> VisitId {
        match self {
            Self::Planned { visit, .. }
            | Self::Rescheduled { visit, .. }
            | Self::Cancelled { visit, .. }
            | Self::Conducted { visit, .. }
            | Self::FollowUpCreated { visit, .. }
            | Self::FollowUpCompleted { visit, .. }
            | Self::PublicityRecorded { visit, .. } => *visit,
        }
    }
}

impl DomainEvent for VisitEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "VisitPlanned",
        "VisitRescheduled",
        "VisitCancelled",
        "VisitConducted",
        "FollowUpCreated",
        "FollowUpCompleted",
        "VisitPublicityRecorded",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum VisitStatus {
    #[default]
    Unplanned,
    Planned,
    Conducted,
    Cancelled,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VisitState {
    pub status: VisitStatus,
    pub organization: Option<OrganizationId>,
    pub joint_partner: Option<OrganizationId>,
    pub planned_on: Option<NaiveDate>,
    /// The planned time of day, when one was agreed.
    #[serde(default)]
    pub planned_at: Option<TimeOfDay>,
    pub conducted_on: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub duration_minutes: Option<u32>,
    pub staff: Vec<UserName>,
    pub participants: Vec<PersonId>,
    pub topics: Vec<Code>,
    pub findings: Option<Findings>,
    /// Open follow-ups: id → (assignee, due date).
    pub open_follow_ups: BTreeMap<FollowUpId, (UserName, NaiveDate)>,
    pub completed_follow_ups: BTreeSet<FollowUpId>,
    /// Who of the leadership took part (codes of the taxonomy `leadership`).
    #[serde(default)]
    pub leadership: Vec<Code>,
    /// The press came along.
    #[serde(default)]
    pub press: bool,
}

/// The decider of the `visit` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Visit;

impl Decider for Visit {
    const CATEGORY: &'static str = "visit";
    type Command = VisitCommand;
    type Event = VisitEvent;
    type State = VisitState;
    type Error = VisitError;

    fn stream_id(command: &VisitCommand) -> String {
        use VisitCommand as C;
        let id = match command {
            C::Plan(c) => c.visit,
            C::Reschedule(c) => c.visit,
            C::Cancel(c) => c.visit,
            C::Conduct(c) => c.visit,
            C::CreateFollowUp(c) => c.visit,
            C::CompleteFollowUp(c) => c.visit,
            C::RecordPublicity(c) => c.visit,
        };
        id.to_string()
    }

    fn evolve(mut state: VisitState, event: &VisitEvent) -> VisitState {
        use VisitEvent as E;
        match event {
            E::Planned {
                organization,
                planned_on,
                planned_at,
                staff,
                participants,
                joint_partner,
                ..
            } => {
                state.status = VisitStatus::Planned;
                state.organization = Some(*organization);
                state.planned_on = Some(*planned_on);
                state.planned_at = *planned_at;
                state.staff = staff.clone();
                state.participants = participants.clone();
                state.joint_partner = *joint_partner;
            }
            E::Rescheduled {
                planned_on,
                planned_at,
                ..
            } => {
                state.planned_on = Some(*planned_on);
                state.planned_at = *planned_at;
            }
            E::Cancelled { cancelled_on, .. } => {
                state.status = VisitStatus::Cancelled;
                state.cancelled_on = Some(*cancelled_on);
            }
            E::Conducted {
                organization,
                conducted_on,
                duration_minutes,
                staff,
                participants,
                topics,
                findings,
                joint_partner,
                ..
            } => {
                state.status = VisitStatus::Conducted;
                state.organization = Some(*organization);
                state.conducted_on = Some(*conducted_on);
                state.duration_minutes = Some(*duration_minutes);
                state.staff = staff.clone();
                state.participants = participants.clone();
                state.topics = topics.clone();
                state.findings = Some(findings.clone());
                state.joint_partner = *joint_partner;
            }
            E::FollowUpCreated {
                follow_up,
                assignee,
                due_on,
                ..
            } => {
                state
                    .open_follow_ups
                    .insert(*follow_up, (assignee.clone(), *due_on));
            }
            E::FollowUpCompleted { follow_up, .. } => {
                state.open_follow_ups.remove(follow_up);
                state.completed_follow_ups.insert(*follow_up);
            }
            E::PublicityRecorded {
                leadership, press, ..
            } => {
                state.leadership = leadership.clone();
                state.press = *press;
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use VisitCommand as C;
        match command {
            C::Plan(c) => vec![BusinessDate::planned("geplant für", c.planned_on)],
            C::Reschedule(c) => vec![BusinessDate::planned("geplant für", c.planned_on)],
            C::Cancel(c) => vec![BusinessDate::happened("abgesagt am", c.cancelled_on)],
            C::Conduct(c) => vec![BusinessDate::happened("Besuch am", c.conducted_on)],
            C::CreateFollowUp(c) => {
                vec![BusinessDate::planned("Wiedervorlage fällig am", c.due_on)]
            }
            C::CompleteFollowUp(c) => vec![BusinessDate::happened("erledigt am", c.completed_on)],
            C::RecordPublicity(_) => vec![],
        }
    }

    fn decide(command: &VisitCommand, state: &VisitState) -> Result<Vec<VisitEvent>, VisitError> {
        use VisitCommand as C;
        use VisitEvent as E;
        let events = match command {
            C::Plan(c) => {
                refuse_unless_unplanned(state)?;
                vec![E::Planned {
                    visit: c.visit,
                    organization: c.organization,
                    planned_on: c.planned_on,
                    planned_at: c.planned_at,
                    staff: c.staff.clone(),
                    participants: c.participants.clone(),
                    purpose: c.purpose.clone(),
                    joint_partner: c.joint_partner,
                }]
            }
            C::Reschedule(c) => {
                refuse_unless_planned(state)?;
                if state.planned_on == Some(c.planned_on) && state.planned_at == c.planned_at {
                    return Ok(vec![]);
                }
                vec![E::Rescheduled {
                    visit: c.visit,
                    planned_on: c.planned_on,
                    planned_at: c.planned_at,
                }]
            }
            C::Cancel(c) => {
                refuse_unless_planned(state)?;
                vec![E::Cancelled {
                    visit: c.visit,
                    cancelled_on: c.cancelled_on,
                    reason: c.reason.clone(),
                }]
            }
            C::Conduct(c) => vec![conduct(c, state)?],
            C::CreateFollowUp(c) => {
                let conducted_on = conducted_on(state)?;
                if state.open_follow_ups.contains_key(&c.follow_up)
                    || state.completed_follow_ups.contains(&c.follow_up)
                {
                    return Err(VisitError::FollowUpExists(c.follow_up));
                }
                if c.due_on < conducted_on {
                    return Err(VisitError::FollowUpDueBeforeVisit { conducted_on });
                }
                vec![E::FollowUpCreated {
                    visit: c.visit,
                    follow_up: c.follow_up,
                    task: c.task.clone(),
                    assignee: c.assignee.clone(),
                    due_on: c.due_on,
                }]
            }
            C::CompleteFollowUp(c) => {
                let conducted_on = conducted_on(state)?;
                if state.completed_follow_ups.contains(&c.follow_up) {
                    return Err(VisitError::FollowUpAlreadyCompleted(c.follow_up));
                }
                if !state.open_follow_ups.contains_key(&c.follow_up) {
                    return Err(VisitError::UnknownFollowUp(c.follow_up));
                }
                if c.completed_on < conducted_on {
                    return Err(VisitError::FollowUpCompletedBeforeVisit { conducted_on });
                }
                vec![E::FollowUpCompleted {
                    visit: c.visit,
                    follow_up: c.follow_up,
                    completed_on: c.completed_on,
                }]
            }
            C::RecordPublicity(c) => {
                match state.status {
                    VisitStatus::Planned | VisitStatus::Conducted => {}
                    VisitStatus::Unplanned => return Err(VisitError::NotPlanned),
                    VisitStatus::Cancelled => return Err(VisitError::Cancelled),
                }
                let mut seen = BTreeSet::new();
                if let Some(twice) = c.leadership.iter().find(|code| !seen.insert(*code)) {
                    return Err(VisitError::LeadershipTwice(twice.clone()));
                }
                if state.leadership == c.leadership && state.press == c.press {
                    return Ok(vec![]);
                }
                vec![E::PublicityRecorded {
                    visit: c.visit,
                    leadership: c.leadership.clone(),
                    press: c.press,
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &VisitCommand) -> bool {
        // A new date replaces the one the user saw; redoing it on fresh state could silently undo
        // someone else's rescheduling.
        !matches!(command, VisitCommand::Reschedule(_))
    }
}

/// Refuses planning a visit that is already past the `Unplanned` state.
fn refuse_unless_unplanned(state: &VisitState) -> Result<(), VisitError> {
    match state.status {
        VisitStatus::Unplanned => Ok(()),
        VisitStatus::Planned => Err(VisitError::AlreadyPlanned),
        VisitStatus::Conducted => Err(VisitError::AlreadyConducted),
        VisitStatus::Cancelled => Err(VisitError::Cancelled),
    }
}

/// Refuses changing the plan of a visit that is not (or no longer) just planned.
fn refuse_unless_planned(state: &VisitState) -> Result<(), VisitError> {
    match state.status {
        VisitStatus::Planned => Ok(()),
        VisitStatus::Unplanned => Err(VisitError::NotPlanned),
        VisitStatus::Conducted => Err(VisitError::AlreadyConducted),
        VisitStatus::Cancelled => Err(VisitError::Cancelled),
    }
}

/// The date of the conducted visit, or the refusal for follow-ups on any other visit.
fn conducted_on(state: &VisitState) -> Result<NaiveDate, VisitError> {
    match (state.status, state.conducted_on) {
        (VisitStatus::Conducted, Some(date)) => Ok(date),
        _ => Err(VisitError::NotConducted),
    }
}

fn conduct(c: &ConductVisit, state: &VisitState) -> Result<VisitEvent, VisitError> {
    match state.status {
        VisitStatus::Unplanned | VisitStatus::Planned => {}
        VisitStatus::Conducted => return Err(VisitError::AlreadyConducted),
        VisitStatus::Cancelled => return Err(VisitError::Cancelled),
    }
    let organization = match (state.organization, c.organization) {
        (Some(planned), Some(given)) if planned != given => {
            return Err(VisitError::OrganizationMismatch { planned });
        }
        (_, Some(given)) => given,
        (Some(planned), None) => planned,
        (None, None) => return Err(VisitError::OrganizationMissing),
    };
    if c.duration_minutes == 0 {
        return Err(VisitError::ZeroDuration);
    }
    Ok(VisitEvent::Conducted {
        visit: c.visit,
        organization,
        conducted_on: c.conducted_on,
        duration_minutes: c.duration_minutes,
        staff: c.staff.clone(),
        participants: c.participants.clone(),
        topics: c.topics.clone(),
        findings: c.findings.clone(),
        notes: c.notes.clone(),
        joint_partner: c.joint_partner,
    })
}

#[cfg(test)]
#[path = "visit_tests.rs"]
mod tests;
