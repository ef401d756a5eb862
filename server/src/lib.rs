//! The adapters of wifo: the command line (`cli/`), the JSON API (`http/`), the web pages
//! (`ui/`), the router that mounts both (`router.rs`) with their shared state (`state.rs`), the
//! route type (`routes.rs`), the public form's limits (`public_limit.rs`), and the server's
//! start and shutdown (`serve.rs`). They translate requests into calls
//! of `wifo-app` and answers into text, JSON or HTML; no business rule or figure is defined here.
//! `main.rs` only parses arguments and calls `cli::run`.

pub mod cli;
pub mod http;
pub mod listener;
pub(crate) mod portraits;
mod public_limit;
mod respond;
pub mod router;
pub mod routes;
pub mod serve;
pub mod state;
pub mod ui;
