//! Administration routes: user accounts (the log records them, the auth store keeps the
//! password). The erasure of a person is in `privacy.rs`.

use axum::{
    Extension, Json,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    user::{ChangeUserRole, DeactivateUser, ReactivateUser, UserCommand},
    values::{Role, Title, UserName},
};
use wifo_store::CommandContext;

use super::{ADMINS, ApiError, AppState, EVERYONE, Route, RouteSpec, commands::require_json};
use wifo_app::{
    accounts::{AccountError, add_user, change_user},
    auth::Caller,
};

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::WeakPassword
            | AccountError::WrongPassword
            | AccountError::SamePassword => ApiError::BadRequest(error.to_string()),
            AccountError::Rejected(error) => error.into(),
            AccountError::Other(error) => ApiError::Internal(error.into()),
        }
    }
}

pub(super) fn parse_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, ApiError> {
    require_json(headers)?;
    super::strict::read_body(body)
}

fn user_name(text: &str) -> Result<UserName, ApiError> {
    UserName::parse(text).map_err(|error| ApiError::BadRequest(error.to_string()))
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NewUser {
    user: UserName,
    /// Name, wie ihn die Seiten zeigen.
    display_name: Title,
    role: Role,
    /// Mindestens 10 Zeichen.
    #[schemars(length(min = wifo_app::accounts::MIN_PASSWORD_LENGTH))]
    password: String,
}

/// A new user's answer.
#[derive(Serialize, JsonSchema)]
struct UserCreated<'a> {
    id: &'a UserName,
    /// Die Position im Protokoll.
    position: u64,
}

/// A changed user's answer.
#[derive(Serialize, JsonSchema)]
struct UserChanged {
    stream: String,
    revision: Option<u64>,
    position: u64,
}

/// A changed password's answer.
#[derive(Serialize, JsonSchema)]
struct PasswordChanged<'a> {
    user: &'a UserName,
    #[serde(skip_serializing_if = "Option::is_none")]
    password_reset: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password_changed: Option<bool>,
}

/// One user in the list.
#[derive(Serialize, JsonSchema)]
struct UserEntry<'a> {
    user: &'a str,
    display_name: &'a Option<Title>,
    role: Option<Role>,
    active: bool,
}

/// The list of users.
#[derive(Serialize, JsonSchema)]
struct UserList<'a> {
    users: Vec<UserEntry<'a>>,
}

async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let new: NewUser = parse_body(&headers, &body)?;
    let context = CommandContext::now(caller.user.as_str());
    let outcome = add_user(
        &state.data,
        &state.auth,
        &new.user,
        &new.display_name,
        new.role,
        &new.password,
        &context,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(UserCreated {
            id: &new.user,
            position: outcome.position.0,
        }),
    )
        .into_response())
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NewRole {
    role: Role,
}

async fn change_role(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(user): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let NewRole { role } = parse_body(&headers, &body)?;
    let command = UserCommand::ChangeRole(ChangeUserRole {
        user: user_name(&user)?,
        role,
    });
    respond(
        change_user(
            &state.data,
            &state.auth,
            command,
            &CommandContext::now(caller.user.as_str()),
        )
        .await?,
    )
}

async fn deactivate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(user): Path<String>,
) -> Result<Response, ApiError> {
    let command = UserCommand::Deactivate(DeactivateUser {
        user: user_name(&user)?,
    });
    respond(
        change_user(
            &state.data,
            &state.auth,
            command,
            &CommandContext::now(caller.user.as_str()),
        )
        .await?,
    )
}

async fn reactivate(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(user): Path<String>,
) -> Result<Response, ApiError> {
    let command = UserCommand::Reactivate(ReactivateUser {
        user: user_name(&user)?,
    });
    respond(
        change_user(
            &state.data,
            &state.auth,
            command,
            &CommandContext::now(caller.user.as_str()),
        )
        .await?,
    )
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NewPassword {
    /// Mindestens 10 Zeichen.
    #[schemars(length(min = wifo_app::accounts::MIN_PASSWORD_LENGTH))]
    password: String,
}

/// An admin sets a new password for a user; the user's sessions end.
async fn reset_password(
    State(state): State<AppState>,
    Path(user): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let NewPassword { password } = parse_body(&headers, &body)?;
    let user = user_name(&user)?;
    wifo_app::accounts::reset_password(&state.data, &state.auth, &user, &password).await?;
    Ok(Json(PasswordChanged {
        user: &user,
        password_reset: Some(true),
        password_changed: None,
    })
    .into_response())
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct OwnPassword {
    current_password: String,
    /// Mindestens 10 Zeichen, nicht das bisherige.
    #[schemars(length(min = wifo_app::accounts::MIN_PASSWORD_LENGTH))]
    new_password: String,
}

/// The caller changes their own password; their other sessions end.
async fn change_own_password(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let change: OwnPassword = parse_body(&headers, &body)?;
    let session = crate::respond::session_cookie(&headers);
    wifo_app::accounts::change_own_password(
        &state.auth,
        &caller.user,
        &change.current_password,
        &change.new_password,
        session.as_deref(),
    )
    .await?;
    Ok(Json(PasswordChanged {
        user: &caller.user,
        password_reset: None,
        password_changed: Some(true),
    })
    .into_response())
}

fn respond<E>(outcome: wifo_store::CommandOutcome<E>) -> Result<Response, ApiError> {
    Ok(Json(UserChanged {
        stream: outcome.stream,
        revision: outcome.revision,
        position: outcome.position.0,
    })
    .into_response())
}

async fn list(State(state): State<AppState>) -> Response {
    let views = state.projections.read();
    let users = views
        .users
        .iter()
        .map(|(name, user)| UserEntry {
            user: name,
            display_name: &user.display_name,
            role: user.role,
            active: user.status == wifo_domain::user::UserStatus::Active,
        })
        .collect();
    Json(UserList { users }).into_response()
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |method: Method, path, summary, body| RouteSpec {
        method,
        path,
        roles: ADMINS,
        summary,
        body,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(Method::GET, "/api/v1/users", "Benutzer und Rollen", None)
                .answering::<UserList<'static>>(),
            handler: get(list),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users",
                "Benutzer anlegen (mit Passwort)",
                Some("NewUser"),
            )
            .with_body::<NewUser>()
            .answering::<UserCreated<'static>>()
            .creating(),
            handler: post(create),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/role",
                "Rolle ändern",
                Some("NewRole"),
            )
            .with_body::<NewRole>()
            .answering::<UserChanged>(),
            handler: post(change_role),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/deactivate",
                "Benutzer sperren",
                None,
            )
            .answering::<UserChanged>(),
            handler: post(deactivate),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/reactivate",
                "Benutzer entsperren",
                None,
            )
            .answering::<UserChanged>(),
            handler: post(reactivate),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/password",
                "Passwort eines Benutzers neu setzen (beendet seine Sitzungen)",
                Some("NewPassword"),
            )
            .with_body::<NewPassword>()
            .answering::<PasswordChanged<'static>>(),
            handler: post(reset_password),
        },
        Route {
            spec: RouteSpec {
                method: Method::POST,
                path: "/api/v1/me/password",
                roles: EVERYONE,
                summary: "Eigenes Passwort ändern (beendet die anderen Sitzungen)",
                body: Some("OwnPassword"),
                doc: Default::default(),
            }
            .with_body::<OwnPassword>()
            .answering::<PasswordChanged<'static>>(),
            handler: post(change_own_password),
        },
    ]
}
