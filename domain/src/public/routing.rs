//! Who answers what: the routing rules (topic × region → staff member), taken from the
//! responsibilities of the Handreichung's topics, that send an inquiry from the public form to
//! the person responsible and that the Handreichung and the Ansprechpartner page show. This is
//! the one definition of responsibility for a topic.

use serde::{Deserialize, Serialize};

use super::WriteGuideTopic;
use crate::values::{Code, RegionCode, UserName};

/// One rule: inquiries about `topic` (and its sub-topics) from `region` (and the regions within
/// it) go to `assignee`. A rule without topic covers every topic, one without region every
/// region; the rule without either is the team inbox's fallback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoutingRule {
    pub topic: Option<Code>,
    pub region: Option<RegionCode>,
    pub assignee: UserName,
}

impl RoutingRule {
    /// Whether the rule covers an inquiry about `topic` from `region`.
    pub fn covers(&self, topic: Option<&Code>, region: Option<&RegionCode>) -> bool {
        let topic_ok = match (&self.topic, topic) {
            (None, _) => true,
            (Some(rule), Some(topic)) => is_within(topic, rule),
            (Some(_), None) => false,
        };
        let region_ok = match (&self.region, region) {
            (None, _) => true,
            (Some(rule), Some(region)) => region.is_within(rule),
            (Some(_), None) => false,
        };
        topic_ok && region_ok
    }

    /// How specific the rule is: a topic outweighs a region, a deeper code a shallower one.
    fn specificity(&self) -> (usize, usize) {
        (
            self.topic
                .as_ref()
                .map_or(0, |topic| topic.as_str().split('.').count()),
            self.region
                .as_ref()
                .map_or(0, |region| region.as_str().len()),
        )
    }
}

/// The rules of the topics' entries, in the order given (entries in code order, rows as written).
pub fn rules_of<'a>(entries: impl IntoIterator<Item = &'a WriteGuideTopic>) -> Vec<RoutingRule> {
    entries
        .into_iter()
        .flat_map(|entry| {
            entry.responsible.iter().map(|row| RoutingRule {
                topic: Some(entry.topic.clone()),
                region: row.region.clone(),
                assignee: row.staff.clone(),
            })
        })
        .collect()
}

/// Whether `topic` is `ancestor` or one of its sub-topics (`foerderung.zuschuesse` is within
/// `foerderung`).
pub fn is_within(topic: &Code, ancestor: &Code) -> bool {
    topic == ancestor
        || topic
            .as_str()
            .strip_prefix(ancestor.as_str())
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The staff member an inquiry about `topic` from `region` goes to: the most specific rule
/// that covers it (the earlier one on a tie), or `None` for the team inbox.
pub fn route<'a>(
    rules: &'a [RoutingRule],
    topic: Option<&Code>,
    region: Option<&RegionCode>,
) -> Option<&'a UserName> {
    rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.covers(topic, region))
        .max_by_key(|(index, rule)| (rule.specificity(), std::cmp::Reverse(*index)))
        .map(|(_, rule)| &rule.assignee)
}

#[cfg(test)]
#[path = "routing_tests.rs"]
mod tests;
