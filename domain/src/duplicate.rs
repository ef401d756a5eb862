//! The rules that say two organization records probably mean the same business: the same
//! external id, or the same normalised name at the same postal code or street. A name is
//! normalised by folding case, umlauts and ß, dropping punctuation and the legal-form suffix
//! (`Bäckerei Schulz GmbH & Co. KG` and `Baeckerei Schulz` compare equal), so the check at entry,
//! the importer and the merge list all agree.

use serde::{Deserialize, Serialize};

use crate::values::{Address, OrganizationName};

/// Legal-form words and abbreviations, already normalised (lower case, no punctuation), longest
/// first so `gmbh co kg` is removed before `kg`. Removed only at the end of a name.
const LEGAL_FORMS: &[&str] = &[
    "gmbh co kgaa",
    "gmbh co kg",
    "ug haftungsbeschraenkt co kg",
    "ug haftungsbeschraenkt",
    "ag co kg",
    "se co kg",
    "gmbh",
    "ggmbh",
    "mbh",
    "kgaa",
    "kg",
    "ohg",
    "ag",
    "se",
    "ug",
    "gbr",
    "partg mbb",
    "partg",
    "ek",
    "ekfm",
    "ekfr",
    "ev",
    "eg",
    "inh",
    "ltd",
    "limited",
    "co",
];

/// The comparable form of a name: lower case, umlauts and ß folded, punctuation and the
/// legal-form suffix removed, blanks collapsed.
pub fn normalize_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => folded.push_str("ae"),
            'ö' => folded.push_str("oe"),
            'ü' => folded.push_str("ue"),
            'ß' => folded.push_str("ss"),
            'é' | 'è' | 'ê' => folded.push('e'),
            'á' | 'à' | 'â' => folded.push('a'),
            'ó' | 'ò' | 'ô' => folded.push('o'),
            '&' | '+' => folded.push(' '),
            // `e.V.`, `e.K.`: abbreviations are one word.
            '.' => {}
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    let mut words: Vec<&str> = folded.split_whitespace().filter(|w| *w != "und").collect();
    loop {
        let joined = words.join(" ");
        let Some(form) = LEGAL_FORMS.iter().find(|form| {
            joined.ends_with(*form)
                && (joined.len() == form.len()
                    || joined.as_bytes()[joined.len() - form.len() - 1] == b' ')
        }) else {
            break;
        };
        let remove = form.split(' ').count();
        if remove >= words.len() {
            break;
        }
        words.truncate(words.len() - remove);
    }
    words.join(" ")
}

/// The comparable form of a street: `Hauptstr. 5` and `Hauptstraße 5` compare equal.
pub fn normalize_street(street: &str) -> String {
    let name = normalize_name_words(street);
    name.replace("strasse", "str")
}

fn normalize_name_words(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => folded.push_str("ae"),
            'ö' => folded.push_str("oe"),
            'ü' => folded.push_str("ue"),
            'ß' => folded.push_str("ss"),
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join("")
}

/// What the rules compare of one organization.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DuplicateKeys {
    pub external_id: Option<String>,
    /// Normalised name and postal code, when the address is known.
    pub name_at_postal_code: Option<(String, String)>,
    /// Normalised name and postal code with street, when the street is known.
    pub name_at_street: Option<(String, String)>,
    /// Normalised name alone, for organizations without an address.
    pub name: String,
}

impl DuplicateKeys {
    pub fn of(
        name: &OrganizationName,
        address: Option<&Address>,
        external_id: Option<&str>,
    ) -> Self {
        let name = normalize_name(name.as_str());
        let external_id = external_id
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned);
        let name_at_postal_code =
            address.map(|address| (name.clone(), address.postal_code.as_str().to_owned()));
        let name_at_street = address
            .filter(|address| !address.street.is_empty())
            .map(|address| {
                let street = normalize_street(&address.street);
                (name.clone(), format!("{} {street}", address.postal_code))
            });
        Self {
            external_id,
            name_at_postal_code,
            name_at_street,
            name,
        }
    }
}

/// Why two records were taken for the same organization, strongest first.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    ExternalId,
    NameAndStreet,
    NameAndPostalCode,
    NameWithoutAddress,
}

impl DuplicateReason {
    pub fn label(self) -> &'static str {
        match self {
            DuplicateReason::ExternalId => "gleiche externe Kennung",
            DuplicateReason::NameAndStreet => "gleicher Name und gleiche Straße",
            DuplicateReason::NameAndPostalCode => "gleicher Name und gleiche Postleitzahl",
            DuplicateReason::NameWithoutAddress => "gleicher Name, keine Anschrift",
        }
    }
}

/// Whether `a` and `b` look like the same organization, and why.
pub fn compare(a: &DuplicateKeys, b: &DuplicateKeys) -> Option<DuplicateReason> {
    if a.external_id.is_some() && a.external_id == b.external_id {
        return Some(DuplicateReason::ExternalId);
    }
    if a.name.is_empty() || a.name != b.name {
        return None;
    }
    if a.name_at_street.is_some() && a.name_at_street == b.name_at_street {
        return Some(DuplicateReason::NameAndStreet);
    }
    if a.name_at_postal_code.is_some() && a.name_at_postal_code == b.name_at_postal_code {
        return Some(DuplicateReason::NameAndPostalCode);
    }
    if a.name_at_postal_code.is_none() && b.name_at_postal_code.is_none() {
        return Some(DuplicateReason::NameWithoutAddress);
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "duplicate_tests.rs"]
mod tests;
