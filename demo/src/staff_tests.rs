//! Unit tests of `staff`.

use wifo_domain::values::{Title, UserName};

use super::*;

#[test]
fn every_login_is_valid() {
    for (login, name, _) in TEAM {
        assert!(UserName::parse(login).is_ok(), "{login}");
        assert!(Title::parse(name).is_ok());
    }
    assert!(UserName::parse(SUCCESSOR).is_ok());
}
