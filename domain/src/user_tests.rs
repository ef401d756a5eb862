//! Given/when/then tests of the `user` decider, one per rule.

use super::*;
use crate::decider::spec::given;

fn anna() -> UserName {
    UserName::parse("anna.schmidt").expect("test user")
}

fn created() -> UserEvent {
    UserEvent::Created {
        user: anna(),
        display_name: Title::parse("Anna Schmidt").expect("test name"),
        role: Role::Staff,
    }
}

fn deactivated() -> UserEvent {
    UserEvent::Deactivated { user: anna() }
}

fn create() -> UserCommand {
    UserCommand::Create(CreateUser {
        user: anna(),
        display_name: Title::parse("Anna Schmidt").expect("test name"),
        role: Role::Staff,
    })
}

fn change_role(role: Role) -> UserCommand {
    UserCommand::ChangeRole(ChangeUserRole { user: anna(), role })
}

fn deactivate() -> UserCommand {
    UserCommand::Deactivate(DeactivateUser { user: anna() })
}

fn reactivate() -> UserCommand {
    UserCommand::Reactivate(ReactivateUser { user: anna() })
}

#[test]
fn creating_a_user_records_name_and_role_on_the_login_name_stream() {
    given::<User>(vec![]).when(create()).then(vec![created()]);
    assert_eq!(User::stream_id(&create()), "anna.schmidt");
}

#[test]
fn creating_a_user_twice_is_refused() {
    given::<User>(vec![created()])
        .when(create())
        .then_error(UserError::AlreadyCreated);
    given::<User>(vec![created(), deactivated()])
        .when(create())
        .then_error(UserError::AlreadyCreated);
}

#[test]
fn anything_before_creation_is_refused() {
    for command in [change_role(Role::Admin), deactivate(), reactivate()] {
        given::<User>(vec![])
            .when(command)
            .then_error(UserError::NotCreated);
    }
}

#[test]
fn changing_the_role_records_the_new_role() {
    given::<User>(vec![created()])
        .when(change_role(Role::Lead))
        .then(vec![UserEvent::RoleChanged {
            user: anna(),
            role: Role::Lead,
        }]);
}

#[test]
fn changing_to_the_same_role_is_refused() {
    let changed = UserEvent::RoleChanged {
        user: anna(),
        role: Role::Admin,
    };
    given::<User>(vec![created()])
        .when(change_role(Role::Staff))
        .then_error(UserError::SameRole(Role::Staff));
    given::<User>(vec![created(), changed])
        .when(change_role(Role::Admin))
        .then_error(UserError::SameRole(Role::Admin));
}

#[test]
fn changing_the_role_of_a_deactivated_user_is_refused() {
    given::<User>(vec![created(), deactivated()])
        .when(change_role(Role::Admin))
        .then_error(UserError::Deactivated);
}

#[test]
fn deactivating_records_it_once() {
    given::<User>(vec![created()])
        .when(deactivate())
        .then(vec![deactivated()]);
    given::<User>(vec![created(), deactivated()])
        .when(deactivate())
        .then_error(UserError::AlreadyDeactivated);
}

#[test]
fn reactivating_only_a_deactivated_user() {
    given::<User>(vec![created(), deactivated()])
        .when(reactivate())
        .then(vec![UserEvent::Reactivated { user: anna() }]);
    given::<User>(vec![created()])
        .when(reactivate())
        .then_error(UserError::NotDeactivated);
    given::<User>(vec![
        created(),
        deactivated(),
        UserEvent::Reactivated { user: anna() },
    ])
    .when(reactivate())
    .then_error(UserError::NotDeactivated);
}

#[test]
fn the_state_keeps_status_display_name_and_current_role() {
    let state = User::fold(&[
        created(),
        UserEvent::RoleChanged {
            user: anna(),
            role: Role::Planner,
        },
        deactivated(),
    ]);
    assert_eq!(state.status, UserStatus::Deactivated);
    assert_eq!(state.role, Some(Role::Planner));
    assert_eq!(
        state.display_name.as_ref().map(Title::as_str),
        Some("Anna Schmidt")
    );
}

fn admin_state() -> UserState {
    User::evolve(
        UserState::default(),
        &UserEvent::Created {
            user: anna(),
            display_name: Title::parse("Anna Schmidt").expect("test name"),
            role: Role::Admin,
        },
    )
}

fn staff_state() -> UserState {
    User::evolve(UserState::default(), &created())
}

fn ben() -> UserName {
    UserName::parse("ben.krause").expect("test user")
}

#[test]
fn nobody_deactivates_their_own_account_or_drops_their_own_admin_role() {
    // Given Anna is an admin beside two others, when she deactivates herself: refused.
    assert_eq!(
        keeps_an_admin(&deactivate(), &anna(), &admin_state(), 3),
        Err(UserError::OwnAccount)
    );
    // When she makes herself staff: refused.
    assert_eq!(
        keeps_an_admin(&change_role(Role::Staff), &anna(), &admin_state(), 3),
        Err(UserError::OwnAccount)
    );
    // When Ben (another admin) does either: allowed.
    assert_eq!(
        keeps_an_admin(&deactivate(), &ben(), &admin_state(), 3),
        Ok(())
    );
    assert_eq!(
        keeps_an_admin(&change_role(Role::Lead), &ben(), &admin_state(), 3),
        Ok(())
    );
}

#[test]
fn the_last_active_admin_stays_one() {
    // Given Anna is the only active admin, when Ben (a user whose role was just changed away
    // from admin, say) deactivates her or makes her a planner: refused.
    assert_eq!(
        keeps_an_admin(&deactivate(), &ben(), &admin_state(), 1),
        Err(UserError::LastAdmin)
    );
    assert_eq!(
        keeps_an_admin(&change_role(Role::Planner), &ben(), &admin_state(), 1),
        Err(UserError::LastAdmin)
    );
    // Keeping her an admin is no loss.
    assert_eq!(
        keeps_an_admin(&change_role(Role::Admin), &ben(), &admin_state(), 1),
        Ok(())
    );
    // A staff account is deactivated by an admin whatever the number of admins; reactivating
    // is never refused by this rule.
    assert_eq!(
        keeps_an_admin(&deactivate(), &ben(), &staff_state(), 1),
        Ok(())
    );
    assert_eq!(
        keeps_an_admin(&reactivate(), &anna(), &admin_state(), 1),
        Ok(())
    );
}
