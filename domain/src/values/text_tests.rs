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

#[test]
fn names_made_only_of_invisible_characters_are_refused() {
    for text in [
        "\u{200B}",
        "\u{200B}\u{200D} \u{FEFF}",
        "\u{00AD}",
        "\u{2060}\u{202E}",
    ] {
        assert_eq!(
            OrganizationName::parse(text),
            Err(InvalidValue::Invisible { field: "Name" }),
            "{text:?}"
        );
        assert_eq!(
            Title::parse(text),
            Err(InvalidValue::Invisible { field: "Titel" })
        );
    }
    // A visible name with a zero-width joiner inside (as in some emoji or scripts) stays valid.
    assert_eq!(
        PersonName::parse("Jo\u{200D}hanna")
            .expect("valid")
            .as_str(),
        "Jo\u{200D}hanna"
    );
}

#[test]
fn control_characters_are_refused_but_a_text_keeps_its_line_breaks() {
    assert_eq!(
        OrganizationName::parse("Bäckerei\u{0007}Schulz"),
        Err(InvalidValue::ControlCharacter { field: "Name" })
    );
    assert_eq!(
        Tag::parse("Nord\u{001B}"),
        Err(InvalidValue::ControlCharacter {
            field: "Schlagwort"
        })
    );
    assert_eq!(
        Text::parse("Zeile 1\u{0000}"),
        Err(InvalidValue::ControlCharacter { field: "Text" })
    );
    assert_eq!(
        Text::parse("Zeile 1\r\n\tZeile 2").expect("valid").as_str(),
        "Zeile 1\r\n\tZeile 2"
    );
    // A tab inside a name is a blank and becomes one space, as before.
    assert_eq!(Title::parse("A\tB").expect("valid").as_str(), "A B");
}
