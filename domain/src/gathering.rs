//! Placeholder for the `gathering` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GatheringEvent {}

impl DomainEvent for GatheringEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
