//! Placeholder for the `visit` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum VisitEvent {}

impl DomainEvent for VisitEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
