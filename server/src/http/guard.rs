//! Authentication and authorisation of every route: finds the caller (session cookie or
//! `Authorization: Bearer` token), checks the route's roles, and demands the CSRF token on
//! cookie-authenticated writes. The caller is handed to handlers as a request extension.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use wifo_domain::values::Role;

use super::{ApiError, AppState};
pub(super) use crate::respond::{SESSION_COOKIE, session_cookie};
use wifo_app::auth::Caller;

/// Finds the caller; `Ok(None)` when the request carries no credentials at all.
pub(super) fn caller(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(Caller, bool)>, ApiError> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        // The scheme is case-insensitive (RFC 9110, 11.1): `Bearer`, `bearer`, `BEARER`.
        let token = value
            .to_str()
            .ok()
            .and_then(|value| value.trim_start().split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token)
            .ok_or(ApiError::Unauthenticated)?;
        return match state.auth.token(token.trim())? {
            Some(caller) => Ok(Some((caller, false))),
            None => Err(ApiError::Unauthenticated),
        };
    }
    match session_cookie(headers) {
        Some(session) => match state.auth.session(&session) {
            Some(caller) => Ok(Some((caller, true))),
            None => Err(ApiError::Unauthenticated),
        },
        None => Ok(None),
    }
}

pub(crate) async fn authorize(
    State((state, roles)): State<(AppState, &'static [Role])>,
    mut request: Request,
    next: Next,
) -> Response {
    let found = match caller(&state, request.headers()) {
        Ok(found) => found,
        Err(error) => {
            if roles.is_empty() {
                return next.run(request).await;
            }
            return error.into_response();
        }
    };
    if roles.is_empty() {
        if let Some((caller, _)) = found {
            request.extensions_mut().insert(caller);
        }
        return next.run(request).await;
    }
    let Some((caller, by_cookie)) = found else {
        return ApiError::Unauthenticated.into_response();
    };
    if !roles.contains(&caller.role) {
        return ApiError::Forbidden.into_response();
    }
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if writes && by_cookie {
        let sent = request
            .headers()
            .get("x-csrf-token")
            .and_then(|value| value.to_str().ok());
        if sent.is_none() || sent != caller.csrf_token.as_deref() {
            return ApiError::CsrfMissing.into_response();
        }
    }
    request.extensions_mut().insert(caller);
    next.run(request).await
}
