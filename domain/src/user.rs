//! The `user` stream: one per login name (`user-anna.schmidt`), so creating a user on a stream
//! that already exists is how login names stay unique. Users are deactivated, never deleted,
//! because events name their actors by login name and the audit trail must stay readable.

use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    values::{Role, Title, UserName},
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("Den Benutzer gibt es nicht")]
    NotCreated,
    #[error("Den Benutzernamen gibt es bereits")]
    AlreadyCreated,
    #[error("Der Benutzer hat bereits die Rolle „{}“", .0.label())]
    SameRole(Role),
    #[error("Der Benutzer ist deaktiviert")]
    Deactivated,
    #[error("Der Benutzer ist bereits deaktiviert")]
    AlreadyDeactivated,
    #[error("Der Benutzer ist aktiv")]
    NotDeactivated,
    #[error("Sie können sich nicht selbst sperren oder sich die Administration entziehen")]
    OwnAccount,
    #[error(
        "Das ist das letzte aktive Administrationskonto; bitte zuerst ein anderes Konto zur Administration machen"
    )]
    LastAdmin,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CreateUser {
    pub user: UserName,
    pub display_name: Title,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChangeUserRole {
    pub user: UserName,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeactivateUser {
    pub user: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReactivateUser {
    pub user: UserName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum UserCommand {
    Create(CreateUser),
    ChangeRole(ChangeUserRole),
    Deactivate(DeactivateUser),
    Reactivate(ReactivateUser),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum UserEvent {
    #[serde(rename = "UserCreated")]
    Created {
        user: UserName,
        display_name: Title,
        role: Role,
    },
    #[serde(rename = "UserRoleChanged")]
    RoleChanged { user: UserName, role: Role },
    #[serde(rename = "UserDeactivated")]
    Deactivated { user: UserName },
    #[serde(rename = "UserReactivated")]
    Reactivated { user: UserName },
}

impl DomainEvent for UserEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "UserCreated",
        "UserRoleChanged",
        "UserDeactivated",
        "UserReactivated",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub enum UserStatus {
    #[default]
    Uncreated,
    Active,
    Deactivated,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UserState {
    pub status: UserStatus,
    pub display_name: Option<Title>,
    pub role: Option<Role>,
}

/// The decider of the `user` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct User;

impl Decider for User {
    const CATEGORY: &'static str = "user";
    type Command = UserCommand;
    type Event = UserEvent;
    type State = UserState;
    type Error = UserError;

    fn stream_id(command: &UserCommand) -> String {
        use UserCommand as C;
        let user = match command {
            C::Create(c) => &c.user,
            C::ChangeRole(c) => &c.user,
            C::Deactivate(c) => &c.user,
            C::Reactivate(c) => &c.user,
        };
        user.to_string()
    }

    fn evolve(mut state: UserState, event: &UserEvent) -> UserState {
        use UserEvent as E;
        match event {
            E::Created {
                display_name, role, ..
            } => {
                state.status = UserStatus::Active;
                state.display_name = Some(display_name.clone());
                state.role = Some(*role);
            }
            E::RoleChanged { role, .. } => state.role = Some(*role),
            E::Deactivated { .. } => state.status = UserStatus::Deactivated,
            E::Reactivated { .. } => state.status = UserStatus::Active,
        }
        state
    }

    fn decide(command: &UserCommand, state: &UserState) -> Result<Vec<UserEvent>, UserError> {
        use UserCommand as C;
        use UserEvent as E;
        if let C::Create(c) = command {
            if state.status != UserStatus::Uncreated {
                return Err(UserError::AlreadyCreated);
            }
            return Ok(vec![E::Created {
                user: c.user.clone(),
                display_name: c.display_name.clone(),
                role: c.role,
            }]);
        }
        if state.status == UserStatus::Uncreated {
            return Err(UserError::NotCreated);
        }
        let active = state.status == UserStatus::Active;
        let events = match command {
            C::Create(_) => unreachable!("handled above"),
            C::ChangeRole(c) => {
                if !active {
                    return Err(UserError::Deactivated);
                }
                if state.role == Some(c.role) {
                    return Err(UserError::SameRole(c.role));
                }
                vec![E::RoleChanged {
                    user: c.user.clone(),
                    role: c.role,
                }]
            }
            C::Deactivate(c) => {
                if !active {
                    return Err(UserError::AlreadyDeactivated);
                }
                vec![E::Deactivated {
                    user: c.user.clone(),
                }]
            }
            C::Reactivate(c) => {
                if active {
                    return Err(UserError::NotDeactivated);
                }
                vec![E::Reactivated {
                    user: c.user.clone(),
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &UserCommand) -> bool {
        // A role change is judged against the role the admin saw.
        !matches!(command, UserCommand::ChangeRole(_))
    }
}

/// The rule that keeps an office administrable, which one user's stream cannot see alone: nobody
/// deactivates their own account or takes away their own administration role, and the last
/// active administrator stays one. `actor` is who asks, `target` the state of the account the
/// command changes, `active_admins` how many active administrators the office has now.
pub fn keeps_an_admin(
    command: &UserCommand,
    actor: &UserName,
    target: &UserState,
    active_admins: usize,
) -> Result<(), UserError> {
    let (user, loses_admin) = match command {
        UserCommand::Deactivate(c) => (&c.user, true),
        UserCommand::ChangeRole(c) => (&c.user, c.role != Role::Admin),
        UserCommand::Create(_) | UserCommand::Reactivate(_) => return Ok(()),
    };
    if !loses_admin {
        return Ok(());
    }
    let is_admin = target.status == UserStatus::Active && target.role == Some(Role::Admin);
    if user == actor && (is_admin || matches!(command, UserCommand::Deactivate(_))) {
        return Err(UserError::OwnAccount);
    }
    if is_admin && active_admins <= 1 {
        return Err(UserError::LastAdmin);
    }
    Ok(())
}

#[cfg(test)]
#[path = "user_tests.rs"]
mod tests;
