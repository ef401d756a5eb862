//! The `gathering` stream: a gathering (Veranstaltung) the office hosts or co-hosts — a business
//! dinner, a New Year's reception, a Stammtisch, a Branchengespräch — from planning through
//! invitations and registrations (including declines) to who actually came, or its cancellation.
//! A gathering may deliver a milestone of a cooperation agreement; it names that milestone, and
//! other code records the milestone as achieved.

use crate::dates::BusinessDate;
use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::{CooperationId, GatheringId, MilestoneId, OrganizationId, PersonId},
    values::{Code, Text, Title},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GatheringError {
    #[error("Die Veranstaltung ist nicht geplant")]
    NotPlanned,
    #[error("Die Veranstaltung ist bereits geplant")]
    AlreadyPlanned,
    #[error("Die Veranstaltung hat bereits am {held_on} stattgefunden")]
    AlreadyHeld { held_on: NaiveDate },
    #[error("Die Veranstaltung wurde am {cancelled_on} abgesagt")]
    Cancelled { cancelled_on: NaiveDate },
    #[error("Ein Teilnehmer braucht eine Organisation oder eine Person")]
    AnonymousAttendee,
}

// ---------------------------------------------------------------------------------------------
// Values

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
pub enum GatheringKind {
    BusinessDinner,
    /// Usually the New Year's reception.
    Reception,
    CultureSalon,
    Stammtisch,
    /// Office hours held at a partner's place (Sprechtag).
    ConsultationDay,
    /// Branchengespräch with associations and chambers.
    IndustryDialogue,
    /// Fachtag on one topic, e.g. "women in leadership".
    TopicDay,
    Fair,
    AwardCeremony,
    Other,
}

impl GatheringKind {
    pub const ALL: [GatheringKind; 10] = [
        GatheringKind::BusinessDinner,
        GatheringKind::Reception,
        GatheringKind::CultureSalon,
        GatheringKind::Stammtisch,
        GatheringKind::ConsultationDay,
        GatheringKind::IndustryDialogue,
        GatheringKind::TopicDay,
        GatheringKind::Fair,
        GatheringKind::AwardCeremony,
        GatheringKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GatheringKind::BusinessDinner => "Unternehmerdinner",
            GatheringKind::Reception => "Neujahrsempfang",
            GatheringKind::CultureSalon => "Kultursalon",
            GatheringKind::Stammtisch => "Stammtisch",
            GatheringKind::ConsultationDay => "Sprechtag",
            GatheringKind::IndustryDialogue => "Branchengespräch",
            GatheringKind::TopicDay => "Fachtag",
            GatheringKind::Fair => "Messe",
            GatheringKind::AwardCeremony => "Preisverleihung",
            GatheringKind::Other => "Sonstige",
        }
    }
}

/// The cooperation milestone a gathering delivers.
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
pub struct MilestoneRef {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
}

/// One attendee known to the CRM: an organization, a person, or a person for an organization.
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
pub struct Attendance {
    pub organization: Option<OrganizationId>,
    pub person: Option<PersonId>,
}

/// The latest answer of one organization (or one of its people) to an invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Registration {
    pub organization: OrganizationId,
    pub person: Option<PersonId>,
    pub registered_on: NaiveDate,
    /// `false` records a decline.
    pub attending: bool,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlanGathering {
    pub gathering: GatheringId,
    pub kind: GatheringKind,
    pub title: Title,
    pub date: NaiveDate,
    pub venue: Text,
    pub co_hosts: Vec<OrganizationId>,
    pub milestone: Option<MilestoneRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RescheduleGathering {
    pub gathering: GatheringId,
    pub date: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InviteGuests {
    pub gathering: GatheringId,
    pub organizations: Vec<OrganizationId>,
    pub persons: Vec<PersonId>,
    pub invited_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecordRegistration {
    pub gathering: GatheringId,
    pub organization: OrganizationId,
    pub person: Option<PersonId>,
    pub registered_on: NaiveDate,
    pub attending: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HoldGathering {
    pub gathering: GatheringId,
    pub held_on: NaiveDate,
    pub attendance: Vec<Attendance>,
    /// Attendees not in the CRM, counted only.
    pub other_attendees: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CancelGathering {
    pub gathering: GatheringId,
    pub cancelled_on: NaiveDate,
    pub reason: Text,
}

/// The topics a gathering treats (Gewerbe trifft Ämter, Branchengespräch) and the offices that
/// take part; sent again, it replaces both lists (the correction). Also after the gathering:
/// what was raised there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SetGatheringAgenda {
    pub gathering: GatheringId,
    pub topics: Vec<Code>,
    pub offices: Vec<Code>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum GatheringCommand {
    Plan(PlanGathering),
    SetAgenda(SetGatheringAgenda),
    Reschedule(RescheduleGathering),
    Invite(InviteGuests),
    RecordRegistration(RecordRegistration),
    Hold(HoldGathering),
    Cancel(CancelGathering),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum GatheringEvent {
    #[serde(rename = "GatheringPlanned")]
    Planned {
        gathering: GatheringId,
        kind: GatheringKind,
        title: Title,
        date: NaiveDate,
        venue: Text,
        co_hosts: Vec<OrganizationId>,
        milestone: Option<MilestoneRef>,
    },
    #[serde(rename = "GatheringRescheduled")]
    Rescheduled {
        gathering: GatheringId,
        date: NaiveDate,
    },
    /// Only those not invited before.
    #[serde(rename = "GatheringGuestsInvited")]
    Invited {
        gathering: GatheringId,
        organizations: Vec<OrganizationId>,
        persons: Vec<PersonId>,
        invited_on: NaiveDate,
    },
    #[serde(rename = "GatheringRegistrationRecorded")]
    RegistrationRecorded {
        gathering: GatheringId,
        organization: OrganizationId,
        person: Option<PersonId>,
        registered_on: NaiveDate,
        attending: bool,
    },
    #[serde(rename = "GatheringHeld")]
    Held {
        gathering: GatheringId,
        held_on: NaiveDate,
        attendance: Vec<Attendance>,
        other_attendees: u32,
    },
    #[serde(rename = "GatheringCancelled")]
    Cancelled {
        gathering: GatheringId,
        cancelled_on: NaiveDate,
        reason: Text,
    },
    /// Topics and participating offices, sorted and without repeats.
    #[serde(rename = "GatheringAgendaSet")]
    AgendaSet {
        gathering: GatheringId,
        topics: Vec<Code>,
        offices: Vec<Code>,
    },
}

impl GatheringEvent {
    /// The gathering the event is about.
    pub fn gathering(&self) -> GatheringId {
        match self {
            Self::Planned { gathering, .. }
            | Self::Rescheduled { gathering, .. }
            | Self::Invited { gathering, .. }
            | Self::RegistrationRecorded { gathering, .. }
            | Self::Held { gathering, .. }
            | Self::Cancelled { gathering, .. }
            | Self::AgendaSet { gathering, .. } => *gathering,
        }
    }
}

impl DomainEvent for GatheringEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "GatheringPlanned",
        "GatheringRescheduled",
        "GatheringGuestsInvited",
        "GatheringRegistrationRecorded",
        "GatheringHeld",
        "GatheringCancelled",
        "GatheringAgendaSet",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Status {
    #[default]
    NotPlanned,
    Planned,
    Held {
        held_on: NaiveDate,
    },
    Cancelled {
        cancelled_on: NaiveDate,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GatheringState {
    pub status: Status,
    pub kind: Option<GatheringKind>,
    pub title: Option<Title>,
    /// The planned date, as rescheduled.
    pub date: Option<NaiveDate>,
    pub venue: Text,
    pub co_hosts: Vec<OrganizationId>,
    pub milestone: Option<MilestoneRef>,
    pub invited_organizations: BTreeSet<OrganizationId>,
    pub invited_persons: BTreeSet<PersonId>,
    /// The latest answer per organization and person, in the order first received.
    pub registrations: Vec<Registration>,
    pub attendance: Vec<Attendance>,
    pub other_attendees: u32,
    /// Topics treated (taxonomy `topics`).
    #[serde(default)]
    pub topics: Vec<Code>,
    /// Offices taking part (taxonomy `offices`).
    #[serde(default)]
    pub offices: Vec<Code>,
}

impl GatheringState {
    /// Registrations that say yes.
    pub fn attending(&self) -> impl Iterator<Item = &Registration> {
        self.registrations.iter().filter(|r| r.attending)
    }
}

/// The decider of the `gathering` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Gathering;

impl Decider for Gathering {
    const CATEGORY: &'static str = "gathering";
    type Command = GatheringCommand;
    type Event = GatheringEvent;
    type State = GatheringState;
    type Error = GatheringError;

    fn stream_id(command: &GatheringCommand) -> String {
        use GatheringCommand as C;
        let id = match command {
            C::Plan(c) => c.gathering,
            C::SetAgenda(c) => c.gathering,
            C::Reschedule(c) => c.gathering,
            C::Invite(c) => c.gathering,
            C::RecordRegistration(c) => c.gathering,
            C::Hold(c) => c.gathering,
            C::Cancel(c) => c.gathering,
        };
        id.to_string()
    }

    fn evolve(mut state: GatheringState, event: &GatheringEvent) -> GatheringState {
        use GatheringEvent as E;
        match event {
            E::Planned {
                kind,
                title,
                date,
                venue,
                co_hosts,
                milestone,
                ..
            } => {
                state.status = Status::Planned;
                state.kind = Some(*kind);
                state.title = Some(title.clone());
                state.date = Some(*date);
                state.venue = venue.clone();
                state.co_hosts = co_hosts.clone();
                state.milestone = *milestone;
            }
            E::Rescheduled { date, .. } => state.date = Some(*date),
            E::Invited {
                organizations,
                persons,
                ..
            } => {
                state.invited_organizations.extend(organizations);
                state.invited_persons.extend(persons);
            }
            E::RegistrationRecorded {
                organization,
                person,
                registered_on,
                attending,
                ..
            } => {
                let registration = Registration {
                    organization: *organization,
                    person: *person,
                    registered_on: *registered_on,
                    attending: *attending,
                };
                match state
                    .registrations
                    .iter_mut()
                    .find(|r| r.organization == *organization && r.person == *person)
                {
                    Some(earlier) => *earlier = registration,
                    None => state.registrations.push(registration),
                }
            }
            E::Held {
                held_on,
                attendance,
                other_attendees,
                ..
            } => {
                state.status = Status::Held { held_on: *held_on };
                state.attendance = attendance.clone();
                state.other_attendees = *other_attendees;
            }
            E::Cancelled { cancelled_on, .. } => {
                state.status = Status::Cancelled {
                    cancelled_on: *cancelled_on,
                };
            }
            E::AgendaSet {
                topics, offices, ..
            } => {
                state.topics = topics.clone();
                state.offices = offices.clone();
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use GatheringCommand as C;
        match command {
            C::Plan(c) => vec![BusinessDate::planned("Veranstaltung am", c.date)],
            C::SetAgenda(_) => vec![],
            C::Reschedule(c) => vec![BusinessDate::planned("Veranstaltung am", c.date)],
            C::Invite(c) => vec![BusinessDate::happened("eingeladen am", c.invited_on)],
            C::RecordRegistration(c) => {
                vec![BusinessDate::happened("angemeldet am", c.registered_on)]
            }
            C::Hold(c) => vec![BusinessDate::happened("durchgeführt am", c.held_on)],
            C::Cancel(c) => vec![BusinessDate::happened("abgesagt am", c.cancelled_on)],
        }
    }

    fn decide(
        command: &GatheringCommand,
        state: &GatheringState,
    ) -> Result<Vec<GatheringEvent>, GatheringError> {
        use GatheringCommand as C;
        use GatheringEvent as E;
        if let C::Plan(c) = command {
            if state.status != Status::NotPlanned {
                return Err(GatheringError::AlreadyPlanned);
            }
            return Ok(vec![E::Planned {
                gathering: c.gathering,
                kind: c.kind,
                title: c.title.clone(),
                date: c.date,
                venue: c.venue.clone(),
                co_hosts: c.co_hosts.clone(),
                milestone: c.milestone,
            }]);
        }
        if let C::SetAgenda(c) = command {
            if state.status == Status::NotPlanned {
                return Err(GatheringError::NotPlanned);
            }
            let sorted = |codes: &[Code]| {
                let mut codes = codes.to_vec();
                codes.sort();
                codes.dedup();
                codes
            };
            let (topics, offices) = (sorted(&c.topics), sorted(&c.offices));
            if topics == state.topics && offices == state.offices {
                return Ok(vec![]);
            }
            return Ok(vec![E::AgendaSet {
                gathering: c.gathering,
                topics,
                offices,
            }]);
        }
        // Once held or cancelled a gathering is history: no more invitations, registrations,
        // reschedulings, and a held gathering cannot be cancelled.
        match state.status {
            Status::NotPlanned => return Err(GatheringError::NotPlanned),
            Status::Held { held_on } => return Err(GatheringError::AlreadyHeld { held_on }),
            Status::Cancelled { cancelled_on } => {
                return Err(GatheringError::Cancelled { cancelled_on });
            }
            Status::Planned => {}
        }
        let events = match command {
            C::Plan(_) | C::SetAgenda(_) => unreachable!("handled above"),
            C::Reschedule(c) => {
                if state.date == Some(c.date) {
                    return Ok(vec![]);
                }
                vec![E::Rescheduled {
                    gathering: c.gathering,
                    date: c.date,
                }]
            }
            C::Invite(c) => {
                let organizations = new_only(&c.organizations, &state.invited_organizations);
                let persons = new_only(&c.persons, &state.invited_persons);
                if organizations.is_empty() && persons.is_empty() {
                    return Ok(vec![]);
                }
                vec![E::Invited {
                    gathering: c.gathering,
                    organizations,
                    persons,
                    invited_on: c.invited_on,
                }]
            }
            C::RecordRegistration(c) => vec![E::RegistrationRecorded {
                gathering: c.gathering,
                organization: c.organization,
                person: c.person,
                registered_on: c.registered_on,
                attending: c.attending,
            }],
            C::Hold(c) => {
                if c.attendance
                    .iter()
                    .any(|a| a.organization.is_none() && a.person.is_none())
                {
                    return Err(GatheringError::AnonymousAttendee);
                }
                vec![E::Held {
                    gathering: c.gathering,
                    held_on: c.held_on,
                    attendance: c.attendance.clone(),
                    other_attendees: c.other_attendees,
                }]
            }
            C::Cancel(c) => vec![E::Cancelled {
                gathering: c.gathering,
                cancelled_on: c.cancelled_on,
                reason: c.reason.clone(),
            }],
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &GatheringCommand) -> bool {
        // A new date replaces the one the user saw; redoing it on a state the user did not see
        // could silently undo someone else's rescheduling.
        !matches!(command, GatheringCommand::Reschedule(_))
    }
}

/// The ids not yet in `known`, without repeats, in the given order.
fn new_only<T: Copy + Ord>(ids: &[T], known: &BTreeSet<T>) -> Vec<T> {
    let mut seen = BTreeSet::new();
    ids.iter()
        .copied()
        .filter(|id| !known.contains(id) && seen.insert(*id))
        .collect()
}

#[cfg(test)]
#[path = "gathering_tests.rs"]
mod tests;
