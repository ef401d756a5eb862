//! Unit tests of `address`.

use super::*;

#[test]
fn postal_code_keeps_leading_zero_and_refuses_other_shapes() {
    assert_eq!(PostalCode::parse("01067").expect("valid").as_str(), "01067");
    assert!(PostalCode::parse("1067").is_err());
    assert!(PostalCode::parse("1O115").is_err());
}

#[test]
fn address_displays_like_a_letter() {
    let address = Address::parse("Breite Straße  24", "13187", "Berlin").expect("valid");
    assert_eq!(address.to_string(), "Breite Straße 24, 13187 Berlin");
}
