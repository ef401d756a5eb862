//! Fact tables for analytics, kept by the projection so analytics never reads the write path:
//! one row per visit and per contact (their current state), one row per inquiry step, per
//! milestone change and per attendance. Rows that concern an organization carry where it was
//! (region) and, for visits, its sector and size class on the day it happened (from the
//! organization's dated changes), so statistics count it where it was then, not where it is now. No row holds personal data.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    contact::Channel,
    cooperation::MilestoneKind,
    gathering::GatheringKind,
    ids::{
        ContactId, CooperationId, GatheringId, InquiryId, MilestoneId, OrganizationId, PersonId,
        ReferralId, VisitId,
    },
    inquiry::{InquiryOutcome, InquirySource},
    values::{Code, RegionCode, SizeClass, UserName, WzCode},
};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Facts {
    pub visits: Vec<VisitFact>,
    pub contacts: Vec<ContactFact>,
    pub inquiry_steps: Vec<InquiryStepFact>,
    pub milestone_changes: Vec<MilestoneFact>,
    pub attendance: Vec<AttendanceFact>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VisitOutcome {
    Planned,
    Conducted,
    Cancelled,
}

/// A visit as it stands (updated in place).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VisitFact {
    pub visit: VisitId,
    pub organization: OrganizationId,
    pub outcome: VisitOutcome,
    /// Conducted, else planned date.
    pub date: NaiveDate,
    pub staff: Vec<UserName>,
    pub joint_partner: Option<OrganizationId>,
    pub duration_minutes: Option<u32>,
    pub topics: Vec<Code>,
    pub expansion_plans: bool,
    pub relocation_risk: bool,
    pub space_need_m2: Option<u32>,
    pub workforce_need: Option<u32>,
    pub funding_interest: bool,
    pub location_satisfaction: Option<u8>,
    pub follow_ups_created: u32,
    pub follow_ups_completed: u32,
    /// The organization's region on the day of the visit (conducted, else planned).
    pub region: Option<RegionCode>,
    /// The organization's sector (WZ) on the day of the visit.
    pub sector: Option<WzCode>,
    /// The organization's size class on the day of the visit.
    pub size_class: Option<SizeClass>,
}

/// A contact as it stands (corrections update it; a retraction marks it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactFact {
    pub contact: ContactId,
    pub organization: OrganizationId,
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub date: NaiveDate,
    pub topics: Vec<Code>,
    pub staff: UserName,
    pub retracted: bool,
    /// The organization's region on the day of the contact.
    pub region: Option<RegionCode>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryStep {
    Received,
    Assigned,
    Referred,
    ReferralAnswered,
    Answered,
    Closed,
    Reopened,
}

/// One step in an inquiry's life.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InquiryStepFact {
    pub inquiry: InquiryId,
    pub step: InquiryStep,
    pub date: NaiveDate,
    pub organization: Option<OrganizationId>,
    pub source: Option<InquirySource>,
    pub topics: Vec<Code>,
    pub office: Option<Code>,
    pub referral: Option<ReferralId>,
    pub outcome: Option<InquiryOutcome>,
    pub staff: Option<UserName>,
    /// The organization's region on the day of the step.
    pub region: Option<RegionCode>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneChange {
    Planned,
    Achieved,
    Rescheduled,
    Cancelled,
}

/// One change of a cooperation milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MilestoneFact {
    pub cooperation: CooperationId,
    pub milestone: MilestoneId,
    pub change: MilestoneChange,
    /// When the change happened (planned: the day it was planned).
    pub date: NaiveDate,
    /// The due date after the change.
    pub due: NaiveDate,
    pub kind: MilestoneKind,
}

/// One attendee of a held gathering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttendanceFact {
    pub gathering: GatheringId,
    pub kind: GatheringKind,
    pub date: NaiveDate,
    pub organization: Option<OrganizationId>,
    pub person: Option<PersonId>,
    /// The attending organization's region on the day it was held.
    pub region: Option<RegionCode>,
}
