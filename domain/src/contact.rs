//! The `contact` stream: one logged interaction with a business (Kontakt) — a call, a mail, a
//! consultation, a talk at a forum, Stammtisch, Sprechtag or fair. A contact can be corrected, and
//! retracted when it was logged by mistake; a retracted contact stays history but counts nowhere.
//! Also home of [`Channel`], which inquiries share.

use crate::dates::BusinessDate;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::{ContactId, OrganizationId, PersonId},
    values::{Code, Text, UserName},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("Der Kontakt ist bereits erfasst")]
    AlreadyLogged,
    #[error("Der Kontakt ist nicht erfasst")]
    NotLogged,
    #[error("Der Kontakt wurde zurückgezogen")]
    Retracted,
}

// ---------------------------------------------------------------------------------------------
// Values

/// The way a contact (or an inquiry) came about.
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
pub enum Channel {
    Phone,
    Mail,
    Meeting,
    Consultation,
    /// Unternehmensforum, Branchengespräch.
    Forum,
    Stammtisch,
    Sprechtag,
    Fair,
    /// The public inquiry form (`/anfrage`).
    OnlineForm,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 10] = [
        Channel::Phone,
        Channel::Mail,
        Channel::Meeting,
        Channel::Consultation,
        Channel::Forum,
        Channel::Stammtisch,
        Channel::Sprechtag,
        Channel::Fair,
        Channel::OnlineForm,
        Channel::Other,
    ];

    /// German label as shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "Telefonat",
            Channel::Mail => "E-Mail",
            Channel::Meeting => "Treffen",
            Channel::Consultation => "Beratung",
            Channel::Forum => "Forum",
            Channel::Stammtisch => "Stammtisch",
            Channel::Sprechtag => "Sprechtag",
            Channel::Fair => "Messe",
            Channel::OnlineForm => "Online-Formular",
            Channel::Other => "Sonstiges",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LogContact {
    pub contact: ContactId,
    pub organization: OrganizationId,
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub contacted_on: NaiveDate,
    pub topics: Vec<Code>,
    pub summary: Text,
    pub staff: UserName,
}

/// Replaces all fields of a logged contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CorrectContact {
    pub contact: ContactId,
    pub organization: OrganizationId,
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub contacted_on: NaiveDate,
    pub topics: Vec<Code>,
    pub summary: Text,
    pub staff: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RetractContact {
    pub contact: ContactId,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum ContactCommand {
    Log(LogContact),
    Correct(CorrectContact),
    Retract(RetractContact),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum ContactEvent {
    #[serde(rename = "ContactLogged")]
    Logged {
        contact: ContactId,
        organization: OrganizationId,
        person: Option<PersonId>,
        channel: Channel,
        contacted_on: NaiveDate,
        topics: Vec<Code>,
        summary: Text,
        staff: UserName,
    },
    #[serde(rename = "ContactCorrected")]
    Corrected {
        contact: ContactId,
        organization: OrganizationId,
        person: Option<PersonId>,
        channel: Channel,
        contacted_on: NaiveDate,
        topics: Vec<Code>,
        summary: Text,
        staff: UserName,
    },
    #[serde(rename = "ContactRetracted")]
    Retracted { contact: ContactId, reason: Text },
}

impl ContactEvent {
    /// The contact the event is about.
    pub fn contact(&self) -> ContactId {
        match self {
            Self::Logged { contact, .. }
            | Self::Corrected { contact, .. }
            | Self::Retracted { contact, .. } => *contact,
        }
    }
}

impl DomainEvent for ContactEvent {
    const TYPE_NAMES: &'static [&'static str] =
        &["ContactLogged", "ContactCorrected", "ContactRetracted"];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum ContactStatus {
    #[default]
    Unlogged,
    Logged,
    Retracted,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContactState {
    pub status: ContactStatus,
    pub organization: Option<OrganizationId>,
    pub person: Option<PersonId>,
    pub channel: Option<Channel>,
    pub contacted_on: Option<NaiveDate>,
    pub topics: Vec<Code>,
    pub summary: Text,
    pub staff: Option<UserName>,
}

/// The decider of the `contact` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Contact;

impl Decider for Contact {
    const CATEGORY: &'static str = "contact";
    type Command = ContactCommand;
    type Event = ContactEvent;
    type State = ContactState;
    type Error = ContactError;

    fn stream_id(command: &ContactCommand) -> String {
        use ContactCommand as C;
        let id = match command {
            C::Log(c) => c.contact,
            C::Correct(c) => c.contact,
            C::Retract(c) => c.contact,
        };
        id.to_string()
    }

    fn evolve(mut state: ContactState, event: &ContactEvent) -> ContactState {
        use ContactEvent as E;
        match event {
            E::Logged {
                organization,
                person,
                channel,
                contacted_on,
                topics,
                summary,
                staff,
                ..
            }
            | E::Corrected {
                organization,
                person,
                channel,
                contacted_on,
                topics,
                summary,
                staff,
                ..
            } => {
                state.status = ContactStatus::Logged;
                state.organization = Some(*organization);
                state.person = *person;
                state.channel = Some(*channel);
                state.contacted_on = Some(*contacted_on);
                state.topics = topics.clone();
                state.summary = summary.clone();
                state.staff = Some(staff.clone());
            }
            E::Retracted { .. } => state.status = ContactStatus::Retracted,
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use ContactCommand as C;
        match command {
            C::Log(c) => vec![BusinessDate::happened("Kontakt am", c.contacted_on)],
            C::Correct(c) => vec![BusinessDate::happened("Kontakt am", c.contacted_on)],
            _ => Vec::new(),
        }
    }

    fn decide(
        command: &ContactCommand,
        state: &ContactState,
    ) -> Result<Vec<ContactEvent>, ContactError> {
        use ContactCommand as C;
        use ContactEvent as E;
        if let C::Log(c) = command {
            if state.status != ContactStatus::Unlogged {
                return Err(ContactError::AlreadyLogged);
            }
            return Ok(vec![E::Logged {
                contact: c.contact,
                organization: c.organization,
                person: c.person,
                channel: c.channel,
                contacted_on: c.contacted_on,
                topics: c.topics.clone(),
                summary: c.summary.clone(),
                staff: c.staff.clone(),
            }]);
        }
        match state.status {
            ContactStatus::Unlogged => return Err(ContactError::NotLogged),
            ContactStatus::Retracted => return Err(ContactError::Retracted),
            ContactStatus::Logged => {}
        }
        let events = match command {
            C::Log(_) => unreachable!("handled above"),
            C::Correct(c) => {
                let unchanged = state.organization == Some(c.organization)
                    && state.person == c.person
                    && state.channel == Some(c.channel)
                    && state.contacted_on == Some(c.contacted_on)
                    && state.topics == c.topics
                    && state.summary == c.summary
                    && state.staff.as_ref() == Some(&c.staff);
                if unchanged {
                    return Ok(vec![]);
                }
                vec![E::Corrected {
                    contact: c.contact,
                    organization: c.organization,
                    person: c.person,
                    channel: c.channel,
                    contacted_on: c.contacted_on,
                    topics: c.topics.clone(),
                    summary: c.summary.clone(),
                    staff: c.staff.clone(),
                }]
            }
            C::Retract(c) => vec![E::Retracted {
                contact: c.contact,
                reason: c.reason.clone(),
            }],
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &ContactCommand) -> bool {
        // A correction replaces what the user saw; redoing it on fresh state could silently undo
        // someone else's correction.
        !matches!(command, ContactCommand::Correct(_))
    }
}

#[cfg(test)]
#[path = "contact_tests.rs"]
mod tests;
