//! Unit tests of `text`.

use super::*;

#[test]
fn names_are_trimmed_and_inner_blanks_collapse() {
    let name = OrganizationName::parse("  Bäckerei   Schulz GmbH ").expect("valid");
    assert_eq!(name.as_str(), "Bäckerei Schulz GmbH");
}

#[test]
fn already_normal_names_are_kept_and_odd_blanks_are_normalised() {
    assert_eq!(
        OrganizationName::parse("Café Lindenblatt")
            .expect("valid")
            .as_str(),
        "Café Lindenblatt"
    );
    assert_eq!(
        OrganizationName::parse("A\tB").expect("valid").as_str(),
        "A B"
    );
    assert_eq!(
        OrganizationName::parse("A\u{a0}B").expect("valid").as_str(),
        "A B"
    );
    assert_eq!(OrganizationName::parse("A ").expect("valid").as_str(), "A");
    assert_eq!(OrganizationName::parse(" A").expect("valid").as_str(), "A");
}

#[test]
fn empty_and_overlong_names_are_refused() {
    assert_eq!(
        OrganizationName::parse("   "),
        Err(InvalidValue::Empty { field: "Name" })
    );
    assert_eq!(
        OrganizationName::parse(&"x".repeat(201)),
        Err(InvalidValue::TooLong {
            field: "Name",
            max: 200
        })
    );
}

#[test]
fn text_keeps_line_breaks_and_may_be_empty() {
    assert_eq!(Text::parse("a\n b ").expect("valid").as_str(), "a\n b");
    assert!(Text::parse("").expect("valid").is_empty());
}
