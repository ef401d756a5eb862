//! Placeholder for the `user` stream.

use serde::{Deserialize, Serialize};

use crate::event::DomainEvent;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum UserEvent {}

impl DomainEvent for UserEvent {
    const TYPE_NAMES: &'static [&'static str] = &[];
}
