//! Employee size classes as the IHK open data reports them (`0`, `1 - 3 Beschäftigte`, …), so
//! imported and entered figures compare directly.

use serde::{Deserialize, Serialize};

use super::InvalidValue;

/// Number of employees, as a range.
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
pub enum SizeClass {
    /// No employees besides the owner(s).
    #[serde(rename = "0")]
    None,
    #[serde(rename = "1-3")]
    From1To3,
    #[serde(rename = "4-6")]
    From4To6,
    #[serde(rename = "7-9")]
    From7To9,
    #[serde(rename = "10-19")]
    From10To19,
    #[serde(rename = "20-49")]
    From20To49,
    #[serde(rename = "50-99")]
    From50To99,
    #[serde(rename = "100-249")]
    From100To249,
    #[serde(rename = "250-499")]
    From250To499,
    #[serde(rename = "500+")]
    From500,
}

impl SizeClass {
    pub const ALL: [SizeClass; 10] = [
        SizeClass::None,
        SizeClass::From1To3,
        SizeClass::From4To6,
        SizeClass::From7To9,
        SizeClass::From10To19,
        SizeClass::From20To49,
        SizeClass::From50To99,
        SizeClass::From100To249,
        SizeClass::From250To499,
        SizeClass::From500,
    ];

    /// Reads `0`, `1-3`, `1 - 3 Beschäftigte`, `500+`, `500 und mehr` and plain head counts
    /// (`12` → 10–19).
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let cleaned = text
            .trim()
            .trim_end_matches("Beschäftigte")
            .trim_end_matches("und mehr")
            .trim()
            .trim_end_matches('+')
            .replace(' ', "");
        let lower = cleaned.split('-').next().unwrap_or_default();
        let head_count: u32 = lower.parse().map_err(|_| {
            InvalidValue::malformed("Beschäftigte", text, "z. B. 0, 1-3, 10-19 oder 500+")
        })?;
        Ok(Self::of_head_count(head_count))
    }

    /// The class a head count falls into.
    pub fn of_head_count(employees: u32) -> Self {
        match employees {
            0 => SizeClass::None,
            1..=3 => SizeClass::From1To3,
            4..=6 => SizeClass::From4To6,
            7..=9 => SizeClass::From7To9,
            10..=19 => SizeClass::From10To19,
            20..=49 => SizeClass::From20To49,
            50..=99 => SizeClass::From50To99,
            100..=249 => SizeClass::From100To249,
            250..=499 => SizeClass::From250To499,
            _ => SizeClass::From500,
        }
    }

    /// The smallest head count in the class.
    pub fn min_employees(self) -> u32 {
        match self {
            SizeClass::None => 0,
            SizeClass::From1To3 => 1,
            SizeClass::From4To6 => 4,
            SizeClass::From7To9 => 7,
            SizeClass::From10To19 => 10,
            SizeClass::From20To49 => 20,
            SizeClass::From50To99 => 50,
            SizeClass::From100To249 => 100,
            SizeClass::From250To499 => 250,
            SizeClass::From500 => 500,
        }
    }

    /// German label as shown in the UI and exports.
    pub fn label(self) -> &'static str {
        match self {
            SizeClass::None => "keine Beschäftigten",
            SizeClass::From1To3 => "1–3 Beschäftigte",
            SizeClass::From4To6 => "4–6 Beschäftigte",
            SizeClass::From7To9 => "7–9 Beschäftigte",
            SizeClass::From10To19 => "10–19 Beschäftigte",
            SizeClass::From20To49 => "20–49 Beschäftigte",
            SizeClass::From50To99 => "50–99 Beschäftigte",
            SizeClass::From100To249 => "100–249 Beschäftigte",
            SizeClass::From250To499 => "250–499 Beschäftigte",
            SizeClass::From500 => "500 und mehr Beschäftigte",
        }
    }
}

#[cfg(test)]
#[path = "size_class_tests.rs"]
mod tests;
