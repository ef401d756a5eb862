//! The `wifo` application: command-line interface, data directory, demo office and the
//! workflows that span more than one stream. `main.rs` only parses arguments and calls `cli::run`.

pub mod accounts;
pub mod auth;
pub mod cli;
pub mod data_dir;
pub mod demo;
pub mod events;
pub mod http;
pub mod privacy;
pub mod report;
pub mod serve;
pub mod verify;
