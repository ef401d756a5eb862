//! The records the views keep per entity. Domain states are reused where they carry exactly what
//! views need (folded with the domain's own `evolve`); persons are the exception: their record
//! holds where their personal data is in the log, never the data itself, so no snapshot file
//! ever contains a name and an erasure takes effect at the next read.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    organization::{OrganizationEvent, OrganizationState},
    person::ConsentPurpose,
    values::Title,
};
use wifo_store::Position;

use super::timeline::TimelineEntry;

/// Everything the views know about one organization.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrganizationRecord {
    pub state: OrganizationState,
    /// The organization's own events with the day each happened and the day it was entered, in
    /// the order entered: folded in the order they happened up to a date, as far as known on a
    /// date, they give the master data as of that date as known then.
    pub changes: Vec<Change>,
    pub timeline: Vec<TimelineEntry>,
    /// Persons linked now, with their role.
    pub persons: BTreeMap<PersonId, Title>,
    /// The latest visit, contact, inquiry or attendance.
    pub last_contact: Option<NaiveDate>,
    /// Duplicates merged into this organization.
    pub absorbed: BTreeSet<OrganizationId>,
    /// Name folded for search (see `search.rs`).
    pub search_key: String,
    /// The folded words of every name it had, its address and its external id: what the
    /// search finds it by.
    pub search_terms: String,
}

/// One event of an organization's own stream with its two dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Change {
    /// The day it happened (business time).
    pub on: NaiveDate,
    /// The day it was entered (the log's `recorded_at`).
    pub recorded_on: NaiveDate,
    pub event: OrganizationEvent,
}

/// What the views keep about a person: no personal data, only where to find it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PersonRecord {
    /// Position of the newest event holding the person's `personal` field.
    pub personal_at: Option<Position>,
    pub erased: bool,
    pub links: BTreeMap<OrganizationId, Title>,
    pub consents: BTreeMap<ConsentPurpose, NaiveDate>,
    /// Consents withdrawn and not given again: purpose → day withdrawn.
    pub withdrawn: BTreeMap<ConsentPurpose, NaiveDate>,
    /// The latest business day of an event that names the person (`Event::persons_named`):
    /// what the retention review counts „without contact“ from.
    pub last_named: Option<NaiveDate>,
}
