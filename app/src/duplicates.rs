//! Likely duplicates among the office's organizations, by the rules of
//! `wifo_domain::duplicate` (the same the import uses): the candidates a registration is warned
//! about, and the pairs the merge list offers. Only active organizations take part; one merged
//! away or closed is no candidate.

use std::collections::HashMap;

use wifo_domain::{
    duplicate::{DuplicateKeys, DuplicateReason, compare},
    ids::OrganizationId,
    organization::{OrganizationEvent, Status},
};
use wifo_projections::{Views, views::records::OrganizationRecord};

/// One organization that looks like another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub organization: OrganizationId,
    pub name: String,
    pub reason: DuplicateReason,
}

/// Two active organizations that look like the same one; `first` was registered first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub first: (OrganizationId, String),
    pub second: (OrganizationId, String),
    pub reason: DuplicateReason,
}

/// What the duplicate rules compare of a registered organization (`None` before it is).
pub fn keys_of(record: &OrganizationRecord) -> Option<DuplicateKeys> {
    let name = record.state.name.as_ref()?;
    let external_id = record
        .changes
        .iter()
        .find_map(|change| match &change.event {
            OrganizationEvent::Registered { external_id, .. } => external_id.clone(),
            _ => None,
        });
    Some(DuplicateKeys::of(
        name,
        record.state.address.as_ref(),
        external_id.as_deref(),
    ))
}

/// The keys of every active organization, with its name.
fn active(views: &Views) -> Vec<(OrganizationId, String, DuplicateKeys)> {
    views
        .organizations
        .iter()
        .filter(|(_, record)| record.state.status == Status::Active)
        .filter_map(|(id, record)| {
            let name = record.state.name.as_ref()?.as_str().to_owned();
            Some((*id, name, keys_of(record)?))
        })
        .collect()
}

/// The active organizations a new one with `keys` would duplicate, strongest reason first.
pub fn candidates(views: &Views, keys: &DuplicateKeys) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = active(views)
        .into_iter()
        .filter_map(|(organization, name, known)| {
            compare(keys, &known).map(|reason| Candidate {
                organization,
                name,
                reason,
            })
        })
        .collect();
    found.sort_by_key(|candidate| (candidate.reason, candidate.organization));
    found
}

/// Every pair of active organizations that look like the same one, strongest reason first, at
/// most `limit`. Only records with the same normalised name or external id are compared, so
/// this stays linear in the number of organizations.
pub fn pairs(views: &Views, limit: usize) -> Vec<Pair> {
    let mut active = active(views);
    // Ids are UUIDv7: their order is the order of registration, which decides `first`.
    active.sort_by_key(|(id, _, _)| *id);
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, (_, _, keys)) in active.iter().enumerate() {
        groups.entry(keys.name.as_str()).or_default().push(index);
        if let Some(external_id) = &keys.external_id {
            groups.entry(external_id.as_str()).or_default().push(index);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for members in groups.values().filter(|members| members.len() > 1) {
        for (at, &a) in members.iter().enumerate() {
            for &b in &members[at + 1..] {
                let (a, b) = (a.min(b), a.max(b));
                if a == b || !seen.insert((a, b)) {
                    continue;
                }
                let (first, second) = (&active[a], &active[b]);
                if let Some(reason) = compare(&second.2, &first.2) {
                    pairs.push(Pair {
                        first: (first.0, first.1.clone()),
                        second: (second.0, second.1.clone()),
                        reason,
                    });
                }
            }
        }
    }
    pairs.sort_by(|x, y| (x.reason, &x.first.1, x.first.0).cmp(&(y.reason, &y.first.1, y.first.0)));
    pairs.truncate(limit);
    pairs
}
