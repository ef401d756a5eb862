//! Unit tests of `location`.

#![allow(clippy::unwrap_used)]

use super::*;

#[test]
fn a_single_node_without_tls() {
    let location = KurrentLocation::parse("kurrentdb://localhost:2113?tls=false").unwrap();
    assert_eq!(location.hosts(), vec!["localhost:2113"]);
    assert!(!location.uses_tls());
    assert!(!location.discovers_by_dns());
    assert_eq!(location.tenant(), None);
}

#[test]
fn esdb_scheme_and_default_port_and_tls_by_default() {
    let location = KurrentLocation::parse("esdb://db.example.org").unwrap();
    assert_eq!(location.hosts(), vec!["db.example.org:2113"]);
    assert!(location.uses_tls());
}

#[test]
fn three_gossip_seeds_of_a_cluster() {
    let location = KurrentLocation::parse(
        "esdb://node1.local:2113,node2.local:2114,node3.local:2115?tls=false",
    )
    .unwrap();
    assert_eq!(
        location.hosts(),
        vec!["node1.local:2113", "node2.local:2114", "node3.local:2115"]
    );
    assert!(!location.uses_tls());
}

#[test]
fn dns_discovery_with_the_plus_discover_scheme() {
    let location = KurrentLocation::parse("esdb+discover://cluster.local:2113").unwrap();
    assert!(location.discovers_by_dns());
    assert_eq!(location.hosts(), vec!["cluster.local:2113"]);
    let location = KurrentLocation::parse("kurrentdb+discover://cluster.local").unwrap();
    assert!(location.discovers_by_dns());
}

#[test]
fn a_ca_file_must_exist_and_hold_pem_certificates() {
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.crt");
    std::fs::write(
        &ca,
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let text = format!("kurrentdb://node1:2113?tlsCAFile={}", ca.display());
    let location = KurrentLocation::parse(&text).unwrap();
    assert_eq!(location.ca_file(), Some(ca.to_str().unwrap()));
    std::fs::write(&ca, "kein Zertifikat").unwrap();
    let message = KurrentLocation::parse(&text).unwrap_err().to_string();
    assert!(message.contains("enthält kein Zertifikat"), "{message}");
    // The client reads a named CA file even without TLS, so it is checked then too.
    let plain = format!(
        "kurrentdb://node1:2113?tls=false&tlsCAFile={}",
        ca.display()
    );
    assert!(KurrentLocation::parse(&plain).is_err());
    let missing = KurrentLocation::parse("kurrentdb://node1:2113?tlsCAFile=/nicht/da.crt");
    let message = missing.unwrap_err().to_string();
    assert!(message.contains("CA-Datei /nicht/da.crt"), "{message}");
}

#[test]
fn the_tenant_is_wifos_own_parameter_and_is_checked() {
    let location =
        KurrentLocation::parse("kurrentdb://localhost:2113?tls=false&tenant=pankow").unwrap();
    assert_eq!(location.tenant(), Some("pankow"));
    assert!(!location.uses_tls());
    for bad in ["Pankow", "pan-kow", "", "a.b"] {
        let text = format!("kurrentdb://localhost:2113?tenant={bad}");
        assert!(KurrentLocation::parse(&text).is_err(), "{bad:?} accepted");
    }
}

#[test]
fn a_mistyped_parameter_is_refused_instead_of_ignored() {
    let message = KurrentLocation::parse("kurrentdb://localhost:2113?tsl=false")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("unbekannter Parameter \"tsl\""),
        "{message}"
    );
}

#[test]
fn other_schemes_and_plain_paths_are_not_kurrentdb() {
    assert!(KurrentLocation::parse("postgres://localhost").is_err());
    assert!(KurrentLocation::parse("localhost:2113").is_err());
    assert!(KurrentLocation::looks_like("esdb://x"));
    assert!(KurrentLocation::looks_like("KurrentDB://x"));
    assert!(!KurrentLocation::looks_like("data/pankow"));
    assert!(!KurrentLocation::looks_like("/srv/wifo"));
}

#[test]
fn the_password_never_appears_in_messages() {
    let location =
        KurrentLocation::parse("kurrentdb://admin:changeit@localhost:2113?tls=false").unwrap();
    assert_eq!(
        location.redacted(),
        "kurrentdb://admin:***@localhost:2113?tls=false"
    );
    let message = KurrentLocation::parse("kurrentdb://admin:geheim@localhost:2113?x=1")
        .unwrap_err()
        .to_string();
    assert!(!message.contains("geheim"), "{message}");
}
