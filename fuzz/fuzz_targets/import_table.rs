//! Fuzz target `import_table`: arbitrary bytes as an uploaded file (CSV in any encoding, XLSX,
//! XLS, ODS) → what `wifo import` and the admin upload do with it: `table::read_table`, the
//! built-in layouts (`MappingSpec::detect`) and a TOML mapping written from the file's own
//! header (`MappingSpec::from_toml`, templates included), the organization import plan, the
//! error file of the invalid rows read back, and the region and sector hierarchies. Must never
//! panic; planning the same file against the organizations it would create plans nothing new.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wifo_domain::duplicate::DuplicateKeys;
use wifo_domain::ids::OrganizationId;
use wifo_exchange::{
    hierarchy,
    mapping::MappingSpec,
    organizations::{ImportPlan, KnownOrganizations, Outcome, plan},
    table::{Header, Table, read_table},
};

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = read_table(data, Header::Present) {
        let _ = table.format.to_string();
        if let Ok(spec) = MappingSpec::detect(&table) {
            plan_twice(&table, &spec);
        }
        if let Ok(spec) = MappingSpec::from_toml(&mapping_for(&table)) {
            plan_twice(&table, &spec);
        }
        let _ = hierarchy::regions(&table);
    }
    if let Ok(table) = read_table(data, Header::Absent) {
        let _ = hierarchy::sectors(&table);
    }
});

/// Plans the table, writes and re-reads its error file, then plans it again against the
/// organizations the first plan creates: no row may be new the second time.
fn plan_twice(table: &Table, spec: &MappingSpec) {
    let Ok(mapping) = spec.resolve(table) else {
        return;
    };
    let first = plan(table, &mapping, KnownOrganizations::default());
    assert_eq!(first.rows.len(), table.rows.len(), "one outcome per row");
    for row in &first.rows {
        let _ = row.describe();
    }
    error_file(table, &first);
    let mut known = KnownOrganizations::default();
    for command in first.commands() {
        let keys = DuplicateKeys::of(
            &command.name,
            command.address.as_ref(),
            command.external_id.as_deref(),
        );
        known.insert(
            OrganizationId::from_uuid(uuid::Uuid::now_v7()),
            command.name.as_str(),
            &keys,
        );
    }
    let second = plan(table, &mapping, known);
    assert_eq!(
        second.new_count(),
        0,
        "a file planned against what it creates plans something new: {:#?}",
        second.rows
    );
}

/// The error file the upload offers (the original header and cells of the invalid rows and a
/// last column `Fehler`), read back as an upload.
fn error_file(table: &Table, plan: &ImportPlan) {
    let mut bytes = Vec::new();
    let written = wifo_exchange::export::csv::write_rows(
        &mut bytes,
        table.header.iter().map(String::as_str).chain(["Fehler"]),
        plan.rows
            .iter()
            .zip(&table.rows)
            .filter(|(planned, _)| matches!(planned.outcome, Outcome::Invalid { .. }))
            .map(|(planned, row)| {
                let mut cells = row.cells.clone();
                cells.resize(table.header.len(), String::new());
                cells.push(planned.describe());
                cells
            }),
    );
    if written.is_ok() {
        let _ = read_table(&bytes, Header::Present);
    }
}

/// A mapping file naming the table's own columns: the name from the first two (a template, or
/// the first alone), then from the second column on one field per column (street, postal code,
/// city, the external id as a template, …).
fn mapping_for(table: &Table) -> String {
    let columns: Vec<String> = table.header.iter().map(|name| toml_string(name)).collect();
    let mut text = String::from("label = \"Fuzz\"\n");
    match table.header.len() {
        0 => {}
        1 => text.push_str(&format!("name = {}\n", columns[0])),
        _ => text.push_str(&format!(
            "name = [{}, {}]\n",
            toml_string(&format!("{{{}}} {{{}}}", table.header[0], table.header[1])),
            columns[0]
        )),
    }
    // In the order files tend to have them; a kind is only mapped from the twelfth column on,
    // as a column that is no kind makes every row invalid.
    let fields = [
        "street",
        "postal_code",
        "city",
        "external_id",
        "region",
        "sector",
        "size_class",
        "founded_year",
        "website",
        "legal_form",
        "kind",
    ];
    for (i, field) in fields.iter().enumerate() {
        let column = i + 1;
        if column >= columns.len() {
            break;
        }
        let source = if *field == "external_id" {
            toml_string(&format!("alt:{{{}}}", table.header[column]))
        } else {
            columns[column].clone()
        };
        text.push_str(&format!("{field} = {source}\n"));
    }
    text
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
