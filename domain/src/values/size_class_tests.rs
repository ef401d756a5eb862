//! Unit tests of `size_class`.

use super::*;

#[test]
fn ihk_notations_are_read() {
    assert_eq!(SizeClass::parse("0"), Ok(SizeClass::None));
    assert_eq!(
        SizeClass::parse("1 - 3 Beschäftigte"),
        Ok(SizeClass::From1To3)
    );
    assert_eq!(
        SizeClass::parse("4 - 6 Beschäftigte"),
        Ok(SizeClass::From4To6)
    );
    assert_eq!(SizeClass::parse("10-19"), Ok(SizeClass::From10To19));
    assert_eq!(SizeClass::parse("500+"), Ok(SizeClass::From500));
    assert_eq!(SizeClass::parse("12"), Ok(SizeClass::From10To19));
    assert!(SizeClass::parse("viele").is_err());
}
