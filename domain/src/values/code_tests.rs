//! Unit tests of `code`.

use super::*;

#[test]
fn slugs_are_accepted_and_labels_refused() {
    assert!(Code::parse("foerderung.zuschuesse").is_ok());
    assert!(Code::parse("ordnungsamt").is_ok());
    for bad in ["Förderung", "a..b", "", "mit leerzeichen", ".x"] {
        assert!(Code::parse(bad).is_err(), "{bad} must be refused");
    }
}
