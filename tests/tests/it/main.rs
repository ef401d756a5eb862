//! wifo's integration tests, one binary (faster to link): store conformance, crash safety,
//! codec and decider properties, data protection, the demo office and the CLI.

mod conformance;
mod crash;
mod demo;
mod erasure;
mod properties;
mod replay;
