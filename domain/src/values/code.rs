//! Codes of the editable taxonomies (topics, offices): short lower-case slugs such as
//! `foerderung` or `gewerbeflaechen.suche`, stable across renames of the German label.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_value};

/// A slug of `a-z`, `0-9`, `-` and `_`, segments joined by `.`, at most 64 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Code(String);

impl Code {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let valid = !text.is_empty()
            && text.len() <= 64
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

#[cfg(test)]
#[path = "code_tests.rs"]
mod tests;
