//! A route of the API or of the pages with the roles that may use it: what the route × role
//! matrix tests, the OpenAPI document and the page guard read.

use axum::{http::Method, routing::MethodRouter};
use wifo_domain::values::Role;

use crate::state::AppState;

/// One route of the API: what the matrix test and the OpenAPI document read.
#[derive(Clone, Debug)]
pub struct RouteSpec {
    pub method: Method,
    /// axum path syntax (`/api/v1/organizations/{id}`).
    pub path: &'static str,
    pub roles: &'static [Role],
    pub summary: &'static str,
    /// Name of the JSON body type, for writes.
    pub body: Option<&'static str>,
}

pub struct Route {
    pub spec: RouteSpec,
    pub handler: MethodRouter<AppState>,
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.spec.fmt(f)
    }
}
