//! Mail addresses, phone numbers and websites: checked for their shape only, because whether an
//! address is reachable is not the CRM's business.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

/// A mail address: one `@`, a non-empty local part, a domain with a dot, no blanks. The domain is
/// lower-cased so duplicates are found. Personal data when it belongs to a person.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let malformed = || InvalidValue::malformed("E-Mail", text, "name@domain.de");
        let (local, domain) = text.split_once('@').ok_or_else(malformed)?;
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && text.len() <= 254
            && !text.chars().any(char::is_whitespace);
        if !valid {
            return Err(malformed());
        }
        Ok(Self(format!("{local}@{}", domain.to_lowercase())))
    }
}
string_value!(Email);
string_schema!(Email, {
    "description": "E-Mail-Adresse: ein @, eine Domain mit Punkt, keine Leerzeichen, höchstens 254 Zeichen",
    "maxLength": 254, "pattern": "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$",
    "examples": ["info@baeckerei-schulz.de"],
});

/// A phone number as written (`+49 30 90295-0`, `(030) 1234 567`): at least five digits, only
/// digits, blanks and `+ - / ( )`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub const MAX_CHARS: usize = 40;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.len() > Self::MAX_CHARS {
            return Err(InvalidValue::TooLong {
                field: "Telefon",
                max: Self::MAX_CHARS,
            });
        }
        let allowed = text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
        let digits = text.chars().filter(char::is_ascii_digit).count();
        if !allowed || !(5..=20).contains(&digits) {
            return Err(InvalidValue::malformed(
                "Telefon",
                &text,
                "eine Telefonnummer wie +49 30 1234567",
            ));
        }
        Ok(Self(text))
    }
}
string_value!(Phone);
string_schema!(Phone, {
    "description": "Telefonnummer: 5–20 Ziffern, dazu nur Leerzeichen und + - / ( ), höchstens 40 Zeichen",
    "maxLength": Phone::MAX_CHARS, "pattern": "^[ +/()-]*([0-9][ +/()-]*){5,20}$",
    "examples": ["+49 30 90295-0"],
});

/// A website; a bare domain (`baeckerei-schulz.de`) gets `https://`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Website(String);

impl Website {
    pub const MAX_CHARS: usize = 500;

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let url = if text.starts_with("http://") || text.starts_with("https://") {
            text.to_owned()
        } else {
            format!("https://{text}")
        };
        let host = url
            .split_once("://")
            .map(|(_, rest)| rest.split('/').next().unwrap_or_default())
            .unwrap_or_default();
        let valid = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !url.chars().any(char::is_whitespace)
            && text.len() <= Self::MAX_CHARS;
        if !valid {
            return Err(InvalidValue::malformed(
                "Website",
                text,
                "eine Adresse wie https://beispiel.de",
            ));
        }
        Ok(Self(url))
    }
}
string_value!(Website);
string_schema!(Website, {
    "description": "Website; eine bloße Domain erhält https://. Höchstens 500 Zeichen, keine Leerzeichen",
    "maxLength": Website::MAX_CHARS, "pattern": "^(https?://)?[^\\s/.]([^\\s/]*[^\\s/.])?\\.[^\\s/.]([^\\s/]*[^\\s/.])?(/\\S*)?$",
    "examples": ["https://baeckerei-schulz.de"],
});

#[cfg(test)]
#[path = "contact_data_tests.rs"]
mod tests;
