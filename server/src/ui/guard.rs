//! Authorisation of every page: finds the caller by the session cookie (pages are for browsers;
//! API tokens are not accepted here), sends a visitor without a session to the login page,
//! answers a role the page does not list with a German 403 page, and checks the CSRF token of
//! every form post against the hidden field `_csrf` — of URL-encoded forms and of the multipart
//! form of the file upload. A URL-encoded body is read once here (up to `BODY_LIMIT`) and handed
//! on unchanged; a multipart body is taken only by the pages in `FILE_PAGES`, and of it only the
//! first 64 KiB are read before the token is checked, so no caller without the token makes the
//! server buffer a file. Refusals are `PageError`s.

use axum::{
    body::{Body, Bytes},
    extract::{FromRequest, Multipart, Request, State},
    http::{Method, header},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use futures::StreamExt;
use wifo_domain::values::Role;

use super::{error::PageError, form::CSRF_FIELD, texts};
use crate::state::{AppState, BODY_LIMIT};
use wifo_app::auth::Caller;

/// Where a visitor without a session is sent.
pub const LOGIN_PATH: &str = "/anmelden";

/// The largest file the import upload takes: the full IHK Berlin data set (~370,000 rows) is
/// ~120 MB.
pub(super) const UPLOAD_LIMIT: usize = 200 * 1024 * 1024;

/// The pages that take a file (a multipart form); every other page refuses one unread.
const FILE_PAGES: &[&str] = &["/verwaltung/import"];

/// How much of a multipart body is read to find the CSRF token, the form's first field.
const CSRF_PREFIX: usize = 64 * 1024;

pub(super) async fn authorize(
    State((state, roles)): State<(AppState, &'static [Role])>,
    mut request: Request,
    next: Next,
) -> Response {
    let caller = session_caller(&state, request.headers());
    if roles.is_empty() {
        if let Some(caller) = caller {
            request.extensions_mut().insert(caller);
        }
        return next.run(request).await;
    }
    let Some(caller) = caller else {
        return Redirect::to(LOGIN_PATH).into_response();
    };
    if !roles.contains(&caller.role) {
        return PageError::Forbidden(caller).into_response();
    }
    if request.method() == Method::POST {
        let (parts, body) = request.into_parts();
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        if content_type.starts_with("multipart/form-data") {
            // Only a page that takes files reads a multipart body, and only as far as the
            // CSRF token before it is checked; the rest streams on to the page's own limit.
            if !FILE_PAGES.contains(&parts.uri.path()) {
                return PageError::TooLarge(caller, texts::get("error.form_too_large"))
                    .into_response();
            }
            let mut rest = body.into_data_stream();
            let mut prefix = Vec::new();
            while prefix.len() < CSRF_PREFIX {
                match rest.next().await {
                    Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
                    Some(Err(_)) => {
                        return PageError::TooLarge(caller, texts::get("import.too_large"))
                            .into_response();
                    }
                    None => break,
                }
            }
            let prefix = Bytes::from(prefix);
            let sent = multipart_field(&content_type, prefix.clone(), CSRF_FIELD).await;
            if sent.is_none() || sent.as_deref() != caller.csrf_token.as_deref() {
                return PageError::CsrfRefused(caller).into_response();
            }
            let whole =
                futures::stream::once(async move { Ok::<_, axum::Error>(prefix) }).chain(rest);
            request = Request::from_parts(parts, Body::from_stream(whole));
        } else {
            let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
                return PageError::TooLarge(caller, texts::get("error.form_too_large"))
                    .into_response();
            };
            let sent = serde_urlencoded_pairs(&bytes)
                .into_iter()
                .find(|(name, _)| name == CSRF_FIELD)
                .map(|(_, value)| value);
            if sent.is_none() || sent.as_deref() != caller.csrf_token.as_deref() {
                return PageError::CsrfRefused(caller).into_response();
            }
            request = Request::from_parts(parts, Body::from(bytes));
        }
    }
    let display_name = state.projections.read().names().staff(caller.user.as_str());
    request.extensions_mut().insert(Caller {
        display_name: Some(display_name),
        ..caller
    });
    next.run(request).await
}

/// The text of the field `wanted` of a multipart form (the file upload); `None` when the body
/// is not a readable multipart form or lacks the field.
async fn multipart_field(content_type: &str, bytes: Bytes, wanted: &str) -> Option<String> {
    let request = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(bytes))
        .ok()?;
    let mut form = Multipart::from_request(request, &()).await.ok()?;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(wanted) {
            return field.text().await.ok();
        }
    }
    None
}

/// `a=1&b=2` → pairs; undecodable input gives no pairs (and so no CSRF token).
pub(super) fn serde_urlencoded_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(bytes).unwrap_or_default()
}

/// The caller of a session cookie, if the session is valid.
pub(super) fn session_caller(state: &AppState, headers: &axum::http::HeaderMap) -> Option<Caller> {
    crate::respond::session_cookie(headers).and_then(|session| state.auth.session(&session))
}
