//! Unit tests of `contact_data`.

use super::*;

#[test]
fn email_domain_is_lower_cased_and_shape_checked() {
    assert_eq!(
        Email::parse(" Info@Baeckerei-Schulz.DE ")
            .expect("valid")
            .as_str(),
        "Info@baeckerei-schulz.de"
    );
    for bad in [
        "", "info", "info@", "@x.de", "info@x", "a b@x.de", "a@x.de.",
    ] {
        assert!(Email::parse(bad).is_err(), "{bad} must be refused");
    }
}

#[test]
fn phone_accepts_german_notations_and_refuses_letters() {
    assert!(Phone::parse("+49 30 90295-0").is_ok());
    assert!(Phone::parse("(030) 1234 567").is_ok());
    assert!(Phone::parse("030/123456").is_ok());
    assert!(Phone::parse("ruf an").is_err());
    assert!(Phone::parse("123").is_err());
}

#[test]
fn website_gets_a_scheme() {
    assert_eq!(
        Website::parse("baeckerei-schulz.de")
            .expect("valid")
            .as_str(),
        "https://baeckerei-schulz.de"
    );
    assert!(Website::parse("keine website").is_err());
    assert!(Website::parse("localhost").is_err());
}
