//! Unit tests of `search`.

use super::*;

#[test]
fn folding_ignores_case_umlauts_and_punctuation() {
    assert_eq!(
        fold("Bäckerei Schulz & Söhne GmbH"),
        "baeckerei schulz soehne gmbh"
    );
    assert_eq!(
        fold("STRAßENBAU  Müller-Lüdenscheidt"),
        "strassenbau mueller luedenscheidt"
    );
    assert_eq!(fold("Café Élysée"), "cafe elysee");
}

#[test]
fn queries_match_word_prefixes_in_any_order() {
    let name = fold("Bäckerei Schulz GmbH");
    assert!(matches(&name, &fold("schulz")));
    assert!(matches(&name, &fold("BAECK schul")));
    assert!(matches(&name, &fold("bäck")));
    assert!(matches(&name, &fold("Schulz, Bäckerei")));
    assert!(!matches(&name, &fold("schulze")));
    assert!(!matches(&name, &fold("konditorei")));
    assert!(matches(&name, ""));
}

#[test]
fn the_index_finds_word_prefixes_and_follows_renames() {
    let (a, b) = (
        OrganizationId::from_uuid(uuid::Uuid::from_u128(1)),
        OrganizationId::from_uuid(uuid::Uuid::from_u128(2)),
    );
    let ids = |found: Vec<(OrganizationId, Closeness)>| -> Vec<OrganizationId> {
        found.into_iter().map(|(id, _)| id).collect()
    };
    let mut index = SearchIndex::default();
    let (bakery, metal) = (
        terms(["Bäckerei Schulz GmbH", "Breite Straße 1"]),
        terms(["Schulze Metallbau"]),
    );
    index.replace(a, "", &fold("Bäckerei Schulz GmbH"));
    index.replace_terms(a, "", &bakery);
    index.replace(b, "", &fold("Schulze Metallbau"));
    index.replace_terms(b, "", &metal);
    assert_eq!(ids(index.find("schul")), vec![a, b]);
    assert_eq!(ids(index.find("strasse")), vec![a]);
    assert!(index.find("schmalzbrot").is_empty());
    let renamed = terms(["Konditorei Krüger", "Breite Straße 1"]);
    index.replace(a, &fold("Bäckerei Schulz GmbH"), &fold("Konditorei Krüger"));
    index.replace_terms(a, &bakery, &renamed);
    assert_eq!(ids(index.find("schul")), vec![b]);
    assert_eq!(ids(index.find("krue")), vec![a]);
    let order: Vec<_> = index.in_name_order().map(|(_, id)| id).collect();
    assert_eq!(order, vec![a, b]);
}

#[test]
fn terms_are_the_folded_words_once() {
    assert_eq!(
        terms(["Bäckerei Schulz", "Schulz & Söhne", "13187"]),
        "13187 baeckerei schulz soehne"
    );
}
