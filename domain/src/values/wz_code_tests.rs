//! Unit tests of `wz_code`.

use super::*;

fn wz(text: &str) -> WzCode {
    WzCode::parse(text).expect("valid code")
}

#[test]
fn hierarchy_follows_the_shape_of_the_code() {
    assert_eq!(wz("10.71.0").parent(), Some(wz("10.71")));
    assert_eq!(wz("10.71").parent(), Some(wz("10.7")));
    assert_eq!(wz("10.7").parent(), Some(wz("10")));
    assert_eq!(wz("10").parent(), Some(wz("C")));
    assert_eq!(wz("C").parent(), None);
    assert_eq!(wz("47.11").section(), wz("G"));
    assert_eq!(wz("01").section(), wz("A"));
    assert_eq!(wz("99").section(), wz("U"));
}

#[test]
fn digits_without_dots_are_read_as_statistics_exports_write_them() {
    assert_eq!(wz("5629"), wz("56.29"));
    assert_eq!(wz("47430"), wz("47.43.0"));
    assert_eq!(wz("c"), wz("C"));
}

#[test]
fn unknown_divisions_and_odd_shapes_are_refused() {
    for bad in ["04", "1000000", "10.7.1", "X", "1", "10.711.1", "ab"] {
        assert!(WzCode::parse(bad).is_err(), "{bad} must be refused");
    }
}

#[test]
fn within_works_on_every_level() {
    assert!(wz("10.71.0").is_within(&wz("C")));
    assert!(wz("10.71.0").is_within(&wz("10.7")));
    assert!(!wz("11.01").is_within(&wz("10")));
}
