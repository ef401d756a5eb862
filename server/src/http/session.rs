//! Login and logout. A login sets an HttpOnly, SameSite=Strict session cookie and returns the
//! CSRF token that cookie-authenticated writes must send back in `X-CSRF-Token`. Failed logins
//! are throttled per user name and per client address.

use std::net::SocketAddr;

use axum::{
    Extension, Json,
    body::Bytes,
    extract::{ConnectInfo, State},
    http::{HeaderMap, HeaderValue, Method, header},
    response::{IntoResponse, Response},
    routing::{delete, get, post},
};
use serde::{Deserialize, Serialize};

use super::{ApiError, AppState, EVERYONE, PUBLIC, Route, RouteSpec, guard};
use wifo_app::auth::{Caller, LoginRefused};

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct Login {
    /// Benutzername.
    name: String,
    password: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct SessionInfo {
    user: String,
    role: wifo_domain::values::Role,
    /// Bei Anmeldung mit Cookie: das Token für den Kopf X-CSRF-Token schreibender Anfragen.
    csrf_token: Option<String>,
}

fn info(caller: &Caller) -> SessionInfo {
    SessionInfo {
        user: caller.user.to_string(),
        role: caller.role,
        csrf_token: caller.csrf_token.clone(),
    }
}

async fn login(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    super::commands::require_json(&headers)?;
    let login: Login = super::strict::read_body(&body)?;
    let client = connect.map(|Extension(ConnectInfo(address))| address.ip());
    let (session, caller) = match state
        .throttle
        .log_in(&state.auth, &login.name, &login.password, client)
        .await
    {
        Ok(session) => session,
        Err(LoginRefused::Failed) => return Err(ApiError::Unauthenticated),
        Err(LoginRefused::Throttled(retry_after_seconds)) => {
            return Err(ApiError::TooManyAttempts {
                retry_after_seconds,
            });
        }
        Err(error @ LoginRefused::Busy) => return Err(ApiError::Unavailable(error.to_string())),
        Err(LoginRefused::Other(error)) => return Err(ApiError::Internal(error.into())),
    };
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={session}; HttpOnly; SameSite=Strict; Path=/{secure}",
        guard::SESSION_COOKIE
    );
    let mut response = Json(info(&caller)).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|error| ApiError::Internal(error.into()))?,
    );
    Ok(response)
}

async fn logout(headers: HeaderMap, State(state): State<AppState>) -> Response {
    if let Some(session) = guard::session_cookie(&headers) {
        state.auth.logout(&session);
    }
    let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("wifo_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    response
}

async fn me(Extension(caller): Extension<Caller>) -> Json<SessionInfo> {
    Json(info(&caller))
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        Route {
            spec: RouteSpec {
                method: Method::POST,
                path: "/api/v1/session",
                roles: PUBLIC,
                summary: "Anmelden (setzt das Sitzungs-Cookie, liefert das CSRF-Token)",
                body: Some("Login"),
                doc: Default::default(),
            }
            .with_body::<Login>()
            .answering::<SessionInfo>(),
            handler: post(login),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/session",
                roles: EVERYONE,
                summary: "Wer bin ich (Benutzer, Rolle, CSRF-Token)",
                body: None,
                doc: Default::default(),
            }
            .answering::<SessionInfo>(),
            handler: get(me),
        },
        Route {
            spec: RouteSpec {
                method: Method::DELETE,
                path: "/api/v1/session",
                roles: EVERYONE,
                summary: "Abmelden",
                body: None,
                doc: crate::routes::ApiDoc {
                    answer: crate::routes::Answer::NoContent,
                    ..Default::default()
                },
            },
            handler: delete(logout),
        },
    ]
}
