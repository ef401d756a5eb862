//! Every German text of the web UI in one catalogue, looked up by key (`"nav.week"`): the data
//! file `server/texts/de.tsv`, compiled into the binary, so an English catalogue can be added
//! beside it and a text changed without touching code. Enum labels (channels, sources, outcomes, kinds)
//! come from the domain's `label()` functions, which are German as well. A missing key shows
//! itself (the key is printed) and the test below finds it before a user does.

use std::{collections::HashMap, sync::LazyLock};

/// The German catalogue, one `key<TAB>text` line each (`server/texts/de.tsv`).
const GERMAN: &str = include_str!("../../texts/de.tsv");

/// The `(key, text)` lines of a catalogue file; comments (`#`) and empty lines left out.
fn entries(catalogue: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    catalogue
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

static CATALOGUE: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| entries(GERMAN).collect());

/// The text of `key`, or `None`.
pub fn lookup(key: &str) -> Option<&'static str> {
    CATALOGUE.get(key).copied()
}

/// The text of `key`; a missing key shows as itself.
pub fn get(key: &'static str) -> &'static str {
    lookup(key).unwrap_or(key)
}

/// The catalogue as templates use it: `{{ t.get("nav.week") }}`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Texts;

impl Texts {
    pub fn get(&self, key: &'static str) -> &'static str {
        get(key)
    }
}

#[cfg(test)]
#[path = "texts_tests.rs"]
mod tests;
