//! The fact tables analytics reads: a projection of its own, folded from the log without the CRM
//! views, so a report process holds only this. One row per visit and per contact (as they stand
//! now), per inquiry step, per milestone change and per attendance, stored column by column with
//! ids as 64-bit keys, days as day numbers and texts as interned symbols. Rows that concern an
//! organization carry where it was (region) and, for visits, its sector and size class on the
//! day it happened, from the organization's dated changes, so statistics count it where it was
//! then. No row holds personal data; person ids are not kept.

mod activity;
mod lists;
mod organizations;
mod planning;
mod symbols;

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use wifo_domain::{
    Decider, Event,
    cooperation::CooperationState,
    gathering::GatheringState,
    taxonomy::{Taxonomy, TaxonomyEvent, TaxonomyState},
};
use wifo_store::{Position, RecordedEvent};

pub use activity::{ContactTable, InquiryStep, InquiryStepTable, VisitOutcome, VisitTable};
pub use lists::Lists;
pub use organizations::{BusinessOnDay, OrganizationFacts};
pub use planning::{AttendanceTable, MilestoneChange, MilestoneTable};
pub use symbols::{Symbol, Symbols};

/// The 64-bit key of an id: the two halves of the UUID folded together. Collisions among a
/// state's few million ids are negligible (probability about n²/2⁶⁵), and keys join and group
/// far faster than UUID text.
pub fn key(uuid: uuid::Uuid) -> u64 {
    let (high, low) = uuid.as_u64_pair();
    high ^ low
}

/// Days since 1970-01-01 (polars' `Date` layout).
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - 719_163
}

/// The date of a day number.
pub fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + 719_163).unwrap_or_default()
}

/// All fact tables and the little master data they are read with.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FactTables {
    /// The last event applied.
    pub position: Position,
    pub events: u64,
    pub symbols: Symbols,
    pub visits: VisitTable,
    pub contacts: ContactTable,
    pub inquiry_steps: InquiryStepTable,
    pub milestones: MilestoneTable,
    pub attendance: AttendanceTable,
    /// Organizations by key: their state now and their dated master-data changes.
    pub organizations: HashMap<u64, OrganizationFacts>,
    /// Cooperations by key, folded with the domain's `evolve`.
    pub cooperations: HashMap<u64, CooperationState>,
    /// Gatherings by key, folded with the domain's `evolve`.
    pub gatherings: HashMap<u64, GatheringState>,
    /// By taxonomy kind (`topics`, `offices`, `regions`, `sectors`), for labels.
    pub taxonomies: BTreeMap<String, TaxonomyState>,
    /// Display names of staff by login, for labels.
    pub staff: BTreeMap<String, String>,
    /// Row of each visit, contact and inquiry (its `received` step) by key.
    visit_rows: HashMap<u64, u32>,
    contact_rows: HashMap<u64, u32>,
    inquiry_rows: HashMap<u64, u32>,
    /// The office of each referral by key.
    referral_offices: HashMap<u64, Symbol>,
}

impl FactTables {
    /// Applies one event. Events must come in log order; an event at or before `position` is
    /// ignored, so a replay that overlaps a snapshot does no harm.
    pub fn apply(&mut self, recorded: &RecordedEvent, event: &Event) {
        if recorded.position <= self.position && self.events > 0 {
            return;
        }
        let day = recorded.metadata.occurred_at.date_naive();
        match event {
            Event::Organization(event) => self.apply_organization(day, event),
            Event::Visit(event) => self.apply_visit(event),
            Event::Contact(event) => self.apply_contact(event),
            Event::Inquiry(event) => self.apply_inquiry(event),
            Event::Cooperation(event) => self.apply_cooperation(day, event),
            Event::Gathering(event) => self.apply_gathering(event),
            Event::Taxonomy(event) => self.apply_taxonomy(event),
            Event::User(wifo_domain::user::UserEvent::Created {
                user, display_name, ..
            }) => {
                self.staff
                    .insert(user.to_string(), display_name.to_string());
            }
            Event::Person(_)
            | Event::Retreat(_)
            | Event::Reminder(_)
            | Event::User(_)
            | Event::Public(_) => {}
        }
        self.position = recorded.position;
        self.events += 1;
    }

    fn apply_taxonomy(&mut self, event: &TaxonomyEvent) {
        let kind = event.taxonomy().as_str().to_owned();
        let state = Taxonomy::evolve(self.taxonomies.remove(&kind).unwrap_or_default(), event);
        self.taxonomies.insert(kind, state);
    }

    /// The German names of a taxonomy's codes.
    pub fn labels(&self, kind: &str) -> HashMap<String, String> {
        self.taxonomies
            .get(kind)
            .map(|state| {
                state
                    .entries
                    .iter()
                    .map(|(code, entry)| (code.clone(), entry.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The text of a symbol.
    pub fn text(&self, symbol: Symbol) -> Option<&str> {
        self.symbols.get(symbol)
    }
}

#[cfg(test)]
mod tests;
