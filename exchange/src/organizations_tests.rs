//! Import plans for the shared IHK sample and for hand-made files with every kind of row.

use super::*;
use crate::mapping::MappingSpec;
use crate::table::{Header, read_table};

fn ihk_sample() -> Table {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/ihk-berlin-gewerbedaten-sample-2023-03.csv"
    ))
    .unwrap();
    read_table(&bytes, Header::Present).unwrap()
}

fn plan_of(file: &str, spec: &MappingSpec, known: KnownOrganizations) -> ImportPlan {
    let table = read_table(file.as_bytes(), Header::Present).unwrap();
    plan(&table, &spec.resolve(&table).unwrap(), known)
}

fn new_commands(plan: &ImportPlan) -> Vec<&RegisterOrganization> {
    plan.commands().collect()
}

#[test]
fn the_ihk_sample_gives_thirty_organizations_with_repaired_region_codes() {
    let table = ihk_sample();
    let spec = MappingSpec::detect(&table).unwrap();
    assert_eq!(spec.label.as_deref(), Some("IHK Berlin Gewerbedaten"));
    let plan = plan(
        &table,
        &spec.resolve(&table).unwrap(),
        KnownOrganizations::default(),
    );
    assert_eq!(plan.error_count(), 0, "{:#?}", plan.rows);
    assert_eq!(plan.new_count(), 30);
    let first = new_commands(&plan)[0];
    assert_eq!(first.external_id.as_deref(), Some("ihk:6063606"));
    assert_eq!(first.name.as_str(), "Kantinen (IHK 6063606)");
    assert_eq!(first.region.as_ref().unwrap().as_str(), "04500939");
    assert_eq!(first.profile.sector.as_ref().unwrap().as_str(), "56.29");
    assert_eq!(first.profile.size_class, Some(SizeClass::None));
    let address = first.address.as_ref().unwrap();
    assert_eq!(
        (address.postal_code.as_str(), address.city.as_str()),
        ("10713", "Berlin")
    );
    // `3601142` in the file is Planungsraum `03601142`, and the row says so.
    let repaired = plan
        .rows
        .iter()
        .find(|row| {
            matches!(&row.outcome, Outcome::New { command }
                if command.region.as_ref().is_some_and(|r| r.as_str() == "03601141"))
        })
        .unwrap();
    assert!(
        repaired
            .notes
            .iter()
            .any(|note| note.contains("„3601141“ als „03601141“"))
    );
    // Spreadsheet-mangled ids are kept verbatim and flagged.
    let mangled = plan
        .rows
        .iter()
        .find(|row| row.notes.iter().any(|note| note.contains("9,43032E+11")))
        .unwrap();
    assert!(matches!(&mangled.outcome, Outcome::New { command }
        if command.external_id.as_deref() == Some("ihk:9,43032E+11")));
    // The quoted `;` stays inside its field, and the Ortsteil column is reported as unmapped.
    assert!(plan.unmapped_columns.contains(&"Spalte 20".to_owned()));
    assert!(plan.unmapped_columns.contains(&"latitude".to_owned()));
}

#[test]
fn importing_the_same_file_again_finds_every_row_as_a_duplicate() {
    let table = ihk_sample();
    let mapping = MappingSpec::ihk_berlin().resolve(&table).unwrap();
    let first = plan(&table, &mapping, KnownOrganizations::default());
    let mut known = KnownOrganizations::default();
    for command in first.commands() {
        known.insert(
            command.organization,
            command.name.as_str(),
            &DuplicateKeys::of(
                &command.name,
                command.address.as_ref(),
                command.external_id.as_deref(),
            ),
        );
    }
    let second = plan(&table, &mapping, known);
    assert_eq!(second.new_count(), 0);
    assert_eq!(second.duplicate_count(), 30);
    assert!(second.rows.iter().all(|row| matches!(
        row.outcome,
        Outcome::DuplicateOfExisting {
            reason: DuplicateReason::ExternalId,
            ..
        }
    )));
}

const OWN: &str = "Name;Straße;PLZ;Ort;Region;WZ-Code;Beschäftigte;Gründungsjahr\n";

fn own_spec() -> MappingSpec {
    MappingSpec::from_toml(
        "label = \"Test\"\nname = \"Name\"\nstreet = \"Straße\"\npostal_code = \"PLZ\"\n\
         city = \"Ort\"\nregion = \"Region\"\nsector = \"WZ-Code\"\nsize_class = \"Beschäftigte\"\n\
         founded_year = \"Gründungsjahr\"\n",
    )
    .unwrap()
}

#[test]
fn each_bad_cell_is_named_with_its_value_and_a_german_reason() {
    let file = format!(
        "{OWN}Bäckerei Schulz GmbH;Hauptstr. 5;1011;Berlin;01100101;10.71;4 - 6 Beschäftigte;1998\n\
         ;Hauptstr. 6;10115;Berlin;;;;\n\
         Metallbau Kern;Am Hafen 1;10115;Berlin;0110a;00.11;viele;neunzehn\n\
         Kurz;nur drei\n"
    );
    let plan = plan_of(&file, &own_spec(), KnownOrganizations::default());
    let lines: Vec<_> = plan.rows.iter().map(|row| row.line).collect();
    assert_eq!(lines, [2, 3, 4, 5]);
    assert_eq!(plan.error_count(), 4);
    let errors = |line: usize| match &plan.rows[line - 2].outcome {
        Outcome::Invalid { errors } => errors.clone(),
        other => panic!("line {line}: {other:?}"),
    };
    assert_eq!(errors(2).len(), 1);
    assert_eq!(
        (errors(2)[0].field, errors(2)[0].value.as_str()),
        ("PLZ", "1011")
    );
    assert_eq!(errors(3)[0].field, "Name");
    let fields: Vec<_> = errors(4).iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        ["Region", "WZ-Code", "Beschäftigte", "Gründungsjahr"]
    );
    assert!(errors(4)[3].message.contains("keine Jahreszahl"));
    assert!(errors(5)[0].message.contains("nur 2 von 8 Feldern"));
}

#[test]
fn duplicates_inside_the_file_and_against_the_office() {
    let file = format!(
        "{OWN}Bäckerei Schulz GmbH;Hauptstraße 5;10115;Berlin;;;;\n\
         Baeckerei Schulz;Hauptstr. 5;10115;Berlin;;;;\n\
         Café Lindenblatt;Lindenstr. 1;10969;Berlin;;;;\n\
         Bäckerei Schulz;Hauptstraße 5;12047;Berlin;;;;\n"
    );
    let mut known = KnownOrganizations::default();
    let lindenblatt = OrganizationId::from_uuid(uuid::Uuid::now_v7());
    let name = OrganizationName::parse("Cafe Lindenblatt e.K.").unwrap();
    let address = Address::parse("Lindenstraße 1", "10969", "Berlin").unwrap();
    known.insert(
        lindenblatt,
        name.as_str(),
        &DuplicateKeys::of(&name, Some(&address), None),
    );
    let plan = plan_of(&file, &own_spec(), known);
    let outcomes: Vec<_> = plan.rows.iter().map(|row| &row.outcome).collect();
    assert!(matches!(outcomes[0], Outcome::New { .. }));
    assert_eq!(
        outcomes[1],
        &Outcome::DuplicateOfRow {
            line: 2,
            reason: DuplicateReason::NameAndStreet
        }
    );
    assert_eq!(
        outcomes[2],
        &Outcome::DuplicateOfExisting {
            organization: lindenblatt,
            name: "Cafe Lindenblatt e.K.".into(),
            reason: DuplicateReason::NameAndStreet
        }
    );
    // Same name in another postal code: a different branch, imported.
    assert!(matches!(outcomes[3], Outcome::New { .. }));
    assert_eq!(plan.new_count(), 2);
}

#[test]
fn a_mapping_naming_a_missing_column_is_refused_before_any_row() {
    let table = read_table(OWN.replace("Ort", "Stadt").as_bytes(), Header::Absent).unwrap();
    let table = Table {
        header: table.rows[0].cells.clone(),
        ..table
    };
    let error = own_spec().resolve(&table).unwrap_err();
    assert!(error.to_string().contains("Die Spalte „Ort“"), "{error}");
}

#[test]
fn an_unknown_layout_asks_for_a_mapping_file() {
    let table = read_table(b"Firma;Ort\nA;B\n", Header::Present).unwrap();
    let error = MappingSpec::detect(&table).unwrap_err();
    assert!(error.to_string().contains("--mapping"), "{error}");
}
