//! The milestone and attendance fact tables, with cooperations and gatherings folded by the
//! domain's `evolve` (an office has a few hundred of them, so their whole state is kept).

use std::num::NonZeroU64;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    Decider,
    cooperation::{Cooperation, CooperationEvent, MilestoneKind},
    gathering::{Gathering, GatheringEvent, GatheringKind},
};

use super::{FactTables, Symbol, day_number, key};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum MilestoneChange {
    Planned,
    Achieved,
    Rescheduled,
    Cancelled,
}

impl MilestoneChange {
    /// The name analytics uses for the change.
    pub fn name(self) -> &'static str {
        match self {
            MilestoneChange::Planned => "planned",
            MilestoneChange::Achieved => "achieved",
            MilestoneChange::Rescheduled => "rescheduled",
            MilestoneChange::Cancelled => "cancelled",
        }
    }
}

/// One row per change of a cooperation milestone.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MilestoneTable {
    pub cooperation: Vec<u64>,
    pub milestone: Vec<u64>,
    pub change: Vec<MilestoneChange>,
    /// When the change happened (planned: the day it was planned).
    pub day: Vec<i32>,
    /// The due day after the change.
    pub due: Vec<i32>,
    pub kind: Vec<MilestoneKind>,
}

/// One row per attendee of a held gathering.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AttendanceTable {
    pub gathering: Vec<u64>,
    pub kind: Vec<GatheringKind>,
    pub day: Vec<i32>,
    /// The attending organization (a person without one leaves it empty).
    pub organization: Vec<Option<NonZeroU64>>,
    /// The attending organization's region on the day it was held.
    pub region: Vec<Symbol>,
}

impl FactTables {
    pub(super) fn apply_cooperation(&mut self, day: NaiveDate, event: &CooperationEvent) {
        use CooperationEvent as E;
        let cooperation = key(event.cooperation().as_uuid());
        let state = Cooperation::evolve(
            self.cooperations.remove(&cooperation).unwrap_or_default(),
            event,
        );
        let change = match event {
            E::MilestonePlanned { milestone, .. } => {
                Some((*milestone, MilestoneChange::Planned, day))
            }
            E::MilestoneAchieved {
                milestone,
                achieved_on,
                ..
            } => Some((*milestone, MilestoneChange::Achieved, *achieved_on)),
            E::MilestoneRescheduled { milestone, .. } => {
                Some((*milestone, MilestoneChange::Rescheduled, day))
            }
            E::MilestoneCancelled {
                milestone,
                cancelled_on,
                ..
            } => Some((*milestone, MilestoneChange::Cancelled, *cancelled_on)),
            _ => None,
        };
        if let Some((milestone, change, date)) = change
            && let Some(current) = state.milestones.get(&milestone)
        {
            let table = &mut self.milestones;
            table.cooperation.push(cooperation);
            table.milestone.push(key(milestone.as_uuid()));
            table.change.push(change);
            table.day.push(day_number(date));
            table.due.push(day_number(current.due));
            table.kind.push(current.kind);
        }
        self.cooperations.insert(cooperation, state);
    }

    pub(super) fn apply_gathering(&mut self, event: &GatheringEvent) {
        use GatheringEvent as E;
        let gathering = key(event.gathering().as_uuid());
        let state = Gathering::evolve(
            self.gatherings.remove(&gathering).unwrap_or_default(),
            event,
        );
        if let (
            E::Held {
                held_on,
                attendance,
                ..
            },
            Some(kind),
        ) = (event, state.kind)
        {
            for attendee in attendance {
                let organization = attendee.organization.map(|o| key(o.as_uuid()));
                let region = organization.map_or(Symbol::NONE, |o| self.region_at(o, *held_on));
                let table = &mut self.attendance;
                table.gathering.push(gathering);
                table.kind.push(kind);
                table.day.push(day_number(*held_on));
                table
                    .organization
                    .push(organization.and_then(NonZeroU64::new));
                table.region.push(region);
            }
        }
        self.gatherings.insert(gathering, state);
    }
}
