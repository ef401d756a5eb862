//! Unit tests of `store_location`.

#![allow(clippy::unwrap_used)]

use super::*;

#[test]
fn a_path_is_a_directory() {
    let location = StoreLocation::parse("daten/pankow").unwrap();
    assert_eq!(location.directory(), Some(Path::new("daten/pankow")));
}

#[cfg(not(feature = "kurrentdb"))]
#[test]
fn a_connection_string_without_the_feature_is_explained() {
    let message = StoreLocation::parse("kurrentdb://localhost:2113?tls=false")
        .unwrap_err()
        .to_string();
    assert!(message.contains("--features kurrentdb"), "{message}");
}

#[cfg(feature = "kurrentdb")]
#[test]
fn a_connection_string_with_the_feature_is_a_server() {
    let location = StoreLocation::parse("esdb://node1:2113,node2:2113?tls=false").unwrap();
    assert!(location.directory().is_none());
    assert!(StoreLocation::parse("kurrentdb://node1:2113?tsl=false").is_err());
}
