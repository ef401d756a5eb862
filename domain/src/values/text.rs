//! Free text with bounds: names, titles and notes are trimmed, and names and titles must not be
//! empty. Multiple inner blanks collapse to one so "Bäckerei  Schulz" and "Bäckerei Schulz" are
//! the same name. Control characters are refused everywhere (a text keeps its line breaks and
//! tabs), and a name or title made only of invisible characters is refused like an empty one.

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

/// Characters that take no room and show nothing: zero-width spaces and joiners, direction
/// marks and isolates, the word joiner and invisible operators, the byte-order mark, the soft
/// hyphen, Hangul fillers, variation selectors and tag characters. A name made only of them
/// looks empty on every page and in every export.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
        | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}')
}

/// Refuses a one-line value (already normalised, not empty) with a control character, or made
/// only of blanks and invisible characters.
pub(super) fn visible(field: &'static str, text: &str) -> Result<(), InvalidValue> {
    if text.chars().any(char::is_control) {
        return Err(InvalidValue::ControlCharacter { field });
    }
    if text.chars().all(|c| c == ' ' || is_invisible(c)) {
        return Err(InvalidValue::Invisible { field });
    }
    Ok(())
}

fn bounded(field: &'static str, text: &str, max: usize) -> Result<String, InvalidValue> {
    let text = normalised(text);
    if text.is_empty() {
        return Err(InvalidValue::Empty { field });
    }
    visible(field, &text)?;
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
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(InvalidValue::ControlCharacter { field: "Text" });
        }
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
