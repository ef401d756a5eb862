//! A time of day in minutes, as a planned visit or meeting gives it (`10:30`, `9.15 Uhr`):
//! hours and minutes, no seconds, no time zone (the office's local time, Europe/Berlin).

use serde::{Deserialize, Serialize};

use super::InvalidValue;

/// Hours 0–23 and minutes 0–59, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay {
    hour: u8,
    minute: u8,
}

impl TimeOfDay {
    /// Reads `10:30`, `9:05`, `10.30`, `10:30 Uhr` and `10 Uhr`.
    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        let refuse = || InvalidValue::malformed("Uhrzeit", text, "z. B. 10:30");
        let cleaned = text.trim().trim_end_matches("Uhr").trim();
        let (hour, minute) = match cleaned.split_once([':', '.']) {
            Some((hour, minute)) if minute.len() == 2 => (hour, minute),
            Some(_) => return Err(refuse()),
            None => (cleaned, "00"),
        };
        let number = |part: &str| {
            if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse::<u8>().ok()
        };
        match (number(hour), number(minute)) {
            (Some(hour), Some(minute)) if hour < 24 && minute < 60 => Ok(Self { hour, minute }),
            _ => Err(refuse()),
        }
    }

    pub fn hour(self) -> u32 {
        u32::from(self.hour)
    }

    pub fn minute(self) -> u32 {
        u32::from(self.minute)
    }

    /// The time as chrono's type, for calendars.
    pub fn to_naive(self) -> chrono::NaiveTime {
        chrono::NaiveTime::from_hms_opt(self.hour(), self.minute(), 0).unwrap_or_default()
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

super::string_schema!(TimeOfDay, {
    "description": "Uhrzeit HH:MM (auch 9.15 oder 10 Uhr werden gelesen)",
    "pattern": "^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$", "examples": ["10:30"],
});

impl TryFrom<String> for TimeOfDay {
    type Error = InvalidValue;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TimeOfDay> for String {
    fn from(value: TimeOfDay) -> String {
        value.to_string()
    }
}

#[cfg(test)]
#[path = "time_of_day_tests.rs"]
mod tests;
