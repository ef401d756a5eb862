//! The caller's own account (`/konto`): who they are, with which role, and the form to change
//! their own password (the current one, the new one twice). Every role may use it; the change
//! goes through `wifo_app::accounts::change_own_password`, like `POST /api/v1/me/password`,
//! and ends the caller's other sessions. The address of the caller's own calendar is created
//! and revoked here too (`calendar.rs`).

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::{HeaderMap, Method, StatusCode},
    response::Response,
    routing::{get, post},
};

use super::{
    form::{FormView, Input},
    page,
    pages::{self, Chrome},
    texts,
};
use crate::routes::Route;
use crate::state::AppState;
use wifo_app::{accounts::AccountError, auth::Caller, roles::EVERYONE};

const SECRETS: &[&str] = &["current_password", "new_password", "repeat_password"];

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Chrome,
    t: texts::Texts,
    login: String,
    display_name: String,
    role: String,
    form: FormView,
    /// „eingerichtet am …“ when the caller has a calendar address.
    calendar_since: Option<String>,
    /// The new calendar address, shown once right after it was created.
    calendar_address: Option<String>,
    /// The office's own staff may publish their contact details (the Bürgerbüro may not).
    publishes: bool,
}

fn account_page(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    account_page_with(state, caller, form, notice, status, None)
}

/// The account page, with a calendar address just created.
pub(super) fn account_page_with(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
    calendar_address: Option<String>,
) -> Response {
    let display_name = state.projections.read().names().staff(caller.user.as_str());
    let calendar_since = state
        .auth
        .calendar_created(&caller.user)
        .ok()
        .flatten()
        .map(|created| wifo_domain::german::date(created.date_naive()));
    pages::render(
        &AccountPage {
            page: Chrome::new(caller, texts::get("account.title"), "/konto").with_notice(notice),
            t: texts::Texts,
            login: caller.user.to_string(),
            display_name,
            role: caller.role.label().to_owned(),
            form,
            calendar_since,
            calendar_address,
            publishes: wifo_app::roles::READERS.contains(&caller.role),
        },
        status,
    )
}

async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    account_page(
        &state,
        &caller,
        FormView::default(),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
}

async fn change_password(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let current = input.get("current_password").to_owned();
    let new = input.get("new_password").to_owned();
    if input.get("repeat_password") != new {
        input.fail("repeat_password", texts::get("account.repeat_differs"));
    }
    // Passwords are never sent back into the form.
    let blank = |input: &Input| input.view_without(SECRETS);
    if !input.is_valid() {
        return account_page(
            &state,
            &caller,
            blank(&input),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let session = crate::respond::session_cookie(&headers);
    let outcome = wifo_app::accounts::change_own_password(
        &state.auth,
        &caller.user,
        &current,
        &new,
        session.as_deref(),
    )
    .await;
    match outcome {
        Ok(()) => pages::done("/konto", "password_changed"),
        Err(
            error @ (AccountError::WrongPassword
            | AccountError::WeakPassword
            | AccountError::SamePassword),
        ) => {
            let field = if matches!(error, AccountError::WrongPassword) {
                "current_password"
            } else {
                "new_password"
            };
            input.fail(field, error.to_string());
            account_page(
                &state,
                &caller,
                blank(&input),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => {
            tracing::error!(%error, "password change failed");
            account_page(
                &state,
                &caller,
                FormView::default().refused(texts::get("error.internal_text")),
                None,
                StatusCode::INTERNAL_SERVER_ERROR,
            )
        }
    }
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(Method::GET, "/konto", EVERYONE, "Eigenes Konto", get(show)),
        page(
            Method::POST,
            "/konto/passwort",
            EVERYONE,
            "Eigenes Passwort ändern",
            post(change_password),
        ),
    ]
}
