//! The organization directory: tolerant name search, filters on every level of the sector and
//! region hierarchies, "no contact for more than N months", sorting and paging. Merged
//! duplicates are not listed; their activity counts for the survivor.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::OrganizationId,
    organization::{OrganizationKind, Status},
    values::{Address, RegionCode, SizeClass, Tag, UserName, WzCode},
};

use crate::views::{Views, search};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectorySort {
    #[default]
    Name,
    LastContact,
    Region,
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
    pub include_closed: bool,
    pub sort: DirectorySort,
    pub descending: bool,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    pub today: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

pub fn directory(views: &Views, query: &DirectoryQuery) -> DirectoryPage {
    let folded_query = query.text.as_deref().map(search::fold).unwrap_or_default();
    let contact_cutoff = query
        .no_contact_months
        .zip(query.today)
        .and_then(|(months, today)| today.checked_sub_months(Months::new(months)));
    // A text query starts from the word index; listing by name walks the name index, which is
    // already in order; anything else starts from all organizations.
    let in_name_order = query.sort == DirectorySort::Name && folded_query.is_empty();
    let source: Vec<(OrganizationId, &crate::views::records::OrganizationRecord)> =
        if !folded_query.is_empty() {
            views
                .search_index
                .search(&folded_query)
                .into_iter()
                .filter_map(|id| views.organizations.get(&id).map(|record| (id, record)))
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
        .collect::<Vec<_>>();
    // The latest contact is needed per match only to filter or sort by it; otherwise only for the
    // page shown.
    let needs_contact = contact_cutoff.is_some() || query.sort == DirectorySort::LastContact;
    let mut matches: Vec<(
        OrganizationId,
        &crate::views::records::OrganizationRecord,
        Option<NaiveDate>,
    )> = candidates
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
        DirectorySort::Name if in_name_order => {}
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
    let per_page = query.per_page.clamp(1, 500);
    let page = query.page.max(1);
    let total = matches.len();
    let entries = matches
        .into_iter()
        .skip((page - 1) * per_page)
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
