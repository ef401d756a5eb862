//! Administration routes: user accounts (the log records them, the auth store keeps the
//! password) and the erasure of a person (DSGVO Art. 17: event plus key deletion).

use axum::{
    Extension, Json,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;
use wifo_domain::{
    ids::PersonId,
    person::ErasureReason,
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

fn parse_body<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, ApiError> {
    require_json(headers)?;
    super::strict::read_body(body)
}

fn user_name(text: &str) -> Result<UserName, ApiError> {
    UserName::parse(text).map_err(|error| ApiError::BadRequest(error.to_string()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    user: UserName,
    display_name: Title,
    role: Role,
    password: String,
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
        Json(json!({"id": new.user, "position": outcome.position.0})),
    )
        .into_response())
}

#[derive(Deserialize)]
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewPassword {
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
    Ok(Json(json!({"user": user, "password_reset": true})).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnPassword {
    current_password: String,
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
    Ok(Json(json!({"user": caller.user, "password_changed": true})).into_response())
}

fn respond<E>(outcome: wifo_store::CommandOutcome<E>) -> Result<Response, ApiError> {
    Ok(Json(json!({"stream": outcome.stream, "revision": outcome.revision, "position": outcome.position.0})).into_response())
}

async fn list(State(state): State<AppState>) -> Json<serde_json::Value> {
    let views = state.projections.read();
    let users: Vec<_> = views
        .users
        .iter()
        .map(|(name, user)| {
            json!({
                "user": name,
                "display_name": user.display_name,
                "role": user.role,
                "active": user.status == wifo_domain::user::UserStatus::Active,
            })
        })
        .collect();
    Json(json!({ "users": users }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Erasure {
    reason: ErasureReason,
    erased_on: Option<NaiveDate>,
}

async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(person): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let erasure: Erasure = parse_body(&headers, &body)?;
    let person =
        PersonId::parse(&person).map_err(|error| ApiError::BadRequest(error.to_string()))?;
    if !state.projections.read().persons.contains_key(&person) {
        return Err(ApiError::NotFound(format!(
            "Person {person} ist nicht erfasst."
        )));
    }
    let today = chrono::Local::now().date_naive();
    let context = CommandContext::now(caller.user.as_str());
    let position = wifo_app::privacy::erase_person(
        &state.data,
        person,
        erasure.erased_on.unwrap_or(today),
        erasure.reason,
        &context,
    )
    .await?;
    state.office.remember(&caller, position);
    Ok(Json(json!({"person": person, "position": position.0, "erased": true})).into_response())
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |method: Method, path, summary, body| RouteSpec {
        method,
        path,
        roles: ADMINS,
        summary,
        body,
    };
    vec![
        Route {
            spec: spec(Method::GET, "/api/v1/users", "Benutzer und Rollen", None),
            handler: get(list),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users",
                "Benutzer anlegen (mit Passwort)",
                Some("NewUser"),
            ),
            handler: post(create),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/role",
                "Rolle ändern",
                Some("NewRole"),
            ),
            handler: post(change_role),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/deactivate",
                "Benutzer sperren",
                None,
            ),
            handler: post(deactivate),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/reactivate",
                "Benutzer entsperren",
                None,
            ),
            handler: post(reactivate),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/users/{id}/password",
                "Passwort eines Benutzers neu setzen (beendet seine Sitzungen)",
                Some("NewPassword"),
            ),
            handler: post(reset_password),
        },
        Route {
            spec: RouteSpec {
                method: Method::POST,
                path: "/api/v1/me/password",
                roles: EVERYONE,
                summary: "Eigenes Passwort ändern (beendet die anderen Sitzungen)",
                body: Some("OwnPassword"),
            },
            handler: post(change_own_password),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/persons/{id}/erase",
                "Person löschen (DSGVO Art. 17)",
                Some("Erasure"),
            ),
            handler: post(erase),
        },
    ]
}
