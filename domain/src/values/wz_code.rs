//! Codes of the German classification of economic activities (WZ 2008). The hierarchy is implied
//! by the code's shape: section `C`, division `10`, group `10.7`, class `10.71`, subclass
//! `10.71.0`. Every code knows its parent, up to its section, so statistics can be read at any
//! level.

use serde::{Deserialize, Serialize};

use super::{InvalidValue, string_schema, string_value};

/// The level of a WZ code in the hierarchy, from the top.
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
pub enum WzLevel {
    Section,
    Division,
    Group,
    Class,
    Subclass,
}

/// A WZ 2008 code in its canonical dotted form.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WzCode(String);

/// Sections and the first and last division each spans (WZ 2008 / NACE Rev. 2).
const SECTIONS: &[(char, u8, u8)] = &[
    ('A', 1, 3),
    ('B', 5, 9),
    ('C', 10, 33),
    ('D', 35, 35),
    ('E', 36, 39),
    ('F', 41, 43),
    ('G', 45, 47),
    ('H', 49, 53),
    ('I', 55, 56),
    ('J', 58, 63),
    ('K', 64, 66),
    ('L', 68, 68),
    ('M', 69, 75),
    ('N', 77, 82),
    ('O', 84, 84),
    ('P', 85, 85),
    ('Q', 86, 88),
    ('R', 90, 93),
    ('S', 94, 96),
    ('T', 97, 98),
    ('U', 99, 99),
];

fn section_of_division(division: u8) -> Option<char> {
    SECTIONS
        .iter()
        .find(|(_, first, last)| (*first..=*last).contains(&division))
        .map(|(section, _, _)| *section)
}

impl WzCode {
    /// Accepts the dotted form (`10.71.0`), a section letter (`c`, `C`), or the same digits
    /// without dots (`1071` → `10.71`), as statistics exports often write them.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let text = text.trim();
        let malformed =
            || InvalidValue::malformed("WZ-Code", text, "z. B. C, 10, 10.7, 10.71 oder 10.71.0");
        if text.len() == 1 {
            let letter = text
                .chars()
                .next()
                .ok_or_else(malformed)?
                .to_ascii_uppercase();
            return if SECTIONS.iter().any(|(section, _, _)| *section == letter) {
                Ok(Self(letter.to_string()))
            } else {
                Err(malformed())
            };
        }
        let digits: String = text.chars().filter(|c| *c != '.').collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) || !(2..=5).contains(&digits.len()) {
            return Err(malformed());
        }
        let canonical = match digits.len() {
            2 => digits.clone(),
            3 => format!("{}.{}", &digits[..2], &digits[2..]),
            4 => format!("{}.{}", &digits[..2], &digits[2..]),
            _ => format!("{}.{}.{}", &digits[..2], &digits[2..4], &digits[4..]),
        };
        // A dotted input must already be in the canonical shape (`10.7.1` is not a code).
        if text.contains('.') && text != canonical {
            return Err(malformed());
        }
        let division: u8 = digits[..2].parse().map_err(|_| malformed())?;
        section_of_division(division).ok_or_else(malformed)?;
        Ok(Self(canonical))
    }

    pub fn level(&self) -> WzLevel {
        match self.0.len() {
            1 => WzLevel::Section,
            2 => WzLevel::Division,
            4 => WzLevel::Group,
            5 => WzLevel::Class,
            _ => WzLevel::Subclass,
        }
    }

    /// The code one level up; a section has none.
    pub fn parent(&self) -> Option<WzCode> {
        match self.level() {
            WzLevel::Section => None,
            WzLevel::Division => Some(self.section()),
            WzLevel::Group => Some(Self(self.0[..2].to_owned())),
            WzLevel::Class => Some(Self(self.0[..4].to_owned())),
            WzLevel::Subclass => Some(Self(self.0[..5].to_owned())),
        }
    }

    /// The section (`A`–`U`) this code belongs to.
    pub fn section(&self) -> WzCode {
        if self.level() == WzLevel::Section {
            return self.clone();
        }
        let division: u8 = self.0[..2].parse().unwrap_or_default();
        // `parse` guarantees the division belongs to a section.
        Self(section_of_division(division).unwrap_or('U').to_string())
    }

    /// The division (two digits), if the code is below section level.
    pub fn division(&self) -> Option<WzCode> {
        (self.level() != WzLevel::Section).then(|| Self(self.0[..2].to_owned()))
    }

    /// Whether `self` equals `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &WzCode) -> bool {
        if ancestor.level() == WzLevel::Section {
            return self.section() == *ancestor;
        }
        self.0.starts_with(&ancestor.0)
    }
}
string_value!(WzCode);
string_schema!(WzCode, {
    "description": "WZ-2008-Code: Abschnitt (C), Abteilung (10), Gruppe (10.7), Klasse (10.71) oder Unterklasse (10.71.0); die Abteilung muss es in der WZ 2008 geben",
    "pattern": "^([A-Ua-u]|[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9])?)?)$",
    "examples": ["10.71"],
});

#[cfg(test)]
#[path = "wz_code_tests.rs"]
mod tests;
