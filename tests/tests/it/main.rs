//! wifo's integration tests, one binary (faster to link): store conformance, crash safety,
//! codec and decider properties, data protection, the demo office, the CLI and the HTTP API
//! against the real server (`http/`), `wifo migrate`, and two instances on one KurrentDB
//! cluster (`kurrent_instances.rs`, with a server only).

mod analytics;
mod browser;
mod conformance;
mod crash;
mod demo;
mod erasure;
mod files;
mod house;
mod http;
#[cfg(feature = "kurrentdb")]
mod kurrent_instances;
mod migrate;
mod properties;
mod replay;
