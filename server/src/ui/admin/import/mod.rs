//! The import upload of the administration (`/verwaltung/import`): the same import as
//! `wifo import organizations`, in two steps. The upload (multipart form, CSRF token checked by
//! the guard) plans the file against the office and shows the dry run — every row with a
//! finding, its line number and the German reason; writing waits for the second step, which
//! plans again against the office as it is then and writes nothing while any row is wrong,
//! unless the user chose to skip the invalid rows, whose error file can then be downloaded,
//! corrected and uploaded again.

mod preview;
mod run;
mod upload;

use std::sync::Arc;

use askama::Template;
use axum::{
    extract::DefaultBodyLimit,
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use wifo_exchange::organizations::ImportPlan;

use crate::routes::Route;
use crate::state::AppState;
use crate::ui::{
    ADMINS,
    form::{FormView, Input},
    guard::UPLOAD_LIMIT,
    page,
    pages::{self, Chrome},
    texts,
};
use preview::Preview;
use wifo_app::auth::Caller;

const PATH: &str = "/verwaltung/import";

#[derive(Template)]
#[template(path = "admin_import.html")]
struct ImportPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    preview: Option<Preview>,
    result: Option<ImportResult>,
}

struct ImportResult {
    id: String,
    file_name: String,
    text: String,
    has_error_file: bool,
    failed: bool,
}

fn render(
    caller: &Caller,
    form: FormView,
    preview: Option<Preview>,
    status: StatusCode,
) -> Response {
    pages::render(
        &ImportPage {
            page: Chrome::new(caller, texts::get("import.title"), PATH),
            t: texts::Texts,
            form,
            preview,
            result: None,
        },
        status,
    )
}

/// The upload form, refused with `message` at the field `field`.
fn refused(caller: &Caller, field: &str, message: &str, status: StatusCode) -> Response {
    let mut input = Input::new(Vec::new());
    input.fail(field, message);
    render(caller, input.view(), None, status)
}

/// Plans the file against the organizations the views know now, off the async threads (a
/// large file takes seconds); the views are locked only to copy what the duplicate rules need.
async fn plan(
    state: &AppState,
    bytes: Arc<Vec<u8>>,
    mapping: Option<String>,
) -> Result<(wifo_exchange::table::Table, ImportPlan), String> {
    let base = wifo_app::import::import_base(&state.projections.read());
    tokio::task::spawn_blocking(move || {
        wifo_app::import::plan_organizations(&bytes, mapping.as_deref(), base)
            .map_err(|error| format!("{error:#}"))
    })
    .await
    .map_err(|_| texts::get("error.internal_text").to_owned())?
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            PATH,
            ADMINS,
            "Organisationen importieren",
            get(upload::form),
        ),
        page(
            Method::POST,
            PATH,
            ADMINS,
            "Importdatei hochladen (Probelauf)",
            post(upload::upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        ),
        page(
            Method::GET,
            "/verwaltung/import/{id}",
            ADMINS,
            "Probelauf oder Ergebnis eines Imports",
            get(run::show),
        ),
        page(
            Method::POST,
            "/verwaltung/import/{id}",
            ADMINS,
            "Import ausführen",
            post(run::execute),
        ),
        page(
            Method::GET,
            "/verwaltung/import/{id}/fehler.csv",
            ADMINS,
            "Fehlerhafte Zeilen eines Imports (CSV)",
            get(run::error_file),
        ),
    ]
}
