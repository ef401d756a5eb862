//! Codes of the editable taxonomies (topics, offices): short lower-case slugs such as
//! `foerderung` or `gewerbeflaechen.suche`, stable across renames of the German label.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

/// A slug of `a-z`, `0-9`, `-` and `_`, segments joined by `.`, at most 64 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

impl Code {
    /// The longest code, in bytes (codes are ASCII).
    pub const MAX_LEN: usize = 64;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let valid = !text.is_empty()
            && text.len() <= Self::MAX_LEN
            && text.split('.').all(|segment| {
                !segment.is_empty()
                    && segment.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    })
            });
        if !valid {
            return Err(InvalidValue::malformed(
                "Schlüssel",
                text,
                "Kleinbuchstaben, Ziffern, - und _, z. B. foerderung.zuschuesse",
            ));
        }
        Ok(Self(text.to_owned()))
    }
}
string_value!(Code);
string_schema!(Code, {
    "description": "Schlüssel eines Eintrags einer Klassifikation (Themen, Ämter): a–z, 0–9, - und _, Abschnitte durch Punkt getrennt, höchstens 64 Zeichen",
    "minLength": 1, "maxLength": Code::MAX_LEN, "pattern": "^[a-z0-9_-]+(\\.[a-z0-9_-]+)*$",
    "examples": ["foerderung"],
});

#[cfg(test)]
#[path = "code_tests.rs"]
mod tests;
