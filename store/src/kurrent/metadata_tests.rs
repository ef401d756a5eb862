//! Unit tests of `metadata`.

#![allow(clippy::unwrap_used)]

use chrono::TimeZone;

use super::*;

fn sample() -> Metadata {
    Metadata {
        actor: "a.schneider".into(),
        occurred_at: Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 15).unwrap()
            + chrono::Duration::microseconds(123_456),
        correlation_id: Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0001),
        causation_id: Some(Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0002)),
        data_subject: Some(Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0003)),
    }
}

#[test]
fn metadata_survives_the_round_trip_with_its_schema_version() {
    let bytes = encode(&sample(), 3);
    let (metadata, version) = decode(&bytes, 1).unwrap();
    assert_eq!(metadata, sample());
    assert_eq!(version, 3);
}

#[test]
fn the_json_uses_kurrentdb_names_for_correlation_and_causation() {
    let json: serde_json::Value = serde_json::from_slice(&encode(&sample(), 1)).unwrap();
    assert_eq!(
        json["$correlationId"],
        "01920000-0000-7000-8000-000000000001"
    );
    assert_eq!(json["$causationId"], "01920000-0000-7000-8000-000000000002");
    assert_eq!(json["actor"], "a.schneider");
    assert_eq!(json["occurredAt"], "2026-11-21T09:30:15.123456Z");
    assert_eq!(json["schemaVersion"], 1);
}

#[test]
fn absent_causation_and_subject_are_left_out_and_read_back_as_none() {
    let metadata = Metadata {
        causation_id: None,
        data_subject: None,
        ..sample()
    };
    let bytes = encode(&metadata, 1);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(!text.contains("causation"), "{text}");
    assert!(!text.contains("dataSubject"), "{text}");
    assert_eq!(decode(&bytes, 1).unwrap().0, metadata);
}

#[test]
fn foreign_metadata_is_reported_as_corrupt_with_its_position() {
    let error = decode(br#"{"$correlationId":"nope"}"#, 77).unwrap_err();
    assert!(
        matches!(error, StoreError::Corrupt { position: 77, .. }),
        "{error:?}"
    );
    let error = decode(b"\x81\xa1a\x01", 78).unwrap_err();
    assert!(matches!(error, StoreError::Corrupt { position: 78, .. }));
}
