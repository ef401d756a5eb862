//! The shared LOR and WZ files read into their hierarchies, and the damage a real file can have.

use super::*;
use crate::table::{Header, read_table};

fn shared(name: &str, header: Header) -> Table {
    let path = format!("{}/../../shared/data/{name}", env!("CARGO_MANIFEST_DIR"));
    read_table(&std::fs::read(path).unwrap(), header).unwrap()
}

#[test]
fn the_lor_file_gives_542_planungsraeume_in_143_58_and_12() {
    let plan = regions(&shared("berlin-lor-2021.csv", Header::Present)).unwrap();
    assert_eq!(plan.errors, []);
    assert_eq!(
        plan.per_level,
        [
            ("Bezirk", 12),
            ("Prognoseraum", 58),
            ("Bezirksregion", 143),
            ("Planungsraum", 542)
        ]
    );
    let entries = &plan.command.entries;
    assert_eq!(entries.len(), 12 + 58 + 143 + 542);
    assert_eq!(entries[0], Entry::new("01", "Mitte", None));
    let stueler = entries.iter().find(|e| e.code == "01100101").unwrap();
    assert_eq!(stueler.name, "Stülerstraße");
    // Parents come before their children.
    let position = |code: &str| entries.iter().position(|e| e.code == code).unwrap();
    assert!(position("011001") < position("01100101"));
    assert!(entries.iter().all(|e| !e.name.contains("  ")));
}

#[test]
fn the_wz_file_gives_21_sections_and_839_subclasses() {
    let plan = sectors(&shared("wz2008-de.tsv", Header::Absent)).unwrap();
    assert_eq!(plan.errors, []);
    assert_eq!(
        plan.per_level,
        [
            ("Abschnitte", 21),
            ("Abteilungen", 88),
            ("Gruppen", 272),
            ("Klassen", 615),
            ("Unterklassen", 839)
        ]
    );
    let a = &plan.command.entries[0];
    assert_eq!(
        (a.code.as_str(), a.name.as_str()),
        ("A", "LAND- UND FORSTWIRTSCHAFT, FISCHEREI")
    );
}

#[test]
fn lost_leading_zeros_are_repaired_visibly_and_contradictions_are_errors() {
    let file = "Planungsraum (Nummer),Planungsraum (Name),Bezirksregion (Nummer),Bezirksregion (Name),\
                Prognoseraum (Nummer),Prognoseraum (Name),Bezirk\n\
                1100101,Stülerstraße,11001,Tiergarten Süd,110,Zentrum,Mitte\n\
                01100102,Großer Tiergarten,011001,Tiergarten Nord,0110,Zentrum,Mitte\n\
                01100103,Lützowstraße,021001,X,0110,Zentrum,Mitte\n";
    let plan = regions(&read_table(file.as_bytes(), Header::Present).unwrap()).unwrap();
    assert_eq!(plan.notes.len(), 3);
    assert!(plan.notes[0].contains("„1100101“ als „01100101“"));
    let messages: Vec<_> = plan.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("Zeile 3: Bezirksregion 011001 heißt hier „Tiergarten Nord“"));
    assert!(messages[1].starts_with("Zeile 4: Planungsraum 01100103 liegt"));
}

#[test]
fn a_file_without_the_lor_columns_is_refused() {
    let table = read_table(b"Name;Ort\nA;B\n", Header::Present).unwrap();
    let error = regions(&table).unwrap_err();
    assert!(error.to_string().contains("Planungsraum (Nummer)"));
}
