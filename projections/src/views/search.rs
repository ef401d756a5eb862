//! Tolerant name search: case, umlauts and ß, punctuation and word order do not matter, and a
//! query matches partial words ("bäck schul" finds "Bäckerei Schulz GmbH").

use wifo_domain::ids::OrganizationId;

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

/// Indexes of organization names: every organization by its whole folded name (for listing in
/// name order without sorting) and by each word of it (so a search touches only the words that
/// start with the query, not every organization).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct SearchIndex {
    by_name: std::collections::BTreeSet<(String, OrganizationId)>,
    by_word: std::collections::BTreeSet<(String, OrganizationId)>,
}

impl SearchIndex {
    /// Moves an organization from its old folded name to its new one.
    pub fn replace(&mut self, organization: OrganizationId, old_key: &str, new_key: &str) {
        if !old_key.is_empty() {
            self.by_name.remove(&(old_key.to_owned(), organization));
            for word in old_key.split(' ') {
                self.by_word.remove(&(word.to_owned(), organization));
            }
        }
        if !new_key.is_empty() {
            self.by_name.insert((new_key.to_owned(), organization));
            for word in new_key.split(' ').filter(|word| !word.is_empty()) {
                self.by_word.insert((word.to_owned(), organization));
            }
        }
    }

    /// All organizations in the order of their folded names.
    pub fn in_name_order(&self) -> impl DoubleEndedIterator<Item = (&str, OrganizationId)> {
        self.by_name.iter().map(|(key, id)| (key.as_str(), *id))
    }

    /// Organizations whose name has, for every word of the folded query, a word starting with it.
    pub fn search(&self, folded_query: &str) -> std::collections::HashSet<OrganizationId> {
        let mut result: Option<std::collections::HashSet<OrganizationId>> = None;
        for word in folded_query.split(' ').filter(|word| !word.is_empty()) {
            let found: std::collections::HashSet<OrganizationId> = self
                .by_word
                .range(
                    (
                        word.to_owned(),
                        OrganizationId::from_uuid(uuid::Uuid::nil()),
                    )..,
                )
                .take_while(|(indexed, _)| indexed.starts_with(word))
                .map(|(_, id)| *id)
                .filter(|id| result.as_ref().is_none_or(|so_far| so_far.contains(id)))
                .collect();
            result = Some(found);
        }
        result.unwrap_or_default()
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
