//! wifo's metadata in a KurrentDB event's metadata. The payload stays MessagePack (binary event
//! data); the metadata is a small JSON object so that KurrentDB's own tools read it:
//! `$correlationId` and `$causationId` are the server's conventional names (its
//! `$by_correlation_id` projection uses them), the rest is wifo's. Pure functions, tested
//! without a server.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{error::StoreError, types::Metadata};

/// The JSON shape of the metadata; field names are a compatibility promise like event fields.
#[derive(Debug, Serialize, Deserialize)]
struct WireMetadata {
    #[serde(rename = "$correlationId")]
    correlation_id: Uuid,
    #[serde(
        rename = "$causationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    causation_id: Option<Uuid>,
    actor: String,
    /// RFC 3339 in UTC with microseconds, the precision the embedded store keeps.
    #[serde(rename = "occurredAt")]
    occurred_at: String,
    #[serde(
        rename = "dataSubject",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    data_subject: Option<Uuid>,
    #[serde(rename = "schemaVersion")]
    schema_version: u16,
}

/// The metadata bytes stored beside an event's payload.
pub fn encode(metadata: &Metadata, schema_version: u16) -> Vec<u8> {
    let wire = WireMetadata {
        correlation_id: metadata.correlation_id,
        causation_id: metadata.causation_id,
        actor: metadata.actor.clone(),
        occurred_at: metadata
            .occurred_at
            .to_rfc3339_opts(SecondsFormat::Micros, true),
        data_subject: metadata.data_subject,
        schema_version,
    };
    // Serializing a struct of strings, numbers and uuids into a Vec cannot fail.
    serde_json::to_vec(&wire).unwrap_or_default()
}

/// The metadata and schema version of a stored event; `position` only names it in the error.
pub fn decode(bytes: &[u8], position: u64) -> Result<(Metadata, u16), StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt { position, reason };
    let wire: WireMetadata = serde_json::from_slice(bytes)
        .map_err(|error| corrupt(format!("metadata is not wifo's: {error}")))?;
    let occurred_at = DateTime::parse_from_rfc3339(&wire.occurred_at)
        .map_err(|error| corrupt(format!("occurredAt {:?}: {error}", wire.occurred_at)))?
        .with_timezone(&Utc);
    Ok((
        Metadata {
            actor: wire.actor,
            occurred_at,
            correlation_id: wire.correlation_id,
            causation_id: wire.causation_id,
            data_subject: wire.data_subject,
        },
        wire.schema_version,
    ))
}

#[cfg(test)]
mod tests {
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
}
