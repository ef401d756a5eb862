//! Unit tests of `region_code`.

use super::*;

#[test]
fn a_planungsraum_code_carries_all_its_ancestors() {
    let plr = RegionCode::parse("01100101").expect("valid");
    assert_eq!(plr.level(), RegionLevel::Planungsraum);
    assert_eq!(plr.parent().map(String::from).as_deref(), Some("011001"));
    let bezirk = plr.at_level(RegionLevel::Bezirk).expect("above");
    assert_eq!(bezirk.as_str(), "01");
    assert!(plr.is_within(&bezirk));
    assert_eq!(bezirk.parent(), None);
}

#[test]
fn codes_keep_leading_zeros_and_odd_lengths_are_refused() {
    assert_eq!(RegionCode::parse("03").expect("valid").as_str(), "03");
    for bad in ["3601142", "1", "0110a1", ""] {
        assert!(RegionCode::parse(bad).is_err(), "{bad} must be refused");
    }
}
