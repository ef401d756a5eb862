//! Postal addresses of organizations (never of persons: those are personal data and not kept).

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

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
string_schema!(PostalCode, {
    "description": "Postleitzahl, genau fünf Ziffern",
    "pattern": "^[0-9]{5}$", "examples": ["10115"],
});

/// Street with number, postal code and city.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Address {
    /// Straße und Hausnummer, höchstens 200 Zeichen; leer, wenn unbekannt.
    #[schemars(length(max = Address::MAX_STREET))]
    pub street: String,
    pub postal_code: PostalCode,
    /// Ort, 1–100 Zeichen.
    #[schemars(length(min = 1, max = Address::MAX_CITY), regex(pattern = r"\S"))]
    pub city: String,
}

impl Address {
    pub const MAX_STREET: usize = 200;
    pub const MAX_CITY: usize = 100;

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
        if street.chars().count() > Self::MAX_STREET || city.chars().count() > Self::MAX_CITY {
            return Err(InvalidValue::TooLong {
                field: "Anschrift",
                max: Self::MAX_STREET,
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
