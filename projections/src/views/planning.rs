//! Applying cooperation, gathering, retreat, taxonomy and user events.

use wifo_domain::{
    Decider,
    cooperation::{Cooperation, CooperationEvent},
    gathering::{Gathering, GatheringEvent},
    retreat::{Retreat, RetreatEvent},
    taxonomy::{Taxonomy, TaxonomyEvent},
    user::{User, UserEvent},
};

use super::{Context, Views, timeline::TimelineItem};

impl Views {
    pub(super) fn apply_cooperation(&mut self, context: &Context<'_>, event: &CooperationEvent) {
        use CooperationEvent as E;
        let cooperation = event.cooperation();
        let state = Cooperation::evolve(
            self.cooperations.remove(&cooperation).unwrap_or_default(),
            event,
        );
        if let E::MilestoneAchieved {
            milestone,
            achieved_on,
            ..
        } = event
            && let Some(current) = state.milestones.get(milestone)
        {
            for partner in state.partners.clone() {
                self.push_timeline(
                    partner,
                    context,
                    *achieved_on,
                    TimelineItem::MilestoneAchieved {
                        cooperation,
                        milestone: *milestone,
                        kind: current.kind,
                        title: current.title.to_string(),
                    },
                );
            }
        }
        self.cooperations.insert(cooperation, state);
    }

    pub(super) fn apply_gathering(&mut self, context: &Context<'_>, event: &GatheringEvent) {
        use GatheringEvent as E;
        let gathering = event.gathering();
        let state = Gathering::evolve(
            self.gatherings.remove(&gathering).unwrap_or_default(),
            event,
        );
        if let E::Held {
            held_on,
            attendance,
            ..
        } = event
        {
            let title = state
                .title
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            let mut organizations = std::collections::BTreeSet::new();
            for attendee in attendance {
                if let Some(organization) = attendee.organization {
                    organizations.insert(organization);
                }
            }
            for organization in organizations {
                self.push_timeline(
                    organization,
                    context,
                    *held_on,
                    TimelineItem::GatheringAttended {
                        gathering,
                        kind: state.kind,
                        title: title.clone(),
                    },
                );
            }
        }
        self.gatherings.insert(gathering, state);
    }

    pub(super) fn apply_retreat(&mut self, event: &RetreatEvent) {
        use RetreatEvent as E;
        let retreat = match event {
            E::Scheduled { retreat, .. }
            | E::TopicProposed { retreat, .. }
            | E::TopicPrioritised { retreat, .. }
            | E::Held { retreat, .. }
            | E::DecisionRecorded { retreat, .. } => *retreat,
        };
        let state = Retreat::evolve(self.retreats.remove(&retreat).unwrap_or_default(), event);
        self.retreats.insert(retreat, state);
    }

    pub(super) fn apply_taxonomy(&mut self, event: &TaxonomyEvent) {
        let kind = event.taxonomy().as_str().to_owned();
        let state = Taxonomy::evolve(self.taxonomies.remove(&kind).unwrap_or_default(), event);
        self.taxonomies.insert(kind, state);
    }

    pub(super) fn apply_user(&mut self, event: &UserEvent) {
        use UserEvent as E;
        let user = match event {
            E::Created { user, .. }
            | E::RoleChanged { user, .. }
            | E::Deactivated { user }
            | E::Reactivated { user } => user.to_string(),
        };
        let state = User::evolve(self.users.remove(&user).unwrap_or_default(), event);
        self.users.insert(user, state);
    }
}
