//! Timeline entries: one line of an organization's history as the profile shows it, with the
//! date it happened, who recorded it and, for master-data changes, the old and the new value.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    contact::Channel,
    cooperation::MilestoneKind,
    gathering::GatheringKind,
    ids::{
        ContactId, CooperationId, FollowUpId, GatheringId, InquiryId, MilestoneId, OrganizationId,
        PersonId, VisitId,
    },
    inquiry::{InquiryOutcome, InquirySource},
    values::Code,
};
use wifo_store::Position;

/// One entry of a 360° profile's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimelineEntry {
    /// The business date (a visit's date, a change's day).
    pub date: NaiveDate,
    /// The day it was entered; later than `date` for something entered afterwards.
    pub recorded_on: NaiveDate,
    pub position: Position,
    pub actor: String,
    pub item: TimelineItem,
}

/// What happened, ready to be shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "art", rename_all = "snake_case")]
pub enum TimelineItem {
    Registered {
        name: String,
    },
    /// A master-data field changed (`Name`, `Anschrift`, `Region`, `Branche`, …).
    Changed {
        field: String,
        old: String,
        new: String,
    },
    Tagged {
        tag: String,
    },
    Untagged {
        tag: String,
    },
    MembershipStarted {
        association: OrganizationId,
    },
    MembershipEnded {
        association: OrganizationId,
    },
    Closed {
        reason: String,
    },
    MergedInto {
        survivor: OrganizationId,
    },
    Absorbed {
        duplicate: OrganizationId,
    },
    PersonLinked {
        person: PersonId,
        role: String,
    },
    PersonUnlinked {
        person: PersonId,
    },
    VisitPlanned {
        visit: VisitId,
        planned_on: NaiveDate,
    },
    VisitCancelled {
        visit: VisitId,
    },
    VisitConducted {
        visit: VisitId,
        topics: Vec<Code>,
        relocation_risk: bool,
        expansion_plans: bool,
    },
    FollowUpCreated {
        visit: VisitId,
        follow_up: FollowUpId,
        task: String,
        assignee: String,
        due_on: NaiveDate,
    },
    FollowUpCompleted {
        visit: VisitId,
        follow_up: FollowUpId,
    },
    ContactLogged {
        contact: ContactId,
        channel: Channel,
        topics: Vec<Code>,
        summary: String,
    },
    InquiryReceived {
        inquiry: InquiryId,
        source: InquirySource,
        topics: Vec<Code>,
    },
    InquiryReferred {
        inquiry: InquiryId,
        office: Code,
    },
    InquiryAnswered {
        inquiry: InquiryId,
    },
    InquiryClosed {
        inquiry: InquiryId,
        outcome: InquiryOutcome,
    },
    GatheringAttended {
        gathering: GatheringId,
        kind: Option<GatheringKind>,
        title: String,
    },
    MilestoneAchieved {
        cooperation: CooperationId,
        milestone: MilestoneId,
        kind: MilestoneKind,
        title: String,
    },
}

impl TimelineItem {
    /// Whether the entry is a contact with the business (for "no contact for N months").
    pub fn is_contact(&self) -> bool {
        matches!(
            self,
            TimelineItem::VisitConducted { .. }
                | TimelineItem::ContactLogged { .. }
                | TimelineItem::InquiryReceived { .. }
                | TimelineItem::GatheringAttended { .. }
        )
    }
}
