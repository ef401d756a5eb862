//! Submitted HTML forms: the typed values are kept so a refused form shows them again, and every
//! value type's German `InvalidValue` message is put next to the field it came from. Decider
//! refusals that concern one field are mapped to it by the handler; the rest show above the form.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Serialize, de::DeserializeOwned};
use wifo_domain::german;
use wifo_domain::values::InvalidValue;

use super::texts;

/// The name of the hidden field that carries the session's CSRF token.
pub(super) const CSRF_FIELD: &str = "_csrf";

/// One submitted form, read field by field.
#[derive(Clone, Debug, Default)]
pub(super) struct Input {
    pairs: Vec<(String, String)>,
    errors: BTreeMap<String, String>,
}

impl Input {
    pub(super) fn new(pairs: Vec<(String, String)>) -> Self {
        Self {
            pairs,
            errors: BTreeMap::new(),
        }
    }

    /// The first value of `name`, trimmed ("" when absent).
    pub(super) fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .unwrap_or("")
    }

    /// Every non-empty value of `name` (checkbox groups, multiple selects).
    pub(super) fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(key, value)| key == name && !value.trim().is_empty())
            .map(|(_, value)| value.trim())
            .collect()
    }

    pub(super) fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    pub(super) fn fail(&mut self, name: &str, message: impl Into<String>) {
        self.errors
            .entry(name.to_owned())
            .or_insert_with(|| message.into());
    }

    pub(super) fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    pub(super) fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// A required value read with a value type's `parse`.
    pub(super) fn required<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, InvalidValue>,
    ) -> Option<T> {
        match parse(self.get(name)) {
            Ok(value) => Some(value),
            Err(error) => {
                self.fail(name, error.to_string());
                None
            }
        }
    }

    /// An optional value: empty is `Some(None)`, invalid records the error and is `None`.
    pub(super) fn optional<T>(
        &mut self,
        name: &str,
        parse: impl FnOnce(&str) -> Result<T, InvalidValue>,
    ) -> Option<Option<T>> {
        if self.get(name).is_empty() {
            return Some(None);
        }
        self.required(name, parse).map(Some)
    }

    /// A required date (`2026-11-21` or `21.11.2026`).
    pub(super) fn date(&mut self, name: &str) -> Option<NaiveDate> {
        let text = self.get(name).to_owned();
        if text.is_empty() {
            self.fail(name, texts::get("error.date_missing"));
            return None;
        }
        let parsed = german::parse_date(&text);
        if parsed.is_none() {
            self.fail(
                name,
                format!("„{text}“ {}", texts::get("error.date_malformed")),
            );
        }
        parsed
    }

    /// An optional whole number ≥ 0.
    pub(super) fn count(&mut self, name: &str) -> Option<Option<u32>> {
        let text = self.get(name).replace('.', "");
        if text.is_empty() {
            return Some(None);
        }
        match text.parse::<u32>() {
            Ok(value) => Some(Some(value)),
            Err(_) => {
                let message = format!("„{}“ {}", self.get(name), texts::get("error.number"));
                self.fail(name, message);
                None
            }
        }
    }

    /// One of an enum's values, as its serde name (`company`, `citizens_office`).
    pub(super) fn choice<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let text = self.get(name).to_owned();
        match serde_json::from_value(serde_json::Value::String(text)) {
            Ok(value) => Some(value),
            Err(_) => {
                self.fail(name, texts::get("error.choice"));
                None
            }
        }
    }

    /// What the template shows again: the typed values and the errors.
    pub(super) fn view(&self) -> FormView {
        FormView {
            pairs: self.pairs.clone(),
            errors: self.errors.clone(),
            general: None,
        }
    }

    /// The view with the `secret` fields (passwords) emptied, so they are never sent back.
    pub(super) fn view_without(&self, secret: &[&str]) -> FormView {
        let mut view = self.view();
        view.pairs
            .retain(|(name, _)| !secret.contains(&name.as_str()));
        view
    }
}

/// A form as the template sees it: values, field errors and a general error.
#[derive(Clone, Debug, Default)]
pub(super) struct FormView {
    pairs: Vec<(String, String)>,
    errors: BTreeMap<String, String>,
    pub general: Option<String>,
}

impl FormView {
    /// An empty form with initial values.
    pub(super) fn with(values: &[(&str, String)]) -> Self {
        Self {
            pairs: values
                .iter()
                .map(|(key, value)| ((*key).to_owned(), value.clone()))
                .collect(),
            ..Self::default()
        }
    }

    pub(super) fn refused(mut self, message: impl Into<String>) -> Self {
        self.general = Some(message.into());
        self
    }

    pub(super) fn value(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .unwrap_or("")
    }

    pub(super) fn error(&self, name: &str) -> Option<&str> {
        self.errors.get(name).map(String::as_str)
    }

    pub(super) fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.general.is_some()
    }

    pub(super) fn is_checked(&self, name: &str) -> bool {
        !self.value(name).is_empty()
    }

    /// Whether `value` is among the submitted values of `name`.
    pub(super) fn has(&self, name: &str, value: &str) -> bool {
        self.pairs
            .iter()
            .any(|(key, given)| key == name && given == value)
    }

    /// The options of a select or radio group with the submitted one selected.
    pub(super) fn options(&self, name: &str, choices: &[(String, String)]) -> Vec<Choice> {
        choices
            .iter()
            .map(|(value, label)| Choice {
                value: value.clone(),
                label: label.clone(),
                selected: self.has(name, value),
            })
            .collect()
    }

    /// Errors in field order, for the summary at the top of the form.
    pub(super) fn error_list(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|(field, message)| (field.clone(), message.clone()))
            .collect()
    }
}

/// One option of a select.
#[derive(Clone, Debug)]
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// `(serde name, German label)` for every value of an enum.
pub(super) fn enum_choices<T: Serialize + Copy>(
    all: &[T],
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .filter_map(|value| {
            serde_json::to_value(value)
                .ok()
                .and_then(|name| name.as_str().map(str::to_owned))
                .map(|name| (name, label(*value).to_owned()))
        })
        .collect()
}
