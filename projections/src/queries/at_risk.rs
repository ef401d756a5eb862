//! The at-risk list (rote Flaggen): every active business whose latest conducted visit found a
//! relocation risk, an expansion need it cannot meet on its site, or a location satisfaction of
//! 2 or less, and whose follow-ups are not completed — none set, or one still open — the work
//! list behind „Gefährdete Betriebe“ for staff and the lead. „Completed“ is what the Klausur
//! report's findings figure counts as done (`follow_up_done`: follow-ups set, all done).
//!
//! The one definition of the flags is [`RiskReason::of`]: an expansion need counts as one the
//! business cannot meet when the visit recorded expansion plans together with a need for more
//! space (`space_need_m2`), since more space is what a site cannot give. A later visit without
//! a flag takes a business off the list, as does completing the flagged visit's follow-ups.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    ids::{OrganizationId, VisitId},
    organization::Status,
    values::UserName,
    visit::{Findings, VisitStatus},
};

use crate::views::Views;

/// Location satisfaction at or below this counts as a red flag (scale 1–5).
pub const LOW_SATISFACTION: u8 = 2;

/// Why a business is on the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RiskReason {
    /// Abwanderungsgefahr.
    RelocationRisk,
    /// Erweiterungsbedarf mit zusätzlichem Flächenbedarf in m².
    UnmetExpansion { space_need_m2: u32 },
    /// Standortzufriedenheit 1 oder 2.
    LowSatisfaction { satisfaction: u8 },
}

impl RiskReason {
    /// The red flags of a visit's findings, in a fixed order; none for a visit without them.
    pub fn of(findings: &Findings) -> Vec<RiskReason> {
        let mut reasons = Vec::new();
        if findings.relocation_risk {
            reasons.push(RiskReason::RelocationRisk);
        }
        if let (true, Some(space_need_m2)) = (findings.expansion_plans, findings.space_need_m2)
            && space_need_m2 > 0
        {
            reasons.push(RiskReason::UnmetExpansion { space_need_m2 });
        }
        if let Some(satisfaction) = findings.location_satisfaction
            && satisfaction.get() <= LOW_SATISFACTION
        {
            reasons.push(RiskReason::LowSatisfaction {
                satisfaction: satisfaction.get(),
            });
        }
        reasons
    }

    /// The flag as a person reads it.
    pub fn label(&self) -> String {
        match self {
            RiskReason::RelocationRisk => "Abwanderungsgefahr".to_owned(),
            RiskReason::UnmetExpansion { space_need_m2 } => format!(
                "Erweiterung mit {} m² Flächenbedarf",
                wifo_domain::german::integer(i64::from(*space_need_m2))
            ),
            RiskReason::LowSatisfaction { satisfaction } => {
                format!("Standortzufriedenheit {satisfaction} von 5")
            }
        }
    }
}

/// One business on the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AtRisk {
    pub organization: OrganizationId,
    pub organization_name: String,
    pub account_manager: Option<UserName>,
    /// The latest visit, which found the flags.
    pub visit: VisitId,
    pub visited_on: NaiveDate,
    pub reasons: Vec<RiskReason>,
    /// The earliest open follow-up of that visit (assignee, due day), if one was set.
    pub open_follow_up: Option<(UserName, NaiveDate)>,
}

/// Who is responsible for a business on the list: its account manager, or where it has none,
/// the staff who made the visit.
fn responsible(entry: &AtRisk, staff: &[UserName], user: &UserName) -> bool {
    match &entry.account_manager {
        Some(manager) => manager == user,
        None => staff.contains(user),
    }
}

/// The list as of `today` (visits conducted after it do not count yet), longest-waiting
/// first; `user` narrows it to the businesses that user is responsible for.
pub fn at_risk(views: &Views, today: NaiveDate, user: Option<&UserName>) -> Vec<AtRisk> {
    let mut latest: HashMap<OrganizationId, (NaiveDate, VisitId)> = HashMap::new();
    for (id, visit) in &views.visits {
        let (VisitStatus::Conducted, Some(organization), Some(on)) =
            (visit.status, visit.organization, visit.conducted_on)
        else {
            continue;
        };
        if on > today {
            continue;
        }
        let organization = views.resolve(organization);
        let entry = latest.entry(organization).or_insert((on, *id));
        if (on, *id) > *entry {
            *entry = (on, *id);
        }
    }
    let mut list: Vec<AtRisk> = latest
        .into_iter()
        .filter_map(|(organization, (visited_on, visit))| {
            let record = views.organizations.get(&organization)?;
            if record.state.status != Status::Active {
                return None;
            }
            let state = views.visits.get(&visit)?;
            let done = !state.completed_follow_ups.is_empty() && state.open_follow_ups.is_empty();
            if done {
                return None;
            }
            let reasons = RiskReason::of(state.findings.as_ref()?);
            if reasons.is_empty() {
                return None;
            }
            let entry = AtRisk {
                organization,
                organization_name: record
                    .state
                    .name
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                account_manager: record.state.account_manager.clone(),
                visit,
                visited_on,
                reasons,
                open_follow_up: state
                    .open_follow_ups
                    .values()
                    .min_by_key(|(_, due_on)| *due_on)
                    .cloned(),
            };
            user.is_none_or(|user| responsible(&entry, &state.staff, user))
                .then_some(entry)
        })
        .collect();
    list.sort_by(|a, b| {
        a.visited_on
            .cmp(&b.visited_on)
            .then(a.organization_name.cmp(&b.organization_name))
            .then(a.organization.cmp(&b.organization))
    });
    list
}

#[cfg(test)]
#[path = "at_risk_tests.rs"]
mod tests;
