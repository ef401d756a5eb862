//! The web UI: German, server-rendered HTML (askama templates in `server/templates/`) on top of
//! the same command handler and views the JSON API uses, called in-process. It works without
//! JavaScript: plain links and forms, POST → 303 redirect → GET, the CSRF token in a hidden
//! field. Every page is in the route table below with the roles that may open it; `ui::guard`
//! checks them, so no page can skip the check. One folder per area with one file per page or
//! form, each area's `mod.rs` listing its routes; the helpers the areas share sit at this level,
//! and no area names another. A page that cannot be shown returns the one `error::PageError`.

mod account;
mod actions;
mod addresses;
mod admin;
mod at_risk;
mod calendar;
mod chart;
mod choices;
mod citizens_office;
mod due;
mod error;
mod form;
mod guard;
mod history;
mod inquiries;
mod lead;
mod listing;
mod organizations;
mod pages;
mod planner;
mod privacy;
mod public;
mod regions;
mod reminder_list;
mod reminders;
mod session;
mod staff;
pub mod texts;
mod timeline;
mod visits;

use axum::{Router, http::Method, middleware, routing::MethodRouter};
use chrono::NaiveDate;
use wifo_domain::{Decider, values::Role};
use wifo_store::CommandError;

use crate::routes::{Route, RouteSpec};
use crate::state::AppState;
use error::PageError;
use wifo_app::auth::Caller;

pub use guard::LOGIN_PATH;
pub(crate) use privacy::report_page as privacy_report_page;

/// Lead and admin: the dashboard and its lists.
pub use wifo_app::roles::{ADMINS, LEADS};

/// One page route: method, path, roles, what it is, handler.
pub(crate) fn page(
    method: Method,
    path: &'static str,
    roles: &'static [Role],
    summary: &'static str,
    handler: MethodRouter<AppState>,
) -> Route {
    Route {
        spec: RouteSpec {
            method,
            path,
            roles,
            summary,
            body: None,
            doc: Default::default(),
        },
        handler,
    }
}

/// Every page of the UI, in a stable order.
pub fn routes() -> Vec<Route> {
    let mut routes = Vec::new();
    routes.extend(session::routes());
    routes.extend(account::routes());
    routes.extend(calendar::routes());
    routes.extend(staff::routes());
    routes.extend(addresses::routes());
    routes.extend(at_risk::routes());
    routes.extend(regions::routes());
    routes.extend(citizens_office::routes());
    routes.extend(organizations::routes());
    routes.extend(visits::routes());
    routes.extend(inquiries::routes());
    routes.extend(reminders::routes());
    routes.extend(lead::routes());
    routes.extend(planner::routes());
    routes.extend(admin::routes());
    routes.extend(privacy::routes());
    routes.extend(public::routes());
    routes.extend(actions::routes());
    routes
}

/// Just the specs (for the role test).
pub fn route_specs() -> Vec<RouteSpec> {
    routes().into_iter().map(|route| route.spec).collect()
}

/// The pages, each behind `guard::authorize` with its roles.
pub fn router(state: AppState) -> Router<AppState> {
    let mut router = Router::new();
    for route in routes() {
        let roles = route.spec.roles;
        let handler = route.handler.route_layer(middleware::from_fn_with_state(
            (state.clone(), roles),
            guard::authorize,
        ));
        router = router.route(route.spec.path, handler);
    }
    router
}

/// Today in the office's time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Waits (bounded) until the views include the caller's own last write.
pub(crate) async fn ready(state: &AppState, caller: &Caller) -> Result<(), PageError> {
    state
        .office
        .wait_for_own_writes(caller, None)
        .await
        .map_err(|_| PageError::Unavailable(caller.clone()))
}

/// Runs a command for the caller and remembers its position, so the next page shows it.
pub(crate) async fn execute<D>(
    state: &AppState,
    caller: &Caller,
    command: D::Command,
) -> Result<(), CommandError<D::Error>>
where
    D: Decider + Send + Sync + 'static,
    D::Command: Send + Sync,
    D::State: Send + Sync,
    D::Error: Send + Sync,
{
    state.office.execute::<D>(caller, &command, None).await?;
    Ok(())
}

/// A refusal of the domain as the German sentence a form shows; store failures are logged and
/// reported without detail.
pub(crate) fn refusal<E: std::error::Error>(error: CommandError<E>) -> String {
    match error {
        CommandError::Rejected(reason) => reason.to_string(),
        CommandError::ImplausibleDate(reason) => reason.to_string(),
        CommandError::Conflict { .. } => texts::get("error.conflict").to_owned(),
        CommandError::Store(error) if error.is_storage_failure() => {
            tracing::error!(%error, "storage takes no writes");
            crate::http::problem::STORAGE_FULL.to_owned()
        }
        other => {
            tracing::error!(error = %other, "command failed");
            texts::get("error.internal_text").to_owned()
        }
    }
}

/// The German 404 page for an address that is no page (the router's fallback outside the API).
pub fn not_found_page() -> axum::response::Response {
    pages::not_found(None, texts::get("error.no_such_page"))
}
