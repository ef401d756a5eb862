//! The choices of select fields that pages of several areas offer: the active entries of a
//! taxonomy (regions, topics, offices), the active staff by display name, the associations and
//! chambers, and a list with an empty first choice.

/// `(code, "code name")` of every active entry of a taxonomy, with an empty first choice.
pub(super) fn taxonomy_choices(
    views: &wifo_projections::Views,
    kind: &str,
    empty: &str,
) -> Vec<(String, String)> {
    let mut choices = vec![(String::new(), empty.to_owned())];
    if let Some(taxonomy) = views.taxonomies.get(kind) {
        choices.extend(
            taxonomy
                .entries
                .iter()
                .filter(|(_, entry)| !entry.retired)
                .map(|(code, entry)| (code.clone(), format!("{} – {code}", entry.name))),
        );
    }
    choices
}

/// The active associations and chambers by name (whose members an audience can be), after an
/// empty first choice.
pub(super) fn association_choices(
    views: &wifo_projections::Views,
    empty: &str,
) -> Vec<(String, String)> {
    use wifo_domain::organization::{OrganizationKind, Status};
    let names = views.names();
    let mut associations: Vec<(String, String)> = views
        .organizations
        .iter()
        .filter(|(_, record)| {
            record.state.status == Status::Active
                && matches!(
                    record.state.kind,
                    Some(OrganizationKind::Association | OrganizationKind::Chamber)
                )
        })
        .map(|(id, _)| (id.to_string(), names.organization(id)))
        .collect();
    associations.sort_by(|a, b| a.1.cmp(&b.1));
    with_empty(empty, associations)
}

/// `choices` after an empty first choice labelled `empty`.
pub(super) fn with_empty(empty: &str, mut choices: Vec<(String, String)>) -> Vec<(String, String)> {
    choices.insert(0, (String::new(), empty.to_owned()));
    choices
}

/// The user a page parameter names (`?mitarbeiter=`, `?bearbeiter=`), or the German 404 page
/// for a login the office does not know.
pub(super) fn named_user(
    state: &crate::state::AppState,
    caller: &wifo_app::auth::Caller,
    login: &str,
) -> Result<wifo_domain::values::UserName, super::error::PageError> {
    let known = state.projections.read().users.contains_key(login);
    wifo_domain::values::UserName::parse(login)
        .ok()
        .filter(|_| known)
        .ok_or_else(|| {
            super::error::PageError::not_found(caller, super::texts::get("week.unknown_staff"))
        })
}

/// `(login, display name)` of every active user who may look after businesses (staff and
/// admins), by display name, with an empty first choice.
pub(super) fn staff_choices(views: &wifo_projections::Views, empty: &str) -> Vec<(String, String)> {
    use wifo_domain::{user::UserStatus, values::Role};
    let names = views.names();
    let mut staff: Vec<(String, String)> = views
        .users
        .iter()
        .filter(|(_, user)| {
            user.status == UserStatus::Active
                && matches!(user.role, Some(Role::Staff | Role::Admin))
        })
        .map(|(login, _)| (login.clone(), names.staff(login)))
        .collect();
    staff.sort_by(|a, b| a.1.cmp(&b.1));
    with_empty(empty, staff)
}
