//! Unit tests of `chart`.

use super::*;

#[test]
fn a_chart_names_its_bars_and_escapes_text() {
    let svg = paired_bars(
        "c1",
        "Besuche & Kontakte",
        &["Jan", "Feb"],
        ("2026", &[3, 12]),
        ("2025", &[0, 7]),
    );
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Besuche &amp; Kontakte"));
    assert!(svg.contains("<title>Feb 2026: 12</title>"));
    assert!(svg.contains("<title>Jan 2025: 0</title>"));
    assert!(!svg.contains("style="));
}
