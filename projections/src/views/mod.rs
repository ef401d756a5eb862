//! The read model: every view of the CRM in memory, built only by `Views::apply` from events in
//! log order. Queries (in `queries/`) read it; `runtime.rs` keeps it up to date and snapshots it.

mod activity;
pub mod facts;
mod master_data;
mod planning;
pub mod records;
pub mod search;
pub mod timeline;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    Event,
    contact::ContactState,
    cooperation::CooperationState,
    gathering::GatheringState,
    ids::{
        ContactId, CooperationId, FollowUpId, GatheringId, InquiryId, OrganizationId, PersonId,
        RetreatId, VisitId,
    },
    inquiry::InquiryState,
    retreat::RetreatState,
    taxonomy::TaxonomyState,
    user::UserState,
    values::UserName,
    visit::VisitState,
};
use wifo_store::{Position, RecordedEvent};

use facts::Facts;
use records::{OrganizationRecord, PersonRecord};
use timeline::{TimelineEntry, TimelineItem};

/// All views. Serializable as a whole: that is the snapshot.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Views {
    /// The last event applied.
    pub position: Position,
    pub events: u64,
    pub organizations: HashMap<OrganizationId, OrganizationRecord>,
    pub persons: HashMap<PersonId, PersonRecord>,
    pub visits: HashMap<VisitId, VisitState>,
    pub contacts: HashMap<ContactId, ContactState>,
    pub inquiries: HashMap<InquiryId, InquiryState>,
    pub cooperations: HashMap<CooperationId, CooperationState>,
    pub gatherings: HashMap<GatheringId, GatheringState>,
    pub retreats: HashMap<RetreatId, RetreatState>,
    /// By taxonomy kind (`topics`, `offices`, `regions`, `sectors`).
    pub taxonomies: BTreeMap<String, TaxonomyState>,
    /// By login name.
    pub users: BTreeMap<String, UserState>,
    /// Open follow-ups by assignee and due date.
    pub open_follow_ups: BTreeSet<(UserName, NaiveDate, FollowUpId, VisitId)>,
    /// Task of each open follow-up.
    pub follow_up_tasks: HashMap<FollowUpId, String>,
    /// Inquiries not closed.
    pub open_inquiries: BTreeSet<InquiryId>,
    pub facts: Facts,
    /// Row of each visit and contact in the fact tables.
    visit_rows: HashMap<VisitId, usize>,
    contact_rows: HashMap<ContactId, usize>,
    /// Organizations by folded name and by each word of it.
    pub search_index: search::SearchIndex,
}

/// What `apply` needs to know about the stored event besides its content.
struct Context<'a> {
    position: Position,
    actor: &'a str,
    /// The day it happened (from the metadata).
    day: NaiveDate,
}

impl Views {
    /// Applies one event. Events must come in log order; an event at or before `position` is
    /// ignored, so a replay that overlaps a snapshot does no harm.
    pub fn apply(&mut self, recorded: &RecordedEvent, event: &Event) {
        if recorded.position <= self.position && self.events > 0 {
            return;
        }
        let context = Context {
            position: recorded.position,
            actor: &recorded.metadata.actor,
            day: recorded.metadata.occurred_at.date_naive(),
        };
        match event {
            Event::Organization(event) => self.apply_organization(&context, event),
            Event::Person(event) => self.apply_person(&context, event),
            Event::Visit(event) => self.apply_visit(&context, event),
            Event::Contact(event) => self.apply_contact(&context, event),
            Event::Inquiry(event) => self.apply_inquiry(&context, event),
            Event::Cooperation(event) => self.apply_cooperation(&context, event),
            Event::Gathering(event) => self.apply_gathering(&context, event),
            Event::Retreat(event) => self.apply_retreat(event),
            Event::Taxonomy(event) => self.apply_taxonomy(event),
            Event::User(event) => self.apply_user(event),
        }
        self.position = recorded.position;
        self.events += 1;
    }

    fn push_timeline(
        &mut self,
        organization: OrganizationId,
        context: &Context<'_>,
        date: NaiveDate,
        item: TimelineItem,
    ) {
        let record = self.organizations.entry(organization).or_default();
        if item.is_contact() && record.last_contact.is_none_or(|last| last < date) {
            record.last_contact = Some(date);
        }
        record.timeline.push(TimelineEntry {
            date,
            position: context.position,
            actor: context.actor.to_owned(),
            item,
        });
    }

    /// Region, sector and size class of an organization on `date`, from its dated master-data
    /// changes (so a visit recorded late still counts where the business was on that day). A
    /// date before the registration gets the master data it was registered with.
    fn master_data_at(
        &self,
        organization: OrganizationId,
        date: NaiveDate,
    ) -> (
        Option<wifo_domain::values::RegionCode>,
        Option<wifo_domain::values::WzCode>,
        Option<wifo_domain::values::SizeClass>,
    ) {
        use wifo_domain::organization::OrganizationEvent as E;
        let Some(record) = self.organizations.get(&organization) else {
            return (None, None, None);
        };
        let mut region = None;
        let mut sector = None;
        let mut size_class = None;
        let mut registered = false;
        for (changed_on, event) in &record.changes {
            // The first registration applies even when dated later: before it there is nothing.
            let first_registration = !registered && matches!(event, E::Registered { .. });
            if *changed_on > date && !first_registration {
                continue;
            }
            match event {
                E::Registered {
                    region: at,
                    profile,
                    ..
                } => {
                    registered = true;
                    region = at.clone();
                    sector = profile.sector.clone();
                    size_class = profile.size_class;
                }
                E::Relocated { region: at, .. } => region = at.clone(),
                E::ProfileUpdated { profile, .. } => {
                    sector = profile.sector.clone();
                    size_class = profile.size_class;
                }
                _ => {}
            }
        }
        (region, sector, size_class)
    }

    /// The organization's region on `date` (see `master_data_at`).
    fn region_at(
        &self,
        organization: OrganizationId,
        date: NaiveDate,
    ) -> Option<wifo_domain::values::RegionCode> {
        self.master_data_at(organization, date).0
    }

    /// The organization a record now lives in: follows merges to the survivor.
    pub fn resolve(&self, mut organization: OrganizationId) -> OrganizationId {
        for _ in 0..16 {
            match self
                .organizations
                .get(&organization)
                .map(|record| &record.state.status)
            {
                Some(wifo_domain::organization::Status::MergedInto { survivor }) => {
                    organization = *survivor
                }
                _ => break,
            }
        }
        organization
    }
}

#[cfg(test)]
mod tests;
