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

impl Event {
    /// The contact persons the event names (their own stream's events, a contact with them, a
    /// visit they took part in or are planned for, an invitation, an answer or attendance): the
    /// one definition of „names the person“ that the last contact of the retention review and
    /// the access export (Art. 15) both use.
    pub fn persons_named(&self) -> Vec<crate::ids::PersonId> {
        use crate::{
            contact::ContactEvent as C, gathering::GatheringEvent as G, visit::VisitEvent as V,
        };
        match self {
            Event::Person(event) => vec![event.person()],
            Event::Contact(C::Logged { person, .. } | C::Corrected { person, .. }) => {
                person.iter().copied().collect()
            }
            Event::Visit(V::Planned { participants, .. } | V::Conducted { participants, .. }) => {
                participants.clone()
            }
            Event::Gathering(G::Invited { persons, .. }) => persons.clone(),
            Event::Gathering(G::RegistrationRecorded { person, .. }) => {
                person.iter().copied().collect()
            }
            Event::Gathering(G::Held { attendance, .. }) => attendance
                .iter()
                .filter_map(|attendee| attendee.person)
                .collect(),
            _ => Vec::new(),
        }
    }
}
