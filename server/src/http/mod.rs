//! The JSON API: `routes()` is the route table of every resource module, which
//! `router::app` mounts. Every route declares the roles that may use it; one middleware authenticates the
//! caller (session cookie or bearer token), checks the role and, for cookie-authenticated writes,
//! the CSRF token. The route table is public so tests can walk it (route × role matrix) and the
//! OpenAPI document is generated from it.

mod answers;
mod at_risk;
mod citizens_office;
mod commands;
mod guard;
mod privacy;
mod regions;

pub(crate) use commands::CommandEndpoint;
pub(crate) use guard::authorize;
pub(crate) use ops::count_requests;
pub(crate) use resources::command_endpoints;
pub(crate) mod exports;
pub mod openapi;
mod ops;
pub mod problem;
mod public;
mod reports;
mod resources;
mod session;
mod strict;
mod users;
mod views;

pub use crate::routes::{Route, RouteSpec};
pub use crate::state::{AppState, BODY_LIMIT, HttpConfig};
pub use problem::ApiError;

/// Who may use a route (`wifo_app::roles`); `PUBLIC` routes need no login.
pub use wifo_app::roles::{
    ADMINS, EVERYONE, LEADS, PERSON_READERS, PLANNING, PUBLIC, READERS, REPORT_READERS,
    RETREAT_PLANNERS, STAFF,
};

/// Every route of the API, in a stable order.
pub fn routes() -> Vec<Route> {
    let mut routes = Vec::new();
    routes.extend(ops::routes());
    routes.extend(session::routes());
    routes.extend(resources::routes());
    routes.extend(views::routes());
    routes.extend(at_risk::routes());
    routes.extend(privacy::routes());
    routes.extend(regions::routes());
    routes.extend(reports::routes());
    routes.extend(exports::routes());
    routes.extend(public::routes());
    routes.extend(citizens_office::routes());
    routes
}

/// Just the specs (for tests and documentation).
pub fn route_specs() -> Vec<RouteSpec> {
    routes().into_iter().map(|route| route.spec).collect()
}
