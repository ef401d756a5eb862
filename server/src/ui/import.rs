//! The import upload of the administration (`/verwaltung/import`): the same import as
//! `wifo import organizations`, in two steps. The upload (multipart form, CSRF token checked by
//! the guard) plans the file against the office and shows the dry run — every row with a
//! finding, its line number and the German reason; writing waits for the second step, which
//! plans again against the office as it is then and writes nothing while any row is wrong,
//! unless the user chose to skip the invalid rows, whose error file can then be downloaded,
//! corrected and uploaded again.

use std::sync::Arc;

use askama::Template;
use axum::{
    Extension, Form,
    extract::{DefaultBodyLimit, Multipart, Path, State, multipart::MultipartRejection},
    http::{Method, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use wifo_domain::german;
use wifo_exchange::organizations::ImportPlan;
use wifo_store::CommandContext;

use super::{
    ADMINS,
    form::{FormView, Input},
    import_preview::{Preview, preview},
    page,
    pages::{self, Chrome},
    ready, remember, texts,
};
use crate::{
    auth::Caller,
    http::{AppState, Route},
    import::upload::Stage,
};

/// The largest file the page takes: the full IHK Berlin data set (~370,000 rows) is ~120 MB.
pub const UPLOAD_LIMIT: usize = 200 * 1024 * 1024;
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

async fn form(Extension(caller): Extension<Caller>) -> Response {
    render(&caller, FormView::default(), None, StatusCode::OK)
}

/// The fields of the upload form.
#[derive(Default)]
struct Uploaded {
    file_name: String,
    bytes: Vec<u8>,
    mapping: Option<Vec<u8>>,
}

async fn read_upload(multipart: &mut Multipart) -> Result<Uploaded, (StatusCode, &'static str)> {
    let mut uploaded = Uploaded::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(uploaded),
            Err(error) => return Err((error.status(), read_failure(error.status()))),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        if name != "datei" && name != "zuordnung" {
            continue;
        }
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes.to_vec(),
            Err(error) => return Err((error.status(), read_failure(error.status()))),
        };
        if name == "datei" {
            uploaded.file_name = file_name;
            uploaded.bytes = bytes;
        } else if !bytes.is_empty() {
            uploaded.mapping = Some(bytes);
        }
    }
}

fn read_failure(status: StatusCode) -> &'static str {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        texts::get("import.too_large")
    } else {
        texts::get("import.unreadable")
    }
}

async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    // Browsers send the form as multipart; anything else is not this form.
    let Ok(mut multipart) = multipart else {
        return refused(
            &caller,
            "datei",
            texts::get("import.unreadable"),
            StatusCode::BAD_REQUEST,
        );
    };
    let uploaded = match read_upload(&mut multipart).await {
        Ok(uploaded) => uploaded,
        Err((status, message)) => return refused(&caller, "datei", message, status),
    };
    if uploaded.file_name.is_empty() && uploaded.bytes.is_empty() {
        return refused(
            &caller,
            "datei",
            texts::get("import.file_missing"),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let mapping = match uploaded.mapping.map(String::from_utf8).transpose() {
        Ok(mapping) => mapping,
        Err(_) => {
            return refused(
                &caller,
                "zuordnung",
                texts::get("import.mapping_not_text"),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let bytes = Arc::new(uploaded.bytes);
    let planned = plan(&state, bytes.clone(), mapping.clone()).await;
    let (_, plan) = match planned {
        Ok(planned) => planned,
        Err(message) => {
            return refused(&caller, "datei", &message, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let file_name = if uploaded.file_name.is_empty() {
        texts::get("import.unnamed").to_owned()
    } else {
        uploaded.file_name
    };
    match state
        .uploads
        .insert(caller.user.as_str(), file_name, bytes, mapping, plan)
    {
        Ok(id) => Redirect::to(&format!("{PATH}/{id}")).into_response(),
        Err(error) => {
            tracing::error!(%error, "no random upload id");
            pages::unavailable(&caller, texts::get("error.internal_text"))
        }
    }
}

/// Plans the file against the organizations the views know now, off the async threads (a
/// large file takes seconds); the views are locked only to copy what the duplicate rules need.
async fn plan(
    state: &AppState,
    bytes: Arc<Vec<u8>>,
    mapping: Option<String>,
) -> Result<(wifo_exchange::table::Table, ImportPlan), String> {
    let known = crate::import::known_organizations(&state.projections.read());
    tokio::task::spawn_blocking(move || {
        crate::import::plan_organizations(&bytes, mapping.as_deref(), known)
            .map_err(|error| format!("{error:#}"))
    })
    .await
    .map_err(|_| texts::get("error.internal_text").to_owned())?
}

/// The dry run of an upload, or the outcome of its import.
async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    let shown = state.uploads.with(&id, caller.user.as_str(), |upload| {
        let result = |text: String, has_error_file: bool, failed: bool| ImportResult {
            id: id.clone(),
            file_name: upload.file_name.clone(),
            text,
            has_error_file,
            failed,
        };
        let (preview, result) = match &upload.stage {
            Stage::Planned { plan } => (Some(preview(&id, &upload.file_name, plan)), None),
            Stage::Running => (
                None,
                Some(result(
                    texts::get("import.running").to_owned(),
                    false,
                    false,
                )),
            ),
            Stage::Done {
                written,
                already_registered,
                skipped,
                error_file,
            } => {
                let text = format!(
                    "{} {}; {} {}; {} {}.",
                    german::integer(*written as i64),
                    texts::get("import.written"),
                    german::integer(*already_registered as i64),
                    texts::get("import.meanwhile"),
                    german::integer(*skipped as i64),
                    texts::get("import.skipped"),
                );
                (None, Some(result(text, error_file.is_some(), false)))
            }
            Stage::Failed { message } => (None, Some(result(message.clone(), false, true))),
        };
        ImportPage {
            page: Chrome::new(&caller, texts::get("import.title"), PATH),
            t: texts::Texts,
            form: FormView::default(),
            preview,
            result,
        }
    });
    match shown {
        Some(page) => pages::render(&page, StatusCode::OK),
        None => pages::not_found(Some(&caller), texts::get("import.expired")),
    }
}

/// Imports an upload: plans it again against the office as it is now, refuses while a row is
/// wrong (unless the invalid rows are to be skipped), writes, and shows the outcome.
async fn execute(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let skip_invalid = Input::new(pairs).checked("skip_invalid");
    let user = caller.user.as_str();
    let taken = state.uploads.with(&id, user, |upload| match upload.stage {
        Stage::Planned { .. } => {
            let planned = std::mem::replace(&mut upload.stage, Stage::Running);
            Some((upload.bytes.clone(), upload.mapping.clone(), planned))
        }
        _ => None,
    });
    let (bytes, mapping, planned) = match taken {
        None => return pages::not_found(Some(&caller), texts::get("import.expired")),
        // Already imported or running: the result page, nothing written twice.
        Some(None) => return Redirect::to(&format!("{PATH}/{id}")).into_response(),
        Some(Some(taken)) => taken,
    };
    if let Err(response) = ready(&state, &caller).await {
        // The import did not start: back to the dry run it had.
        state
            .uploads
            .with(&id, user, |upload| upload.stage = planned);
        return response;
    }
    let (table, plan) = match plan(&state, bytes.clone(), mapping.clone()).await {
        Ok(planned) => planned,
        Err(message) => {
            state.uploads.with(&id, user, |upload| {
                upload.stage = Stage::Failed { message };
            });
            return Redirect::to(&format!("{PATH}/{id}")).into_response();
        }
    };
    let errors = plan.error_count();
    if errors > 0 && !skip_invalid {
        let plan = Arc::new(plan);
        let page = state.uploads.with(&id, user, |upload| {
            upload.stage = Stage::Planned { plan: plan.clone() };
            preview(&id, &upload.file_name, &plan)
        });
        let Some(page) = page else {
            return pages::not_found(Some(&caller), texts::get("import.expired"));
        };
        let form = FormView::default().refused(texts::get("import.refused"));
        return render(&caller, form, Some(page), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let error_file = if errors > 0 {
        crate::import::error_file(&table, &plan).ok()
    } else {
        None
    };
    let context = CommandContext::now(user);
    let written =
        crate::import::execute_organizations(&state.data.handler, &plan, &context, |_| {}).await;
    let stage = match written {
        Ok(written) => {
            remember(&state, &caller, written.last_position);
            Stage::Done {
                written: written.organizations,
                already_registered: written.already_registered,
                skipped: errors,
                error_file,
            }
        }
        Err(error) => {
            tracing::error!(%error, "import upload failed");
            Stage::Failed {
                message: texts::get("import.failed").to_owned(),
            }
        }
    };
    state.uploads.with(&id, user, |upload| upload.stage = stage);
    Redirect::to(&format!("{PATH}/{id}")).into_response()
}

/// The invalid rows of an import that skipped them, as CSV for German Excel.
async fn error_file(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Response {
    let file = state
        .uploads
        .with(&id, caller.user.as_str(), |upload| match &upload.stage {
            Stage::Done {
                error_file: Some(bytes),
                ..
            } => Some((upload.file_name.clone(), bytes.clone())),
            _ => None,
        })
        .flatten();
    match file {
        Some((file_name, bytes)) => crate::http::exports::attachment(
            "text/csv; charset=utf-8",
            &crate::import::cli::error_file_path(std::path::Path::new(&file_name))
                .to_string_lossy(),
            bytes,
        ),
        None => pages::not_found(Some(&caller), texts::get("import.expired")),
    }
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            PATH,
            ADMINS,
            "Organisationen importieren",
            get(form),
        ),
        page(
            Method::POST,
            PATH,
            ADMINS,
            "Importdatei hochladen (Probelauf)",
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        ),
        page(
            Method::GET,
            "/verwaltung/import/{id}",
            ADMINS,
            "Probelauf oder Ergebnis eines Imports",
            get(show),
        ),
        page(
            Method::POST,
            "/verwaltung/import/{id}",
            ADMINS,
            "Import ausführen",
            post(execute),
        ),
        page(
            Method::GET,
            "/verwaltung/import/{id}/fehler.csv",
            ADMINS,
            "Fehlerhafte Zeilen eines Imports (CSV)",
            get(error_file),
        ),
    ]
}
