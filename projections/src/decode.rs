//! Decoding any stored event into the domain's `Event` union, by the category of its stream.
//! The one place that maps categories to event enums.

use wifo_domain::{
    Event,
    event::{CATEGORIES, category_of},
};
use wifo_store::{Codec, RecordedEvent, codec::CodecError};

/// Decodes a stored event of any stream.
pub fn decode_event(codec: &Codec, recorded: &RecordedEvent) -> Result<Event, CodecError> {
    Ok(match category_of(&recorded.stream) {
        "organization" => Event::Organization(codec.decode(recorded)?),
        "person" => Event::Person(codec.decode(recorded)?),
        "visit" => Event::Visit(codec.decode(recorded)?),
        "contact" => Event::Contact(codec.decode(recorded)?),
        "inquiry" => Event::Inquiry(codec.decode(recorded)?),
        "cooperation" => Event::Cooperation(codec.decode(recorded)?),
        "gathering" => Event::Gathering(codec.decode(recorded)?),
        "retreat" => Event::Retreat(codec.decode(recorded)?),
        "reminder" => Event::Reminder(codec.decode(recorded)?),
        "taxonomy" => Event::Taxonomy(codec.decode(recorded)?),
        "user" => Event::User(codec.decode(recorded)?),
        "public" => Event::Public(codec.decode(recorded)?),
        _ => return Err(CodecError::UnknownType(recorded.event_type.clone())),
    })
}

/// Every stream category `decode_event` understands (for tests that check nothing is missing).
pub fn known_categories() -> &'static [&'static str] {
    CATEGORIES
}
