//! Login, logout, the start page (which sends each role to its own landing page) and the one
//! stylesheet, embedded in the binary. The login form uses the same credentials, throttle and
//! session cookie (HttpOnly, SameSite=Strict) as the API's `POST /api/v1/session`.

use std::net::SocketAddr;

use askama::Template;
use axum::{
    Extension, Form,
    extract::{ConnectInfo, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};

use super::{
    form::FormView,
    guard::session_caller,
    page,
    pages::{self, Chrome},
    texts,
};
use crate::routes::Route;
use crate::state::AppState;
use wifo_app::auth::{Caller, LoginRefused};
use wifo_app::roles::{EVERYONE, PUBLIC};

/// The stylesheet (screen and print), compiled into the binary.
const STYLESHEET: &str = include_str!("../../static/wifo.css");

/// The script of the print buttons, compiled into the binary.
const SCRIPT: &str = include_str!("../../static/wifo.js");

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
}

fn login_page(form: FormView, status: StatusCode) -> Response {
    pages::render(
        &LoginPage {
            page: Chrome::anonymous(texts::get("login.title")),
            t: texts::Texts,
            form,
        },
        status,
    )
}

async fn show_login(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(caller) = session_caller(&state, &headers) {
        return Redirect::to(pages::landing(caller.role)).into_response();
    }
    login_page(FormView::default(), StatusCode::OK)
}

async fn login(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = super::form::Input::new(pairs);
    let name = input.get("name").to_owned();
    let password = input.get("password").to_owned();
    let kept = FormView::with(&[("name", name.clone())]);
    let client = connect.map(|Extension(ConnectInfo(address))| address.ip());
    let (session, caller) = match state
        .throttle
        .log_in(&state.auth, &name, &password, client)
        .await
    {
        Ok(session) => session,
        Err(LoginRefused::Failed) => {
            return login_page(
                kept.refused(texts::get("login.failed")),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(LoginRefused::Throttled(seconds)) => {
            let message = format!("{} {seconds} s.", texts::get("login.throttled"));
            return login_page(kept.refused(message), StatusCode::TOO_MANY_REQUESTS);
        }
        Err(error @ LoginRefused::Busy) => {
            return login_page(
                kept.refused(error.to_string()),
                StatusCode::SERVICE_UNAVAILABLE,
            );
        }
        Err(LoginRefused::Other(error)) => {
            tracing::error!(%error, "login failed");
            return login_page(
                kept.refused(texts::get("error.internal_text")),
                StatusCode::INTERNAL_SERVER_ERROR,
            );
        }
    };
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={session}; HttpOnly; SameSite=Strict; Path=/{secure}",
        crate::respond::SESSION_COOKIE
    );
    let mut response = Redirect::to(pages::landing(caller.role)).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(session) = crate::respond::session_cookie(&headers) {
        state.auth.logout(&session);
    }
    let mut response = Redirect::to(super::LOGIN_PATH).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("wifo_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"),
    );
    response
}

async fn home(caller: Option<Extension<Caller>>) -> Response {
    match caller {
        Some(Extension(caller)) => Redirect::to(pages::landing(caller.role)).into_response(),
        None => Redirect::to(super::LOGIN_PATH).into_response(),
    }
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        SCRIPT,
    )
        .into_response()
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/",
            PUBLIC,
            "Startseite (leitet zur Seite der Rolle)",
            get(home),
        ),
        page(
            Method::GET,
            "/anmelden",
            PUBLIC,
            "Anmeldeseite",
            get(show_login),
        ),
        page(Method::POST, "/anmelden", PUBLIC, "Anmelden", post(login)),
        page(
            Method::POST,
            "/abmelden",
            EVERYONE,
            "Abmelden",
            post(logout),
        ),
        page(
            Method::GET,
            "/static/wifo.css",
            PUBLIC,
            "Stylesheet",
            get(stylesheet),
        ),
        page(
            Method::GET,
            "/static/wifo.js",
            PUBLIC,
            "Skript der Druckknöpfe",
            get(script),
        ),
    ]
}
