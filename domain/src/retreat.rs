//! Placeholder for the `retreat` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RetreatEvent {}

impl DomainEvent for RetreatEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
