//! The `wifo` application: command-line interface, data directory, demo office and the
//! workflows that span more than one stream. `main.rs` only parses arguments and calls `cli::run`.

pub mod accounts;
pub mod auth;
pub mod backup;
pub mod cli;
pub mod data_dir;
pub mod demo;
pub mod duplicates;
pub mod events;
pub mod export;
pub mod export_cli;
pub mod http;
pub mod import;
pub mod migrate;
pub mod migrate_keys;
pub mod privacy;
pub mod report;
pub mod serve;
pub mod store_location;
pub mod ui;
pub mod verify;
