//! What every stored event type promises, and the union of all streams' events as projections
//! see them in the global log.

use std::fmt::Debug;

use serde::{Serialize, de::DeserializeOwned};
use uuid::Uuid;

use crate::{
    contact::ContactEvent, cooperation::CooperationEvent, gathering::GatheringEvent,
    inquiry::InquiryEvent, organization::OrganizationEvent, person::PersonEvent,
    retreat::RetreatEvent, taxonomy::TaxonomyEvent, user::UserEvent, visit::VisitEvent,
};

/// A stream's event enum. Its serde form is the compatibility promise of the log: every variant
/// is a struct variant renamed to its stable type name (`OrganizationRegistered`), fields are
/// never renamed, and a changed shape gets a new schema version and an upcaster in the store.
pub trait DomainEvent:
    Serialize + DeserializeOwned + Clone + Debug + PartialEq + Send + Sync
{
    /// The stable type names of all variants.
    const TYPE_NAMES: &'static [&'static str];

    /// The schema version written for new events of this type.
    fn schema_version(_event_type: &str) -> u16 {
        1
    }

    /// The person whose key encrypts this event's `personal` field, if it has one.
    fn data_subject(&self) -> Option<Uuid> {
        None
    }
}

/// Any event of any stream, as read from the global log.
#[allow(clippy::large_enum_variant)] // Short-lived while decoding; boxing would cost every read.
/// Serialized as the inner event (`{"OrganizationRegistered": {…}}`), for exports.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Event {
    Organization(OrganizationEvent),
    Person(PersonEvent),
    Visit(VisitEvent),
    Contact(ContactEvent),
    Inquiry(InquiryEvent),
    Cooperation(CooperationEvent),
    Gathering(GatheringEvent),
    Retreat(RetreatEvent),
    Taxonomy(TaxonomyEvent),
    User(UserEvent),
}

/// The stream categories, in the order of [`Event`]'s variants.
pub const CATEGORIES: &[&str] = &[
    "organization",
    "person",
    "visit",
    "contact",
    "inquiry",
    "cooperation",
    "gathering",
    "retreat",
    "taxonomy",
    "user",
];

/// The category of a stream name (`organization-0190…` → `organization`).
pub fn category_of(stream: &str) -> &str {
    stream
        .split_once('-')
        .map_or(stream, |(category, _)| category)
}
