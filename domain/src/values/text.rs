//! Free text with bounds: names, titles and notes are trimmed, and names and titles must not be
//! empty. Multiple inner blanks collapse to one so "Bäckerei  Schulz" and "Bäckerei Schulz" are
//! the same name.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_value};

/// Whether `text` has no leading, trailing or repeated blanks and no blank other than `' '`.
/// Stored names are always normal, so reading them back costs no allocation beyond the copy.
fn is_normal(text: &str) -> bool {
    let mut previous_blank = true;
    for c in text.chars() {
        let blank = c.is_whitespace();
        if blank && (previous_blank || c != ' ') {
            return false;
        }
        previous_blank = blank;
    }
    !previous_blank || text.is_empty()
}

fn normalised(text: &str) -> String {
    if is_normal(text) {
        return text.to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bounded(field: &'static str, text: &str, max: usize) -> Result<String, InvalidValue> {
    let text = normalised(text);
    if text.is_empty() {
        return Err(InvalidValue::Empty { field });
    }
    if text.chars().count() > max {
        return Err(InvalidValue::TooLong { field, max });
    }
    Ok(text)
}

/// The name of an organization, 1–200 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganizationName(String);

impl OrganizationName {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Name", text, 200).map(Self)
    }
}
string_value!(OrganizationName);

/// The name of a person, 1–200 characters. Personal data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Name", text, 200).map(Self)
    }
}
string_value!(PersonName);

/// A short title (of a milestone, a gathering, a task, a topic), 1–300 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Title(String);

impl Title {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Titel", text, 300).map(Self)
    }
}
string_value!(Title);

/// A free tag on an organization (`Gründerzentrum`, `Industriegebiet Nord`), 1–50 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tag(String);

impl Tag {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Schlagwort", text, 50).map(Self)
    }
}
string_value!(Tag);

/// Longer free text (notes, summaries, descriptions): trimmed, may be empty, at most 20,000
/// characters. Line breaks are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Text(String);

impl Text {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        if text.chars().count() > 20_000 {
            return Err(InvalidValue::TooLong {
                field: "Text",
                max: 20_000,
            });
        }
        Ok(Self(text.to_owned()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
string_value!(Text);

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
