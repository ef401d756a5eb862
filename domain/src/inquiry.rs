//! Placeholder for the `inquiry` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum InquiryEvent {}

impl DomainEvent for InquiryEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
