//! The import form (`/verwaltung/import`) and its upload (multipart, CSRF token checked by the
//! guard): the file and the optional column mapping are read, planned against the office, and
//! kept for the dry run, to which the user is sent.

use std::sync::Arc;

use axum::{
    Extension,
    extract::{Multipart, State, multipart::MultipartRejection},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::{PATH, plan, refused, render};
use crate::state::AppState;
use crate::ui::{error::PageError, form::FormView, ready, texts};
use wifo_app::auth::Caller;

pub(super) async fn form(Extension(caller): Extension<Caller>) -> Response {
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

pub(super) async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    // Browsers send the form as multipart; anything else is not this form.
    let Ok(mut multipart) = multipart else {
        return Ok(refused(
            &caller,
            "datei",
            texts::get("import.unreadable"),
            StatusCode::BAD_REQUEST,
        ));
    };
    let uploaded = match read_upload(&mut multipart).await {
        Ok(uploaded) => uploaded,
        Err((status, message)) => return Ok(refused(&caller, "datei", message, status)),
    };
    if uploaded.file_name.is_empty() && uploaded.bytes.is_empty() {
        return Ok(refused(
            &caller,
            "datei",
            texts::get("import.file_missing"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    }
    let mapping = match uploaded.mapping.map(String::from_utf8).transpose() {
        Ok(mapping) => mapping,
        Err(_) => {
            return Ok(refused(
                &caller,
                "zuordnung",
                texts::get("import.mapping_not_text"),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    ready(&state, &caller).await?;
    let bytes = Arc::new(uploaded.bytes);
    let planned = plan(&state, bytes.clone(), mapping.clone()).await;
    let (_, plan) = match planned {
        Ok(planned) => planned,
        Err(message) => {
            return Ok(refused(
                &caller,
                "datei",
                &message,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
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
        Ok(id) => Ok(Redirect::to(&format!("{PATH}/{id}")).into_response()),
        Err(error) => Err(PageError::internal(&caller, "no random upload id", error)),
    }
}
