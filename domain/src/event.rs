//! The union of all streams' events as projections see them in the global log. What every
//! stored event type promises (`DomainEvent`) is defined with the `Decider` in `decider.rs`.

pub use crate::decider::DomainEvent;
use crate::{
    contact::ContactEvent, cooperation::CooperationEvent, gathering::GatheringEvent,
    inquiry::InquiryEvent, organization::OrganizationEvent, person::PersonEvent,
    public::PublicEvent, reminder::ReminderEvent, retreat::RetreatEvent, taxonomy::TaxonomyEvent,
    user::UserEvent, visit::VisitEvent,
};

/// Any event of any stream, as read from the global log.
#[allow(clippy::large_enum_variant)] // Short-lived while decoding; boxing would cost every read.
/// Serialized as the inner event (`{"OrganizationRegistered": {…}}`), for exports.
#[derive(Clone, Debug, PartialEq, serde::Serialize, schemars::JsonSchema)]
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
    Reminder(ReminderEvent),
    Taxonomy(TaxonomyEvent),
    User(UserEvent),
    Public(PublicEvent),
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
    "reminder",
    "taxonomy",
    "user",
    "public",
];

/// The category of a stream name (`organization-0190…` → `organization`).
pub fn category_of(stream: &str) -> &str {
    stream
        .split_once('-')
        .map_or(stream, |(category, _)| category)
}
