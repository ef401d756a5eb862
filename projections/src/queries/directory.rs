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
    let mut entries: Vec<DirectoryEntry> = views
        .organizations
        .iter()
        .filter(|(_, record)| match record.state.status {
            Status::Active => true,
            Status::Closed { .. } => query.include_closed,
            Status::Unregistered | Status::MergedInto { .. } => false,
        })
        .filter(|(_, record)| search::matches(&record.search_key, &folded_query))
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
        .map(|(id, record)| DirectoryEntry {
            id: *id,
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
            last_contact: last_contact(views, *id),
            closed: matches!(record.state.status, Status::Closed { .. }),
        })
        .filter(|entry| {
            contact_cutoff.is_none_or(|cutoff| entry.last_contact.is_none_or(|last| last < cutoff))
        })
        .collect();
    match query.sort {
        DirectorySort::Name => {
            entries.sort_by_cached_key(|entry| (search::fold(&entry.name), entry.id))
        }
        DirectorySort::LastContact => {
            entries.sort_by(|a, b| a.last_contact.cmp(&b.last_contact).then(a.id.cmp(&b.id)))
        }
        DirectorySort::Region => {
            entries.sort_by(|a, b| a.region.cmp(&b.region).then(a.name.cmp(&b.name)))
        }
    }
    if query.descending {
        entries.reverse();
    }
    let per_page = query.per_page.clamp(1, 500);
    let page = query.page.max(1);
    let total = entries.len();
    let entries = entries
        .into_iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .collect();
    DirectoryPage {
        total,
        page,
        per_page,
        entries,
    }
}
