//! Refusing what the API does not understand. A JSON body is read into its command; the command
//! is written back to JSON, and a field of the body that is not in the result — a misspelt
//! `conducted_on`, a field of another command, a nested one — is named in a 422 problem, so a
//! client learns that something it sent was not taken. The bodies the API reads into its own
//! small structs (login, users) refuse unknown fields through serde and are named the same way.

use serde_json::Value;

use super::ApiError;

/// The first field of `sent` that `understood` (the command read from it, written back) does
/// not have, as a path (`findings.space_need`, `participants[0].name`).
fn first_unknown(sent: &Value, understood: &Value, path: &str) -> Option<String> {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    match (sent, understood) {
        (Value::Object(sent), Value::Object(understood)) => {
            sent.iter()
                .find_map(|(key, value)| match understood.get(key) {
                    None => Some(join(key)),
                    Some(kept) => first_unknown(value, kept, &join(key)),
                })
        }
        (Value::Array(sent), Value::Array(understood)) => sent
            .iter()
            .zip(understood)
            .enumerate()
            .find_map(|(index, (value, kept))| {
                first_unknown(value, kept, &format!("{path}[{index}]"))
            }),
        _ => None,
    }
}

/// Refuses `sent` when it has a field `understood` lacks.
pub(super) fn refuse_unknown_fields(sent: &Value, understood: &Value) -> Result<(), ApiError> {
    match first_unknown(sent, understood, "") {
        Some(field) => Err(ApiError::UnknownField(field)),
        None => Ok(()),
    }
}

/// Reads a JSON body into `T`: malformed JSON is a 400, a field `T` does not have a 422 naming
/// it (for types with `#[serde(deny_unknown_fields)]`).
pub(super) fn read_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|error| ApiError::BadRequest(format!("Ungültige Eingabe: {error}")))?;
    serde_json::from_value(value).map_err(|error| body_error(&error))
}

/// A serde error about an unknown field (from `#[serde(deny_unknown_fields)]`) as the 422 that
/// names it; any other error as a 400.
fn body_error(error: &serde_json::Error) -> ApiError {
    let text = error.to_string();
    match text
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    {
        Some(field) => ApiError::UnknownField(field.to_owned()),
        None => ApiError::BadRequest(format!("Ungültige Eingabe: {text}")),
    }
}

#[cfg(test)]
#[path = "strict_tests.rs"]
mod tests;
