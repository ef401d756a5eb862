//! Unit tests of `sectors`.

use wifo_domain::values::WzCode;

use super::*;

#[test]
fn every_sector_division_is_defined_and_below_a_defined_section() {
    for (code, _) in DIVISIONS {
        let section = WzCode::parse(code).expect("division").section();
        assert!(
            SECTIONS.iter().any(|(s, _)| *s == section.as_str()),
            "{code}: section {section} missing"
        );
    }
    for sector in SECTORS {
        assert!(
            DIVISIONS.iter().any(|(d, _)| *d == sector.division),
            "{} missing",
            sector.division
        );
        assert!(!sector.patterns.is_empty());
    }
}
