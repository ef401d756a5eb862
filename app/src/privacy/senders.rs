//! The senders of public-form inquiries (DSGVO Art. 17 and 5(1)(e)): what the form recorded
//! about them (business, contact person, mail, phone, street) is sealed with a key of its own,
//! so erasing a sender writes `InquirySenderErased` and deletes that key — the inquiry itself
//! (topic, text, dates, outcome) stays for the statistics. The retention rule, decided here
//! once: a sender is due when the inquiry was closed more than `closed_inquiries_months` ago and
//! is still closed; a reopened inquiry is not due.

use chrono::NaiveDate;
use serde::Serialize;
use wifo_domain::{
    ids::InquiryId,
    inquiry::{EraseSender, Inquiry, InquiryCommand, InquiryError, InquiryStatus},
    person::ErasureReason,
    submission::Reference,
};
use wifo_projections::{Projections, views::Views};
use wifo_store::{CommandContext, CommandError, EventStore, Position};

use super::retention::{RetentionPeriods, before};
use crate::{data_dir::DataDir, error::Result};

/// Erases the sender of a public-form inquiry. Safe to repeat: if the event was written but
/// the key deletion was interrupted, running it again deletes the key.
pub async fn erase_sender(
    data: &DataDir,
    inquiry: InquiryId,
    erased_on: NaiveDate,
    reason: ErasureReason,
    context: &CommandContext,
) -> Result<Position> {
    let command = InquiryCommand::EraseSender(EraseSender {
        inquiry,
        erased_on,
        reason,
    });
    let position = match data
        .handler
        .execute::<Inquiry>(&command, context, None)
        .await
    {
        Ok(outcome) => outcome.position,
        // Erased already: only the key deletion may be left to do.
        Err(CommandError::Rejected(InquiryError::SenderErased)) => data.store.head().await?,
        Err(error) => return Err(error.into()),
    };
    let (state, _, _) = data.handler.load::<Inquiry>(&inquiry.to_string()).await?;
    if let Some(sender) = state.sender {
        data.keys.erase(sender)?;
    }
    Ok(position)
}

/// One sender due for erasure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SenderCase {
    pub inquiry: InquiryId,
    /// The reference the sender was shown (`WF-…`).
    pub reference: String,
    pub closed_on: NaiveDate,
    /// The German reason.
    pub reason: String,
}

fn due(
    views: &Views,
    inquiry: InquiryId,
    periods: &RetentionPeriods,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let state = views.inquiries.get(&inquiry)?;
    let closed_on = state.closed_on?;
    (state.submitted
        && state.sender.is_some()
        && !state.sender_erased
        && state.status == InquiryStatus::Closed
        && closed_on < before(today, periods.closed_inquiries_months))
    .then_some(closed_on)
}

/// Every sender due on `today`, longest due first.
pub fn review_senders(
    views: &Views,
    periods: &RetentionPeriods,
    today: NaiveDate,
) -> Vec<SenderCase> {
    let months = periods.closed_inquiries_months;
    let mut cases: Vec<SenderCase> = views
        .inquiries
        .keys()
        .filter_map(|inquiry| {
            let closed_on = due(views, *inquiry, periods, today)?;
            Some(SenderCase {
                inquiry: *inquiry,
                reference: Reference::of(*inquiry).to_string(),
                closed_on,
                reason: format!(
                    "Anliegen am {} abgeschlossen (Frist: {months} Monate)",
                    wifo_domain::german::date(closed_on)
                ),
            })
        })
        .collect();
    cases.sort_by_key(|case| (case.closed_on, case.inquiry));
    cases
}

/// What erasing senders from the review did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SenderErasure {
    /// Erased now.
    pub erased: Vec<InquiryId>,
    /// Chosen but no longer due (reopened, or erased already): kept.
    pub kept: Vec<InquiryId>,
}

/// Erases the senders of those of `inquiries` that are still due on `today`, each with the
/// reason „Aufbewahrungsfrist abgelaufen“.
pub async fn erase_due_senders(
    data: &DataDir,
    projections: &Projections,
    periods: &RetentionPeriods,
    inquiries: &[InquiryId],
    today: NaiveDate,
    context: &CommandContext,
) -> Result<SenderErasure> {
    let mut outcome = SenderErasure::default();
    for inquiry in inquiries {
        if due(&projections.read(), *inquiry, periods, today).is_none() {
            outcome.kept.push(*inquiry);
            continue;
        }
        erase_sender(
            data,
            *inquiry,
            today,
            ErasureReason::RetentionPeriodExpired,
            context,
        )
        .await?;
        outcome.erased.push(*inquiry);
    }
    Ok(outcome)
}

/// The public-form inquiry with `reference` (`WF-XXXX-XXXX`, as the sender was shown it; case
/// and surrounding blanks do not matter), if there is one.
pub fn find_by_reference(views: &Views, reference: &str) -> Option<InquiryId> {
    let wanted = reference.trim().to_ascii_uppercase();
    views
        .inquiries
        .iter()
        .filter(|(_, state)| state.submitted)
        .map(|(inquiry, _)| *inquiry)
        .find(|inquiry| Reference::of(*inquiry).as_str() == wanted)
}
