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
    let mut index = SearchIndex::default();
    index.replace(a, "", &fold("Bäckerei Schulz GmbH"));
    index.replace(b, "", &fold("Schulze Metallbau"));
    assert_eq!(index.search(&fold("schul")), [a, b].into_iter().collect());
    assert_eq!(index.search(&fold("bäck schul")), [a].into_iter().collect());
    assert!(index.search(&fold("schulzx")).is_empty());
    index.replace(a, &fold("Bäckerei Schulz GmbH"), &fold("Konditorei Krüger"));
    assert_eq!(index.search(&fold("schul")), [b].into_iter().collect());
    assert_eq!(index.search(&fold("krue")), [a].into_iter().collect());
    let order: Vec<_> = index.in_name_order().map(|(_, id)| id).collect();
    assert_eq!(order, vec![a, b]);
}
