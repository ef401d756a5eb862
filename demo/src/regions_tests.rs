//! Tests of the LOR loader: against the real reference file (counted independently with plain
//! string splitting), against a small file with the real file's quirks, and of the built-in set.

use std::collections::BTreeSet;

use wifo_domain::{
    Decider,
    taxonomy::{DefineEntries, Taxonomy, TaxonomyCommand, TaxonomyKind},
};

use super::*;

/// Counts rows, distinct Bezirksregionen and Prognoseräume of a Bezirk without the csv crate.
fn count_independently(text: &str, bezirk: &str) -> (usize, usize, usize) {
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|line| line.split(',').collect::<Vec<_>>())
        .filter(|fields| fields.get(1).is_some_and(|code| code.starts_with(bezirk)))
        .collect();
    let distinct = |column: usize| {
        rows.iter()
            .filter_map(|fields| fields.get(column).copied())
            .collect::<BTreeSet<_>>()
            .len()
    };
    (rows.len(), distinct(3), distinct(5))
}

#[test]
fn pankow_from_the_real_file_has_60_planungsraeume_16_bezirksregionen_7_prognoseraeume() {
    let Some(path) = find_reference_file(LOR_FILE) else {
        eprintln!("{LOR_FILE} nicht gefunden, Test übersprungen");
        return;
    };
    let set = load_lor(&path, PANKOW).expect("the reference file loads");
    let text = std::fs::read_to_string(&path).expect("readable");
    let (plr, bzr, pgr) = count_independently(&text, PANKOW);
    assert_eq!(set.planungsraeume.len(), plr);
    assert_eq!(set.bezirksregionen.len(), bzr);
    assert_eq!(set.prognoseraeume.len(), pgr);
    assert_eq!((plr, bzr, pgr), (60, 16, 7));
    assert_eq!(set.bezirk.name, "Pankow");
    assert!(
        set.planungsraeume
            .iter()
            .all(|region| region.code.as_str().starts_with("03") && region.code.as_str().len() == 8)
    );
    // Lichtenberg, to see the filter is by code and not by position in the file.
    let lichtenberg = load_lor(&path, "11").expect("Lichtenberg loads");
    assert_eq!(lichtenberg.planungsraeume.len(), 41);
}

#[test]
fn quirks_of_the_file_are_handled_bom_leading_zeros_double_blanks_leading_blank() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lor.csv");
    let text = "\u{feff}techn. Schlüssel (UUID),Planungsraum (Nummer),Planungsraum (Name),\
        Bezirksregion (Nummer),Bezirksregion (Name),Prognoseraum (Nummer),Prognoseraum (Name),\
        Bezirk,Fläche in qm,Stand der Daten\r\n\
        A,01100101,Stülerstraße,011001,Tiergarten Süd,0110,Zentrum,Mitte,1.0, 01.01.2021\r\n\
        B,03400721,Florakiez,034007,Pankow  Zentrum,0340,Südliches Pankow,Pankow,2.0, 01.12.2021\r\n\
        C,03400722,Parkstraße,034007,Pankow Zentrum,0340,Südliches Pankow,Pankow,3.0, 01.01.2021\r\n";
    std::fs::write(&path, text).expect("write");
    let set = load_lor(&path, PANKOW).expect("loads");
    assert_eq!(set.bezirk.code.as_str(), "03");
    assert_eq!(set.prognoseraeume.len(), 1);
    assert_eq!(set.bezirksregionen[0].name, "Pankow Zentrum");
    let codes: Vec<&str> = set.planungsraeume.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["03400721", "03400722"]);
    let mitte = load_lor(&path, "01").expect("loads");
    assert_eq!(mitte.planungsraeume[0].code.as_str(), "01100101");
}

#[test]
fn a_broken_row_is_reported_with_its_line_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lor.csv");
    let text = "Planungsraum (Nummer),Planungsraum (Name),Bezirksregion (Nummer),\
        Bezirksregion (Name),Prognoseraum (Nummer),Prognoseraum (Name),Bezirk\n\
        03400721,Florakiez,034007,Pankow Zentrum,0340,Südliches Pankow,Pankow\n\
        3400722,Parkstraße,034007,Pankow Zentrum,0340,Südliches Pankow,Pankow\n";
    std::fs::write(&path, text).expect("write");
    let error = load_lor(&path, PANKOW).expect_err("leading zero lost");
    assert!(matches!(error, RegionError::Row { line: 3, .. }), "{error}");
    let mismatched = text.replace("3400722,Parkstraße,034007", "03400722,Parkstraße,034008");
    std::fs::write(&path, mismatched).expect("write");
    assert!(matches!(
        load_lor(&path, PANKOW),
        Err(RegionError::Row { line: 3, .. })
    ));
}

#[test]
fn the_built_in_excerpt_is_a_consistent_hierarchy_the_taxonomy_accepts() {
    let set = builtin_pankow();
    assert_eq!(set.prognoseraeume.len(), 7);
    assert_eq!(set.bezirksregionen.len(), 16);
    for region in &set.planungsraeume {
        let parent = region.code.parent().expect("has a parent");
        assert!(set.bezirksregionen.iter().any(|r| r.code == parent));
    }
    for area in crate::places::AREAS {
        for bzr in area.bezirksregionen {
            assert!(!set.planungsraeume_within(bzr).is_empty(), "{bzr}");
        }
    }
    let command = TaxonomyCommand::Define(DefineEntries {
        taxonomy: TaxonomyKind::Regions,
        entries: set.taxonomy_entries(),
        skip_existing: false,
    });
    Taxonomy::decide(&command, &Taxonomy::initial_state()).expect("accepted");
}
