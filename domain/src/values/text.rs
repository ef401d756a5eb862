//! Free text with bounds: names, titles and notes are trimmed, and names and titles must not be
//! empty. Multiple inner blanks collapse to one so "Bäckerei  Schulz" and "Bäckerei Schulz" are
//! the same name. Control characters are refused everywhere (a text keeps its line breaks and
//! tabs), and a name or title made only of invisible characters is refused like an empty one.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

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
    pub const MAX_CHARS: usize = 200;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Name", text, Self::MAX_CHARS).map(Self)
    }
}
string_value!(OrganizationName);
string_schema!(OrganizationName, {
    "description": "Name der Organisation, 1–200 Zeichen, ohne Steuerzeichen",
    "minLength": 1, "maxLength": OrganizationName::MAX_CHARS, "pattern": "\\S",
    "examples": ["Bäckerei Schulz GmbH"],
});

/// The name of a person, 1–200 characters. Personal data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Name", text, Self::MAX_CHARS).map(Self)
    }
}
string_value!(PersonName);
string_schema!(PersonName, {
    "description": "Name einer Person (personenbezogen), 1–200 Zeichen, ohne Steuerzeichen",
    "minLength": 1, "maxLength": PersonName::MAX_CHARS, "pattern": "\\S",
    "examples": ["Maria Schulz"],
});

/// A short title (of a milestone, a gathering, a task, a topic), 1–300 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Title(String);

impl Title {
    pub const MAX_CHARS: usize = 300;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Titel", text, Self::MAX_CHARS).map(Self)
    }
}
string_value!(Title);
string_schema!(Title, {
    "description": "Kurzer Titel, 1–300 Zeichen, ohne Steuerzeichen",
    "minLength": 1, "maxLength": Title::MAX_CHARS, "pattern": "\\S",
    "examples": ["Flächenbedarf klären"],
});

/// A free tag on an organization (`Gründerzentrum`, `Industriegebiet Nord`), 1–50 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Tag(String);

impl Tag {
    pub const MAX_CHARS: usize = 50;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        bounded("Schlagwort", text, Self::MAX_CHARS).map(Self)
    }
}
string_value!(Tag);
string_schema!(Tag, {
    "description": "Schlagwort, 1–50 Zeichen, ohne Steuerzeichen",
    "minLength": 1, "maxLength": Tag::MAX_CHARS, "pattern": "\\S",
    "examples": ["Gründerzentrum"],
});

/// Longer free text (notes, summaries, descriptions): trimmed, may be empty, at most 20,000
/// characters. Line breaks are kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Text(String);

impl Text {
    pub const MAX_CHARS: usize = 20_000;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            return Err(InvalidValue::ControlCharacter { field: "Text" });
        }
        if text.chars().count() > Self::MAX_CHARS {
            return Err(InvalidValue::TooLong {
                field: "Text",
                max: Self::MAX_CHARS,
            });
        }
        Ok(Self(text.to_owned()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
string_value!(Text);
string_schema!(Text, {
    "description": "Freitext, höchstens 20.000 Zeichen; Zeilenumbrüche bleiben erhalten",
    "maxLength": Text::MAX_CHARS,
});

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
