//! The read model: every view of the CRM in memory, built only by `Views::apply` from events in
//! log order. Queries (in `queries/`) read it; `runtime.rs` keeps it up to date and snapshots it.

mod activity;
pub mod fuzzy;
mod master_data;
pub mod person_names;
mod planning;
pub mod public;
pub mod records;
mod reminders;
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
        ReminderId, RetreatId, VisitId,
    },
    inquiry::InquiryState,
    reminder::ReminderState,
    retreat::RetreatState,
    taxonomy::TaxonomyState,
    user::UserState,
    values::UserName,
    visit::VisitState,
};
use wifo_store::{Position, RecordedEvent};

use crate::facts::FactTables;
use records::{OrganizationRecord, PersonRecord};
use timeline::{TimelineEntry, TimelineItem};

/// All views. Serializable as a whole: that is the snapshot.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// Reminders that stand on their own (not left by a visit), whatever their status.
    pub reminders: HashMap<ReminderId, ReminderState>,
    /// Open reminders by assignee and due day.
    pub open_reminders: BTreeSet<(UserName, NaiveDate, ReminderId)>,
    /// Inquiries not closed.
    pub open_inquiries: BTreeSet<InquiryId>,
    /// The Handreichung, the offices' and the staff's published contacts.
    #[serde(default)]
    pub public: public::PublicView,
    /// The fact tables analytics reads (a projection of its own, applied alongside; the
    /// snapshot writes it apart, see `snapshot.rs`).
    #[serde(skip)]
    pub facts: FactTables,
    /// Organizations by folded name and by each word they are found by.
    pub search_index: search::SearchIndex,
    /// Contact persons by the words of their name: personal data, so in memory only.
    #[serde(skip)]
    pub person_names: person_names::PersonNames,
}

/// What `apply` needs to know about the stored event besides its content.
struct Context<'a> {
    position: Position,
    actor: &'a str,
    /// The day it happened (from the metadata).
    day: NaiveDate,
    /// The day it was entered (the log's `recorded_at`): the second axis of the history.
    recorded_on: NaiveDate,
}

impl Views {
    /// Applies one event. Events must come in log order; an event at or before `position` is
    /// ignored, so a replay that overlaps a snapshot does no harm.
    pub fn apply(&mut self, recorded: &RecordedEvent, event: &Event) {
        if recorded.position <= self.position && self.events > 0 {
            return;
        }
        self.facts.apply(recorded, event);
        let context = Context {
            position: recorded.position,
            actor: &recorded.metadata.actor,
            day: recorded.metadata.occurred_at.date_naive(),
            recorded_on: recorded.recorded_at.date_naive(),
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
            Event::Reminder(event) => self.apply_reminder(event),
            Event::Taxonomy(event) => self.apply_taxonomy(event),
            Event::User(event) => self.apply_user(event),
            Event::Public(event) => self.apply_public(event),
        }
        for person in event.persons_named() {
            if let Some(record) = self.persons.get_mut(&person)
                && record.last_named.is_none_or(|last| last < context.day)
            {
                record.last_named = Some(context.day);
            }
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
            recorded_on: context.recorded_on,
            position: context.position,
            actor: context.actor.to_owned(),
            item,
        });
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
