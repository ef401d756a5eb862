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
#[path = "metadata_tests.rs"]
mod tests;
