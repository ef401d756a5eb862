//! Region coverage: businesses per region (at any level of the hierarchy) and the share of them
//! the office had contact with in the last 12 and 24 months.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use wifo_domain::{
    organization::{OrganizationKind, Status},
    values::{RegionCode, RegionLevel},
};

use super::directory::last_contact_on;
use super::profile::{Moment, master_data};
use crate::views::Views;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegionCoverage {
    pub region: RegionCode,
    pub name: String,
    pub businesses: usize,
    pub contacted_12_months: usize,
    pub contacted_24_months: usize,
    /// Shares in percent, one decimal.
    pub share_12_months: f64,
    pub share_24_months: f64,
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

/// Active companies and sole traders per region at `level`, by region code, as they were on
/// `today`: each organization's master data as of that day (a business registered, moved or
/// closed later counts as it was then) and its latest contact on or before it — so the coverage
/// of a year ago is the one the office had a year ago, with what was entered late counted on
/// the day it happened.
pub fn region_coverage(views: &Views, level: RegionLevel, today: NaiveDate) -> Vec<RegionCoverage> {
    let cutoff_12 = today.checked_sub_months(Months::new(12)).unwrap_or(today);
    let cutoff_24 = today.checked_sub_months(Months::new(24)).unwrap_or(today);
    let mut counts: BTreeMap<RegionCode, (usize, usize, usize)> = BTreeMap::new();
    let as_of = Moment {
        as_of: Some(today),
        known_on: None,
    };
    for (id, record) in &views.organizations {
        // Most organizations did not change after the day: their state now is their state then.
        let folded;
        let state = if record.changes.iter().all(|change| change.on <= today) {
            &record.state
        } else {
            match master_data(views, *id, as_of) {
                Some((state, _)) => {
                    folded = state;
                    &folded
                }
                None => continue,
            }
        };
        let business = state.kind.is_some_and(OrganizationKind::is_business);
        if !business || state.status != Status::Active {
            continue;
        }
        let Some(region) = state
            .region
            .as_ref()
            .and_then(|region| region.at_level(level))
        else {
            continue;
        };
        let last = last_contact_on(views, *id, today);
        let entry = counts.entry(region).or_default();
        entry.0 += 1;
        if last.is_some_and(|last| last >= cutoff_12) {
            entry.1 += 1;
        }
        if last.is_some_and(|last| last >= cutoff_24) {
            entry.2 += 1;
        }
    }
    let names = views.taxonomies.get("regions");
    counts
        .into_iter()
        .map(
            |(region, (businesses, contacted_12, contacted_24))| RegionCoverage {
                name: names
                    .and_then(|taxonomy| taxonomy.entries.get(region.as_str()))
                    .map(|entry| entry.name.clone())
                    .unwrap_or_default(),
                region,
                businesses,
                contacted_12_months: contacted_12,
                contacted_24_months: contacted_24,
                share_12_months: percent(contacted_12, businesses),
                share_24_months: percent(contacted_24, businesses),
            },
        )
        .collect()
}
