//! Placeholder for the `contact` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ContactEvent {}

impl DomainEvent for ContactEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
