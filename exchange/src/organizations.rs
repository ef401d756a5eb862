//! The import plan for organizations: every row of a file becomes exactly one outcome — a new
//! organization, a duplicate of a known one or of an earlier row (and why), or an error naming
//! the column, the value and the reason in German. Nothing is written here; the plan is what a
//! dry run shows and what the real run executes. Repairs of well-known spreadsheet damage (a lost
//! leading zero in a region code) are made visibly, as a note on the row, never silently.

use std::collections::HashMap;

use serde::Serialize;
use wifo_domain::{
    duplicate::{DuplicateKeys, DuplicateReason},
    ids::OrganizationId,
    organization::{OrganizationKind, Profile, RegisterOrganization},
    values::{Address, OrganizationName, RegionCode, SizeClass, Website, WzCode},
};

use crate::{
    mapping::{Field, Mapping},
    table::Table,
};

/// One problem with one cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellError {
    pub field: &'static str,
    pub value: String,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}: {}", self.field, self.message)
        } else {
            write!(f, "{} „{}“: {}", self.field, self.value, self.message)
        }
    }
}

/// What happens to one row.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    New {
        command: Box<RegisterOrganization>,
    },
    DuplicateOfExisting {
        organization: OrganizationId,
        name: String,
        reason: DuplicateReason,
    },
    DuplicateOfRow {
        line: usize,
        reason: DuplicateReason,
    },
    Invalid {
        errors: Vec<CellError>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowPlan {
    pub line: usize,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// Visible repairs and warnings, in German.
    pub notes: Vec<String>,
}

impl RowPlan {
    /// The row's result as one German sentence, for reports and the error file.
    pub fn describe(&self) -> String {
        match &self.outcome {
            Outcome::New { command } => format!("wird angelegt: {}", command.name),
            Outcome::DuplicateOfExisting { name, reason, .. } => {
                format!("Dublette von „{name}“ ({})", reason.label())
            }
            Outcome::DuplicateOfRow { line, reason } => {
                format!("Dublette von Zeile {line} ({})", reason.label())
            }
            Outcome::Invalid { errors } => errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The whole plan for a file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ImportPlan {
    pub format: String,
    pub mapping: String,
    pub unmapped_columns: Vec<String>,
    pub rows: Vec<RowPlan>,
}

impl ImportPlan {
    pub fn new_count(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::New { .. }))
    }

    pub fn duplicate_count(&self) -> usize {
        self.count(|outcome| {
            matches!(
                outcome,
                Outcome::DuplicateOfExisting { .. } | Outcome::DuplicateOfRow { .. }
            )
        })
    }

    pub fn error_count(&self) -> usize {
        self.count(|outcome| matches!(outcome, Outcome::Invalid { .. }))
    }

    fn count(&self, which: impl Fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|row| which(&row.outcome)).count()
    }

    /// The commands to execute, in file order.
    pub fn commands(&self) -> impl Iterator<Item = &RegisterOrganization> {
        self.rows.iter().filter_map(|row| match &row.outcome {
            Outcome::New { command } => Some(command.as_ref()),
            _ => None,
        })
    }
}

/// The organizations already in the office, as the duplicate rules see them.
#[derive(Clone, Debug, Default)]
pub struct KnownOrganizations {
    by_external_id: HashMap<String, usize>,
    by_name_at_street: HashMap<(String, String), usize>,
    by_name_at_postal_code: HashMap<(String, String), usize>,
    by_name_without_address: HashMap<String, usize>,
    entries: Vec<(Known, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Existing(OrganizationId),
    Row(usize),
}

impl KnownOrganizations {
    pub fn insert(&mut self, organization: OrganizationId, name: &str, keys: &DuplicateKeys) {
        self.add(Known::Existing(organization), name, keys);
    }

    fn add(&mut self, who: Known, name: &str, keys: &DuplicateKeys) {
        let index = self.entries.len();
        self.entries.push((who, name.to_owned()));
        if let Some(id) = &keys.external_id {
            self.by_external_id.entry(id.clone()).or_insert(index);
        }
        if let Some(key) = &keys.name_at_street {
            self.by_name_at_street.entry(key.clone()).or_insert(index);
        }
        if let Some(key) = &keys.name_at_postal_code {
            self.by_name_at_postal_code
                .entry(key.clone())
                .or_insert(index);
        } else {
            self.by_name_without_address
                .entry(keys.name.clone())
                .or_insert(index);
        }
    }

    fn find(&self, keys: &DuplicateKeys) -> Option<(Known, &str, DuplicateReason)> {
        let hit = keys
            .external_id
            .as_ref()
            .and_then(|id| self.by_external_id.get(id))
            .map(|i| (*i, DuplicateReason::ExternalId))
            .or_else(|| {
                keys.name_at_street
                    .as_ref()
                    .and_then(|key| self.by_name_at_street.get(key))
                    .map(|i| (*i, DuplicateReason::NameAndStreet))
            })
            .or_else(|| {
                keys.name_at_postal_code
                    .as_ref()
                    .and_then(|key| self.by_name_at_postal_code.get(key))
                    .map(|i| (*i, DuplicateReason::NameAndPostalCode))
            })
            .or_else(|| {
                keys.name_at_postal_code
                    .is_none()
                    .then(|| self.by_name_without_address.get(&keys.name))
                    .flatten()
                    .map(|i| (*i, DuplicateReason::NameWithoutAddress))
            })?;
        let (who, name) = self.entries.get(hit.0)?;
        Some((*who, name, hit.1))
    }
}

/// Plans the import of `table` read through `mapping` into an office that knows `known`.
pub fn plan(table: &Table, mapping: &Mapping, mut known: KnownOrganizations) -> ImportPlan {
    let width = table.header.len();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut notes = Vec::new();
            let outcome = match row_command(&row.cells, width, mapping, &mut notes) {
                Err(errors) => Outcome::Invalid { errors },
                Ok(command) => {
                    let keys = DuplicateKeys::of(
                        &command.name,
                        command.address.as_ref(),
                        command.external_id.as_deref(),
                    );
                    match known.find(&keys) {
                        Some((Known::Existing(organization), name, reason)) => {
                            Outcome::DuplicateOfExisting {
                                organization,
                                name: name.to_owned(),
                                reason,
                            }
                        }
                        Some((Known::Row(line), _, reason)) => {
                            Outcome::DuplicateOfRow { line, reason }
                        }
                        None => {
                            known.add(Known::Row(row.line), command.name.as_str(), &keys);
                            Outcome::New {
                                command: Box::new(command),
                            }
                        }
                    }
                }
            };
            RowPlan {
                line: row.line,
                outcome,
                notes,
            }
        })
        .collect();
    ImportPlan {
        format: table.format.to_string(),
        mapping: mapping.label.clone(),
        unmapped_columns: mapping.unmapped.clone(),
        rows,
    }
}

fn row_command(
    cells: &[String],
    width: usize,
    mapping: &Mapping,
    notes: &mut Vec<String>,
) -> Result<RegisterOrganization, Vec<CellError>> {
    let mut errors = Vec::new();
    if cells.len() < width {
        errors.push(CellError {
            field: "Zeile",
            value: String::new(),
            message: format!(
                "nur {} von {width} Feldern – ist die Datei abgeschnitten?",
                cells.len()
            ),
        });
        return Err(errors);
    }
    if cells[width..].iter().any(|cell| !cell.trim().is_empty()) {
        errors.push(CellError {
            field: "Zeile",
            value: String::new(),
            message: format!(
                "{} Felder, die Kopfzeile hat nur {width} – steht ein Trennzeichen ohne \
                 Anführungszeichen im Text?",
                cells.len()
            ),
        });
        return Err(errors);
    }
    let value = |field| mapping.value(field, cells);

    let raw_name = value(Field::Name);
    let name = check(
        &mut errors,
        Field::Name,
        OrganizationName::parse(raw_name.as_deref().unwrap_or_default()).map_err(text),
        &raw_name,
    );
    let raw_external = value(Field::ExternalId);
    if let Some(id) = &raw_external
        && looks_mangled(id)
    {
        notes.push(format!(
            "Die externe Kennung „{id}“ wurde von einer Tabellenkalkulation gekürzt; sie wird \
             unverändert als Text übernommen."
        ));
    }
    let raw_kind = value(Field::Kind);
    let kind = check(
        &mut errors,
        Field::Kind,
        parse_kind(raw_kind.as_deref()),
        &raw_kind,
    );
    let (raw_street, raw_postal, raw_city) = (
        value(Field::Street),
        value(Field::PostalCode),
        value(Field::City),
    );
    let address = if raw_street.is_none() && raw_postal.is_none() && raw_city.is_none() {
        Some(None)
    } else {
        check(
            &mut errors,
            Field::PostalCode,
            Address::parse(
                raw_street.as_deref().unwrap_or_default(),
                raw_postal.as_deref().unwrap_or_default(),
                raw_city.as_deref().unwrap_or_default(),
            )
            .map(Some)
            .map_err(text),
            &raw_postal,
        )
    };
    let raw_region = value(Field::Region);
    let region = check(
        &mut errors,
        Field::Region,
        optional(raw_region.as_deref(), |code| parse_region(code, notes)),
        &raw_region,
    );
    let raw_sector = value(Field::Sector);
    let sector = check(
        &mut errors,
        Field::Sector,
        optional(raw_sector.as_deref(), |code| {
            WzCode::parse(code).map_err(text)
        }),
        &raw_sector,
    );
    let raw_size = value(Field::SizeClass);
    let size_class = check(
        &mut errors,
        Field::SizeClass,
        optional(raw_size.as_deref(), |size| {
            SizeClass::parse(size).map_err(text)
        }),
        &raw_size,
    );
    let raw_year = value(Field::FoundedYear);
    let founded_year = check(
        &mut errors,
        Field::FoundedYear,
        optional(raw_year.as_deref(), |year| {
            year.parse::<u16>()
                .map_err(|_| "keine Jahreszahl (z. B. 1998)".to_owned())
        }),
        &raw_year,
    );
    let raw_website = value(Field::Website);
    let website = check(
        &mut errors,
        Field::Website,
        optional(raw_website.as_deref(), |url| {
            Website::parse(url).map_err(text)
        }),
        &raw_website,
    );
    let legal_form = value(Field::LegalForm);
    if let Some(form) = &legal_form
        && form.chars().count() > 100
    {
        errors.push(CellError {
            field: Field::LegalForm.label(),
            value: form.clone(),
            message: "länger als 100 Zeichen".to_owned(),
        });
    }
    match (
        name,
        kind,
        address,
        region,
        sector,
        size_class,
        founded_year,
        website,
    ) {
        (
            Some(name),
            Some(kind),
            Some(address),
            Some(region),
            Some(sector),
            Some(size_class),
            Some(founded_year),
            Some(website),
        ) if errors.is_empty() => Ok(RegisterOrganization {
            organization: OrganizationId::from_uuid(uuid::Uuid::now_v7()),
            name,
            kind,
            profile: Profile {
                legal_form,
                sector,
                size_class,
                founded_year,
                website,
            },
            address,
            region,
            external_id: raw_external,
        }),
        _ => Err(errors),
    }
}

fn check<T>(
    errors: &mut Vec<CellError>,
    field: Field,
    result: Result<T, String>,
    raw: &Option<String>,
) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(message) => {
            errors.push(CellError {
                field: field.label(),
                value: raw.clone().unwrap_or_default(),
                message,
            });
            None
        }
    }
}

fn text(error: impl ToString) -> String {
    error.to_string()
}

fn optional<T>(
    raw: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    raw.map(parse).transpose()
}

/// `9,43032E+11`: a long number a spreadsheet turned into scientific notation.
fn looks_mangled(id: &str) -> bool {
    let upper = id.to_ascii_uppercase();
    upper
        .find("E+")
        .is_some_and(|at| upper[..at].ends_with(|c: char| c.is_ascii_digit()))
}

fn parse_kind(raw: Option<&str>) -> Result<OrganizationKind, String> {
    let Some(raw) = raw else {
        return Ok(OrganizationKind::Company);
    };
    OrganizationKind::ALL
        .into_iter()
        .find(|kind| {
            kind.label().eq_ignore_ascii_case(raw)
                || serde_json::to_value(kind)
                    .ok()
                    .and_then(|value| value.as_str().map(|name| name == raw))
                    .unwrap_or(false)
        })
        .ok_or_else(|| {
            let labels: Vec<_> = OrganizationKind::ALL.iter().map(|k| k.label()).collect();
            format!("unbekannte Art; erlaubt: {}", labels.join(", "))
        })
}

/// A region code; one that lost its leading zero in a spreadsheet (`3601142`) gets it back,
/// with a note.
fn parse_region(code: &str, notes: &mut Vec<String>) -> Result<RegionCode, String> {
    let code = code.trim();
    if code.chars().all(|c| c.is_ascii_digit()) && matches!(code.len(), 1 | 3 | 5 | 7) {
        let repaired = format!("0{code}");
        let region = RegionCode::parse(&repaired).map_err(text)?;
        notes.push(format!(
            "Regionsschlüssel „{code}“ als „{repaired}“ gelesen (führende Null ergänzt)."
        ));
        return Ok(region);
    }
    RegionCode::parse(code).map_err(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "organizations_tests.rs"]
mod tests;
