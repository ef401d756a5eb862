//! Placeholder for the `cooperation` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CooperationEvent {}

impl DomainEvent for CooperationEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
