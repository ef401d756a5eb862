//! Unit tests of `duplicate`.

use super::*;

fn keys(name: &str, street: &str, postal_code: &str) -> DuplicateKeys {
    let address =
        (!postal_code.is_empty()).then(|| Address::parse(street, postal_code, "Berlin").unwrap());
    DuplicateKeys::of(
        &OrganizationName::parse(name).unwrap(),
        address.as_ref(),
        None,
    )
}

#[test]
fn legal_forms_umlauts_and_punctuation_do_not_matter() {
    assert_eq!(
        normalize_name("Bäckerei Schulz GmbH & Co. KG"),
        "baeckerei schulz"
    );
    assert_eq!(normalize_name("Baeckerei  Schulz"), "baeckerei schulz");
    assert_eq!(normalize_name("BÄCKEREI SCHULZ e.K."), "baeckerei schulz");
    assert_eq!(
        normalize_name("Müller & Söhne UG (haftungsbeschränkt)"),
        "mueller soehne"
    );
    assert_eq!(
        normalize_name("Straßenfest-Verein e.V."),
        "strassenfest verein"
    );
}

#[test]
fn a_name_that_is_only_a_legal_form_is_kept() {
    assert_eq!(normalize_name("AG"), "ag");
    assert_eq!(normalize_name("Die KG"), "die");
}

#[test]
fn legal_form_words_inside_a_name_stay() {
    assert_eq!(
        normalize_name("AG Stadtteilarbeit Nord"),
        "ag stadtteilarbeit nord"
    );
}

#[test]
fn same_name_at_the_same_street_or_postal_code_is_a_duplicate() {
    let a = keys("Bäckerei Schulz GmbH", "Hauptstraße 5", "10115");
    let b = keys("Baeckerei Schulz", "Hauptstr. 5", "10115");
    assert_eq!(compare(&a, &b), Some(DuplicateReason::NameAndStreet));
    let c = keys("Bäckerei Schulz", "", "10115");
    assert_eq!(compare(&a, &c), Some(DuplicateReason::NameAndPostalCode));
}

#[test]
fn same_name_elsewhere_is_not_a_duplicate() {
    let a = keys("Bäckerei Schulz GmbH", "Hauptstraße 5", "10115");
    let b = keys("Bäckerei Schulz GmbH", "Hauptstraße 5", "12047");
    assert_eq!(compare(&a, &b), None);
    let no_address = keys("Bäckerei Schulz", "", "");
    assert_eq!(compare(&a, &no_address), None);
}

#[test]
fn the_external_id_decides_whatever_the_name() {
    let name = OrganizationName::parse("Kantine Nord").unwrap();
    let other = OrganizationName::parse("Ganz anders GmbH").unwrap();
    let a = DuplicateKeys::of(&name, None, Some("ihk:6063606"));
    let b = DuplicateKeys::of(&other, None, Some(" ihk:6063606 "));
    assert_eq!(compare(&a, &b), Some(DuplicateReason::ExternalId));
}
