//! Retention (DSGVO Art. 5(1)(e)): the periods after which personal data is due for erasure,
//! the review list the data-protection officer works through, and the erasure of the entries
//! chosen from it — each one a `PersonErased` with the reason „Aufbewahrungsfrist abgelaufen“.
//! The rules, decided here once:
//! - **no contact**: the latest business day of an event that names the person
//!   (`Event::persons_named`: added, changed, linked, a consent, a contact, a visit, an
//!   invitation, attendance) lies more than `persons_without_contact_months` before today;
//! - **consent withdrawn**: no consent is in force, at least one was withdrawn, the latest
//!   withdrawal lies more than `withdrawn_consent_months` before today and nothing named the
//!   person after it.
//!
//! The senders of public-form inquiries have their own rule (`super::senders`): closed for more
//! than `closed_inquiries_months`.
//!
//! A person erased already is never listed. Erasing from the list checks each person against
//! the rules again, so a person contacted since the list was shown is kept.

use chrono::{Months, NaiveDate};
use serde::Serialize;
use wifo_domain::{ids::PersonId, person::ErasureReason};
use wifo_projections::{Projections, views::Views};
use wifo_store::CommandContext;

use crate::{data_dir::DataDir, error::Result};

/// The periods, in months. Set by `wifo serve` (`--frist-…`), shown on the records of
/// processing (Art. 30).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RetentionPeriods {
    /// Contact persons without any contact.
    pub persons_without_contact_months: u32,
    /// Contact persons whose consents were all withdrawn.
    pub withdrawn_consent_months: u32,
    /// Entries of the access log.
    pub access_log_months: u32,
    /// The senders' data of public-form inquiries, after the inquiry was closed.
    pub closed_inquiries_months: u32,
}

impl Default for RetentionPeriods {
    fn default() -> Self {
        Self {
            persons_without_contact_months: 36,
            withdrawn_consent_months: 12,
            access_log_months: 12,
            closed_inquiries_months: 24,
        }
    }
}

/// Why a person is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum RetentionRule {
    /// No event named the person since `since`.
    NoContact { since: NaiveDate, months: u32 },
    /// The last consent was withdrawn on `since`.
    ConsentWithdrawn { since: NaiveDate, months: u32 },
}

impl RetentionRule {
    /// The German reason shown in the review list.
    pub fn reason(&self) -> String {
        match self {
            RetentionRule::NoContact { since, months } => format!(
                "Kein Kontakt seit {} (Frist: {months} Monate)",
                wifo_domain::german::date(*since)
            ),
            RetentionRule::ConsentWithdrawn { since, months } => format!(
                "Einwilligungen am {} widerrufen, seitdem kein Kontakt (Frist: {months} Monate)",
                wifo_domain::german::date(*since)
            ),
        }
    }
}

/// One person due for erasure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RetentionCase {
    pub person: PersonId,
    pub rule: RetentionRule,
    /// The German reason.
    pub reason: String,
    /// Organizations the person is linked to, by name.
    pub organizations: Vec<String>,
}

/// The day `months` before `today`: what lies before it is past the period.
pub(super) fn before(today: NaiveDate, months: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// Why `person` is due on `today`, if it is.
fn due(
    views: &Views,
    person: PersonId,
    periods: &RetentionPeriods,
    today: NaiveDate,
) -> Option<RetentionRule> {
    let record = views.persons.get(&person)?;
    if record.erased || record.personal_at.is_none() {
        return None;
    }
    let last = record.last_named?;
    let withdrawn = record.withdrawn.values().max().copied();
    if record.consents.is_empty()
        && let Some(withdrawn) = withdrawn
        && withdrawn < before(today, periods.withdrawn_consent_months)
        && last <= withdrawn
    {
        return Some(RetentionRule::ConsentWithdrawn {
            since: withdrawn,
            months: periods.withdrawn_consent_months,
        });
    }
    (last < before(today, periods.persons_without_contact_months)).then_some(
        RetentionRule::NoContact {
            since: last,
            months: periods.persons_without_contact_months,
        },
    )
}

/// Every person due for erasure on `today`, longest due first.
pub fn review(views: &Views, periods: &RetentionPeriods, today: NaiveDate) -> Vec<RetentionCase> {
    let names = views.names();
    let mut cases: Vec<RetentionCase> = views
        .persons
        .iter()
        .filter_map(|(person, record)| {
            let rule = due(views, *person, periods, today)?;
            Some(RetentionCase {
                person: *person,
                reason: rule.reason(),
                rule,
                organizations: record
                    .links
                    .keys()
                    .map(|organization| names.organization(organization))
                    .collect(),
            })
        })
        .collect();
    cases.sort_by_key(|case| match case.rule {
        RetentionRule::NoContact { since, .. } | RetentionRule::ConsentWithdrawn { since, .. } => {
            (since, case.person)
        }
    });
    cases
}

/// What erasing from the review did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct RetentionErasure {
    /// Erased now.
    pub erased: Vec<PersonId>,
    /// Chosen but no longer due (contacted since, or erased already): kept.
    pub kept: Vec<PersonId>,
}

/// Erases those of `persons` that are still due on `today`, one `PersonErased` each with the
/// reason „Aufbewahrungsfrist abgelaufen“, and deletes their keys.
pub async fn erase_due(
    data: &DataDir,
    projections: &Projections,
    periods: &RetentionPeriods,
    persons: &[PersonId],
    today: NaiveDate,
    context: &CommandContext,
) -> Result<RetentionErasure> {
    let mut outcome = RetentionErasure::default();
    for person in persons {
        let still_due = due(&projections.read(), *person, periods, today).is_some();
        if !still_due {
            outcome.kept.push(*person);
            continue;
        }
        super::erase_person(
            data,
            *person,
            today,
            ErasureReason::RetentionPeriodExpired,
            context,
        )
        .await?;
        outcome.erased.push(*person);
    }
    Ok(outcome)
}
