//! Codes of the office's region hierarchy. wifo follows Berlin's "Lebensweltlich orientierte
//! Räume" (LOR 2021): two digits per level, so a Planungsraum code carries all its ancestors
//! (`01100101` → Bezirksregion `011001` → Prognoseraum `0110` → Bezirk `01`). Codes stay text,
//! because the leading zero is part of the code.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

/// The level of a region code, from the top.
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
pub enum RegionLevel {
    Bezirk,
    Prognoseraum,
    Bezirksregion,
    Planungsraum,
}

impl RegionLevel {
    pub const ALL: [RegionLevel; 4] = [
        RegionLevel::Bezirk,
        RegionLevel::Prognoseraum,
        RegionLevel::Bezirksregion,
        RegionLevel::Planungsraum,
    ];

    pub fn code_length(self) -> usize {
        match self {
            RegionLevel::Bezirk => 2,
            RegionLevel::Prognoseraum => 4,
            RegionLevel::Bezirksregion => 6,
            RegionLevel::Planungsraum => 8,
        }
    }

    /// German name of the level, as the UI shows it.
    pub fn label(self) -> &'static str {
        match self {
            RegionLevel::Bezirk => "Bezirk",
            RegionLevel::Prognoseraum => "Prognoseraum",
            RegionLevel::Bezirksregion => "Bezirksregion",
            RegionLevel::Planungsraum => "Planungsraum",
        }
    }

    /// German plural of the level („Bezirksregionen“).
    pub fn plural(self) -> &'static str {
        match self {
            RegionLevel::Bezirk => "Bezirke",
            RegionLevel::Prognoseraum => "Prognoseräume",
            RegionLevel::Bezirksregion => "Bezirksregionen",
            RegionLevel::Planungsraum => "Planungsräume",
        }
    }

    /// The level below (`None` for a Planungsraum).
    pub fn below(self) -> Option<RegionLevel> {
        match self {
            RegionLevel::Bezirk => Some(RegionLevel::Prognoseraum),
            RegionLevel::Prognoseraum => Some(RegionLevel::Bezirksregion),
            RegionLevel::Bezirksregion => Some(RegionLevel::Planungsraum),
            RegionLevel::Planungsraum => None,
        }
    }
}

/// A region code of 2, 4, 6 or 8 digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionCode(String);

impl RegionCode {
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let valid = matches!(text.len(), 2 | 4 | 6 | 8) && text.chars().all(|c| c.is_ascii_digit());
        if !valid {
            return Err(InvalidValue::malformed(
                "Regionsschlüssel",
                text,
                "2, 4, 6 oder 8 Ziffern (LOR), z. B. 01100101",
            ));
        }
        Ok(Self(text.to_owned()))
    }

    pub fn level(&self) -> RegionLevel {
        match self.0.len() {
            2 => RegionLevel::Bezirk,
            4 => RegionLevel::Prognoseraum,
            6 => RegionLevel::Bezirksregion,
            _ => RegionLevel::Planungsraum,
        }
    }

    pub fn parent(&self) -> Option<RegionCode> {
        (self.0.len() > 2).then(|| Self(self.0[..self.0.len() - 2].to_owned()))
    }

    /// The ancestor (or self) at the given level, if that level is not below this code's.
    pub fn at_level(&self, level: RegionLevel) -> Option<RegionCode> {
        let length = level.code_length();
        (length <= self.0.len()).then(|| Self(self.0[..length].to_owned()))
    }

    /// Whether `self` equals `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &RegionCode) -> bool {
        self.0.starts_with(&ancestor.0)
    }
}
string_value!(RegionCode);
string_schema!(RegionCode, {
    "description": "Regionsschlüssel (LOR): 2, 4, 6 oder 8 Ziffern",
    "pattern": "^([0-9]{2}){1,4}$", "examples": ["01100101"],
});

#[cfg(test)]
#[path = "region_code_tests.rs"]
mod tests;
