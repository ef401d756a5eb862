//! Personal data and its erasure. Fields about a natural person travel in one `personal` field of
//! an event; the store encrypts exactly that field with the person's key. Once the key is deleted
//! (DSGVO Art. 17) the field reads back as [`Erasable::Erased`], everywhere, while the rest of the
//! event — that a person existed, was linked to an organization, gave consent — stays history.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::values::{Email, PersonName, Phone, Text};

/// A value that is either known or was erased. Serialized as the value itself, or nil once erased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Erasable<T> {
    Known(T),
    Erased,
}

impl<T> Erasable<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Erasable::Known(value) => Some(value),
            Erasable::Erased => None,
        }
    }

    pub fn is_erased(&self) -> bool {
        matches!(self, Erasable::Erased)
    }
}

impl<T: Serialize> Serialize for Erasable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Erasable::Known(value) => serializer.serialize_some(value),
            Erasable::Erased => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Erasable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Erasable::Known(value),
            None => Erasable::Erased,
        })
    }
}

/// In a schema: the value, or `null` once erased.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Erasable<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Erasable_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Option::<T>::json_schema(generator)
    }
}

/// What wifo keeps about a person that identifies them: always encrypted at rest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PersonalData {
    pub name: PersonName,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    /// Free text about the person.
    pub notes: Text,
}

/// The label views show for erased personal data.
pub const ERASED_LABEL: &str = "gelöscht";
