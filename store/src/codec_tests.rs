//! Unit tests of `codec`.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use wifo_domain::DomainEvent;

use super::*;
use crate::types::Position;

/// A stream whose `NoteTaken` event went from `{text}` (v1) to `{text, pinned}` (v2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum NoteEvent {
    #[serde(rename = "NoteTaken")]
    Taken { text: String, pinned: bool },
}

impl DomainEvent for NoteEvent {
    const TYPE_NAMES: &'static [&'static str] = &["NoteTaken"];
    fn schema_version(_: &str) -> u16 {
        2
    }
}

fn recorded(payload: Vec<u8>, schema_version: u16, event_type: &str) -> RecordedEvent {
    RecordedEvent {
        position: Position(1),
        stream: "note-1".into(),
        revision: 0,
        id: Uuid::nil(),
        event_type: event_type.into(),
        schema_version,
        payload,
        metadata: Metadata {
            actor: "test".into(),
            occurred_at: Utc::now(),
            correlation_id: Uuid::nil(),
            causation_id: None,
            data_subject: None,
        },
        recorded_at: Utc::now(),
    }
}

fn v1_payload() -> Vec<u8> {
    let value = Value::Map(vec![(Value::from("text"), Value::from("Rückruf Bauamt"))]);
    write_value(&value).expect("encodes")
}

#[test]
fn an_old_event_is_lifted_by_its_upcaster_before_decoding() {
    let codec = Codec::default().with_upcaster("NoteTaken", 1, |value| {
        let Value::Map(mut fields) = value else {
            return Err("not a map".into());
        };
        fields.push((Value::from("pinned"), Value::from(false)));
        Ok(Value::Map(fields))
    });
    let event: NoteEvent = codec
        .decode(&recorded(v1_payload(), 1, "NoteTaken"))
        .expect("lifted");
    assert_eq!(
        event,
        NoteEvent::Taken {
            text: "Rückruf Bauamt".into(),
            pinned: false
        }
    );
}

#[test]
fn an_old_event_without_upcaster_and_an_unknown_type_are_errors() {
    let codec = Codec::default();
    assert!(matches!(
        codec.decode::<NoteEvent>(&recorded(v1_payload(), 1, "NoteTaken")),
        Err(CodecError::MissingUpcaster { from: 1, .. })
    ));
    assert!(matches!(
        codec.decode::<NoteEvent>(&recorded(v1_payload(), 2, "NoteDeleted")),
        Err(CodecError::UnknownType(_))
    ));
}

#[test]
fn an_event_of_a_newer_schema_version_is_refused_not_read_as_the_current_one() {
    let codec = Codec::default();
    let payload = write_value(&Value::Map(vec![
        (Value::from("text"), Value::from("Rückruf Bauamt")),
        (Value::from("pinned"), Value::from(true)),
    ]))
    .expect("encodes");
    assert!(
        codec
            .decode::<NoteEvent>(&recorded(payload.clone(), 2, "NoteTaken"))
            .is_ok()
    );
    assert!(matches!(
        codec.decode::<NoteEvent>(&recorded(payload, 3, "NoteTaken")),
        Err(CodecError::NewerVersion {
            stored: 3,
            current: 2,
            ..
        })
    ));
}

#[test]
fn the_payload_holds_named_fields_and_the_type_name_is_the_variant_name() {
    let codec = Codec::default();
    let data = codec
        .encode(
            &NoteEvent::Taken {
                text: "Hallo".into(),
                pinned: true,
            },
            Uuid::nil(),
            recorded(vec![], 2, "NoteTaken").metadata,
        )
        .expect("encodes");
    assert_eq!(data.event_type, "NoteTaken");
    assert_eq!(data.schema_version, 2);
    let value = rmpv::decode::read_value(&mut data.payload.as_slice()).expect("msgpack");
    let names: Vec<&str> = value
        .as_map()
        .expect("a map")
        .iter()
        .filter_map(|(key, _)| key.as_str())
        .collect();
    assert_eq!(names, vec!["text", "pinned"]);
}
