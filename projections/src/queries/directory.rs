//! The organization directory: tolerant search by name, former name, address, external id and
//! contact person, ranked, filters on every level of the sector and
//! region hierarchies, "no contact for more than N months", membership of an association,
//! a recent inquiry on a topic (a gathering's audience), sorting and paging. Merged
//! duplicates are not listed; their activity counts for the survivor.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::OrganizationId,
    organization::{OrganizationKind, Status},
    values::{Address, Code, RegionCode, SizeClass, Tag, UserName, WzCode},
};

use crate::views::{Views, fuzzy::Closeness, search};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DirectorySort {
    #[default]
    Name,
    LastContact,
    Region,
    /// Best match first (with a text query; without one, by name).
    Relevance,
}

impl DirectorySort {
    /// The order of a list nobody chose an order for: best match first when searching for a
    /// text, else by name.
    pub fn default_for(text: Option<&str>) -> Self {
        match text {
            Some(text) if !search::fold(text).is_empty() => Self::Relevance,
            _ => Self::Name,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct DirectoryQuery {
    pub text: Option<String>,
    pub kind: Option<OrganizationKind>,
    /// Any level: `G`, `47`, `47.1`, `47.11`.
    pub sector: Option<WzCode>,
    /// Any level: Bezirk `03` down to a Planungsraum.
    pub region: Option<RegionCode>,
    pub tag: Option<Tag>,
    pub account_manager: Option<UserName>,
    pub size_class: Option<SizeClass>,
    /// Only organizations without visit, contact, inquiry or attendance for more than this.
    pub no_contact_months: Option<u32>,
    /// Only members of this association or Geschäftsstraßenverband (active memberships).
    pub member_of: Option<OrganizationId>,
    /// Only organizations with an inquiry on this topic (or a sub-topic) received within
    /// `inquiry_months` before `today` (default 12): the audience of a gathering on it.
    pub inquiry_topic: Option<Code>,
    pub inquiry_months: Option<u32>,
    pub include_closed: bool,
    pub sort: DirectorySort,
    pub descending: bool,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    pub today: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DirectoryEntry {
    pub id: OrganizationId,
    pub name: String,
    pub kind: Option<OrganizationKind>,
    pub sector: Option<WzCode>,
    pub region: Option<RegionCode>,
    pub address: Option<Address>,
    pub account_manager: Option<UserName>,
    pub size_class: Option<SizeClass>,
    pub tags: Vec<Tag>,
    pub last_contact: Option<NaiveDate>,
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DirectoryPage {
    pub total: usize,
    pub page: usize,
    pub per_page: usize,
    pub entries: Vec<DirectoryEntry>,
}

/// The latest contact of an organization including the duplicates merged into it.
pub fn last_contact(views: &Views, organization: OrganizationId) -> Option<NaiveDate> {
    let record = views.organizations.get(&organization)?;
    record
        .absorbed
        .iter()
        .filter_map(|duplicate| {
            views
                .organizations
                .get(duplicate)
                .and_then(|r| r.last_contact)
        })
        .chain(record.last_contact)
        .max()
}

/// The organizations with an inquiry on `topic` (or a sub-topic) received in the `months`
/// before `today` (any time without a day).
fn inquiring(
    views: &Views,
    topic: &Code,
    months: u32,
    today: Option<NaiveDate>,
) -> std::collections::HashSet<OrganizationId> {
    let since = today.and_then(|today| today.checked_sub_months(Months::new(months)));
    views
        .inquiries
        .values()
        .filter(|inquiry| {
            inquiry
                .topics
                .iter()
                .any(|own| wifo_domain::public::routing::is_within(own, topic))
        })
        .filter(|inquiry| {
            since.is_none_or(|since| inquiry.received_on.is_some_and(|day| day > since))
        })
        .filter_map(|inquiry| inquiry.organization)
        .collect()
}

/// Every organization the query finds (ignoring its page), in the order asked for.
pub fn directory_ids(views: &Views, query: &DirectoryQuery) -> Vec<OrganizationId> {
    ordered_matches(views, query)
        .0
        .into_iter()
        .map(|(id, _, _)| id)
        .collect()
}

/// A match: the organization, its record, its latest contact if it was needed to filter or sort.
type Match<'a> = (
    OrganizationId,
    &'a crate::views::records::OrganizationRecord,
    Option<NaiveDate>,
);

/// The matches in order, and whether the latest contact was looked up for each.
fn ordered_matches<'a>(views: &'a Views, query: &DirectoryQuery) -> (Vec<Match<'a>>, bool) {
    let folded_query = query.text.as_deref().map(search::fold).unwrap_or_default();
    let contact_cutoff = query
        .no_contact_months
        .zip(query.today)
        .and_then(|(months, today)| today.checked_sub_months(Months::new(months)));
    // A text query starts from the word indexes; listing by name walks the name index, which is
    // already in order; anything else starts from all organizations.
    let in_name_order = matches!(query.sort, DirectorySort::Name | DirectorySort::Relevance)
        && folded_query.is_empty();
    let scores = (!folded_query.is_empty()).then(|| text_matches(views, &folded_query));
    let topic_askers = query.inquiry_topic.as_ref().map(|topic| {
        inquiring(
            views,
            topic,
            query.inquiry_months.unwrap_or(12),
            query.today,
        )
    });
    let source: Vec<(OrganizationId, &crate::views::records::OrganizationRecord)> =
        if let Some(scores) = &scores {
            scores
                .keys()
                .filter_map(|id| views.organizations.get(id).map(|record| (*id, record)))
                .collect()
        } else if in_name_order {
            views
                .search_index
                .in_name_order()
                .filter_map(|(_, id)| views.organizations.get(&id).map(|record| (id, record)))
                .collect()
        } else {
            views
                .organizations
                .iter()
                .map(|(id, record)| (*id, record))
                .collect()
        };
    let candidates = source
        .into_iter()
        .filter(|(_, record)| match record.state.status {
            Status::Active => true,
            Status::Closed { .. } => query.include_closed,
            Status::Unregistered | Status::MergedInto { .. } => false,
        })
        .filter(|(_, record)| {
            query
                .kind
                .is_none_or(|kind| record.state.kind == Some(kind))
        })
        .filter(|(_, record)| {
            query.sector.as_ref().is_none_or(|sector| {
                record
                    .state
                    .profile
                    .sector
                    .as_ref()
                    .is_some_and(|own| own.is_within(sector))
            })
        })
        .filter(|(_, record)| {
            query.region.as_ref().is_none_or(|region| {
                record
                    .state
                    .region
                    .as_ref()
                    .is_some_and(|own| own.is_within(region))
            })
        })
        .filter(|(_, record)| {
            query
                .tag
                .as_ref()
                .is_none_or(|tag| record.state.tags.contains(tag))
        })
        .filter(|(_, record)| {
            query
                .account_manager
                .as_ref()
                .is_none_or(|manager| record.state.account_manager.as_ref() == Some(manager))
        })
        .filter(|(_, record)| {
            query
                .size_class
                .is_none_or(|size| record.state.profile.size_class == Some(size))
        })
        .filter(|(_, record)| {
            query
                .member_of
                .is_none_or(|association| record.state.memberships.contains_key(&association))
        })
        .filter(|(id, _)| {
            topic_askers
                .as_ref()
                .is_none_or(|askers| askers.contains(id))
        })
        .collect::<Vec<_>>();
    // The latest contact is needed per match only to filter or sort by it; otherwise only for the
    // page shown.
    let needs_contact = contact_cutoff.is_some() || query.sort == DirectorySort::LastContact;
    let mut matches: Vec<Match<'a>> = candidates
        .into_iter()
        .map(|(id, record)| {
            (
                id,
                record,
                if needs_contact {
                    last_contact(views, id)
                } else {
                    None
                },
            )
        })
        .filter(|(_, _, last)| {
            contact_cutoff.is_none_or(|cutoff| last.is_none_or(|last| last < cutoff))
        })
        .collect();
    match query.sort {
        DirectorySort::Name | DirectorySort::Relevance if in_name_order => {}
        DirectorySort::Relevance => {
            let score = |id: &OrganizationId| scores.as_ref().and_then(|s| s.get(id)).copied();
            matches.sort_unstable_by(|a, b| {
                score(&b.0)
                    .cmp(&score(&a.0))
                    .then(a.1.search_key.cmp(&b.1.search_key))
                    .then(a.0.cmp(&b.0))
            })
        }
        DirectorySort::Name => {
            matches.sort_unstable_by(|a, b| a.1.search_key.cmp(&b.1.search_key).then(a.0.cmp(&b.0)))
        }
        DirectorySort::LastContact => {
            matches.sort_unstable_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)))
        }
        DirectorySort::Region => matches.sort_unstable_by(|a, b| {
            a.1.state
                .region
                .cmp(&b.1.state.region)
                .then(a.1.search_key.cmp(&b.1.search_key))
                .then(a.0.cmp(&b.0))
        }),
    }
    if query.descending {
        matches.reverse();
    }
    (matches, needs_contact)
}

/// The latest contact on or before `day` of an organization including the duplicates merged
/// into it (as `last_contact`, from the timeline when there was one after the day).
pub fn last_contact_on(
    views: &Views,
    organization: OrganizationId,
    day: NaiveDate,
) -> Option<NaiveDate> {
    let latest = last_contact(views, organization);
    if latest.is_none_or(|latest| latest <= day) {
        return latest;
    }
    let record = views.organizations.get(&organization)?;
    record
        .absorbed
        .iter()
        .filter_map(|duplicate| views.organizations.get(duplicate))
        .chain(std::iter::once(record))
        .flat_map(|record| record.timeline.iter())
        .filter(|entry| entry.item.is_contact() && entry.date <= day)
        .map(|entry| entry.date)
        .max()
}

pub fn directory(views: &Views, query: &DirectoryQuery) -> DirectoryPage {
    let (matches, needs_contact) = ordered_matches(views, query);
    let per_page = query.per_page.clamp(1, 500);
    let page = query.page.max(1);
    let total = matches.len();
    let entries = matches
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .map(|(id, record, last)| DirectoryEntry {
            id,
            name: record
                .state
                .name
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            kind: record.state.kind,
            sector: record.state.profile.sector.clone(),
            region: record.state.region.clone(),
            address: record.state.address.clone(),
            account_manager: record.state.account_manager.clone(),
            size_class: record.state.profile.size_class,
            tags: record.state.tags.iter().cloned().collect(),
            last_contact: if needs_contact {
                last
            } else {
                last_contact(views, id)
            },
            closed: matches!(record.state.status, Status::Closed { .. }),
        })
        .collect();
    DirectoryPage {
        total,
        page,
        per_page,
        entries,
    }
}

/// Organizations matching every word of the folded query, each word in any of what the
/// organization is found by (names, address, external id) or in the name of a person linked to
/// it, with a score: per word 2 for a word beginning with it, 1 for one within a typo; 10 more
/// when the name alone matches the whole query, 5 more when the name begins with it.
fn text_matches(views: &Views, folded_query: &str) -> HashMap<OrganizationId, u32> {
    let mut result: Option<HashMap<OrganizationId, u32>> = None;
    for word in folded_query.split(' ').filter(|word| !word.is_empty()) {
        let mut found: HashMap<OrganizationId, u32> = HashMap::new();
        let mut add = |id: OrganizationId, closeness: Closeness| {
            let score = match closeness {
                Closeness::Prefix => 2,
                Closeness::Typo => 1,
            };
            let best = found.entry(id).or_default();
            *best = (*best).max(score);
        };
        for (id, closeness) in views.search_index.find(word) {
            add(id, closeness);
        }
        for (person, closeness) in views.person_names.find(word) {
            for organization in views
                .persons
                .get(&person)
                .into_iter()
                .flat_map(|record| record.links.keys())
            {
                add(*organization, closeness);
            }
        }
        result = Some(match result {
            None => found,
            Some(so_far) => so_far
                .into_iter()
                .filter_map(|(id, score)| found.get(&id).map(|more| (id, score + more)))
                .collect(),
        });
    }
    let mut result = result.unwrap_or_default();
    for (id, score) in &mut result {
        if let Some(record) = views.organizations.get(id) {
            if search::matches(&record.search_key, folded_query) {
                *score += 10;
            }
            if record.search_key.starts_with(folded_query) {
                *score += 5;
            }
        }
    }
    result
}
