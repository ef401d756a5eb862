//! Typed ids, one per stream kind, so a visit id can never be passed where an organization id is
//! meant. Ids are UUIDs (v7 when the caller generates them, so they sort by creation time); the
//! domain never generates them itself, because that would need a clock and randomness.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An id string that is not a UUID.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("„{0}“ ist keine gültige ID")]
pub struct InvalidId(pub String);

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn parse(text: &str) -> Result<Self, InvalidId> {
                Uuid::parse_str(text.trim())
                    .map(Self)
                    .map_err(|_| InvalidId(text.to_owned()))
            }

            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }
    };
}

typed_id!(
    /// A business, association, chamber or public body.
    OrganizationId
);
typed_id!(
    /// A contact person (personal data: see `person`).
    PersonId
);
typed_id!(
    /// A planned or conducted company visit.
    VisitId
);
typed_id!(
    /// A follow-up task created from a visit.
    FollowUpId
);
typed_id!(
    /// A reminder (Wiedervorlage) on an organization, inquiry or cooperation.
    ReminderId
);
typed_id!(
    /// One logged interaction.
    ContactId
);
typed_id!(
    /// An inquiry from a business or forwarded by another office.
    InquiryId
);
typed_id!(
    /// One referral of an inquiry to an office.
    ReferralId
);
typed_id!(
    /// A cooperation agreement.
    CooperationId
);
typed_id!(
    /// A milestone of a cooperation agreement.
    MilestoneId
);
typed_id!(
    /// A gathering (dinner, reception, Stammtisch, …).
    GatheringId
);
typed_id!(
    /// A yearly retreat (Klausur).
    RetreatId
);
typed_id!(
    /// A topic proposed for a retreat's agenda.
    ProposalId
);
typed_id!(
    /// A decision recorded at a retreat.
    DecisionId
);
