//! Organizations as the fact tables need them: the state now (folded with the domain's
//! `evolve`) for the organization frame, memberships and partner names, and the dated changes of
//! region, sector and size class, so a fact row gets the master data of the day it happened.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    Decider,
    organization::{Organization, OrganizationEvent, OrganizationKind, OrganizationState, Status},
    values::SizeClass,
};

use super::{FactTables, Symbol, key};

/// One organization.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrganizationFacts {
    pub state: OrganizationState,
    /// Changes of region, sector and size class with the day they were recorded, in log order.
    history: Vec<(NaiveDate, Change)>,
}

#[derive(Clone, Debug, Serialize, Deserialize, schemars::JsonSchema)]
enum Change {
    Registered {
        region: Symbol,
        sector: Symbol,
        size_class: Option<SizeClass>,
    },
    Relocated {
        region: Symbol,
    },
    Profile {
        sector: Symbol,
        size_class: Option<SizeClass>,
    },
}

impl OrganizationFacts {
    /// The day of the (earliest) registration, as entered.
    pub fn registered_on(&self) -> Option<NaiveDate> {
        self.history
            .iter()
            .find(|(_, change)| matches!(change, Change::Registered { .. }))
            .map(|(day, _)| *day)
    }
}

/// A business with its master data on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BusinessOnDay<'a> {
    pub organization: u64,
    pub region: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub size_class: Option<SizeClass>,
}

/// Region, sector and size class on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct MasterData {
    pub region: Symbol,
    pub sector: Symbol,
    pub size_class: Option<SizeClass>,
}

impl MasterData {
    const NONE: MasterData = MasterData {
        region: Symbol::NONE,
        sector: Symbol::NONE,
        size_class: None,
    };
}

impl FactTables {
    pub(super) fn apply_organization(&mut self, day: NaiveDate, event: &OrganizationEvent) {
        use OrganizationEvent as E;
        let organization = event.organization();
        let change = match event {
            E::Registered {
                region, profile, ..
            } => Some(Change::Registered {
                region: self.symbols.intern_opt(region.as_ref()),
                sector: self.symbols.intern_opt(profile.sector.as_ref()),
                size_class: profile.size_class,
            }),
            E::Relocated { region, .. } => Some(Change::Relocated {
                region: self.symbols.intern_opt(region.as_ref()),
            }),
            E::ProfileUpdated { profile, .. } => Some(Change::Profile {
                sector: self.symbols.intern_opt(profile.sector.as_ref()),
                size_class: profile.size_class,
            }),
            _ => None,
        };
        let record = self
            .organizations
            .entry(key(organization.as_uuid()))
            .or_default();
        record.state = Organization::evolve(std::mem::take(&mut record.state), event);
        if let Some(change) = change {
            // Kept in the order the changes happened (a move entered late goes before the ones
            // that happened after it), entries of one day in the order entered.
            let at = record
                .history
                .partition_point(|(earlier, _)| *earlier <= day);
            record.history.insert(at, (day, change));
        }
    }

    /// Region, sector and size class of an organization on `date`, from its dated changes (so a
    /// visit recorded late still counts where the business was on that day). A date before the
    /// registration gets the master data it was registered with.
    pub(super) fn master_data_at(&self, organization: u64, date: NaiveDate) -> MasterData {
        let Some(record) = self.organizations.get(&organization) else {
            return MasterData::NONE;
        };
        let mut at = MasterData::NONE;
        let mut registered = false;
        for (changed_on, change) in &record.history {
            // The first registration applies even when dated later: before it there is nothing.
            let first_registration = !registered && matches!(change, Change::Registered { .. });
            if *changed_on > date && !first_registration {
                continue;
            }
            match *change {
                Change::Registered {
                    region,
                    sector,
                    size_class,
                } => {
                    registered = true;
                    at = MasterData {
                        region,
                        sector,
                        size_class,
                    };
                }
                Change::Relocated { region } => at.region = region,
                Change::Profile { sector, size_class } => {
                    at.sector = sector;
                    at.size_class = size_class;
                }
            }
        }
        at
    }

    /// The businesses (companies and sole traders) that existed on `date` — registered on or
    /// before it, not closed by then, not merged into another record — with the region, sector
    /// and size class they had that day: the stock a region portrait counts.
    pub fn businesses_on(&self, date: NaiveDate) -> Vec<BusinessOnDay<'_>> {
        self.organizations
            .iter()
            .filter(|(_, record)| {
                record.state.kind.is_some_and(OrganizationKind::is_business)
                    && record.registered_on().is_some_and(|day| day <= date)
                    && match record.state.status {
                        Status::Active => true,
                        Status::Closed { closed_on } => closed_on > date,
                        Status::Unregistered | Status::MergedInto { .. } => false,
                    }
            })
            .map(|(organization, _)| self.business_on_day(*organization, date))
            .collect()
    }

    /// Businesses registered (first registration) within `from..=to`, with their master data
    /// on that day.
    pub fn businesses_registered(&self, from: NaiveDate, to: NaiveDate) -> Vec<BusinessOnDay<'_>> {
        self.organizations
            .iter()
            .filter(|(_, record)| record.state.kind.is_some_and(OrganizationKind::is_business))
            .filter_map(|(organization, record)| {
                let day = record.registered_on()?;
                (from <= day && day <= to).then(|| self.business_on_day(*organization, day))
            })
            .collect()
    }

    /// Businesses closed within `from..=to`, with their master data on the day of closing.
    pub fn businesses_closed(&self, from: NaiveDate, to: NaiveDate) -> Vec<BusinessOnDay<'_>> {
        self.organizations
            .iter()
            .filter(|(_, record)| record.state.kind.is_some_and(OrganizationKind::is_business))
            .filter_map(|(organization, record)| match record.state.status {
                Status::Closed { closed_on } if from <= closed_on && closed_on <= to => {
                    Some(self.business_on_day(*organization, closed_on))
                }
                _ => None,
            })
            .collect()
    }

    fn business_on_day(&self, organization: u64, date: NaiveDate) -> BusinessOnDay<'_> {
        let at = self.master_data_at(organization, date);
        BusinessOnDay {
            organization,
            region: self.text(at.region),
            sector: self.text(at.sector),
            size_class: at.size_class,
        }
    }

    /// The organization's region on `date` (see `master_data_at`).
    pub(super) fn region_at(&self, organization: u64, date: NaiveDate) -> Symbol {
        self.master_data_at(organization, date).region
    }

    /// The key of the organization a record now lives in: follows merges to the survivor.
    pub fn resolve(&self, mut organization: u64) -> u64 {
        for _ in 0..16 {
            match self
                .organizations
                .get(&organization)
                .map(|record| &record.state.status)
            {
                Some(Status::MergedInto { survivor }) => organization = key(survivor.as_uuid()),
                _ => break,
            }
        }
        organization
    }
}
