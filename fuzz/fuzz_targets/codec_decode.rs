//! Fuzz target `codec_decode`: arbitrary bytes as a stored event → `wifo_store::Codec::decode`
//! into the event enum of the type's stream, as the projections, the command handler and the
//! history read every stored event. The input is the header of `wifo_fuzz::CodecInput` (event
//! type, data subject, schema version) and the MessagePack payload. Decoding must never panic;
//! an event that decodes must encode again (personal data sealed with the person's key) and
//! decode to the same value.

#![no_main]

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use libfuzzer_sys::fuzz_target;
use uuid::Uuid;
use wifo_domain::{
    DomainEvent, contact::ContactEvent, cooperation::CooperationEvent, gathering::GatheringEvent,
    inquiry::InquiryEvent, organization::OrganizationEvent, person::PersonEvent,
    reminder::ReminderEvent, retreat::RetreatEvent, taxonomy::TaxonomyEvent, user::UserEvent,
    visit::VisitEvent,
};
use wifo_fuzz::{CodecInput, Subject, Version, event_types};
use wifo_store::{Codec, KeyStore, Metadata, Position, RecordedEvent};

/// A person whose key is in the key store.
const SUBJECT_WITH_KEY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
/// A person whose key is not (erased).
const SUBJECT_WITHOUT_KEY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002);

struct Setup {
    codec: Codec,
    types: Vec<(&'static str, &'static str)>,
}

/// The codec with a key store in a directory of this process (on tmpfs where there is one, as
/// the round trip creates a key for every person it sees) and an identity upcaster from
/// version 0 for every type, so older versions reach the upcasting path.
fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            std::path::PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base
            .join("wifo-fuzz-keys")
            .join(std::process::id().to_string());
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("key store directory");
        let keys = KeyStore::open(&dir).expect("key store opens");
        keys.key_or_create(SUBJECT_WITH_KEY).expect("key created");
        let types = event_types();
        let mut codec = Codec::new(Some(Arc::new(keys)));
        for (_, name) in &types {
            codec = codec.with_upcaster(name, 0, Ok);
        }
        Setup { codec, types }
    })
}

fn occurred_at() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).expect("valid timestamp")
}

fuzz_target!(|data: &[u8]| {
    let setup = setup();
    let Some(input) = CodecInput::parse(data, setup.types.len()) else {
        return;
    };
    let (category, event_type) = match input.event_type {
        Some(index) => setup.types[index],
        None => ("organization", "NoSuchEvent"),
    };
    let data_subject = match input.subject {
        Subject::None => None,
        Subject::WithKey => Some(SUBJECT_WITH_KEY),
        Subject::WithoutKey => Some(SUBJECT_WITHOUT_KEY),
    };
    let recorded = RecordedEvent {
        position: Position(1),
        stream: format!("{category}-0190"),
        revision: 0,
        id: Uuid::nil(),
        event_type: event_type.to_owned(),
        schema_version: 0,
        payload: input.payload.to_vec(),
        metadata: Metadata {
            actor: "fuzz".into(),
            occurred_at: occurred_at(),
            correlation_id: Uuid::nil(),
            causation_id: None,
            data_subject,
        },
        recorded_at: occurred_at(),
    };
    match category {
        "organization" => check::<OrganizationEvent>(&setup.codec, recorded, input.version),
        "person" => check::<PersonEvent>(&setup.codec, recorded, input.version),
        "visit" => check::<VisitEvent>(&setup.codec, recorded, input.version),
        "contact" => check::<ContactEvent>(&setup.codec, recorded, input.version),
        "inquiry" => check::<InquiryEvent>(&setup.codec, recorded, input.version),
        "cooperation" => check::<CooperationEvent>(&setup.codec, recorded, input.version),
        "gathering" => check::<GatheringEvent>(&setup.codec, recorded, input.version),
        "retreat" => check::<RetreatEvent>(&setup.codec, recorded, input.version),
        "reminder" => check::<ReminderEvent>(&setup.codec, recorded, input.version),
        "taxonomy" => check::<TaxonomyEvent>(&setup.codec, recorded, input.version),
        "user" => check::<UserEvent>(&setup.codec, recorded, input.version),
        other => unreachable!("category {other} has no event type"),
    }
});

fn check<E: DomainEvent>(codec: &Codec, mut recorded: RecordedEvent, version: Version) {
    let current = E::schema_version(&recorded.event_type);
    recorded.schema_version = match version {
        Version::Current => current,
        Version::Older => current.saturating_sub(1),
        Version::Raw(raw) => raw,
        Version::Newer => current.saturating_add(1),
    };
    // Personal data must also open via the generic path the event tools use.
    let _ = codec.open_value(&recorded);
    let Ok(event) = codec.decode::<E>(&recorded) else {
        return;
    };
    // Encoding creates the person's key; the person without a key must stay without one.
    if event.data_subject() == Some(SUBJECT_WITHOUT_KEY) {
        return;
    }
    let encoded = codec
        .encode(&event, recorded.id, recorded.metadata.clone())
        .unwrap_or_else(|error| {
            panic!("a decoded event does not encode again: {error}\n{event:?}")
        });
    let again = RecordedEvent {
        event_type: encoded.event_type,
        schema_version: encoded.schema_version,
        payload: encoded.payload,
        metadata: encoded.metadata,
        ..recorded
    };
    let decoded = codec
        .decode::<E>(&again)
        .unwrap_or_else(|error| panic!("an encoded event does not decode: {error}\n{event:?}"));
    assert_eq!(
        decoded, event,
        "the event changed in an encode/decode round trip"
    );
}
