//! The caller's own calendar: `POST /konto/kalender` creates its address (shown once on the
//! account page; an older one stops working), `POST /konto/kalender/widerrufen` revokes it, and
//! `GET /kalender/{secret}.ics` — without login, the secret is the credential — answers the
//! iCalendar file of `wifo_app::export::personal_calendar`.

use axum::{
    Extension,
    extract::{Path, State},
    http::{HeaderMap, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, post},
};

use super::{account::account_page_with, form::FormView, page, pages, texts};
use crate::routes::Route;
use crate::state::AppState;
use wifo_app::{
    auth::Caller,
    roles::{EVERYONE, PUBLIC},
};

/// `https://host/kalender/{secret}.ics` as the browser reached this server.
fn address(headers: &HeaderMap, secret: &str) -> String {
    let value = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let scheme = value("x-forwarded-proto").unwrap_or_else(|| "http".to_owned());
    let host = value("x-forwarded-host")
        .or_else(|| value(header::HOST.as_str()))
        .unwrap_or_else(|| "localhost".to_owned());
    format!("{scheme}://{host}/kalender/{secret}.ics")
}

async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
) -> Response {
    match state.auth.create_calendar_secret(&caller.user) {
        Ok(secret) => account_page_with(
            &state,
            &caller,
            FormView::default(),
            None,
            StatusCode::OK,
            Some(address(&headers, &secret)),
        ),
        Err(error) => {
            tracing::error!(%error, "calendar address not created");
            account_page_with(
                &state,
                &caller,
                FormView::default().refused(texts::get("error.internal_text")),
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
                None,
            )
        }
    }
}

async fn revoke(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Response {
    match state.auth.revoke_calendar_secret(&caller.user) {
        Ok(_) => pages::done("/konto", "calendar_revoked"),
        Err(error) => {
            tracing::error!(%error, "calendar address not revoked");
            pages::unavailable(&caller, texts::get("error.internal_text"))
        }
    }
}

async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            texts::get("calendar.unknown"),
        )
            .into_response()
    };
    let Some(secret) = file.strip_suffix(".ics") else {
        return not_found();
    };
    let owner = match state.auth.calendar_owner(secret) {
        Ok(Some(owner)) => owner,
        Ok(None) => return not_found(),
        Err(error) => {
            tracing::error!(%error, "calendar feed failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let (title, entries) = {
        let views = state.projections.read();
        (
            wifo_app::export::personal_calendar_title(&views, &owner),
            wifo_app::export::personal_calendar(&views, &owner, chrono::Utc::now()),
        )
    };
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        wifo_exchange::export::ics::calendar(&title, &entries),
    )
        .into_response()
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::POST,
            "/konto/kalender",
            EVERYONE,
            "Eigene Kalenderadresse erzeugen",
            post(create),
        ),
        page(
            Method::POST,
            "/konto/kalender/widerrufen",
            EVERYONE,
            "Eigene Kalenderadresse widerrufen",
            post(revoke),
        ),
        page(
            Method::GET,
            "/kalender/{file}",
            PUBLIC,
            "Eigener Kalender (iCalendar, die Adresse ist der Zugang)",
            get(feed),
        ),
    ]
}
