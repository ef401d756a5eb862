//! The `inquiry` stream: a question or problem a business brings (Anliegen), directly or
//! forwarded by the Bürgerbüro, the Ordnungsamt or a chamber — received, assigned, referred to
//! other offices ("Gewerbe trifft Ämter"), answered and closed with an outcome, and reopened when
//! it comes back. The dates recorded here are what the response-time reports measure.

use crate::dates::BusinessDate;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    contact::Channel,
    decider::Decider,
    decider::DomainEvent,
    ids::{InquiryId, OrganizationId, ReferralId},
    person::ErasureReason,
    personal::Erasable,
    submission::{FoundVia, SenderData, Submission},
    values::{Code, Text, UserName},
};

/// The actor named as having received an inquiry from the public form.
pub const ONLINE_FORM_ACTOR: &str = "online-formular";

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InquiryError {
    #[error("Das Anliegen ist nicht erfasst")]
    NotReceived,
    #[error("Das Anliegen ist bereits erfasst")]
    AlreadyReceived,
    #[error("Das Anliegen ist abgeschlossen")]
    Closed,
    #[error("Das Anliegen ist nicht abgeschlossen")]
    NotClosed,
    #[error("Das Datum liegt vor dem Eingang des Anliegens ({received_on})")]
    BeforeReceived { received_on: NaiveDate },
    #[error("Das Anliegen kann nicht vor seinem Abschluss ({closed_on}) wiedereröffnet werden")]
    ReopenedBeforeClosed { closed_on: NaiveDate },
    #[error("Die Weiterleitung {0} gibt es bereits")]
    ReferralExists(ReferralId),
    #[error("Die Weiterleitung {0} gibt es nicht")]
    UnknownReferral(ReferralId),
    #[error("Die Weiterleitung {0} ist bereits beantwortet")]
    ReferralAlreadyAnswered(ReferralId),
    #[error("Die Antwort kann nicht vor der Weiterleitung ({referred_on}) eingegangen sein")]
    ReferralAnsweredBeforeReferred { referred_on: NaiveDate },
    #[error("Das Anliegen kam nicht über das Online-Formular: es gibt keine Absenderdaten")]
    NotSubmitted,
    #[error("Die Absenderdaten sind bereits gelöscht")]
    SenderErased,
}

// ---------------------------------------------------------------------------------------------
// Values

/// Who brought the inquiry to the office.
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
pub enum InquirySource {
    /// The business itself.
    Direct,
    /// Forwarded by a Bürgerbüro (citizens' office).
    CitizensOffice,
    /// Forwarded by the Ordnungsamt.
    PublicOrderOffice,
    /// Forwarded by IHK, HWK or another chamber.
    Chamber,
    /// Forwarded by another office of the administration.
    OtherOffice,
}

impl InquirySource {
    pub const ALL: [InquirySource; 5] = [
        InquirySource::Direct,
        InquirySource::CitizensOffice,
        InquirySource::PublicOrderOffice,
        InquirySource::Chamber,
        InquirySource::OtherOffice,
    ];

    /// German label as shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            InquirySource::Direct => "direkt",
            InquirySource::CitizensOffice => "über das Bürgerbüro",
            InquirySource::PublicOrderOffice => "über das Ordnungsamt",
            InquirySource::Chamber => "über eine Kammer",
            InquirySource::OtherOffice => "über ein anderes Amt",
        }
    }
}

impl FoundVia {
    /// The inquiry's source: who pointed the business to the office.
    pub fn source(self) -> InquirySource {
        match self {
            FoundVia::OrderOfficeBrochure => InquirySource::PublicOrderOffice,
            FoundVia::CitizensOffice => InquirySource::CitizensOffice,
            FoundVia::Chamber => InquirySource::Chamber,
            FoundVia::Website | FoundVia::Flyer | FoundVia::Event | FoundVia::Other => {
                InquirySource::Direct
            }
        }
    }
}

/// How a closed inquiry ended.
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
pub enum InquiryOutcome {
    Solved,
    PartlySolved,
    NotSolvable,
    Withdrawn,
}

impl InquiryOutcome {
    pub const ALL: [InquiryOutcome; 4] = [
        InquiryOutcome::Solved,
        InquiryOutcome::PartlySolved,
        InquiryOutcome::NotSolvable,
        InquiryOutcome::Withdrawn,
    ];

    /// German label as shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            InquiryOutcome::Solved => "gelöst",
            InquiryOutcome::PartlySolved => "teilweise gelöst",
            InquiryOutcome::NotSolvable => "nicht lösbar",
            InquiryOutcome::Withdrawn => "zurückgezogen",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReceiveInquiry {
    pub inquiry: InquiryId,
    /// `None` for an anonymous inquiry.
    pub organization: Option<OrganizationId>,
    pub channel: Channel,
    pub source: InquirySource,
    pub topics: Vec<Code>,
    pub description: Text,
    pub received_on: NaiveDate,
    pub received_by: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssignInquiry {
    pub inquiry: InquiryId,
    pub assignee: UserName,
    pub assigned_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReferInquiry {
    pub inquiry: InquiryId,
    pub referral: ReferralId,
    /// The office (taxonomy code) the inquiry is passed to.
    pub office: Code,
    pub referred_on: NaiveDate,
    pub note: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AnswerReferral {
    pub inquiry: InquiryId,
    pub referral: ReferralId,
    pub answered_on: NaiveDate,
    pub answer: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AnswerInquiry {
    pub inquiry: InquiryId,
    pub answered_on: NaiveDate,
    pub answer: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CloseInquiry {
    pub inquiry: InquiryId,
    pub closed_on: NaiveDate,
    pub outcome: InquiryOutcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReopenInquiry {
    pub inquiry: InquiryId,
    pub reopened_on: NaiveDate,
    pub reason: Text,
}

/// Erases what the public form recorded about the sender (business, contact person, mail,
/// phone, street): the event is written, then the sender's key is deleted. Allowed at any time,
/// also on a closed inquiry — an erasure request or an expired retention period does not wait
/// for the inquiry's status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EraseSender {
    pub inquiry: InquiryId,
    pub erased_on: NaiveDate,
    pub reason: ErasureReason,
}

/// An inquiry from the public form: received, with the sender's data, and assigned as the
/// routing rules say, in one append.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SubmitInquiry {
    pub inquiry: InquiryId,
    pub submission: Submission,
    pub personal: SenderData,
    pub topic: Option<Code>,
    pub description: Text,
    pub received_on: NaiveDate,
    /// From the routing rules; `None` leaves the inquiry in the team inbox.
    pub assignee: Option<UserName>,
    /// The Bürgerbüro user who entered it for the business; `None` for the public form.
    #[serde(default)]
    pub entered_by: Option<UserName>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum InquiryCommand {
    Receive(ReceiveInquiry),
    /// Boxed: the sender's data makes it several times the size of the other commands.
    Submit(Box<SubmitInquiry>),
    Assign(AssignInquiry),
    Refer(ReferInquiry),
    AnswerReferral(AnswerReferral),
    Answer(AnswerInquiry),
    Close(CloseInquiry),
    Reopen(ReopenInquiry),
    EraseSender(EraseSender),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum InquiryEvent {
    #[serde(rename = "InquiryReceived")]
    Received {
        inquiry: InquiryId,
        organization: Option<OrganizationId>,
        channel: Channel,
        source: InquirySource,
        topics: Vec<Code>,
        description: Text,
        received_on: NaiveDate,
        received_by: UserName,
    },
    /// What the public form added: the reference, how the sender found the office, and the
    /// sender's data (sealed with the sender's key; `Erased` once it is deleted).
    #[serde(rename = "InquirySubmitted")]
    Submitted {
        inquiry: InquiryId,
        submission: Submission,
        personal: Erasable<SenderData>,
    },
    #[serde(rename = "InquiryAssigned")]
    Assigned {
        inquiry: InquiryId,
        assignee: UserName,
        assigned_on: NaiveDate,
    },
    #[serde(rename = "InquiryReferred")]
    Referred {
        inquiry: InquiryId,
        referral: ReferralId,
        office: Code,
        referred_on: NaiveDate,
        note: Text,
    },
    #[serde(rename = "ReferralAnswered")]
    ReferralAnswered {
        inquiry: InquiryId,
        referral: ReferralId,
        answered_on: NaiveDate,
        answer: Text,
    },
    #[serde(rename = "InquiryAnswered")]
    Answered {
        inquiry: InquiryId,
        answered_on: NaiveDate,
        answer: Text,
    },
    #[serde(rename = "InquiryClosed")]
    Closed {
        inquiry: InquiryId,
        closed_on: NaiveDate,
        outcome: InquiryOutcome,
    },
    #[serde(rename = "InquiryReopened")]
    Reopened {
        inquiry: InquiryId,
        reopened_on: NaiveDate,
        reason: Text,
    },
    /// The sender's data was erased (their key deleted). Carries no free text: it outlives
    /// the data.
    #[serde(rename = "InquirySenderErased")]
    SenderErased {
        inquiry: InquiryId,
        sender: uuid::Uuid,
        erased_on: NaiveDate,
        reason: ErasureReason,
    },
}

impl InquiryEvent {
    /// The inquiry the event is about.
    pub fn inquiry(&self) -> InquiryId {
        match self {
            Self::Received { inquiry, .. }
            | Self::Submitted { inquiry, .. }
            | Self::Assigned { inquiry, .. }
            | Self::Referred { inquiry, .. }
            | Self::ReferralAnswered { inquiry, .. }
            | Self::Answered { inquiry, .. }
            | Self::Closed { inquiry, .. }
            | Self::Reopened { inquiry, .. }
            | Self::SenderErased { inquiry, .. } => *inquiry,
        }
    }
}

impl DomainEvent for InquiryEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "InquiryReceived",
        "InquirySubmitted",
        "InquiryAssigned",
        "InquiryReferred",
        "ReferralAnswered",
        "InquiryAnswered",
        "InquiryClosed",
        "InquiryReopened",
        "InquirySenderErased",
    ];

    fn data_subject(&self) -> Option<uuid::Uuid> {
        match self {
            Self::Submitted { submission, .. } => Some(submission.sender),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum InquiryStatus {
    #[default]
    NotReceived,
    Open,
    Closed,
}

/// One referral of the inquiry to an office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Referral {
    pub office: Code,
    pub referred_on: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InquiryState {
    pub status: InquiryStatus,
    pub organization: Option<OrganizationId>,
    pub channel: Option<Channel>,
    pub source: Option<InquirySource>,
    pub topics: Vec<Code>,
    pub received_on: Option<NaiveDate>,
    pub received_by: Option<UserName>,
    pub assignee: Option<UserName>,
    /// The date of the first answer: what response times are measured to.
    pub first_response_on: Option<NaiveDate>,
    pub last_answered_on: Option<NaiveDate>,
    pub referrals: BTreeMap<ReferralId, Referral>,
    /// Set while closed; a reopened inquiry has none.
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<InquiryOutcome>,
    /// The inquiry came through the public form (its reference is `Reference::of` its id).
    #[serde(default)]
    pub submitted: bool,
    /// The key of the sender's data, for an inquiry from the public form.
    #[serde(default)]
    pub sender: Option<uuid::Uuid>,
    /// The sender's data was erased (`InquirySenderErased`).
    #[serde(default)]
    pub sender_erased: bool,
}

/// The decider of the `inquiry` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Inquiry;

impl Decider for Inquiry {
    const CATEGORY: &'static str = "inquiry";
    type Command = InquiryCommand;
    type Event = InquiryEvent;
    type State = InquiryState;
    type Error = InquiryError;

    fn stream_id(command: &InquiryCommand) -> String {
        use InquiryCommand as C;
        let id = match command {
            C::Receive(c) => c.inquiry,
            C::Submit(c) => c.inquiry,
            C::Assign(c) => c.inquiry,
            C::Refer(c) => c.inquiry,
            C::AnswerReferral(c) => c.inquiry,
            C::Answer(c) => c.inquiry,
            C::Close(c) => c.inquiry,
            C::Reopen(c) => c.inquiry,
            C::EraseSender(c) => c.inquiry,
        };
        id.to_string()
    }

    fn evolve(mut state: InquiryState, event: &InquiryEvent) -> InquiryState {
        use InquiryEvent as E;
        match event {
            E::Received {
                organization,
                channel,
                source,
                topics,
                received_on,
                received_by,
                ..
            } => {
                state.status = InquiryStatus::Open;
                state.organization = *organization;
                state.channel = Some(*channel);
                state.source = Some(*source);
                state.topics = topics.clone();
                state.received_on = Some(*received_on);
                state.received_by = Some(received_by.clone());
            }
            E::Submitted { submission, .. } => {
                state.submitted = true;
                state.sender = Some(submission.sender);
            }
            E::SenderErased { .. } => state.sender_erased = true,
            E::Assigned { assignee, .. } => state.assignee = Some(assignee.clone()),
            E::Referred {
                referral,
                office,
                referred_on,
                ..
            } => {
                state.referrals.insert(
                    *referral,
                    Referral {
                        office: office.clone(),
                        referred_on: *referred_on,
                        answered_on: None,
                    },
                );
            }
            E::ReferralAnswered {
                referral,
                answered_on,
                ..
            } => {
                if let Some(referral) = state.referrals.get_mut(referral) {
                    referral.answered_on = Some(*answered_on);
                }
            }
            E::Answered { answered_on, .. } => {
                // The first answer is the earliest by business date, whatever order they
                // were recorded in.
                state.first_response_on = Some(
                    state
                        .first_response_on
                        .map_or(*answered_on, |first| first.min(*answered_on)),
                );
                state.last_answered_on = Some(*answered_on);
            }
            E::Closed {
                closed_on, outcome, ..
            } => {
                state.status = InquiryStatus::Closed;
                state.closed_on = Some(*closed_on);
                state.outcome = Some(*outcome);
            }
            E::Reopened { .. } => {
                state.status = InquiryStatus::Open;
                state.closed_on = None;
                state.outcome = None;
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use InquiryCommand as C;
        match command {
            C::Receive(c) => vec![BusinessDate::happened("eingegangen am", c.received_on)],
            C::Submit(c) => vec![BusinessDate::happened("eingegangen am", c.received_on)],
            C::Assign(c) => vec![BusinessDate::happened("übernommen am", c.assigned_on)],
            C::Refer(c) => vec![BusinessDate::happened("weitergeleitet am", c.referred_on)],
            C::AnswerReferral(c) => vec![BusinessDate::happened(
                "Antwort des Amtes am",
                c.answered_on,
            )],
            C::Answer(c) => vec![BusinessDate::happened("beantwortet am", c.answered_on)],
            C::Close(c) => vec![BusinessDate::happened("abgeschlossen am", c.closed_on)],
            C::Reopen(c) => vec![BusinessDate::happened("wiedereröffnet am", c.reopened_on)],
            C::EraseSender(c) => vec![BusinessDate::happened("gelöscht am", c.erased_on)],
        }
    }

    fn decide(
        command: &InquiryCommand,
        state: &InquiryState,
    ) -> Result<Vec<InquiryEvent>, InquiryError> {
        use InquiryCommand as C;
        use InquiryEvent as E;
        if let C::Receive(c) = command {
            if state.status != InquiryStatus::NotReceived {
                return Err(InquiryError::AlreadyReceived);
            }
            return Ok(vec![E::Received {
                inquiry: c.inquiry,
                organization: c.organization,
                channel: c.channel,
                source: c.source,
                topics: c.topics.clone(),
                description: c.description.clone(),
                received_on: c.received_on,
                received_by: c.received_by.clone(),
            }]);
        }
        if let C::Submit(c) = command {
            if state.status != InquiryStatus::NotReceived {
                return Err(InquiryError::AlreadyReceived);
            }
            let online_form =
                UserName::parse(ONLINE_FORM_ACTOR).expect("the form's actor is a valid login");
            let mut events = vec![
                E::Submitted {
                    inquiry: c.inquiry,
                    submission: c.submission.clone(),
                    personal: Erasable::Known(c.personal.clone()),
                },
                E::Received {
                    inquiry: c.inquiry,
                    organization: None,
                    channel: Channel::OnlineForm,
                    source: c.submission.found_via.source(),
                    topics: c.topic.iter().cloned().collect(),
                    description: c.description.clone(),
                    received_on: c.received_on,
                    received_by: c.entered_by.clone().unwrap_or(online_form),
                },
            ];
            if let Some(assignee) = &c.assignee {
                events.push(E::Assigned {
                    inquiry: c.inquiry,
                    assignee: assignee.clone(),
                    assigned_on: c.received_on,
                });
            }
            return Ok(events);
        }
        let Some(received_on) = state.received_on else {
            return Err(InquiryError::NotReceived);
        };
        let not_before_received = |date: NaiveDate| {
            if date < received_on {
                Err(InquiryError::BeforeReceived { received_on })
            } else {
                Ok(())
            }
        };
        if let C::EraseSender(c) = command {
            let Some(sender) = state.sender else {
                return Err(InquiryError::NotSubmitted);
            };
            if state.sender_erased {
                return Err(InquiryError::SenderErased);
            }
            not_before_received(c.erased_on)?;
            return Ok(vec![E::SenderErased {
                inquiry: c.inquiry,
                sender,
                erased_on: c.erased_on,
                reason: c.reason,
            }]);
        }
        if let C::Reopen(c) = command {
            let (InquiryStatus::Closed, Some(closed_on)) = (state.status, state.closed_on) else {
                return Err(InquiryError::NotClosed);
            };
            if c.reopened_on < closed_on {
                return Err(InquiryError::ReopenedBeforeClosed { closed_on });
            }
            return Ok(vec![E::Reopened {
                inquiry: c.inquiry,
                reopened_on: c.reopened_on,
                reason: c.reason.clone(),
            }]);
        }
        if state.status == InquiryStatus::Closed {
            return Err(InquiryError::Closed);
        }
        let events = match command {
            C::Receive(_) | C::Submit(_) | C::Reopen(_) | C::EraseSender(_) => {
                unreachable!("handled above")
            }
            C::Assign(c) => {
                not_before_received(c.assigned_on)?;
                if state.assignee.as_ref() == Some(&c.assignee) {
                    return Ok(vec![]);
                }
                vec![E::Assigned {
                    inquiry: c.inquiry,
                    assignee: c.assignee.clone(),
                    assigned_on: c.assigned_on,
                }]
            }
            C::Refer(c) => {
                if state.referrals.contains_key(&c.referral) {
                    return Err(InquiryError::ReferralExists(c.referral));
                }
                not_before_received(c.referred_on)?;
                vec![E::Referred {
                    inquiry: c.inquiry,
                    referral: c.referral,
                    office: c.office.clone(),
                    referred_on: c.referred_on,
                    note: c.note.clone(),
                }]
            }
            C::AnswerReferral(c) => {
                let referral = state
                    .referrals
                    .get(&c.referral)
                    .ok_or(InquiryError::UnknownReferral(c.referral))?;
                if referral.answered_on.is_some() {
                    return Err(InquiryError::ReferralAlreadyAnswered(c.referral));
                }
                if c.answered_on < referral.referred_on {
                    return Err(InquiryError::ReferralAnsweredBeforeReferred {
                        referred_on: referral.referred_on,
                    });
                }
                vec![E::ReferralAnswered {
                    inquiry: c.inquiry,
                    referral: c.referral,
                    answered_on: c.answered_on,
                    answer: c.answer.clone(),
                }]
            }
            C::Answer(c) => {
                not_before_received(c.answered_on)?;
                vec![E::Answered {
                    inquiry: c.inquiry,
                    answered_on: c.answered_on,
                    answer: c.answer.clone(),
                }]
            }
            C::Close(c) => {
                not_before_received(c.closed_on)?;
                vec![E::Closed {
                    inquiry: c.inquiry,
                    closed_on: c.closed_on,
                    outcome: c.outcome,
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &InquiryCommand) -> bool {
        // Assigning replaces the assignee the user saw; redoing it on fresh state could silently
        // take the inquiry from someone who just took it.
        !matches!(command, InquiryCommand::Assign(_))
    }
}

#[cfg(test)]
#[path = "inquiry_tests.rs"]
mod tests;
