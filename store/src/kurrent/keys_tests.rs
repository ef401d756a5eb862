//! Unit tests of `keys`.

use super::*;
use crate::kurrent::streams;

#[test]
fn key_streams_are_named_per_person_and_tenant() {
    let person = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0007);
    assert_eq!(
        key_stream(None, person),
        "wifo_keys-01920000-0000-7000-8000-000000000007"
    );
    assert_eq!(
        key_stream(Some("pankow"), person),
        "pankow.wifo_keys-01920000-0000-7000-8000-000000000007"
    );
    assert_eq!(
        master_check_stream(Some("pankow")),
        "pankow.wifo_master-check"
    );
}

#[test]
fn the_person_is_read_back_from_the_key_stream_name() {
    let person = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0007);
    for tenant in [None, Some("pankow")] {
        assert_eq!(person_of(tenant, &key_stream(tenant, person)), Some(person));
    }
    assert_eq!(
        person_of(Some("mitte"), &key_stream(Some("pankow"), person)),
        None
    );
    assert_eq!(person_of(None, "wifo_keys-kaputt"), None);
    assert_eq!(person_of(None, &master_check_stream(None)), None);
}

#[test]
fn key_streams_are_never_part_of_wifos_log() {
    let person = Uuid::from_u128(7);
    for tenant in [None, Some("pankow")] {
        assert_eq!(
            streams::from_server(tenant, &key_stream(tenant, person)),
            None
        );
        assert_eq!(
            streams::from_server(tenant, &master_check_stream(tenant)),
            None
        );
    }
}

#[test]
fn the_master_check_differs_per_key_and_is_not_the_key() {
    let one = [1u8; 32];
    let two = [2u8; 32];
    assert_eq!(master_check(&one), master_check(&one));
    assert_ne!(master_check(&one), master_check(&two));
    assert_ne!(master_check(&one), one);
}

#[test]
fn erased_keys_are_not_counted() {
    assert_eq!(live_keys(5, 2), 3);
    assert_eq!(live_keys(0, 1), 0);
}
