//! Placeholder for the `taxonomy` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TaxonomyEvent {}

impl DomainEvent for TaxonomyEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
