//! Users and their roles (`/verwaltung`): the list, and the forms to add a user, to change a
//! user's role and to deactivate or reactivate a user, through `wifo_app::accounts`.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    user::{ChangeUserRole, DeactivateUser, ReactivateUser, UserCommand, UserStatus},
    values::{Role, Title, UserName},
};
use wifo_store::CommandContext;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{Choice, FormView, Input},
    pages::{self, Chrome},
    ready, refusal, texts,
};
use wifo_app::{
    accounts::{AccountError, add_user, change_user},
    auth::Caller,
};

pub(super) struct UserLine {
    pub name: String,
    pub display_name: String,
    pub role: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    page: Chrome,
    t: texts::Texts,
    users: Vec<UserLine>,
    form: FormView,
    roles: Vec<Choice>,
    role_change: Vec<Choice>,
    user_choices: Vec<Choice>,
    reset_choices: Vec<Choice>,
}

fn role_choices() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|role| (role.as_str().to_owned(), role.label().to_owned()))
        .collect()
}

fn users_page(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let users: Vec<UserLine> = state
        .projections
        .read()
        .users
        .iter()
        .map(|(name, user)| UserLine {
            name: name.clone(),
            display_name: user
                .display_name
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
            role: user.role.map(|r| r.label().to_owned()).unwrap_or_default(),
            active: user.status == UserStatus::Active,
        })
        .collect();
    // Display name with the login, since two colleagues may share a name.
    let names: Vec<(String, String)> = users
        .iter()
        .map(|u| (u.name.clone(), format!("{} ({})", u.display_name, u.name)))
        .collect();
    let active: Vec<(String, String)> = users
        .iter()
        .zip(&names)
        .filter(|(user, _)| user.active)
        .map(|(_, choice)| choice.clone())
        .collect();
    pages::render(
        &UsersPage {
            page: Chrome::new(caller, texts::get("nav.users"), "/verwaltung").with_notice(notice),
            t: texts::Texts,
            users,
            roles: form.options("role", &role_choices()),
            role_change: form.options("new_role", &role_choices()),
            user_choices: form.options("user", &names),
            reset_choices: form.options("reset_user", &active),
            form,
        },
        status,
    )
}

pub(super) async fn users(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    Ok(users_page(
        &state,
        &caller,
        FormView::with(&[("role", "staff".into())]),
        notice.ok.as_deref(),
        StatusCode::OK,
    ))
}

fn account_refusal(error: AccountError) -> String {
    match error {
        AccountError::Rejected(error) => refusal(error),
        AccountError::Other(error) => {
            tracing::error!(%error, "account change failed");
            texts::get("error.internal_text").to_owned()
        }
        other => other.to_string(),
    }
}

pub(super) async fn create_user(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let name = input.required("name", UserName::parse);
    let display_name = input.required("display_name", Title::parse);
    let role = input.required("role", Role::parse);
    let password = input.get("password").to_owned();
    let (Some(name), Some(display_name), Some(role)) = (name, display_name, role) else {
        return users_page(
            &state,
            &caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let context = CommandContext::now(caller.user.as_str());
    match add_user(
        &state.data,
        &state.auth,
        &name,
        &display_name,
        role,
        &password,
        &context,
    )
    .await
    {
        Ok(outcome) => {
            state.office.remember(&caller, outcome.position);
            pages::done("/verwaltung", "user_created")
        }
        Err(AccountError::WeakPassword) => {
            input.fail("password", AccountError::WeakPassword.to_string());
            users_page(
                &state,
                &caller,
                input.view(),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => users_page(
            &state,
            &caller,
            input.view().refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

pub(super) async fn change_role(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let user = input.required("user", UserName::parse);
    let role = input.required("new_role", Role::parse);
    let (Some(user), Some(role)) = (user, role) else {
        return users_page(
            &state,
            &caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let context = CommandContext::now(caller.user.as_str());
    match change_user(
        &state.data,
        &state.auth,
        UserCommand::ChangeRole(ChangeUserRole { user, role }),
        &context,
    )
    .await
    {
        Ok(outcome) => {
            state.office.remember(&caller, outcome.position);
            pages::done("/verwaltung", "role_changed")
        }
        Err(error) => users_page(
            &state,
            &caller,
            input.view().refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// Deactivates (`active` false) or reactivates the user named in the form; the rules (not
/// oneself, not the last active admin) are the user decider's.
async fn set_active(
    state: &AppState,
    caller: &Caller,
    pairs: Vec<(String, String)>,
    active: bool,
) -> Response {
    let mut input = Input::new(pairs);
    let Some(user) = input.required("user", UserName::parse) else {
        return users_page(
            state,
            caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = if active {
        UserCommand::Reactivate(ReactivateUser { user })
    } else {
        UserCommand::Deactivate(DeactivateUser { user })
    };
    let context = CommandContext::now(caller.user.as_str());
    match change_user(&state.data, &state.auth, command, &context).await {
        Ok(outcome) => {
            state.office.remember(caller, outcome.position);
            pages::done(
                "/verwaltung",
                if active {
                    "user_reactivated"
                } else {
                    "user_deactivated"
                },
            )
        }
        Err(error) => users_page(
            state,
            caller,
            input.view().refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

pub(super) async fn deactivate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    set_active(&state, &caller, pairs, false).await
}

pub(super) async fn reactivate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    set_active(&state, &caller, pairs, true).await
}

/// An admin sets a new password for a colleague; the colleague's sessions end.
pub(super) async fn reset_password(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let user = input.required("reset_user", UserName::parse);
    let password = input.get("new_password").to_owned();
    let Some(user) = user else {
        return users_page(
            &state,
            &caller,
            input.view_without(&["new_password"]),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let outcome =
        wifo_app::accounts::reset_password(&state.data, &state.auth, &user, &password).await;
    match outcome {
        Ok(()) => pages::done("/verwaltung", "password_reset"),
        Err(AccountError::WeakPassword) => {
            input.fail("new_password", AccountError::WeakPassword.to_string());
            users_page(
                &state,
                &caller,
                input.view_without(&["new_password"]),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => users_page(
            &state,
            &caller,
            input
                .view_without(&["new_password"])
                .refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
