//! wifo's integration tests, one binary (faster to link): store conformance, crash safety,
//! codec and decider properties, data protection, the demo office, the CLI and the HTTP API
//! against the real server (`http/`), `wifo migrate`, two instances on one KurrentDB cluster or
//! PostgreSQL database (`instances.rs`), and the PostgreSQL backend against the server
//! `scripts/test.sh` starts (`postgres.rs`) and through three failovers of a primary with a
//! synchronous standby (`postgres_failover.rs`).

mod analytics;
mod browser;
mod conformance;
mod crash;
mod demo;
mod erasure;
mod files;
mod house;
mod http;
#[cfg(any(feature = "kurrentdb", feature = "postgres"))]
mod instances;
mod migrate;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(feature = "postgres")]
mod postgres_failover;
mod properties;
mod replay;
