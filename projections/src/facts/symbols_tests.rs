//! Unit tests of `symbols`.

use super::*;

#[test]
fn a_text_is_stored_once_and_survives_a_round_trip() {
    let mut symbols = Symbols::default();
    let a = symbols.intern("11010101");
    let b = symbols.intern("fachkraefte");
    assert_eq!(symbols.intern("11010101"), a);
    assert_ne!(a, b);
    let bytes = rmp_serde::to_vec(&symbols).expect("encode");
    let loaded: Symbols = rmp_serde::from_slice(&bytes).expect("decode");
    assert_eq!(loaded.get(a), Some("11010101"));
    assert_eq!(loaded.find("fachkraefte"), Some(b));
    assert_eq!(loaded.get(Symbol::NONE), None);
}
