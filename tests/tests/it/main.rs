//! wifo's integration tests, one binary (faster to link): store conformance, crash safety,
//! codec and decider properties, data protection, the demo office, the CLI and the HTTP API
//! against the real server (`http/`).

mod analytics;
mod conformance;
mod crash;
mod demo;
mod erasure;
mod http;
mod properties;
mod replay;
