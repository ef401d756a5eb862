//! What each event of an inquiry means on its page: received (source, channel, topics, with the
//! description), taken over or assigned, referred to an office (with the note sent along), the
//! office's answer, the answer to the business, closed with its outcome, reopened with the
//! reason — every text that was recorded, in order.

use wifo_app::history::Recorded;
use wifo_domain::{
    inquiry::{InquiryEvent, InquiryState},
    personal::Erasable,
    submission::SenderData,
};
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
                    (*received_on, what, description.to_string())
                }
                E::Submitted {
                    submission,
                    personal,
                    ..
                } => {
                    let what = format!(
                        "{} {} ({}: {}, PLZ {})",
                        texts::get("history.inquiry_submitted"),
                        submission.reference,
                        texts::get("public.found_via"),
                        submission.found_via.label(),
                        submission.postal_code
                    );
                    (entry.occurred_on, what, sender_text(personal))
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
                    String::new(),
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
                    note.to_string(),
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
                    answer.to_string(),
                ),
                E::Answered {
                    answered_on,
                    answer,
                    ..
                } => (
                    *answered_on,
                    texts::get("history.inquiry_answered").to_owned(),
                    answer.to_string(),
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
                    String::new(),
                ),
                E::Reopened {
                    reopened_on,
                    reason,
                    ..
                } => (
                    *reopened_on,
                    texts::get("history.inquiry_reopened").to_owned(),
                    reason.to_string(),
                ),
                E::SenderErased {
                    erased_on, reason, ..
                } => (
                    *erased_on,
                    texts::get("history.sender_erased").to_owned(),
                    reason.label().to_owned(),
                ),
            };
            HistoryLine::of(names, entry, on, what, &text)
        })
        .collect()
}

/// The sender's data as the inquiry's page shows it, or that it was erased.
fn sender_text(personal: &Erasable<SenderData>) -> String {
    let Erasable::Known(sender) = personal else {
        return texts::get("public.sender_erased").to_owned();
    };
    let mut lines = vec![
        format!("{}: {}", texts::get("public.business"), sender.business),
        format!(
            "{}: {}",
            texts::get("public.contact"),
            sender.contact_person
        ),
    ];
    if let Some(email) = &sender.email {
        lines.push(format!("{}: {email}", texts::get("public.email")));
    }
    if let Some(phone) = &sender.phone {
        lines.push(format!("{}: {phone}", texts::get("public.phone")));
    }
    if let Some(street) = &sender.street {
        lines.push(format!("{}: {street}", texts::get("public.street")));
    }
    lines.join("\n")
}
