//! Authorisation of every page: finds the caller by the session cookie (pages are for browsers;
//! API tokens are not accepted here), sends a visitor without a session to the login page,
//! answers a role the page does not list with a German 403 page, and checks the CSRF token of
//! every form post against the hidden field `_csrf`. The form body is read once here and handed
//! on unchanged.

use axum::{
    body::Body,
    extract::{Request, State},
    http::{Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use wifo_domain::values::Role;

use super::{form::CSRF_FIELD, pages};
use crate::{
    auth::Caller,
    http::{AppState, BODY_LIMIT},
};

/// Where a visitor without a session is sent.
pub const LOGIN_PATH: &str = "/anmelden";

pub async fn authorize(
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
        return pages::forbidden(&caller).into_response();
    }
    if request.method() == Method::POST {
        let (parts, body) = request.into_parts();
        let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
            return (
                StatusCode::PAYLOAD_TOO_LARGE,
                "Höchstens 1 MiB je Formular.",
            )
                .into_response();
        };
        let pairs: Vec<(String, String)> = serde_urlencoded_pairs(&bytes);
        let sent = pairs
            .iter()
            .find(|(name, _)| name == CSRF_FIELD)
            .map(|(_, value)| value.as_str());
        if sent.is_none() || sent != caller.csrf_token.as_deref() {
            return pages::csrf_refused(&caller).into_response();
        }
        request = Request::from_parts(parts, Body::from(bytes));
    }
    request.extensions_mut().insert(caller);
    next.run(request).await
}

/// `a=1&b=2` → pairs; undecodable input gives no pairs (and so no CSRF token).
pub fn serde_urlencoded_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(bytes).unwrap_or_default()
}

/// The caller of a session cookie, if the session is valid.
pub fn session_caller(state: &AppState, headers: &axum::http::HeaderMap) -> Option<Caller> {
    crate::http::session_cookie(headers).and_then(|session| state.auth.session(&session))
}
