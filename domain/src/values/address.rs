//! Postal addresses of organizations (never of persons: those are personal data and not kept).

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_value};

/// A German postal code: exactly five digits, kept as text (`01067` keeps its zero).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        if text.len() != 5 || !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(InvalidValue::malformed("PLZ", text, "fünf Ziffern"));
        }
        Ok(Self(text.to_owned()))
    }
}
string_value!(PostalCode);

/// Street with number, postal code and city.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub postal_code: PostalCode,
    pub city: String,
}

impl Address {
    pub fn parse(street: &str, postal_code: &str, city: &str) -> Result<Self, InvalidValue> {
        let street = street.split_whitespace().collect::<Vec<_>>().join(" ");
        let city = city.split_whitespace().collect::<Vec<_>>().join(" ");
        if city.is_empty() {
            return Err(InvalidValue::Empty { field: "Ort" });
        }
        super::text::visible("Ort", &city)?;
        if !street.is_empty() {
            super::text::visible("Straße", &street)?;
        }
        if street.chars().count() > 200 || city.chars().count() > 100 {
            return Err(InvalidValue::TooLong {
                field: "Anschrift",
                max: 200,
            });
        }
        Ok(Self {
            street,
            postal_code: PostalCode::parse(postal_code)?,
            city,
        })
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.street.is_empty() {
            write!(f, "{} {}", self.postal_code, self.city)
        } else {
            write!(f, "{}, {} {}", self.street, self.postal_code, self.city)
        }
    }
}

#[cfg(test)]
#[path = "address_tests.rs"]
mod tests;
