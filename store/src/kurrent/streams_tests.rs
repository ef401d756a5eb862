//! Unit tests of `streams`.

use super::*;

#[test]
fn without_tenant_names_are_unchanged() {
    assert_eq!(to_server(None, "organization-42"), "organization-42");
    assert_eq!(
        from_server(None, "organization-42").as_deref(),
        Some("organization-42")
    );
}

#[test]
fn a_tenant_prefixes_and_is_stripped_again() {
    assert_eq!(to_server(Some("pankow"), "visit-0192"), "pankow.visit-0192");
    assert_eq!(
        from_server(Some("pankow"), "pankow.visit-0192").as_deref(),
        Some("visit-0192")
    );
    assert_eq!(from_server(Some("pankow"), "mitte.visit-0192"), None);
    assert_eq!(from_server(Some("pankow"), "pankowvisit-0192"), None);
}

#[test]
fn system_and_key_streams_are_not_part_of_the_log() {
    assert_eq!(from_server(None, "$scavenges"), None);
    assert_eq!(from_server(None, "$$organization-1"), None);
    assert_eq!(from_server(None, "wifo_keys-0192"), None);
    assert_eq!(from_server(Some("pankow"), "pankow.wifo_keys-0192"), None);
}

#[test]
fn the_server_filter_matches_the_same_names() {
    assert_eq!(filter_regex(None), "^[a-z]+-.");
    assert_eq!(filter_regex(Some("pankow")), "^pankow\\.[a-z]+-.");
}
