//! User accounts: the `user` stream records who exists with which role (for the audit), the
//! auth store keeps the password hash. Both the CLI (`wifo user add`) and the admin API go
//! through these functions, so the two never disagree.

use std::sync::Arc;

use wifo_domain::{
    user::{
        ChangeUserRole, CreateUser, DeactivateUser, ReactivateUser, User, UserCommand, UserError,
        UserStatus, keeps_an_admin,
    },
    values::{Role, Title, UserName},
};
use wifo_store::{CommandContext, CommandError, CommandOutcome};

use crate::{auth::AuthStore, data_dir::DataDir};

/// Shortest password accepted.
pub const MIN_PASSWORD_LENGTH: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein")]
    WeakPassword,
    #[error("Das bisherige Passwort stimmt nicht")]
    WrongPassword,
    #[error("Das neue Passwort muss sich vom bisherigen unterscheiden")]
    SamePassword,
    #[error(transparent)]
    Rejected(#[from] CommandError<UserError>),
    #[error(transparent)]
    Other(#[from] crate::error::AppError),
}

fn strong_enough(password: &str) -> Result<(), AccountError> {
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Err(AccountError::WeakPassword);
    }
    Ok(())
}

/// Creates a user with a password; refused if the login name exists.
pub async fn add_user(
    data: &DataDir,
    auth: &AuthStore,
    user: &UserName,
    display_name: &Title,
    role: Role,
    password: &str,
    context: &CommandContext,
) -> Result<CommandOutcome<wifo_domain::user::UserEvent>, AccountError> {
    strong_enough(password)?;
    let command = UserCommand::Create(CreateUser {
        user: user.clone(),
        display_name: display_name.clone(),
        role,
    });
    let outcome = data
        .handler
        .execute::<User>(&command, context, None)
        .await?;
    auth.set_credentials(user, password, role)?;
    Ok(outcome)
}

/// Changes a role, deactivates or reactivates, and mirrors it in the auth store. Refused when
/// the actor would lock themselves out or the office would lose its last active administrator
/// (`wifo_domain::user::keeps_an_admin`; two admins demoting each other at the same moment are
/// not caught, which an office of a handful of admins accepts).
pub async fn change_user(
    data: &DataDir,
    auth: &AuthStore,
    command: UserCommand,
    context: &CommandContext,
) -> Result<CommandOutcome<wifo_domain::user::UserEvent>, AccountError> {
    let user = match &command {
        UserCommand::Create(c) => &c.user,
        UserCommand::ChangeRole(ChangeUserRole { user, .. })
        | UserCommand::Deactivate(DeactivateUser { user })
        | UserCommand::Reactivate(ReactivateUser { user }) => user,
    };
    if let Ok(actor) = UserName::parse(&context.actor) {
        let (target, _, _) = data.handler.load::<User>(user.as_str()).await?;
        keeps_an_admin(&command, &actor, &target, auth.active_admins()?)
            .map_err(|error| AccountError::Rejected(CommandError::Rejected(error)))?;
    }
    let outcome = data
        .handler
        .execute::<User>(&command, context, None)
        .await?;
    let (state, _, _) = data.handler.load::<User>(user.as_str()).await?;
    if let Some(role) = state.role {
        let active = state.status == wifo_domain::user::UserStatus::Active;
        auth.set_role(user, role, active)?;
    }
    Ok(outcome)
}

/// An admin sets a new password for a user (who forgot theirs); the user's sessions end. A
/// user the log does not know, or one locked, is refused.
pub async fn reset_password(
    data: &DataDir,
    auth: &Arc<AuthStore>,
    user: &UserName,
    password: &str,
) -> Result<(), AccountError> {
    let refused = |error| Err(AccountError::Rejected(CommandError::Rejected(error)));
    let (state, _, _) = data.handler.load::<User>(user.as_str()).await?;
    match state.status {
        UserStatus::Active => {}
        UserStatus::Deactivated => return refused(UserError::Deactivated),
        UserStatus::Uncreated => return refused(UserError::NotCreated),
    }
    strong_enough(password)?;
    let (store, target, password) = (auth.clone(), user.clone(), password.to_owned());
    hashing(move || store.set_password(&target, &password, None)).await?;
    tracing::info!(user = %user, "password reset by an admin");
    Ok(())
}

/// A user changes their own password, proving the current one; their other sessions end,
/// the one they changed it from (`session`) stays.
pub async fn change_own_password(
    auth: &Arc<AuthStore>,
    user: &UserName,
    current: &str,
    new: &str,
    session: Option<&str>,
) -> Result<(), AccountError> {
    let (store, name, given) = (auth.clone(), user.clone(), current.to_owned());
    if !hashing(move || store.password_matches(&name, &given)).await? {
        return Err(AccountError::WrongPassword);
    }
    strong_enough(new)?;
    if current == new {
        return Err(AccountError::SamePassword);
    }
    let (store, name) = (auth.clone(), user.clone());
    let (new, session) = (new.to_owned(), session.map(str::to_owned));
    hashing(move || store.set_password(&name, &new, session.as_deref())).await?;
    tracing::info!(user = %user, "password changed by its user");
    Ok(())
}

/// Runs a password hash (argon2, ~19 MiB and tens of milliseconds) off the async workers.
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> crate::error::Result<T> + Send + 'static,
) -> Result<T, AccountError> {
    let outcome = tokio::task::spawn_blocking(work).await.map_err(|error| {
        crate::error::AppError::refused(format!("password hashing failed: {error}"))
    })?;
    Ok(outcome?)
}
