//! The cooperation board (agreements, milestones by status, overdue and due next) and the
//! gatherings list with invitations, registrations and attendance.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    cooperation::{MilestoneKind, MilestoneStatus, Status as CooperationStatus},
    gathering::{GatheringKind, Status as GatheringStatus},
    ids::{CooperationId, GatheringId, MilestoneId, OrganizationId},
};

use crate::views::Views;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MilestoneCard {
    pub milestone: MilestoneId,
    pub title: String,
    pub kind: MilestoneKind,
    pub due: NaiveDate,
    pub original_due: NaiveDate,
    pub times_rescheduled: u32,
    pub status: MilestoneStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CooperationCard {
    pub cooperation: CooperationId,
    pub title: String,
    pub partners: Vec<OrganizationId>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub ended: bool,
    pub planned: usize,
    pub achieved: usize,
    pub cancelled: usize,
    /// Planned and due before today.
    pub overdue: Vec<MilestoneCard>,
    /// Planned and due within the next `horizon_days`.
    pub due_next: Vec<MilestoneCard>,
    pub milestones: Vec<MilestoneCard>,
}

pub fn cooperation_board(
    views: &Views,
    today: NaiveDate,
    horizon_days: i64,
) -> Vec<CooperationCard> {
    let horizon = today + chrono::Duration::days(horizon_days);
    let mut board: Vec<CooperationCard> = views
        .cooperations
        .iter()
        .filter(|(_, state)| state.status != CooperationStatus::NotAgreed)
        .map(|(id, state)| {
            let mut milestones: Vec<MilestoneCard> = state
                .milestones
                .iter()
                .map(|(milestone, m)| MilestoneCard {
                    milestone: *milestone,
                    title: m.title.to_string(),
                    kind: m.kind,
                    due: m.due,
                    original_due: m.original_due,
                    times_rescheduled: m.times_rescheduled,
                    status: m.status,
                })
                .collect();
            milestones.sort_by_key(|m| (m.due, m.milestone));
            let open = |m: &&MilestoneCard| m.status == MilestoneStatus::Planned;
            CooperationCard {
                cooperation: *id,
                title: state
                    .title
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                partners: state.partners.clone(),
                valid_from: state.term.as_ref().map(|term| term.valid_from),
                valid_until: state.term.as_ref().map(|term| term.valid_until),
                ended: matches!(state.status, CooperationStatus::Ended { .. }),
                planned: milestones.iter().filter(open).count(),
                achieved: milestones
                    .iter()
                    .filter(|m| matches!(m.status, MilestoneStatus::Achieved { .. }))
                    .count(),
                cancelled: milestones
                    .iter()
                    .filter(|m| matches!(m.status, MilestoneStatus::Cancelled { .. }))
                    .count(),
                overdue: milestones
                    .iter()
                    .filter(open)
                    .filter(|m| m.due < today)
                    .cloned()
                    .collect(),
                due_next: milestones
                    .iter()
                    .filter(open)
                    .filter(|m| m.due >= today && m.due <= horizon)
                    .cloned()
                    .collect(),
                milestones,
            }
        })
        .collect();
    board.sort_by(|a, b| {
        a.title
            .cmp(&b.title)
            .then(a.cooperation.cmp(&b.cooperation))
    });
    board
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GatheringSummary {
    pub gathering: GatheringId,
    pub kind: Option<GatheringKind>,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub status: String,
    pub invited_organizations: usize,
    pub registered: usize,
    pub declined: usize,
    pub attendees: usize,
    pub organizations_attending: usize,
}

/// Gatherings between two dates (inclusive), by date.
pub fn gatherings(
    views: &Views,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Vec<GatheringSummary> {
    let mut list: Vec<GatheringSummary> = views
        .gatherings
        .iter()
        .filter(|(_, state)| state.status != GatheringStatus::NotPlanned)
        .filter(|(_, state)| from.is_none_or(|from| state.date.is_some_and(|date| date >= from)))
        .filter(|(_, state)| to.is_none_or(|to| state.date.is_some_and(|date| date <= to)))
        .map(|(id, state)| {
            let organizations: std::collections::BTreeSet<_> = state
                .attendance
                .iter()
                .filter_map(|a| a.organization)
                .collect();
            GatheringSummary {
                gathering: *id,
                kind: state.kind,
                title: state
                    .title
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                date: state.date,
                status: match state.status {
                    GatheringStatus::Planned => "geplant",
                    GatheringStatus::Held { .. } => "durchgeführt",
                    GatheringStatus::Cancelled { .. } => "abgesagt",
                    GatheringStatus::NotPlanned => "",
                }
                .to_owned(),
                invited_organizations: state.invited_organizations.len(),
                registered: state.registrations.iter().filter(|r| r.attending).count(),
                declined: state.registrations.iter().filter(|r| !r.attending).count(),
                attendees: state.attendance.len() + state.other_attendees as usize,
                organizations_attending: organizations.len(),
            }
        })
        .collect();
    list.sort_by(|a, b| a.date.cmp(&b.date).then(a.gathering.cmp(&b.gathering)));
    list
}
