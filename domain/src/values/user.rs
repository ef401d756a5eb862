//! Login names and roles of the people who use wifo.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

/// A login name: 2–64 characters of `a-z`, `0-9`, `.`, `-`, `_`, lower-cased. Events name staff by
/// login name, so the audit trail stays readable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UserName(String);

impl UserName {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim().to_lowercase();
        let valid = (2..=64).contains(&text.len())
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c));
        if !valid {
            return Err(InvalidValue::malformed(
                "Benutzername",
                &text,
                "2–64 Zeichen aus a–z, 0–9, Punkt, Bindestrich, Unterstrich",
            ));
        }
        Ok(Self(text))
    }
}
string_value!(UserName);
string_schema!(UserName, {
    "description": "Benutzername (Anmeldename) eines aktiven Benutzers: 2–64 Zeichen aus a–z, 0–9, Punkt, Bindestrich, Unterstrich",
    "minLength": 2, "maxLength": 64, "pattern": "^[a-z0-9._-]{2,64}$",
    "examples": ["m.schulz"],
});

/// What a user may do; see DESIGN.md "Who uses it".
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Bestandsbetreuung: writes the daily work.
    Staff,
    /// Leitung: reads everything and the reports.
    Lead,
    /// Planung: reads statistics, writes retreat planning.
    Planner,
    /// Administration: users, taxonomies, imports, data protection.
    Admin,
    /// Bürgerbüro: enters the inquiries it forwards and follows their status; reads nothing else.
    #[serde(rename = "buergerbuero")]
    CitizensOffice,
    /// Datenschutzbeauftragte/r: reads the access log, runs access exports (Art. 15), the
    /// retention review and erasures; sees no business statistics.
    #[serde(rename = "datenschutz")]
    DataProtection,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Staff,
        Role::Lead,
        Role::Planner,
        Role::Admin,
        Role::CitizensOffice,
        Role::DataProtection,
    ];

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        match text.trim().to_lowercase().as_str() {
            "staff" => Ok(Role::Staff),
            "lead" => Ok(Role::Lead),
            "planner" => Ok(Role::Planner),
            "admin" => Ok(Role::Admin),
            "buergerbuero" => Ok(Role::CitizensOffice),
            "datenschutz" => Ok(Role::DataProtection),
            _ => Err(InvalidValue::malformed(
                "Rolle",
                text,
                "staff, lead, planner, admin, buergerbuero oder datenschutz",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Lead => "lead",
            Role::Planner => "planner",
            Role::Admin => "admin",
            Role::CitizensOffice => "buergerbuero",
            Role::DataProtection => "datenschutz",
        }
    }

    /// German label as shown in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Role::Staff => "Bestandsbetreuung",
            Role::Lead => "Leitung",
            Role::Planner => "Planung",
            Role::Admin => "Administration",
            Role::CitizensOffice => "Bürgerbüro",
            Role::DataProtection => "Datenschutz",
        }
    }
}

#[cfg(test)]
#[path = "user_tests.rs"]
mod tests;
