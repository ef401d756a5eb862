//! The HTTP layer: `app(state)` builds the axum router from the route table of every resource
//! module. Every route declares the roles that may use it; one middleware authenticates the
//! caller (session cookie or bearer token), checks the role and, for cookie-authenticated writes,
//! the CSRF token. The route table is public so tests can walk it (route × role matrix) and the
//! OpenAPI document is generated from it.

mod commands;
mod guard;

pub(crate) use commands::wait_for_own_writes;
pub(crate) use guard::{SESSION_COOKIE, session_cookie};
pub(crate) mod exports;
pub mod openapi;
mod ops;
pub mod problem;
mod report_schema;
mod reports;
mod resources;
mod session;
mod users;
mod views;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderName, HeaderValue, Method, header},
    middleware,
    routing::MethodRouter,
};
use tower_http::set_header::SetResponseHeaderLayer;
use wifo_domain::values::Role;
use wifo_projections::Projections;
use wifo_store::Position;

use crate::{
    auth::{AuthStore, LoginThrottle},
    data_dir::DataDir,
};

pub use problem::ApiError;

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Who may use a route. `PUBLIC` routes need no login.
pub const PUBLIC: &[Role] = &[];
pub const EVERYONE: &[Role] = &[Role::Staff, Role::Lead, Role::Planner, Role::Admin];
pub const STAFF: &[Role] = &[Role::Staff, Role::Admin];
pub const READERS: &[Role] = EVERYONE;
pub const REPORT_READERS: &[Role] = &[Role::Lead, Role::Planner, Role::Admin];
pub const PLANNING: &[Role] = &[Role::Staff, Role::Planner, Role::Admin];
pub const RETREAT_PLANNERS: &[Role] = &[Role::Planner, Role::Admin];
pub const ADMINS: &[Role] = &[Role::Admin];

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

/// Settings of the HTTP layer.
#[derive(Clone, Debug)]
pub struct HttpConfig {
    /// First-response target for inquiries, in Berlin working days.
    pub first_response_working_days: u32,
    /// How long a read waits for the views to include the caller's own last write (a snapshot
    /// being written pauses the views for about 3 s per million events).
    pub read_your_writes_timeout: Duration,
    /// Whether cookies get `Secure` (behind TLS).
    pub secure_cookies: bool,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            first_response_working_days:
                wifo_projections::queries::work::DEFAULT_FIRST_RESPONSE_WORKING_DAYS,
            read_your_writes_timeout: Duration::from_secs(5),
            secure_cookies: false,
        }
    }
}

/// Shared state of all handlers.
#[derive(Clone, Debug)]
pub struct AppState {
    pub data: DataDir,
    pub projections: Projections,
    pub auth: Arc<AuthStore>,
    pub throttle: Arc<LoginThrottle>,
    pub config: HttpConfig,
    /// Each user's newest write, so their next read waits for it.
    pub last_writes: Arc<Mutex<HashMap<String, Position>>>,
    /// Serialises requests with the same idempotency key.
    pub idempotency_locks: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    pub metrics: Arc<ops::Metrics>,
    /// Import files of the admin page between their dry run and their import.
    pub uploads: Arc<crate::import::upload::Uploads>,
}

impl AppState {
    pub fn new(
        data: DataDir,
        projections: Projections,
        auth: Arc<AuthStore>,
        config: HttpConfig,
    ) -> Self {
        Self {
            data,
            projections,
            auth,
            throttle: Arc::new(LoginThrottle::default()),
            config,
            last_writes: Arc::new(Mutex::new(HashMap::new())),
            idempotency_locks: Arc::new(Mutex::new(HashMap::new())),
            metrics: Arc::new(ops::Metrics::default()),
            uploads: Arc::new(crate::import::upload::Uploads::default()),
        }
    }
}

/// Every route of the API, in a stable order.
pub fn routes() -> Vec<Route> {
    let mut routes = Vec::new();
    routes.extend(ops::routes());
    routes.extend(session::routes());
    routes.extend(resources::routes());
    routes.extend(views::routes());
    routes.extend(reports::routes());
    routes.extend(exports::routes());
    routes
}

/// Just the specs (for tests and documentation).
pub fn route_specs() -> Vec<RouteSpec> {
    routes().into_iter().map(|route| route.spec).collect()
}

pub fn app(state: AppState) -> Router {
    let mut router = Router::new();
    for route in routes() {
        let roles = route.spec.roles;
        let handler = route.handler.route_layer(middleware::from_fn_with_state(
            (state.clone(), roles),
            guard::authorize,
        ));
        router = router.route(route.spec.path, handler);
    }
    router = router.merge(crate::ui::router(state.clone()));
    router
        .fallback(|| async { ApiError::NotFound("Diese Adresse gibt es nicht.".into()) })
        .layer(middleware::from_fn(problem::plain_errors_as_problems))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ops::count_requests,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        // A route may set a narrower policy of its own (the HTML report allows its inline CSS).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}
