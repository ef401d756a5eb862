//! The one error every value type's `parse` returns, with a German message naming the field.

/// Why a value was refused. Messages are German because they reach users of the web UI and the
/// CLI unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidValue {
    #[error("{field} darf nicht leer sein")]
    Empty { field: &'static str },
    #[error("{field} ist zu lang (höchstens {max} Zeichen)")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} enthält kein sichtbares Zeichen")]
    Invisible { field: &'static str },
    #[error("{field} enthält ein Steuerzeichen (z. B. aus einer kopierten Datei); bitte entfernen")]
    ControlCharacter { field: &'static str },
    #[error("{field}: „{value}“ ist ungültig, erwartet {expected}")]
    Malformed {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
}

impl InvalidValue {
    /// The German name of the field the value was meant for.
    pub fn field(&self) -> &'static str {
        match self {
            Self::Empty { field }
            | Self::TooLong { field, .. }
            | Self::Invisible { field }
            | Self::ControlCharacter { field }
            | Self::Malformed { field, .. } => field,
        }
    }

    pub(crate) fn malformed(field: &'static str, value: &str, expected: &'static str) -> Self {
        Self::Malformed {
            field,
            value: value.chars().take(80).collect(),
            expected,
        }
    }
}
