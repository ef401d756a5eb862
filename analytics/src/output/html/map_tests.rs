//! The choropleth: classes, colours by value, regions without outline or value.

use std::collections::BTreeMap;

use wifo_domain::{taxonomy::DrawnOutline, values::Outline};

use super::*;

fn square(lon: i32) -> DrawnOutline {
    let lat = 52_500_000;
    DrawnOutline {
        outline: Outline::parse(vec![vec![vec![
            [lon, lat],
            [lon + 10_000, lat],
            [lon + 10_000, lat + 10_000],
            [lon, lat + 10_000],
            [lon, lat],
        ]]])
        .expect("valid"),
        source: "Amt für Statistik Berlin-Brandenburg".to_owned(),
    }
}

fn area(code: &str, value: Option<f64>) -> Area {
    Area {
        code: code.to_owned(),
        name: format!("Region {code}"),
        value,
        value_text: value.map_or("keine Angabe".to_owned(), |v| format!("{v} %")),
    }
}

#[test]
fn classes_are_five_round_steps_up_to_the_largest_value() {
    let limits: Vec<f64> = classes(100.0, " %")
        .iter()
        .map(|(limit, _)| *limit)
        .collect();
    assert_eq!(limits, vec![20.0, 40.0, 60.0, 80.0, 100.0]);
    let labels: Vec<String> = classes(100.0, " %").into_iter().map(|(_, l)| l).collect();
    assert_eq!(labels[0], "0 bis unter 20 %");
    assert_eq!(labels[4], "ab 80 %");
    let limits: Vec<f64> = classes(17.0, "").iter().map(|(limit, _)| *limit).collect();
    assert_eq!(limits, vec![5.0, 10.0, 15.0, 20.0, 25.0]);
    let limits: Vec<f64> = classes(0.0, "").iter().map(|(limit, _)| *limit).collect();
    assert_eq!(limits, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
    let limits: Vec<f64> = classes(1_100.0, "")
        .iter()
        .map(|(limit, _)| *limit)
        .collect();
    assert_eq!(limits, vec![250.0, 500.0, 750.0, 1_000.0, 1_250.0]);
}

#[test]
fn each_region_is_filled_by_its_class_and_links_to_its_portrait() {
    let outlines = BTreeMap::from([
        ("0310".to_owned(), square(13_400_000)),
        ("0320".to_owned(), square(13_410_000)),
        ("0330".to_owned(), square(13_420_000)),
    ]);
    let areas = [
        area("0310", Some(5.0)),
        area("0320", Some(100.0)),
        area("0330", None),
        area("0340", Some(50.0)),
    ];
    let map = choropleth(
        "karte",
        "Abdeckung",
        &areas,
        &outlines,
        &classes(100.0, " %"),
    )
    .expect("valid");
    assert_eq!(map.svg.matches("<path").count(), 3, "0340 has no outline");
    assert!(map.svg.contains(r##"data-region="0310""##));
    assert!(!map.svg.contains("<a "), "no links inside the image");
    let fill_of = |code: &str| {
        let at = map
            .svg
            .find(&format!("data-region=\"{code}\""))
            .expect("valid");
        let path = map.svg[..at].rfind("<path").expect("valid");
        let rest = &map.svg[path..];
        let start = rest.find("fill=\"").expect("valid") + 6;
        rest[start..start + 7].to_owned()
    };
    assert_eq!(fill_of("0310"), "#eff3ff");
    assert_eq!(fill_of("0320"), "#08519c");
    assert_eq!(fill_of("0330"), "#d9d9d9");
    assert!(map.svg.contains("<title>Region 0320: 100 %</title>"));
    assert_eq!(map.legend.len(), 6, "five classes and „keine Angabe“");
    assert_eq!(map.source, "Amt für Statistik Berlin-Brandenburg");
}

#[test]
fn without_any_outline_there_is_no_map() {
    let areas = [area("0310", Some(5.0))];
    assert!(choropleth("k", "t", &areas, &BTreeMap::new(), &classes(5.0, "")).is_none());
}
