//! The `person` stream: an Ansprechpartner, from being added to erasure. Everything that
//! identifies the person travels only in the `personal` field of `PersonAdded` and
//! `PersonUpdated`, which the store encrypts with the person's own key; links to organizations,
//! consents and the erasure itself carry no name, mail, phone or free text about the person, so
//! they stay readable history after the key is deleted (DSGVO Art. 17).

use crate::dates::BusinessDate;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::{OrganizationId, PersonId},
    personal::{Erasable, PersonalData},
    values::{Text, Title},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PersonError {
    #[error("Die Person ist nicht erfasst")]
    NotAdded,
    #[error("Die Person ist bereits erfasst")]
    AlreadyAdded,
    #[error("Die personenbezogenen Daten der Person wurden gelöscht")]
    Erased,
    #[error("Die Person ist bereits mit der Organisation {organization} verknüpft")]
    AlreadyLinked { organization: OrganizationId },
    #[error("Die Person ist nicht mit der Organisation {organization} verknüpft")]
    NotLinked { organization: OrganizationId },
    #[error("Die Einwilligung „{}“ liegt bereits vor", .purpose.label())]
    ConsentAlreadyGiven { purpose: ConsentPurpose },
    #[error("Eine Einwilligung „{}“ liegt nicht vor", .purpose.label())]
    ConsentNotGiven { purpose: ConsentPurpose },
    #[error("Die Einwilligung kann nicht vor ihrer Erteilung ({given_on}) widerrufen werden")]
    WithdrawnBeforeGiven { given_on: NaiveDate },
}

// ---------------------------------------------------------------------------------------------
// Values

/// What a person consented to.
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
pub enum ConsentPurpose {
    Newsletter,
    /// Invitations to gatherings (Empfang, Stammtisch, Fachtag …).
    Invitations,
    PhoneContact,
    /// Keeping the person's data at all, where no other legal basis applies.
    DataStorage,
}

impl ConsentPurpose {
    pub const ALL: [ConsentPurpose; 4] = [
        ConsentPurpose::Newsletter,
        ConsentPurpose::Invitations,
        ConsentPurpose::PhoneContact,
        ConsentPurpose::DataStorage,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConsentPurpose::Newsletter => "Newsletter",
            ConsentPurpose::Invitations => "Einladungen zu Veranstaltungen",
            ConsentPurpose::PhoneContact => "Telefonische Kontaktaufnahme",
            ConsentPurpose::DataStorage => "Speicherung der Daten",
        }
    }
}

/// How a consent was given.
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
pub enum ConsentChannel {
    InPerson,
    Email,
    Phone,
    Letter,
    WebForm,
}

impl ConsentChannel {
    pub const ALL: [ConsentChannel; 5] = [
        ConsentChannel::InPerson,
        ConsentChannel::Email,
        ConsentChannel::Phone,
        ConsentChannel::Letter,
        ConsentChannel::WebForm,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ConsentChannel::InPerson => "Persönlich",
            ConsentChannel::Email => "E-Mail",
            ConsentChannel::Phone => "Telefon",
            ConsentChannel::Letter => "Brief",
            ConsentChannel::WebForm => "Webformular",
        }
    }
}

/// Why a person's data was erased. Deliberately a closed list: the erasure event outlives the
/// personal data, so it must not carry free text that could name the person.
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
pub enum ErasureReason {
    /// The data subject asked for erasure (DSGVO Art. 17).
    DataSubjectRequest,
    RetentionPeriodExpired,
    Other,
}

impl ErasureReason {
    pub const ALL: [ErasureReason; 3] = [
        ErasureReason::DataSubjectRequest,
        ErasureReason::RetentionPeriodExpired,
        ErasureReason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ErasureReason::DataSubjectRequest => "Antrag der betroffenen Person (Art. 17 DSGVO)",
            ErasureReason::RetentionPeriodExpired => "Aufbewahrungsfrist abgelaufen",
            ErasureReason::Other => "Sonstiger Grund",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AddPerson {
    pub person: PersonId,
    pub personal: PersonalData,
}

/// Replaces the personal data as a whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UpdatePerson {
    pub person: PersonId,
    pub personal: PersonalData,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LinkPerson {
    pub person: PersonId,
    pub organization: OrganizationId,
    /// The person's function there, e.g. „Geschäftsführerin“.
    pub role: Title,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnlinkPerson {
    pub person: PersonId,
    pub organization: OrganizationId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecordConsent {
    pub person: PersonId,
    pub purpose: ConsentPurpose,
    pub channel: ConsentChannel,
    /// Where the consent was given (form, event, campaign); never text about the person.
    pub source: Text,
    pub given_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WithdrawConsent {
    pub person: PersonId,
    pub purpose: ConsentPurpose,
    pub withdrawn_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ErasePerson {
    pub person: PersonId,
    pub erased_on: NaiveDate,
    pub reason: ErasureReason,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum PersonCommand {
    Add(AddPerson),
    Update(UpdatePerson),
    Link(LinkPerson),
    Unlink(UnlinkPerson),
    RecordConsent(RecordConsent),
    WithdrawConsent(WithdrawConsent),
    Erase(ErasePerson),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum PersonEvent {
    #[serde(rename = "PersonAdded")]
    Added {
        person: PersonId,
        personal: Erasable<PersonalData>,
    },
    #[serde(rename = "PersonUpdated")]
    Updated {
        person: PersonId,
        personal: Erasable<PersonalData>,
    },
    #[serde(rename = "PersonLinked")]
    Linked {
        person: PersonId,
        organization: OrganizationId,
        role: Title,
    },
    #[serde(rename = "PersonUnlinked")]
    Unlinked {
        person: PersonId,
        organization: OrganizationId,
    },
    #[serde(rename = "ConsentRecorded")]
    ConsentRecorded {
        person: PersonId,
        purpose: ConsentPurpose,
        channel: ConsentChannel,
        source: Text,
        given_on: NaiveDate,
    },
    #[serde(rename = "ConsentWithdrawn")]
    ConsentWithdrawn {
        person: PersonId,
        purpose: ConsentPurpose,
        withdrawn_on: NaiveDate,
    },
    #[serde(rename = "PersonErased")]
    Erased {
        person: PersonId,
        erased_on: NaiveDate,
        reason: ErasureReason,
    },
}

impl PersonEvent {
    pub fn person(&self) -> PersonId {
        match self {
            PersonEvent::Added { person, .. }
            | PersonEvent::Updated { person, .. }
            | PersonEvent::Linked { person, .. }
            | PersonEvent::Unlinked { person, .. }
            | PersonEvent::ConsentRecorded { person, .. }
            | PersonEvent::ConsentWithdrawn { person, .. }
            | PersonEvent::Erased { person, .. } => *person,
        }
    }
}

impl DomainEvent for PersonEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "PersonAdded",
        "PersonUpdated",
        "PersonLinked",
        "PersonUnlinked",
        "ConsentRecorded",
        "ConsentWithdrawn",
        "PersonErased",
    ];

    /// Every person event is keyed to its person, so the store can find the key for `personal`
    /// and an access request (Art. 15) can collect the whole stream.
    fn data_subject(&self) -> Option<Uuid> {
        Some(self.person().as_uuid())
    }
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PersonState {
    pub added: bool,
    pub erased: bool,
    /// `Some(Erasable::Erased)` once the key is gone, even before `PersonErased` is folded in.
    pub personal: Option<Erasable<PersonalData>>,
    /// Current links: organization → role there.
    pub links: BTreeMap<OrganizationId, Title>,
    /// Consents in force: purpose → date given.
    pub consents: BTreeMap<ConsentPurpose, NaiveDate>,
}

impl PersonState {
    /// Whether the personal data is gone, by a recorded erasure or an already deleted key.
    pub fn is_erased(&self) -> bool {
        self.erased || self.personal.as_ref().is_some_and(Erasable::is_erased)
    }
}

/// The decider of the `person` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Person;

impl Decider for Person {
    const CATEGORY: &'static str = "person";
    type Command = PersonCommand;
    type Event = PersonEvent;
    type State = PersonState;
    type Error = PersonError;

    fn stream_id(command: &PersonCommand) -> String {
        use PersonCommand as C;
        let id = match command {
            C::Add(c) => c.person,
            C::Update(c) => c.person,
            C::Link(c) => c.person,
            C::Unlink(c) => c.person,
            C::RecordConsent(c) => c.person,
            C::WithdrawConsent(c) => c.person,
            C::Erase(c) => c.person,
        };
        id.to_string()
    }

    fn evolve(mut state: PersonState, event: &PersonEvent) -> PersonState {
        use PersonEvent as E;
        match event {
            E::Added { personal, .. } => {
                state.added = true;
                state.personal = Some(personal.clone());
            }
            E::Updated { personal, .. } => state.personal = Some(personal.clone()),
            E::Linked {
                organization, role, ..
            } => {
                state.links.insert(*organization, role.clone());
            }
            E::Unlinked { organization, .. } => {
                state.links.remove(organization);
            }
            E::ConsentRecorded {
                purpose, given_on, ..
            } => {
                state.consents.insert(*purpose, *given_on);
            }
            E::ConsentWithdrawn { purpose, .. } => {
                state.consents.remove(purpose);
            }
            E::Erased { .. } => {
                state.erased = true;
                state.personal = Some(Erasable::Erased);
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use PersonCommand as C;
        match command {
            C::RecordConsent(c) => vec![BusinessDate::happened("Einwilligung am", c.given_on)],
            C::WithdrawConsent(c) => vec![BusinessDate::happened("widerrufen am", c.withdrawn_on)],
            C::Erase(c) => vec![BusinessDate::happened("gelöscht am", c.erased_on)],
            _ => Vec::new(),
        }
    }

    fn decide(
        command: &PersonCommand,
        state: &PersonState,
    ) -> Result<Vec<PersonEvent>, PersonError> {
        use PersonCommand as C;
        use PersonEvent as E;
        // An erased person accepts nothing more, not even a second erasure.
        if state.erased {
            return Err(PersonError::Erased);
        }
        if let C::Add(c) = command {
            if state.added {
                return Err(PersonError::AlreadyAdded);
            }
            return Ok(vec![E::Added {
                person: c.person,
                personal: Erasable::Known(c.personal.clone()),
            }]);
        }
        if !state.added {
            return Err(PersonError::NotAdded);
        }
        // The key may already be deleted while `PersonErased` is still to be written: then only
        // the erasure itself may proceed.
        if state.is_erased() && !matches!(command, C::Erase(_)) {
            return Err(PersonError::Erased);
        }
        let events = match command {
            C::Add(_) => unreachable!("handled above"),
            C::Update(c) => {
                if state.personal.as_ref().and_then(Erasable::known) == Some(&c.personal) {
                    return Ok(vec![]);
                }
                vec![E::Updated {
                    person: c.person,
                    personal: Erasable::Known(c.personal.clone()),
                }]
            }
            C::Link(c) => {
                if state.links.contains_key(&c.organization) {
                    return Err(PersonError::AlreadyLinked {
                        organization: c.organization,
                    });
                }
                vec![E::Linked {
                    person: c.person,
                    organization: c.organization,
                    role: c.role.clone(),
                }]
            }
            C::Unlink(c) => {
                if !state.links.contains_key(&c.organization) {
                    return Err(PersonError::NotLinked {
                        organization: c.organization,
                    });
                }
                vec![E::Unlinked {
                    person: c.person,
                    organization: c.organization,
                }]
            }
            C::RecordConsent(c) => {
                if state.consents.contains_key(&c.purpose) {
                    return Err(PersonError::ConsentAlreadyGiven { purpose: c.purpose });
                }
                vec![E::ConsentRecorded {
                    person: c.person,
                    purpose: c.purpose,
                    channel: c.channel,
                    source: c.source.clone(),
                    given_on: c.given_on,
                }]
            }
            C::WithdrawConsent(c) => {
                let given_on = state
                    .consents
                    .get(&c.purpose)
                    .ok_or(PersonError::ConsentNotGiven { purpose: c.purpose })?;
                if c.withdrawn_on < *given_on {
                    return Err(PersonError::WithdrawnBeforeGiven {
                        given_on: *given_on,
                    });
                }
                vec![E::ConsentWithdrawn {
                    person: c.person,
                    purpose: c.purpose,
                    withdrawn_on: c.withdrawn_on,
                }]
            }
            C::Erase(c) => vec![E::Erased {
                person: c.person,
                erased_on: c.erased_on,
                reason: c.reason,
            }],
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &PersonCommand) -> bool {
        // An update replaces the personal data the user saw; redone on unseen state it could
        // silently undo someone else's change.
        !matches!(command, PersonCommand::Update(_))
    }
}

#[cfg(test)]
#[path = "person_tests.rs"]
mod tests;
