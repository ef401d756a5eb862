//! Unit tests of `keystore`.

use super::*;

#[test]
fn a_sealed_value_opens_only_with_its_key_and_subject() {
    let dir = tempfile::tempdir().expect("tempdir");
    let keys = KeyStore::open(dir.path()).expect("open");
    let anna = Uuid::from_u128(1);
    let bernd = Uuid::from_u128(2);
    let key = keys.key_or_create(anna).expect("key");
    let sealed = key.seal(anna, b"Anna Schmidt").expect("seal");
    assert_eq!(
        key.open(anna, &sealed).as_deref(),
        Some(&b"Anna Schmidt"[..])
    );
    assert_eq!(key.open(bernd, &sealed), None);
    let other = keys.key_or_create(bernd).expect("key");
    assert_eq!(other.open(anna, &sealed), None);
}

#[test]
fn keys_survive_a_reopen_and_are_gone_after_erasure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let anna = Uuid::from_u128(1);
    let sealed = {
        let keys = KeyStore::open(dir.path()).expect("open");
        keys.key_or_create(anna)
            .expect("key")
            .seal(anna, b"x")
            .expect("seal")
    };
    let keys = KeyStore::open(dir.path()).expect("reopen");
    let key = keys.key(anna).expect("read").expect("still there");
    assert_eq!(key.open(anna, &sealed).as_deref(), Some(&b"x"[..]));
    keys.erase(anna).expect("erase");
    assert!(keys.key(anna).expect("read").is_none());
    let keys = KeyStore::open(dir.path()).expect("reopen");
    assert!(keys.key(anna).expect("read").is_none());
}

#[cfg(unix)]
#[test]
fn the_master_key_is_readable_by_the_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    KeyStore::open(dir.path()).expect("open");
    let mode = std::fs::metadata(dir.path().join("master.key"))
        .expect("master key exists")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}
