//! Unit tests of `strict`.

use serde_json::json;

use super::*;

#[test]
fn a_misspelt_field_is_named_with_its_path() {
    let understood =
        json!({"visit": "v", "conducted_on": "2026-11-21", "findings": {"space_need_m2": 250}});
    let sent = json!({"conducted_on": "2026-11-21", "findings": {"space_need": 250}});
    assert!(matches!(
        refuse_unknown_fields(&sent, &understood),
        Err(ApiError::UnknownField(field)) if field == "findings.space_need"
    ));
    let sent = json!({"conducted_at": "2026-11-21"});
    assert!(matches!(
        refuse_unknown_fields(&sent, &understood),
        Err(ApiError::UnknownField(field)) if field == "conducted_at"
    ));
}

#[test]
fn fields_inside_lists_are_checked_and_known_fields_pass() {
    let understood = json!({"entries": [{"code": "a", "name": "A"}]});
    assert!(refuse_unknown_fields(&json!({"entries": [{"code": "a"}]}), &understood).is_ok());
    assert!(matches!(
        refuse_unknown_fields(&json!({"entries": [{"code": "a", "colour": "rot"}]}), &understood),
        Err(ApiError::UnknownField(field)) if field == "entries[0].colour"
    ));
}
