//! The GeoJSON importer against the real Prognoseraum file and against broken features.

use super::*;

const SOURCE: &str = "Amt für Statistik Berlin-Brandenburg";

fn reference_file() -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/berlin-lor-2021-prognoseraeume.geojson");
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn pankow() -> BTreeSet<String> {
    ["0310", "0320", "0330", "0340", "0350", "0360", "0370"]
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn the_berlin_file_gives_pankows_seven_outlines_and_names_the_other_fifty_one() {
    let plan = outlines(&reference_file(), &pankow(), SOURCE).expect("valid");
    assert!(plan.errors.is_empty(), "{:?}", plan.errors);
    let codes: Vec<&str> = plan
        .command
        .outlines
        .iter()
        .map(|outline| outline.code.as_str())
        .collect();
    assert_eq!(codes.len(), 7);
    for code in pankow() {
        assert!(codes.contains(&code.as_str()), "{code} missing");
    }
    assert_eq!(plan.outside.len(), 58 - 7);
    assert!(
        plan.outside.iter().any(|(code, _)| code == "0930"),
        "{:?}",
        plan.outside
    );
    assert!(plan.outside.iter().all(|(_, name)| !name.is_empty()));
    assert_eq!(plan.command.source, SOURCE);
    // Every point of Pankow lies in Berlin's box (13.0–13.8 °E, 52.3–52.7 °N).
    for outline in &plan.command.outlines {
        for [lon, lat] in outline.outline.polygons().iter().flatten().flatten() {
            assert!((13_000_000..13_800_000).contains(lon), "{lon}");
            assert!((52_300_000..52_700_000).contains(lat), "{lat}");
        }
    }
}

#[test]
fn broken_features_are_errors_with_their_number_and_good_ones_stay_planned() {
    let file = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"0310","name":"Buch"},"geometry":{"type":"Polygon","coordinates":[[[13.4,52.6],[13.5,52.6],[13.5,52.7],[13.4,52.6]]]}},
      {"type":"Feature","properties":{"id":310,"name":"Zahl"},"geometry":{"type":"Polygon","coordinates":[[[13.4,52.6],[13.5,52.6],[13.5,52.7],[13.4,52.6]]]}},
      {"type":"Feature","properties":{"name":"ohne"},"geometry":{"type":"Polygon","coordinates":[[[13.4,52.6],[13.5,52.6],[13.5,52.7],[13.4,52.6]]]}},
      {"type":"Feature","properties":{"id":"0320"},"geometry":{"type":"Point","coordinates":[13.4,52.6]}},
      {"type":"Feature","properties":{"id":"0330"},"geometry":{"type":"Polygon","coordinates":[[[13.4,52.6],[13.5,52.6],[13.5,52.7],[13.4,52.7]]]}},
      {"type":"Feature","properties":{"id":"0310"},"geometry":{"type":"Polygon","coordinates":[[[13.4,52.6],[13.5,52.6],[13.5,52.7],[13.4,52.6]]]}},
      {"type":"Feature","properties":{"id":"031"},"geometry":null}
    ]}"#;
    let plan = outlines(file.as_bytes(), &pankow(), SOURCE).expect("valid");
    assert_eq!(plan.command.outlines.len(), 1);
    let numbers: Vec<usize> = plan.errors.iter().map(|error| error.feature).collect();
    assert_eq!(numbers, vec![2, 3, 4, 5, 6, 7]);
    let messages: Vec<String> = plan.errors.iter().map(ToString::to_string).collect();
    assert!(messages[0].contains("führender Null"), "{}", messages[0]);
    assert!(messages[1].contains("„id“"), "{}", messages[1]);
    assert!(messages[2].contains("keine Fläche"), "{}", messages[2]);
    assert!(
        messages[3].contains("letzter Punkt der erste"),
        "{}",
        messages[3]
    );
    assert!(messages[4].contains("mehrfach"), "{}", messages[4]);
    assert!(messages[5].starts_with("Umriss 7:"), "{}", messages[5]);
}

#[test]
fn a_file_that_is_not_geojson_is_refused_as_a_whole() {
    let error = outlines(b"Planungsraum;Name\n", &pankow(), SOURCE).expect_err("refused");
    assert!(error.to_string().contains("kein GeoJSON"), "{error}");
    let error = outlines(&[0xff, 0xfe, 0x00], &pankow(), SOURCE).expect_err("refused");
    assert!(error.to_string().contains("UTF-8"), "{error}");
}
