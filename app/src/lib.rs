//! The application services of wifo: what every adapter — the command line, the JSON API and
//! the web pages — calls. A data directory and the store it names (`data_dir`,
//! `store_location`, `files`), the views (`views`), credentials and callers (`auth`), accounts,
//! data protection (`privacy`), duplicates, import, export, the event log's statistics, backup
//! and restore, migration between stores and verification. Adapters translate requests into
//! these calls and their answers into pages, JSON or text; no rule is decided twice.

pub mod access_log;
pub mod accounts;
pub mod auth;
pub mod backup;
pub mod business_time;
pub mod calendar_feed;
pub mod data_dir;
pub mod duplicates;
pub mod error;
pub mod events;
pub mod export;
pub mod files;
pub mod history;
pub mod import;
pub mod migrate;
mod migrate_keys;
pub mod office;
pub mod privacy;
pub mod profiles;
pub mod public_inquiry;
pub mod roles;
pub mod setup;
pub mod store_location;
pub mod verify;
pub mod views;
