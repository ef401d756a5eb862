//! Unit tests of `user`.

use super::*;

#[test]
fn user_names_are_lower_cased() {
    assert_eq!(
        UserName::parse("A.Schmidt").expect("valid").as_str(),
        "a.schmidt"
    );
    assert!(UserName::parse("a").is_err());
    assert!(UserName::parse("anna schmidt").is_err());
}

#[test]
fn roles_round_trip_through_text() {
    for role in Role::ALL {
        assert_eq!(Role::parse(role.as_str()), Ok(role));
    }
    assert!(Role::parse("chef").is_err());
}
