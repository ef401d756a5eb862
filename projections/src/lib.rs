//! Read models of wifo, built only from events. So far: decoding the global log into domain
//! events; the CRM views and fact tables build on it.

pub mod decode;
pub mod replay;

pub use decode::decode_event;
pub use replay::{ReplayError, replay};
