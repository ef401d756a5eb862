//! The event codec: domain events ⇄ stored payloads. A payload is the MessagePack of the event's
//! fields with their names (so fields can be added without breaking old events), its type name is
//! the serde variant name, and its schema version comes from `DomainEvent::schema_version`.
//!
//! Two concerns live here and nowhere else:
//! - **Personal data**: a field named `personal` in the payload of an event with a data subject
//!   is sealed with that person's key before it is stored, and opened when read; if the key was
//!   erased it reads back as nil, which the domain sees as `Erasable::Erased`.
//! - **Upcasting**: a stored event older than the current schema version is lifted one version at
//!   a time by registered upcasters before it is deserialized.

use std::collections::HashMap;
use std::sync::Arc;

use rmpv::Value;
use uuid::Uuid;
use wifo_domain::DomainEvent;

use crate::{
    keystore::{KeyStore, KeyStoreError},
    types::{EventData, Metadata, RecordedEvent},
};

/// Name of the payload field that holds personal data.
pub const PERSONAL_FIELD: &str = "personal";

/// Lifts a payload from one schema version to the next.
pub type Upcaster = fn(Value) -> Result<Value, String>;

#[derive(Debug, thiserror::Error)]
pub enum CodecError {
    #[error("event type {0} is not known to this version of wifo")]
    UnknownType(String),
    #[error("could not encode event: {0}")]
    Encode(String),
    #[error("could not decode {event_type} v{schema_version}: {reason}")]
    Decode {
        event_type: String,
        schema_version: u16,
        reason: String,
    },
    #[error("{event_type} v{stored} was written by a newer wifo (this one reads up to v{current})")]
    NewerVersion {
        event_type: String,
        stored: u16,
        current: u16,
    },
    #[error("no upcaster for {event_type} from v{from}")]
    MissingUpcaster { event_type: String, from: u16 },
    #[error("personal data of {0} does not decrypt: the stored event was changed")]
    Tampered(Uuid),
    #[error("event has personal data but no key store is configured")]
    NoKeyStore,
    #[error(transparent)]
    Keys(#[from] KeyStoreError),
}

/// Encodes and decodes events; holds the key store and the upcasters.
#[derive(Debug, Default, Clone)]
pub struct Codec {
    keys: Option<Arc<KeyStore>>,
    upcasters: HashMap<(String, u16), Upcaster>,
}

impl Codec {
    pub fn new(keys: Option<Arc<KeyStore>>) -> Self {
        Self {
            keys,
            upcasters: HashMap::new(),
        }
    }

    /// Registers how to lift `event_type` payloads from `from_version` to `from_version + 1`.
    pub fn with_upcaster(
        mut self,
        event_type: &str,
        from_version: u16,
        upcaster: Upcaster,
    ) -> Self {
        self.upcasters
            .insert((event_type.to_owned(), from_version), upcaster);
        self
    }

    pub fn keys(&self) -> Option<&Arc<KeyStore>> {
        self.keys.as_ref()
    }

    /// Turns a domain event into an event to append. Personal data is sealed here.
    pub fn encode<E: DomainEvent>(
        &self,
        event: &E,
        id: Uuid,
        mut metadata: Metadata,
    ) -> Result<EventData, CodecError> {
        let bytes = rmp_serde::to_vec_named(event)
            .map_err(|error| CodecError::Encode(error.to_string()))?;
        let (event_type, payload) = split_tagged(&bytes).map_err(CodecError::Encode)?;
        let event_type = event_type.to_owned();
        let mut payload = payload.to_vec();
        metadata.data_subject = event.data_subject();
        if let Some(subject) = metadata.data_subject {
            payload = self.seal_personal(subject, &payload)?;
        }
        Ok(EventData {
            id,
            schema_version: E::schema_version(&event_type),
            event_type,
            payload,
            metadata,
        })
    }

    /// Turns a stored event back into a domain event of stream type `E`.
    pub fn decode<E: DomainEvent>(&self, event: &RecordedEvent) -> Result<E, CodecError> {
        if !E::TYPE_NAMES.contains(&event.event_type.as_str()) {
            return Err(CodecError::UnknownType(event.event_type.clone()));
        }
        let current = E::schema_version(&event.event_type);
        if event.schema_version > current {
            // Reading it as the current shape could drop or misread what the newer one added.
            return Err(CodecError::NewerVersion {
                event_type: event.event_type.clone(),
                stored: event.schema_version,
                current,
            });
        }
        let decode_error = |reason: String| CodecError::Decode {
            event_type: event.event_type.clone(),
            schema_version: event.schema_version,
            reason,
        };
        let needs_value = event.metadata.data_subject.is_some() || event.schema_version < current;
        let lifted;
        let payload: &[u8] = if needs_value {
            let mut value = self.open_value(event)?;
            for version in event.schema_version..current {
                let upcaster = self
                    .upcasters
                    .get(&(event.event_type.clone(), version))
                    .ok_or_else(|| CodecError::MissingUpcaster {
                        event_type: event.event_type.clone(),
                        from: version,
                    })?;
                value = upcaster(value).map_err(decode_error)?;
            }
            lifted = write_value(&value).map_err(decode_error)?;
            &lifted
        } else {
            &event.payload
        };
        let mut tagged = Vec::with_capacity(payload.len() + event.event_type.len() + 8);
        rmp::encode::write_map_len(&mut tagged, 1)
            .map_err(|error| decode_error(error.to_string()))?;
        rmp::encode::write_str(&mut tagged, &event.event_type)
            .map_err(|error| decode_error(error.to_string()))?;
        tagged.extend_from_slice(payload);
        rmp_serde::from_slice(&tagged).map_err(|error| decode_error(error.to_string()))
    }

    /// The payload as a generic MessagePack value with personal data opened where the key still
    /// exists (nil where it was erased). For tools that show any event without knowing its type.
    pub fn open_value(&self, event: &RecordedEvent) -> Result<Value, CodecError> {
        let decode_error = |reason: String| CodecError::Decode {
            event_type: event.event_type.clone(),
            schema_version: event.schema_version,
            reason,
        };
        let mut value = rmpv::decode::read_value(&mut event.payload.as_slice())
            .map_err(|error| decode_error(error.to_string()))?;
        let Some(subject) = event.metadata.data_subject else {
            return Ok(value);
        };
        let Some(field) = personal_field(&mut value) else {
            return Ok(value);
        };
        let Value::Binary(sealed) = field else {
            return Ok(value);
        };
        let key = match &self.keys {
            Some(keys) => keys.key(subject)?,
            None => None,
        };
        *field = match key {
            None => Value::Nil,
            Some(key) => {
                let plain = key
                    .open(subject, sealed)
                    .ok_or(CodecError::Tampered(subject))?;
                rmpv::decode::read_value(&mut plain.as_slice())
                    .map_err(|error| decode_error(error.to_string()))?
            }
        };
        Ok(value)
    }

    fn seal_personal(&self, subject: Uuid, payload: &[u8]) -> Result<Vec<u8>, CodecError> {
        let mut value = rmpv::decode::read_value(&mut &payload[..])
            .map_err(|error| CodecError::Encode(error.to_string()))?;
        let Some(field) = personal_field(&mut value) else {
            return Ok(payload.to_vec());
        };
        if matches!(field, Value::Nil) {
            return Ok(payload.to_vec());
        }
        let keys = self.keys.as_ref().ok_or(CodecError::NoKeyStore)?;
        let key = keys.key_or_create(subject)?;
        let plain = write_value(field).map_err(CodecError::Encode)?;
        *field = Value::Binary(key.seal(subject, &plain)?);
        write_value(&value).map_err(CodecError::Encode)
    }
}

fn personal_field(value: &mut Value) -> Option<&mut Value> {
    let Value::Map(entries) = value else {
        return None;
    };
    entries
        .iter_mut()
        .find(|(key, _)| key.as_str() == Some(PERSONAL_FIELD))
        .map(|(_, field)| field)
}

fn write_value(value: &Value) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    rmpv::encode::write_value(&mut bytes, value).map_err(|error| error.to_string())?;
    Ok(bytes)
}

/// Splits rmp-serde's externally tagged enum (`{variant: fields}`) into the variant name and the
/// encoded fields.
fn split_tagged(bytes: &[u8]) -> Result<(&str, &[u8]), String> {
    let mut rest = bytes;
    let entries = rmp::decode::read_map_len(&mut rest).map_err(|error| error.to_string())?;
    if entries != 1 {
        return Err("an event must be an enum with struct variants".into());
    }
    let length = rmp::decode::read_str_len(&mut rest).map_err(|error| error.to_string())? as usize;
    if rest.len() < length {
        return Err("truncated type name".into());
    }
    let (name, payload) = rest.split_at(length);
    let name = std::str::from_utf8(name).map_err(|error| error.to_string())?;
    Ok((name, payload))
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
