//! The inquiries a Bürgerbüro user entered for businesses, with their status as the Bürgerbüro
//! may follow it: the reference the business was given, when it came in, the topic, who of the
//! office takes care of it, and whether it was answered or closed — nothing else of the CRM.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::InquiryId,
    inquiry::InquiryStatus,
    submission::Reference,
    values::{Code, UserName},
};

use crate::views::Views;

/// Where an entered inquiry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EnteredStatus {
    /// Eingegangen, noch nicht beantwortet.
    Received,
    /// Beantwortet am …, noch nicht abgeschlossen.
    Answered { answered_on: NaiveDate },
    /// Abgeschlossen am ….
    Closed { closed_on: NaiveDate },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EnteredInquiry {
    pub inquiry: InquiryId,
    pub reference: Reference,
    pub received_on: NaiveDate,
    pub topics: Vec<Code>,
    /// Who of the office takes care of it; `None` while it waits in the team inbox.
    pub assignee: Option<UserName>,
    pub status: EnteredStatus,
}

/// The inquiries `user` entered (named as the one who received them), newest first.
pub fn entered_by(views: &Views, user: &UserName) -> Vec<EnteredInquiry> {
    let mut list: Vec<EnteredInquiry> = views
        .inquiries
        .iter()
        .filter(|(_, state)| state.submitted && state.received_by.as_ref() == Some(user))
        .filter_map(|(id, state)| {
            let status = match (state.status, state.closed_on, state.first_response_on) {
                (InquiryStatus::Closed, Some(closed_on), _) => EnteredStatus::Closed { closed_on },
                (_, _, Some(answered_on)) => EnteredStatus::Answered { answered_on },
                _ => EnteredStatus::Received,
            };
            Some(EnteredInquiry {
                inquiry: *id,
                reference: Reference::of(*id),
                received_on: state.received_on?,
                topics: state.topics.clone(),
                assignee: state.assignee.clone(),
                status,
            })
        })
        .collect();
    list.sort_by(|a, b| {
        b.received_on
            .cmp(&a.received_on)
            .then(b.inquiry.cmp(&a.inquiry))
    });
    list
}
