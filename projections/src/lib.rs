//! Read models of wifo, built only from events: the CRM views (`views/`), the fact tables
//! analytics reads (`facts/`, a projection of its own that `Views` applies alongside), the queries on them (`queries/`), decoding and replaying the log
//! (`decode.rs`, `replay.rs`), and the runtime that keeps them current and snapshots them
//! (`runtime.rs`).

pub mod decode;
pub mod facts;
pub mod queries;
pub mod replay;
pub mod runtime;
pub mod snapshot;
pub mod views;

#[cfg(test)]
mod test_support;

pub use decode::decode_event;
pub use facts::FactTables;
pub use replay::{ReplayError, replay};
pub use runtime::{Projections, Startup};
pub use views::Views;
