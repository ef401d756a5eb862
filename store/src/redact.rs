//! Connection strings in logs and error messages without their password: shared by the server
//! backends (KurrentDB, PostgreSQL), whose URLs both carry `user:password@`.

/// Replaces the password of `user:password@` by `***`.
pub(crate) fn redact_password(text: &str) -> String {
    let Some((scheme, rest)) = text.split_once("://") else {
        return text.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, hosts)) => {
            let user = user_info
                .split_once(':')
                .map_or(user_info, |(user, _)| user);
            format!("{scheme}://{user}:***@{hosts}{tail}")
        }
        None => text.to_owned(),
    }
}
