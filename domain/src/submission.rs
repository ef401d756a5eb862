//! An inquiry sent through the public form (`/anfrage`): who sent it (personal data, encrypted
//! with the sender's own key and erasable like a person's), how they found the office, the
//! reference number the sender is shown, and the checks the form's text must pass (no HTML).
//! The inquiry itself is an ordinary `InquiryReceived` with channel „Online-Formular“.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    ids::InquiryId,
    values::{Email, InvalidValue, OrganizationName, PersonName, Phone, PostalCode, Title},
};

/// How the sender found the office, as the form asks it.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FoundVia {
    OrderOfficeBrochure,
    CitizensOffice,
    Chamber,
    Website,
    Flyer,
    Event,
    Other,
}

impl FoundVia {
    pub const ALL: [FoundVia; 7] = [
        FoundVia::OrderOfficeBrochure,
        FoundVia::CitizensOffice,
        FoundVia::Chamber,
        FoundVia::Website,
        FoundVia::Flyer,
        FoundVia::Event,
        FoundVia::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FoundVia::OrderOfficeBrochure => "Broschüre vom Ordnungsamt",
            FoundVia::CitizensOffice => "Bürgerbüro",
            FoundVia::Chamber => "Kammer (IHK, HWK)",
            FoundVia::Website => "Website",
            FoundVia::Flyer => "Flyer",
            FoundVia::Event => "Veranstaltung",
            FoundVia::Other => "anders",
        }
    }
}

/// What the form asks about the sender. For a small business the business name often is the
/// owner's name, so all of it is treated as personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SenderData {
    pub business: OrganizationName,
    pub contact_person: PersonName,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// Straße und Hausnummer, wenn angegeben.
    pub street: Option<Title>,
}

/// The reference number the sender is shown: `WF-` and eight characters of Crockford base 32,
/// taken from the random bits of the inquiry's id, so it needs no counter and is stable.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reference(String);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl Reference {
    pub fn of(inquiry: InquiryId) -> Self {
        let bits = inquiry.as_uuid().as_u128() as u64;
        let text: String = (0..8)
            .map(|index| CROCKFORD[((bits >> (index * 5)) & 31) as usize] as char)
            .collect();
        Self(format!("WF-{}-{}", &text[..4], &text[4..]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Reference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the form adds to an inquiry besides its topic and description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Submission {
    pub reference: Reference,
    pub found_via: FoundVia,
    /// Postleitzahl des Betriebs, für die Auswertung nach Gebiet.
    pub postal_code: PostalCode,
    /// The key that encrypts the sender's data; erasing it erases the sender.
    pub sender: Uuid,
    /// The version of the data-protection notice the sender agreed to (its first line).
    pub consent_notice: Title,
}

/// Refuses text that looks like HTML markup (`<b>`, `</a>`, `<script`, `<!--`): the form stores
/// plain text only, and refusing says so instead of silently stripping.
pub fn refuse_markup(field: &'static str, text: &str) -> Result<(), InvalidValue> {
    let markup = text.char_indices().any(|(index, c)| {
        c == '<'
            && text[index + 1..]
                .chars()
                .next()
                .is_some_and(|next| next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?'))
    });
    if markup {
        return Err(InvalidValue::malformed(
            field,
            text,
            "Text ohne HTML (keine Zeichen wie <b> oder <script>)",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "submission_tests.rs"]
mod tests;
