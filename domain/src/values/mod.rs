//! Value types: newtypes with a `parse` constructor, so an invalid value cannot exist and callers
//! never re-check. Serde goes through `parse` too (`try_from = "String"`), so a stored or
//! submitted value is validated the same way.

mod address;
mod code;
mod contact_data;
mod error;
mod outline;
mod region_code;
mod size_class;
mod text;
mod time_of_day;
mod user;
mod wz_code;

pub use address::{Address, PostalCode};
pub use code::Code;
pub use contact_data::{Email, Phone, Website};
pub use error::InvalidValue;
pub use outline::{Outline, Point};
pub use region_code::{RegionCode, RegionLevel};
pub use size_class::SizeClass;
pub use text::{OrganizationName, PersonName, Tag, Text, Title};
pub use time_of_day::TimeOfDay;
pub use user::{Role, UserName};
pub use wz_code::{WzCode, WzLevel};

/// Implements `Display`, `AsRef<str>`, `TryFrom<String>` (via `parse`) and `From<T> for String`
/// for a string newtype, so serde can use `try_from`/`into`.
macro_rules! string_value {
    ($name:ident) => {
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $name {
            type Error = $crate::values::InvalidValue;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}
pub(crate) use string_value;

/// Implements `schemars::JsonSchema` for a string value type: a string with the description,
/// limits and pattern given, which are those its `parse` enforces (the API's OpenAPI document
/// shows them; a client that keeps to them is not refused for the shape of the value).
macro_rules! string_schema {
    ($name:ident, $($schema:tt)+) => {
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut schema = schemars::json_schema!($($schema)+);
                schema.insert("type".into(), "string".into());
                schema
            }
        }
    };
}
pub(crate) use string_schema;
