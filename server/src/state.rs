//! What every handler of the API and the pages works on: the office (`wifo_app::office`) plus
//! what only HTTP needs — login throttling, idempotency locks, metrics, uploads in flight — and
//! the settings of the HTTP layer.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use wifo_app::{
    auth::{AuthStore, LoginThrottle},
    data_dir::DataDir,
    office::Office,
};
use wifo_projections::Projections;

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 1024 * 1024;

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
    /// Retention periods of personal data and of the access log.
    pub retention: wifo_app::privacy::retention::RetentionPeriods,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            first_response_working_days:
                wifo_projections::queries::work::DEFAULT_FIRST_RESPONSE_WORKING_DAYS,
            read_your_writes_timeout: Duration::from_secs(5),
            secure_cookies: false,
            retention: wifo_app::privacy::retention::RetentionPeriods::default(),
        }
    }
}

/// Shared state of all handlers: the office (`wifo_app::office::Office`, reachable as
/// `state.data`, `state.projections`, … through `Deref`) and what only HTTP needs.
#[derive(Clone, Debug)]
pub struct AppState {
    pub office: Office,
    pub throttle: Arc<LoginThrottle>,
    pub config: HttpConfig,
    /// Serialises requests with the same idempotency key.
    pub idempotency_locks: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    pub metrics: Arc<Metrics>,
    /// Import files of the admin page between their dry run and their import.
    pub uploads: Arc<wifo_app::import::upload::Uploads>,
    /// The lead's dashboard, computed once per state of the views.
    pub dashboard: Arc<wifo_analytics::DashboardCache>,
    /// The public inquiry form's rate limit and share of the machine.
    pub(crate) submissions: Arc<crate::public_limit::SubmissionLimit>,
    /// The printable page of an access export, for the API's `?format=html`: the UI's page,
    /// set by `router::app`, so the API does not depend on the UI module (which depends on it).
    pub(crate) printable_report: Option<PrintableReport>,
}

/// Renders an access export (Art. 15) as the printable page.
pub(crate) type PrintableReport = fn(
    &wifo_app::auth::Caller,
    &wifo_app::privacy::access_report::AccessReport,
) -> axum::response::Response;

impl AppState {
    pub fn new(
        data: DataDir,
        projections: Projections,
        auth: Arc<AuthStore>,
        config: HttpConfig,
    ) -> Self {
        let mut office = Office::new(data, projections, auth);
        office.read_your_writes_timeout = config.read_your_writes_timeout;
        office.retention = config.retention;
        Self {
            office,
            throttle: Arc::new(LoginThrottle::default()),
            config,
            idempotency_locks: Arc::new(Mutex::new(HashMap::new())),
            metrics: Arc::new(Metrics::default()),
            uploads: Arc::new(wifo_app::import::upload::Uploads::default()),
            dashboard: Arc::new(wifo_analytics::DashboardCache::default()),
            submissions: Arc::new(crate::public_limit::SubmissionLimit::default()),
            printable_report: None,
        }
    }
}

impl std::ops::Deref for AppState {
    type Target = Office;

    fn deref(&self) -> &Office {
        &self.office
    }
}

/// Request counters by status class (`/metrics`).
#[derive(Debug, Default)]
pub struct Metrics {
    pub(crate) requests: AtomicU64,
    pub(crate) client_errors: AtomicU64,
    pub(crate) server_errors: AtomicU64,
}
