//! What the fuzz targets and the seed writer (`examples/write_seeds.rs`) share: the stored event
//! types a `codec_decode` input can name, and the layout of such an input (a four-byte header
//! choosing the event type, the data subject and the schema version, then the MessagePack
//! payload), so a seed written here means the same to the target.

use wifo_domain::{
    DomainEvent, contact::ContactEvent, cooperation::CooperationEvent, gathering::GatheringEvent,
    inquiry::InquiryEvent, organization::OrganizationEvent, person::PersonEvent,
    reminder::ReminderEvent, retreat::RetreatEvent, taxonomy::TaxonomyEvent, user::UserEvent,
    visit::VisitEvent,
};

/// Bytes before the payload in a `codec_decode` input.
pub const HEADER_LEN: usize = 4;

/// Every stored event type name with its stream category, in a fixed order: the first header
/// byte (modulo one more than the length; the extra value names an unknown type) picks one.
pub fn event_types() -> Vec<(&'static str, &'static str)> {
    fn of<E: DomainEvent>(
        category: &'static str,
    ) -> impl Iterator<Item = (&'static str, &'static str)> {
        E::TYPE_NAMES.iter().map(move |name| (category, *name))
    }
    of::<OrganizationEvent>("organization")
        .chain(of::<PersonEvent>("person"))
        .chain(of::<VisitEvent>("visit"))
        .chain(of::<ContactEvent>("contact"))
        .chain(of::<InquiryEvent>("inquiry"))
        .chain(of::<CooperationEvent>("cooperation"))
        .chain(of::<GatheringEvent>("gathering"))
        .chain(of::<RetreatEvent>("retreat"))
        .chain(of::<ReminderEvent>("reminder"))
        .chain(of::<TaxonomyEvent>("taxonomy"))
        .chain(of::<UserEvent>("user"))
        .collect()
}

/// Who the stored event's metadata names as data subject (header byte 1, bits 0–1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// No data subject: the payload is read as it is.
    None,
    /// A person whose key exists: a sealed `personal` field must open with it.
    WithKey,
    /// A person whose key was erased: a sealed `personal` field reads as nil.
    WithoutKey,
}

/// Which schema version the stored event claims (header byte 1, bits 2–3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// The version this wifo writes.
    Current,
    /// One before (0): lifted by the identity upcaster the target registers.
    Older,
    /// Header bytes 2–3, big-endian.
    Raw(u16),
    /// One after the current version.
    Newer,
}

/// A parsed `codec_decode` input.
#[derive(Clone, Copy, Debug)]
pub struct CodecInput<'a> {
    /// Index into [`event_types`]; `None` for an unknown type name.
    pub event_type: Option<usize>,
    pub subject: Subject,
    pub version: Version,
    pub payload: &'a [u8],
}

impl<'a> CodecInput<'a> {
    pub fn parse(data: &'a [u8], type_count: usize) -> Option<Self> {
        let (header, payload) = data.split_at_checked(HEADER_LEN)?;
        let index = usize::from(header[0]) % (type_count + 1);
        let subject = match header[1] & 0b11 {
            1 => Subject::WithKey,
            2 => Subject::WithoutKey,
            _ => Subject::None,
        };
        let version = match (header[1] >> 2) & 0b11 {
            0 => Version::Current,
            1 => Version::Older,
            2 => Version::Raw(u16::from_be_bytes([header[2], header[3]])),
            _ => Version::Newer,
        };
        Some(Self {
            event_type: (index < type_count).then_some(index),
            subject,
            version,
            payload,
        })
    }

    /// The header of an input naming `event_type` (an index into [`event_types`]), current
    /// version, no data subject.
    pub fn header(event_type: usize) -> [u8; HEADER_LEN] {
        [
            u8::try_from(event_type).expect("fewer than 256 event types"),
            0,
            0,
            0,
        ]
    }
}
