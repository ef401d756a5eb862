//! Map outlines of regions in the `taxonomy-regions` stream: an import names a region code, its
//! outline and the source a map must credit. Only regions the office has defined get an outline,
//! and an import that changes nothing writes nothing, so importing the same file twice is one
//! event.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{TaxonomyError, TaxonomyEvent, TaxonomyKind, TaxonomyState};
use crate::values::{Outline, Title};

/// One region's outline as imported: the code as given in commands, canonical in events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegionOutline {
    pub code: String,
    pub outline: Outline,
}

/// Imports outlines (`wifo import geometry FILE`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DrawOutlines {
    /// Always `regions`.
    pub taxonomy: TaxonomyKind,
    /// Who made the outlines and under which licence, named under every map.
    pub source: String,
    pub outlines: Vec<RegionOutline>,
}

/// An outline as the state holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DrawnOutline {
    pub outline: Outline,
    pub source: String,
}

pub(super) fn draw(
    command: &DrawOutlines,
    state: &TaxonomyState,
) -> Result<Vec<TaxonomyEvent>, TaxonomyError> {
    if command.taxonomy != TaxonomyKind::Regions {
        return Err(TaxonomyError::OutlinesOnlyForRegions(command.taxonomy));
    }
    if command.outlines.is_empty() {
        return Err(TaxonomyError::NoOutlines);
    }
    let source = Title::parse(&command.source)
        .map(String::from)
        .map_err(TaxonomyError::InvalidSource)?;
    let mut seen = BTreeSet::new();
    let mut changed = Vec::new();
    for drawn in &command.outlines {
        let (code, _) = command.taxonomy.parse_code(&drawn.code)?;
        if !state.entries.contains_key(&code) {
            return Err(TaxonomyError::UnknownCode(code));
        }
        if !seen.insert(code.clone()) {
            return Err(TaxonomyError::DefinedTwice(code));
        }
        let unchanged = state
            .outlines
            .get(&code)
            .is_some_and(|existing| existing.outline == drawn.outline && existing.source == source);
        if !unchanged {
            changed.push(RegionOutline {
                code,
                outline: drawn.outline.clone(),
            });
        }
    }
    if changed.is_empty() {
        return Err(TaxonomyError::OutlinesUnchanged);
    }
    Ok(vec![TaxonomyEvent::OutlinesImported {
        taxonomy: command.taxonomy,
        source,
        outlines: changed,
    }])
}

#[cfg(test)]
#[path = "taxonomy_outlines_tests.rs"]
mod tests;
