//! The public form's own rules: references are stable and readable, and markup is refused.

use super::*;

#[test]
fn the_reference_is_stable_and_avoids_ambiguous_letters() {
    let inquiry = InquiryId::from(Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000));
    assert_eq!(Reference::of(inquiry), Reference::of(inquiry));
    // The lowest 40 bits are zero: every character is the first of the alphabet.
    assert_eq!(Reference::of(inquiry).as_str(), "WF-0000-0000");
    let other = InquiryId::from(Uuid::from_u128(31));
    assert_eq!(Reference::of(other).as_str(), "WF-Z000-0000");
    for number in 0..2_000u128 {
        let text = Reference::of(InquiryId::from(Uuid::from_u128(number * 7919))).to_string();
        assert!(!text[3..].contains(['I', 'L', 'O', 'U']), "{text}");
    }
}

#[test]
fn markup_is_refused_but_a_lone_angle_bracket_is_text() {
    for markup in [
        "<b>fett</b>",
        "Hallo <script>alert(1)</script>",
        "</a>",
        "<!-- x -->",
    ] {
        assert!(refuse_markup("Beschreibung", markup).is_err(), "{markup}");
    }
    for plain in ["Umsatz < 10.000 €", "3<4", "a > b", "Fläche <= 200 m²"] {
        assert!(refuse_markup("Beschreibung", plain).is_ok(), "{plain}");
    }
}
