//! Tolerant name search: case, umlauts and ß, punctuation and word order do not matter, and a
//! query matches partial words ("bäck schul" finds "Bäckerei Schulz GmbH") and tolerates typos
//! (`fuzzy.rs`).

use std::collections::BTreeSet;

use wifo_domain::ids::OrganizationId;

use super::fuzzy::{Closeness, WordIndex};

/// Folds a name for comparison: lower case, `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss`, accents
/// dropped, everything but letters and digits becomes one blank.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len() + 4);
    let mut blank = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let replacement: &str = match c {
            'ä' | 'æ' => "ae",
            'ö' | 'ø' | 'œ' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' | 'č' | 'ć' => "c",
            'ñ' | 'ń' => "n",
            'š' | 'ś' | 'ş' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ğ' => "g",
            'ı' => "i",
            _ => "",
        };
        if !replacement.is_empty() {
            folded.push_str(replacement);
            blank = false;
        } else if c.is_alphanumeric() {
            folded.push(c);
            blank = false;
        } else if !blank {
            folded.push(' ');
            blank = true;
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// Whether every word of the (folded) query starts some word of the (folded) name.
pub fn matches(folded_name: &str, folded_query: &str) -> bool {
    folded_query
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| {
            folded_name
                .split(' ')
                .any(|name_word| name_word.starts_with(word))
        })
}

/// Indexes of organizations: by whole folded name (for listing in name order without
/// sorting) and by each word of what a search looks at — current and former names, street,
/// postal code, city, external id (`OrganizationRecord::search_terms`) — so a search touches
/// only the words that begin like the query, not every organization.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct SearchIndex {
    by_name: BTreeSet<(String, OrganizationId)>,
    by_word: WordIndex<OrganizationId>,
}

impl SearchIndex {
    /// Moves an organization from its old folded name to its new one.
    pub fn replace(&mut self, organization: OrganizationId, old_key: &str, new_key: &str) {
        if !old_key.is_empty() {
            self.by_name.remove(&(old_key.to_owned(), organization));
        }
        if !new_key.is_empty() {
            self.by_name.insert((new_key.to_owned(), organization));
        }
    }

    /// Replaces the words an organization is found by (folded, blank-separated).
    pub fn replace_terms(&mut self, organization: OrganizationId, old: &str, new: &str) {
        self.by_word.replace(organization, old, new);
    }

    /// All organizations in the order of their folded names.
    pub fn in_name_order(&self) -> impl DoubleEndedIterator<Item = (&str, OrganizationId)> {
        self.by_name.iter().map(|(key, id)| (key.as_str(), *id))
    }

    /// Organizations with a word that the (folded) query word matches (see `fuzzy.rs`).
    pub fn find(&self, query_word: &str) -> Vec<(OrganizationId, Closeness)> {
        self.by_word
            .find(query_word, OrganizationId::from_uuid(uuid::Uuid::nil()))
    }
}

/// The words of `texts`, folded, each once, blank-separated.
pub fn terms<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let words: BTreeSet<String> = texts
        .into_iter()
        .flat_map(|text| {
            fold(text)
                .split(' ')
                .filter(|word| !word.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    words.into_iter().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
