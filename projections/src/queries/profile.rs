//! The 360° profile of an organization — master data, persons with roles, memberships, the
//! timeline of everything, open follow-ups — now or as of any past date. As-of folds the
//! organization's own events up to that day and cuts every list at it; as known on a date, it
//! leaves out what was entered after that date (`Moment`). A merged duplicate's
//! profile is its survivor's, and a survivor's timeline includes its duplicates' history.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    Decider,
    ids::{FollowUpId, OrganizationId, PersonId, VisitId},
    organization::{Organization, OrganizationKind, OrganizationState, Profile, Status},
    values::{Address, RegionCode, Tag, Title, UserName},
};

use crate::views::{
    Views,
    timeline::{TimelineEntry, TimelineItem},
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ProfilePerson {
    pub person: PersonId,
    pub role: Title,
    pub erased: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OpenFollowUp {
    pub visit: VisitId,
    pub follow_up: FollowUpId,
    pub task: String,
    pub assignee: String,
    pub due_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrganizationProfile {
    pub id: OrganizationId,
    /// Set when the requested id was merged into `id`.
    pub requested: Option<OrganizationId>,
    pub as_of: Option<NaiveDate>,
    /// Set when the profile shows what was known on that day.
    pub known_on: Option<NaiveDate>,
    pub name: String,
    pub kind: Option<OrganizationKind>,
    pub profile: Profile,
    pub address: Option<Address>,
    pub region: Option<RegionCode>,
    pub account_manager: Option<UserName>,
    pub tags: Vec<Tag>,
    pub closed_on: Option<NaiveDate>,
    /// Associations this organization is a member of, with the start date.
    pub memberships: Vec<(OrganizationId, NaiveDate)>,
    pub persons: Vec<ProfilePerson>,
    pub merged_duplicates: Vec<OrganizationId>,
    /// Newest first.
    pub timeline: Vec<TimelineEntry>,
    pub open_follow_ups: Vec<OpenFollowUp>,
    pub last_contact: Option<NaiveDate>,
    /// Revision of the organization's stream the master data reflects (for `If-Match`).
    pub revision: u64,
}

/// A point on both axes of the history: what was true on `as_of` (every day when `None`) as far
/// as it was known on `known_on` (everything entered so far when `None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Moment {
    pub as_of: Option<NaiveDate>,
    pub known_on: Option<NaiveDate>,
}

impl Moment {
    /// Whether something that happened on `on` and was entered on `recorded_on` counts.
    pub fn includes(&self, on: NaiveDate, recorded_on: NaiveDate) -> bool {
        self.as_of.is_none_or(|as_of| on <= as_of)
            && self.known_on.is_none_or(|known_on| recorded_on <= known_on)
    }
}

/// The organization's own events that count at `moment`, folded in the order they happened
/// (entries of one day in the order entered).
pub(crate) fn master_data(
    views: &Views,
    organization: OrganizationId,
    moment: Moment,
) -> Option<(OrganizationState, u64)> {
    let record = views.organizations.get(&organization)?;
    let mut changes: Vec<_> = record
        .changes
        .iter()
        .filter(|change| moment.includes(change.on, change.recorded_on))
        .collect();
    changes.sort_by_key(|change| change.on);
    let mut count = 0u64;
    let state = Organization::fold(changes.into_iter().map(|change| {
        count += 1;
        &change.event
    }));
    (state.status != Status::Unregistered).then_some((state, count.saturating_sub(1)))
}

/// The profile, or `None` if the organization does not exist (at that date).
pub fn profile(
    views: &Views,
    requested: OrganizationId,
    as_of: Option<NaiveDate>,
) -> Option<OrganizationProfile> {
    profile_at(
        views,
        requested,
        Moment {
            as_of,
            known_on: None,
        },
    )
}

/// The profile as it was on `moment.as_of`, as far as known on `moment.known_on`.
pub fn profile_at(
    views: &Views,
    requested: OrganizationId,
    moment: Moment,
) -> Option<OrganizationProfile> {
    let as_of = moment.as_of;
    let id = views.resolve(requested);
    let (state, revision) = master_data(views, id, moment)?;
    let record = views.organizations.get(&id)?;
    let in_time = |entry: &&TimelineEntry| moment.includes(entry.date, entry.recorded_on);
    let mut timeline: Vec<TimelineEntry> = record
        .absorbed
        .iter()
        .filter_map(|duplicate| views.organizations.get(duplicate))
        .chain(std::iter::once(record))
        .flat_map(|record| record.timeline.iter().filter(in_time).cloned())
        .collect();
    timeline.sort_by(|a, b| b.date.cmp(&a.date).then(b.position.cmp(&a.position)));

    let mut persons: BTreeMap<PersonId, Title> = BTreeMap::new();
    let mut follow_ups: BTreeMap<FollowUpId, OpenFollowUp> = BTreeMap::new();
    let mut done: BTreeSet<FollowUpId> = BTreeSet::new();
    for entry in timeline.iter().rev() {
        match &entry.item {
            TimelineItem::PersonLinked { person, role } => {
                persons.insert(
                    *person,
                    Title::parse(role)
                        .unwrap_or_else(|_| Title::parse("—").expect("constant title")),
                );
            }
            TimelineItem::PersonUnlinked { person } => {
                persons.remove(person);
            }
            TimelineItem::FollowUpCreated {
                visit,
                follow_up,
                task,
                assignee,
                due_on,
            } => {
                follow_ups.insert(
                    *follow_up,
                    OpenFollowUp {
                        visit: *visit,
                        follow_up: *follow_up,
                        task: task.clone(),
                        assignee: assignee.clone(),
                        due_on: *due_on,
                    },
                );
            }
            TimelineItem::FollowUpCompleted { follow_up, .. } => {
                done.insert(*follow_up);
            }
            _ => {}
        }
    }
    let mut open_follow_ups: Vec<OpenFollowUp> = follow_ups
        .into_values()
        .filter(|follow_up| !done.contains(&follow_up.follow_up))
        .collect();
    open_follow_ups.sort_by_key(|follow_up| follow_up.due_on);
    let last_contact = timeline
        .iter()
        .filter(|entry| entry.item.is_contact())
        .map(|entry| entry.date)
        .max();
    Some(OrganizationProfile {
        id,
        requested: (requested != id).then_some(requested),
        as_of,
        known_on: moment.known_on,
        name: state
            .name
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        kind: state.kind,
        profile: state.profile.clone(),
        address: state.address.clone(),
        region: state.region.clone(),
        account_manager: state.account_manager.clone(),
        tags: state.tags.iter().cloned().collect(),
        closed_on: match state.status {
            Status::Closed { closed_on } => Some(closed_on),
            _ => None,
        },
        memberships: state
            .memberships
            .iter()
            .map(|(association, since)| (*association, *since))
            .collect(),
        persons: persons
            .into_iter()
            .map(|(person, role)| ProfilePerson {
                person,
                role,
                erased: views
                    .persons
                    .get(&person)
                    .is_some_and(|record| record.erased),
            })
            .collect(),
        merged_duplicates: record.absorbed.iter().copied().collect(),
        timeline,
        open_follow_ups,
        last_contact,
        revision,
    })
}
