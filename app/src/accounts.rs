//! User accounts: the `user` stream records who exists with which role (for the audit), the
//! auth store keeps the password hash. Both the CLI (`wifo user add`) and the admin API go
//! through these functions, so the two never disagree.

use wifo_domain::{
    user::{
        ChangeUserRole, CreateUser, DeactivateUser, ReactivateUser, User, UserCommand, UserError,
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
    #[error(transparent)]
    Rejected(#[from] CommandError<UserError>),
    #[error(transparent)]
    Other(#[from] crate::error::AppError),
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
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        return Err(AccountError::WeakPassword);
    }
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

/// Changes a role, deactivates or reactivates, and mirrors it in the auth store.
pub async fn change_user(
    data: &DataDir,
    auth: &AuthStore,
    command: UserCommand,
    context: &CommandContext,
) -> Result<CommandOutcome<wifo_domain::user::UserEvent>, AccountError> {
    let outcome = data
        .handler
        .execute::<User>(&command, context, None)
        .await?;
    let user = match &command {
        UserCommand::Create(c) => &c.user,
        UserCommand::ChangeRole(ChangeUserRole { user, .. })
        | UserCommand::Deactivate(DeactivateUser { user })
        | UserCommand::Reactivate(ReactivateUser { user }) => user,
    };
    let (state, _, _) = data.handler.load::<User>(user.as_str()).await?;
    if let Some(role) = state.role {
        let active = state.status == wifo_domain::user::UserStatus::Active;
        auth.set_role(user, role, active)?;
    }
    Ok(outcome)
}
