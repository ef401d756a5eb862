//! Placeholder for the `person` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PersonEvent {}

impl DomainEvent for PersonEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
