//! Outlines: what a map may draw and what is refused.

use super::*;

fn square(lon: f64, lat: f64) -> Vec<Vec<[f64; 2]>> {
    vec![vec![
        [lon, lat],
        [lon + 0.01, lat],
        [lon + 0.01, lat + 0.01],
        [lon, lat + 0.01],
        [lon, lat],
    ]]
}

#[test]
fn degrees_become_millionths_of_a_degree() {
    let outline = Outline::from_degrees(&[square(13.4, 52.55)]).expect("valid");
    assert_eq!(outline.polygons()[0][0][0], [13_400_000, 52_550_000]);
    assert_eq!(outline.polygons()[0][0][2], [13_410_000, 52_560_000]);
    assert_eq!(outline.points(), 5);
}

#[test]
fn islands_are_kept_as_polygons_of_their_own() {
    let outline = Outline::from_degrees(&[square(13.4, 52.55), square(13.5, 52.6)]).expect("valid");
    assert_eq!(outline.polygons().len(), 2);
    assert_eq!(outline.points(), 10);
}

#[test]
fn open_short_empty_and_off_globe_rings_are_refused() {
    let mut open = square(13.4, 52.55);
    open[0].pop();
    open[0].push([13.3, 52.5]);
    let error = Outline::from_degrees(&[open]).expect_err("refused");
    assert!(
        error.to_string().contains("letzter Punkt der erste"),
        "{error}"
    );

    let short = vec![vec![[13.4, 52.5], [13.5, 52.5], [13.4, 52.5]]];
    let error = Outline::from_degrees(&[short]).expect_err("refused");
    assert!(error.to_string().contains("mindestens 4 Punkte"), "{error}");

    assert_eq!(
        Outline::from_degrees(&[]).expect_err("refused"),
        InvalidValue::Empty { field: "Umriss" }
    );

    let error = Outline::from_degrees(&[square(213.4, 52.5)]).expect_err("refused");
    assert!(error.to_string().contains("WGS84"), "{error}");
    let error = Outline::from_degrees(&[square(f64::NAN, 52.5)]).expect_err("refused");
    assert!(error.to_string().contains("WGS84"), "{error}");
}

#[test]
fn an_outline_with_more_points_than_a_map_needs_is_refused() {
    let mut ring: Vec<[f64; 2]> = (0..Outline::MAX_POINTS)
        .map(|i| [13.0 + i as f64 * 1e-5, 52.5])
        .collect();
    ring.push(ring[0]);
    let error = Outline::from_degrees(&[vec![ring]]).expect_err("refused");
    assert!(
        matches!(error, InvalidValue::TooLong { max: 20_000, .. }),
        "{error}"
    );
}

#[test]
fn a_stored_outline_is_checked_again_when_read() {
    let json = "[[[[1,1],[2,1],[2,2],[1,1]]]]";
    let outline: Outline = serde_json::from_str(json).expect("valid");
    assert_eq!(outline.points(), 4);
    let open = "[[[[1,1],[2,1],[2,2],[1,2]]]]";
    assert!(serde_json::from_str::<Outline>(open).is_err());
}
