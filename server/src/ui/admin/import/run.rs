//! The dry run or the outcome of an upload (`/verwaltung/import/{id}`), the import itself (the
//! second step: planned again against the office as it is then, refused while a row is wrong
//! unless the invalid rows are skipped), and the error file of the skipped rows.

use std::sync::Arc;
use wifo_domain::german;

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use wifo_app::{auth::Caller, import::upload::Stage};
use wifo_store::CommandContext;

use super::{ImportPage, ImportResult, PATH, plan, preview::preview, render};
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{FormView, Input},
    pages::{self, Chrome},
    ready, texts,
};

/// The dry run of an upload, or the outcome of its import.
pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
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
    let page = shown.ok_or_else(|| PageError::not_found(&caller, texts::get("import.expired")))?;
    Ok(pages::render(&page, StatusCode::OK))
}

/// Imports an upload: plans it again against the office as it is now, refuses while a row is
/// wrong (unless the invalid rows are to be skipped), writes, and shows the outcome.
pub(super) async fn execute(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
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
        None => return Err(PageError::not_found(&caller, texts::get("import.expired"))),
        // Already imported or running: the result page, nothing written twice.
        Some(None) => return Ok(Redirect::to(&format!("{PATH}/{id}")).into_response()),
        Some(Some(taken)) => taken,
    };
    if let Err(error) = ready(&state, &caller).await {
        // The import did not start: back to the dry run it had.
        state
            .uploads
            .with(&id, user, |upload| upload.stage = planned);
        return Err(error);
    }
    let (table, plan) = match plan(&state, bytes.clone(), mapping.clone()).await {
        Ok(planned) => planned,
        Err(message) => {
            state.uploads.with(&id, user, |upload| {
                upload.stage = Stage::Failed { message };
            });
            return Ok(Redirect::to(&format!("{PATH}/{id}")).into_response());
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
            return Err(PageError::not_found(&caller, texts::get("import.expired")));
        };
        let form = FormView::default().refused(texts::get("import.refused"));
        return Ok(render(
            &caller,
            form,
            Some(page),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let error_file = if errors > 0 {
        wifo_app::import::error_file(&table, &plan).ok()
    } else {
        None
    };
    let context = CommandContext::now(user);
    let written =
        wifo_app::import::execute_organizations(&state.data.handler, &plan, &context, |_| {}).await;
    let stage = match written {
        Ok(written) => {
            state.office.remember(&caller, written.last_position);
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
    Ok(Redirect::to(&format!("{PATH}/{id}")).into_response())
}

/// The invalid rows of an import that skipped them, as CSV for German Excel.
pub(super) async fn error_file(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
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
    let (file_name, bytes) =
        file.ok_or_else(|| PageError::not_found(&caller, texts::get("import.expired")))?;
    Ok(crate::respond::attachment(
        "text/csv; charset=utf-8",
        &wifo_app::import::error_file_path(std::path::Path::new(&file_name)).to_string_lossy(),
        bytes,
    ))
}
