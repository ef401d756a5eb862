//! The `public` streams: what the office publishes for businesses. Per topic of the taxonomy a
//! Handreichung entry (`public-topic.{code}`: guidance text, responsible offices, whether it is
//! shown), per office its public contact details (`public-office.{code}`), per staff member the
//! contact details they chose to publish (`public-staff.{login}`, their own consent, revocable).
//! A topic's entry also says who answers it, by region: those rows are the routing rules
//! (`routing.rs`) that send an inquiry from the public form to the person responsible.
//! Every write replaces its entry as a whole and stays in the log, so what was published when is
//! the stream's history. Nothing is public unless a write made it so.

pub mod routing;

use serde::{Deserialize, Serialize};

use crate::{
    decider::{Decider, DomainEvent},
    values::{Code, Email, Phone, RegionCode, Text, UserName, Website},
};
pub use routing::{RoutingRule, route, rules_of};

/// The longest guidance text of a topic: it has to fit the printed flyer.
pub const GUIDANCE_MAX_CHARS: usize = 800;
/// The most responsibility rows of one topic.
pub const MAX_RESPONSIBLE: usize = 100;

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PublicError {
    #[error("Ein öffentliches Thema braucht einen Hinweistext")]
    PublicWithoutGuidance,
    #[error(
        "Der Hinweistext hat höchstens {GUIDANCE_MAX_CHARS} Zeichen, damit er auf den Flyer passt"
    )]
    GuidanceTooLong,
    #[error("Das Amt „{0}“ ist doppelt genannt")]
    DuplicateOffice(Code),
    #[error(
        "Ein öffentliches Amt braucht mindestens eine Kontaktangabe (Anschrift, Telefon, E-Mail oder Website)"
    )]
    OfficeWithoutContact,
    #[error("Bitte Telefon oder E-Mail angeben, sonst gibt es nichts zu veröffentlichen")]
    NothingToPublish,
    #[error("Für {0} ist schon jemand zuständig; je Region eine Person")]
    DuplicateRegion(String),
    #[error("Höchstens {MAX_RESPONSIBLE} Zuständigkeiten je Thema")]
    TooManyResponsible,
}

// ---------------------------------------------------------------------------------------------
// Commands

/// Who answers a topic: for inquiries from `region` (and the regions within it; every region
/// when `None`), `staff`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Responsibility {
    pub region: Option<RegionCode>,
    pub staff: UserName,
}

/// Writes a topic's Handreichung entry as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WriteGuideTopic {
    pub topic: Code,
    /// Kurzer Hinweis für Betriebe, höchstens 800 Zeichen.
    pub guidance: Text,
    /// Die zuständigen Ämter und Stellen (Schlüssel der Klassifikation „offices“).
    pub offices: Vec<Code>,
    /// Wer das Thema beantwortet, je Region.
    pub responsible: Vec<Responsibility>,
    /// Erscheint in der öffentlichen Handreichung.
    pub public: bool,
}

/// Writes an office's public contact details as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WriteGuideOffice {
    pub office: Code,
    /// Anschrift, wie sie gedruckt wird (mehrzeilig).
    pub address: Text,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub website: Option<Website>,
    /// Sprechzeiten, frei formuliert.
    pub hours: Text,
    pub public: bool,
}

/// A staff member publishes their own contact details (their consent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PublishContact {
    pub user: UserName,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
}

/// A staff member withdraws their publication: they leave the public pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WithdrawContact {
    pub user: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum PublicCommand {
    WriteTopic(WriteGuideTopic),
    WriteOffice(WriteGuideOffice),
    Publish(PublishContact),
    Withdraw(WithdrawContact),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum PublicEvent {
    #[serde(rename = "GuideTopicWritten")]
    TopicWritten {
        topic: Code,
        guidance: Text,
        offices: Vec<Code>,
        responsible: Vec<Responsibility>,
        public: bool,
    },
    #[serde(rename = "GuideOfficeWritten")]
    OfficeWritten {
        office: Code,
        address: Text,
        phone: Option<Phone>,
        email: Option<Email>,
        website: Option<Website>,
        hours: Text,
        public: bool,
    },
    #[serde(rename = "StaffContactPublished")]
    ContactPublished {
        user: UserName,
        phone: Option<Phone>,
        email: Option<Email>,
    },
    #[serde(rename = "StaffContactWithdrawn")]
    ContactWithdrawn { user: UserName },
}

impl DomainEvent for PublicEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "GuideTopicWritten",
        "GuideOfficeWritten",
        "StaffContactPublished",
        "StaffContactWithdrawn",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

/// The current entry of one `public` stream (only the part its kind uses is set).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublicState {
    pub current: Option<PublicEvent>,
}

/// The decider of the `public` streams.
#[derive(Debug)]
pub struct Public;

impl Decider for Public {
    const CATEGORY: &'static str = "public";
    type Command = PublicCommand;
    type Event = PublicEvent;
    type State = PublicState;
    type Error = PublicError;

    fn stream_id(command: &PublicCommand) -> String {
        use PublicCommand as C;
        match command {
            C::WriteTopic(c) => format!("topic.{}", c.topic),
            C::WriteOffice(c) => format!("office.{}", c.office),
            C::Publish(PublishContact { user, .. }) | C::Withdraw(WithdrawContact { user }) => {
                format!("staff.{user}")
            }
        }
    }

    fn evolve(_state: PublicState, event: &PublicEvent) -> PublicState {
        match event {
            PublicEvent::ContactWithdrawn { .. } => PublicState { current: None },
            other => PublicState {
                current: Some(other.clone()),
            },
        }
    }

    fn decide(
        command: &PublicCommand,
        state: &PublicState,
    ) -> Result<Vec<PublicEvent>, PublicError> {
        use PublicCommand as C;
        let event = match command {
            C::WriteTopic(c) => {
                if c.public && c.guidance.is_empty() {
                    return Err(PublicError::PublicWithoutGuidance);
                }
                if c.guidance.as_str().chars().count() > GUIDANCE_MAX_CHARS {
                    return Err(PublicError::GuidanceTooLong);
                }
                if let Some(twice) = first_duplicate(&c.offices) {
                    return Err(PublicError::DuplicateOffice(twice.clone()));
                }
                if c.responsible.len() > MAX_RESPONSIBLE {
                    return Err(PublicError::TooManyResponsible);
                }
                let regions: Vec<_> = c.responsible.iter().map(|row| &row.region).collect();
                if let Some(twice) = first_duplicate(&regions) {
                    let region = twice.as_ref().map_or("jede Region".into(), |region| {
                        format!("die Region {region}")
                    });
                    return Err(PublicError::DuplicateRegion(region));
                }
                PublicEvent::TopicWritten {
                    topic: c.topic.clone(),
                    guidance: c.guidance.clone(),
                    offices: c.offices.clone(),
                    responsible: c.responsible.clone(),
                    public: c.public,
                }
            }
            C::WriteOffice(c) => {
                let reachable = !c.address.is_empty()
                    || c.phone.is_some()
                    || c.email.is_some()
                    || c.website.is_some();
                if c.public && !reachable {
                    return Err(PublicError::OfficeWithoutContact);
                }
                PublicEvent::OfficeWritten {
                    office: c.office.clone(),
                    address: c.address.clone(),
                    phone: c.phone.clone(),
                    email: c.email.clone(),
                    website: c.website.clone(),
                    hours: c.hours.clone(),
                    public: c.public,
                }
            }
            C::Publish(c) => {
                if c.phone.is_none() && c.email.is_none() {
                    return Err(PublicError::NothingToPublish);
                }
                PublicEvent::ContactPublished {
                    user: c.user.clone(),
                    phone: c.phone.clone(),
                    email: c.email.clone(),
                }
            }
            C::Withdraw(c) => {
                // Withdrawing what is not published changes nothing: the wish is already met.
                if state.current.is_none() {
                    return Ok(vec![]);
                }
                PublicEvent::ContactWithdrawn {
                    user: c.user.clone(),
                }
            }
        };
        if state.current.as_ref() == Some(&event) {
            return Ok(vec![]);
        }
        Ok(vec![event])
    }
}

fn first_duplicate<T: PartialEq>(items: &[T]) -> Option<&T> {
    items
        .iter()
        .enumerate()
        .find(|(index, item)| items[..*index].contains(item))
        .map(|(_, item)| item)
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
