//! What each event of an inquiry means on its page: received (source, channel, topics, with the
//! description), taken over or assigned, referred to an office (with the note sent along), the
//! office's answer, the answer to the business, closed with its outcome, reopened with the
//! reason — every text that was recorded, in order.

use wifo_app::history::Recorded;
use wifo_domain::inquiry::{InquiryEvent, InquiryState};
use wifo_projections::queries::names::Names;

use crate::ui::{history::HistoryLine, texts};

/// The history lines of one inquiry (`state` names the office of each referral).
pub(super) fn lines(
    names: &Names<'_>,
    state: &InquiryState,
    history: &[Recorded<InquiryEvent>],
) -> Vec<HistoryLine> {
    use InquiryEvent as E;
    history
        .iter()
        .map(|entry| {
            let (on, what, text) = match &entry.event {
                E::Received {
                    channel,
                    source,
                    topics,
                    description,
                    received_on,
                    ..
                } => {
                    let mut what = format!(
                        "{} ({}, {})",
                        texts::get("history.inquiry_received"),
                        source.label(),
                        channel.label()
                    );
                    if !topics.is_empty() {
                        what.push_str(&format!(
                            " – {}: {}",
                            texts::get("col.topics"),
                            names.topics(topics)
                        ));
                    }
                    (*received_on, what, description.as_str())
                }
                E::Assigned {
                    assignee,
                    assigned_on,
                    ..
                } => (
                    *assigned_on,
                    format!(
                        "{} {}",
                        texts::get("history.inquiry_assigned"),
                        names.staff(assignee.as_str())
                    ),
                    "",
                ),
                E::Referred {
                    office,
                    referred_on,
                    note,
                    ..
                } => (
                    *referred_on,
                    format!(
                        "{} {}",
                        texts::get("history.inquiry_referred"),
                        names.office(office.as_str())
                    ),
                    note.as_str(),
                ),
                E::ReferralAnswered {
                    referral,
                    answered_on,
                    answer,
                    ..
                } => (
                    *answered_on,
                    match state.referrals.get(referral) {
                        Some(found) => format!(
                            "{}: {}",
                            texts::get("history.referral_answered"),
                            names.office(found.office.as_str())
                        ),
                        None => texts::get("history.referral_answered").to_owned(),
                    },
                    answer.as_str(),
                ),
                E::Answered {
                    answered_on,
                    answer,
                    ..
                } => (
                    *answered_on,
                    texts::get("history.inquiry_answered").to_owned(),
                    answer.as_str(),
                ),
                E::Closed {
                    closed_on, outcome, ..
                } => (
                    *closed_on,
                    format!(
                        "{}: {}",
                        texts::get("history.inquiry_closed"),
                        outcome.label()
                    ),
                    "",
                ),
                E::Reopened {
                    reopened_on,
                    reason,
                    ..
                } => (
                    *reopened_on,
                    texts::get("history.inquiry_reopened").to_owned(),
                    reason.as_str(),
                ),
            };
            HistoryLine::of(names, entry, on, what, text)
        })
        .collect()
}
