//! The pure domain of wifo: ids, value types, and one decider per event stream. Nothing here does
//! IO, is async, or knows how events are stored or shown; every business rule is a function from
//! a command and a state to events or a typed refusal. `german` is the one place dates and
//! numbers are written the German way, for every crate that shows them.

pub mod contact;
pub mod cooperation;
pub mod dates;
pub mod decider;
pub mod defaults;
pub mod duplicate;
pub mod event;
pub mod gathering;
pub mod german;
pub mod ids;
pub mod inquiry;
pub mod organization;
pub mod person;
pub mod personal;
pub mod public;
pub mod reminder;
pub mod retreat;
pub mod submission;
pub mod taxonomy;
pub mod user;
pub mod values;
pub mod visit;

pub use decider::{Decider, stream_name};
pub use event::{DomainEvent, Event};
