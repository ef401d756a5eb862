//! Reference hierarchies from the offices' own files: the LOR region file (Bezirk →
//! Prognoseraum → Bezirksregion → Planungsraum, one row per Planungsraum) and the WZ 2008 list
//! (one row per code, the level implied by the code's shape). Both become one batch of taxonomy
//! entries, parents before children, so importing them is one event and a re-import renames
//! what changed and skips the rest.

use std::collections::BTreeMap;

use serde::Serialize;
use wifo_domain::{
    taxonomy::{DefineEntries, Entry, TaxonomyKind},
    values::{RegionCode, RegionLevel, WzCode, WzLevel},
};

use crate::table::{Row, Table};

/// One row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Zeile {}: {}", self.line, self.message)
    }
}

/// The entries of a hierarchy and how many there are per level.
#[derive(Clone, Debug, PartialEq)]
pub struct HierarchyPlan {
    pub command: DefineEntries,
    /// Level name → number of entries, top level first.
    pub per_level: Vec<(&'static str, usize)>,
    pub notes: Vec<String>,
    pub errors: Vec<RowError>,
}

/// The columns of the LOR 2021 file.
const LOR_COLUMNS: [&str; 7] = [
    "Planungsraum (Nummer)",
    "Planungsraum (Name)",
    "Bezirksregion (Nummer)",
    "Bezirksregion (Name)",
    "Prognoseraum (Nummer)",
    "Prognoseraum (Name)",
    "Bezirk",
];

/// Reads the LOR file (with header) into region entries.
pub fn regions(table: &Table) -> Result<HierarchyPlan, RowError> {
    let mut columns = [0usize; 7];
    for (slot, name) in columns.iter_mut().zip(LOR_COLUMNS) {
        *slot = table.column(name).ok_or_else(|| RowError {
            line: 1,
            message: format!(
                "Spalte „{name}“ fehlt; erwartet wird die LOR-Datei mit den Spalten {}",
                LOR_COLUMNS.join(", ")
            ),
        })?;
    }
    let mut entries: BTreeMap<String, (RegionLevel, String)> = BTreeMap::new();
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(columns[i]).map_or("", |c| c.trim());
        let mut codes = Vec::new();
        for (i, level) in [
            (0, RegionLevel::Planungsraum),
            (2, RegionLevel::Bezirksregion),
            (4, RegionLevel::Prognoseraum),
        ] {
            match region_code(cell(i), level, &mut notes, row) {
                Ok(code) => codes.push((level, code, cell(i + 1))),
                Err(error) => errors.push(error),
            }
        }
        if codes.len() < 3 {
            continue;
        }
        let planungsraum = &codes[0].1;
        if codes[1..]
            .iter()
            .any(|(level, code, _)| planungsraum.at_level(*level).as_ref() != Some(code))
        {
            errors.push(RowError {
                line: row.line,
                message: format!(
                    "Planungsraum {planungsraum} liegt nach seinem Schlüssel nicht in \
                     Bezirksregion {} / Prognoseraum {}",
                    codes[1].1, codes[2].1
                ),
            });
            continue;
        }
        let bezirk = planungsraum.at_level(RegionLevel::Bezirk);
        for (level, code, name) in bezirk
            .map(|code| (RegionLevel::Bezirk, code, cell(6)))
            .into_iter()
            .chain(codes)
        {
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            match entries.get(code.as_str()) {
                Some((_, known)) if *known != name => errors.push(RowError {
                    line: row.line,
                    message: format!(
                        "{} {code} heißt hier „{name}“, weiter oben „{known}“",
                        level.label()
                    ),
                }),
                Some(_) => {}
                None => {
                    entries.insert(code.to_string(), (level, name));
                }
            }
        }
    }
    let per_level = RegionLevel::ALL
        .iter()
        .map(|level| {
            let count = entries.values().filter(|(l, _)| l == level).count();
            (level.label(), count)
        })
        .collect();
    Ok(plan(
        TaxonomyKind::Regions,
        entries,
        per_level,
        notes,
        errors,
    ))
}

fn region_code(
    raw: &str,
    level: RegionLevel,
    notes: &mut Vec<String>,
    row: &Row,
) -> Result<RegionCode, RowError> {
    let length = level.code_length();
    let text = if raw.len() + 1 == length && raw.chars().all(|c| c.is_ascii_digit()) {
        notes.push(format!(
            "Zeile {}: {} „{raw}“ als „0{raw}“ gelesen (führende Null ergänzt)",
            row.line,
            level.label()
        ));
        format!("0{raw}")
    } else {
        raw.to_owned()
    };
    RegionCode::parse(&text)
        .ok()
        .filter(|code| code.level() == level)
        .ok_or_else(|| RowError {
            line: row.line,
            message: format!(
                "„{raw}“ ist kein Schlüssel für {} ({length} Ziffern)",
                level.label()
            ),
        })
}

/// Reads the WZ 2008 list (tab-separated, no header: row id, code, title, ISIC code).
pub fn sectors(table: &Table) -> Result<HierarchyPlan, RowError> {
    let mut entries: BTreeMap<String, (WzLevel, String)> = BTreeMap::new();
    let mut errors = Vec::new();
    for row in &table.rows {
        let (Some(code), Some(title)) = (row.cells.get(1), row.cells.get(2)) else {
            errors.push(RowError {
                line: row.line,
                message: "weniger als drei Spalten (laufende Nummer, Code, Titel)".to_owned(),
            });
            continue;
        };
        let code = match WzCode::parse(code) {
            Ok(code) => code,
            Err(error) => {
                errors.push(RowError {
                    line: row.line,
                    message: error.to_string(),
                });
                continue;
            }
        };
        // Section rows read "ABSCHNITT A - LAND- UND FORSTWIRTSCHAFT, FISCHEREI".
        let prefix = format!("ABSCHNITT {code} - ");
        let title = title.trim();
        let title = title.strip_prefix(&prefix).unwrap_or(title);
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if entries
            .insert(code.to_string(), (code.level(), title))
            .is_some()
        {
            errors.push(RowError {
                line: row.line,
                message: format!("Code {code} kommt mehrfach vor"),
            });
        }
    }
    if entries.is_empty() && errors.is_empty() {
        return Err(RowError {
            line: 1,
            message: "keine WZ-Codes gefunden".to_owned(),
        });
    }
    let levels = [
        (WzLevel::Section, "Abschnitte"),
        (WzLevel::Division, "Abteilungen"),
        (WzLevel::Group, "Gruppen"),
        (WzLevel::Class, "Klassen"),
        (WzLevel::Subclass, "Unterklassen"),
    ];
    let per_level = levels
        .iter()
        .map(|(level, label)| {
            let count = entries.values().filter(|(l, _)| l == level).count();
            (*label, count)
        })
        .collect();
    Ok(plan(
        TaxonomyKind::Sectors,
        entries,
        per_level,
        Vec::new(),
        errors,
    ))
}

fn plan<L: Ord + Copy>(
    taxonomy: TaxonomyKind,
    entries: BTreeMap<String, (L, String)>,
    per_level: Vec<(&'static str, usize)>,
    notes: Vec<String>,
    errors: Vec<RowError>,
) -> HierarchyPlan {
    let mut ordered: Vec<_> = entries.into_iter().collect();
    ordered.sort_by(|(a_code, (a_level, _)), (b_code, (b_level, _))| {
        a_level.cmp(b_level).then_with(|| a_code.cmp(b_code))
    });
    HierarchyPlan {
        command: DefineEntries {
            taxonomy,
            entries: ordered
                .into_iter()
                .map(|(code, (_, name))| Entry::new(&code, &name, None))
                .collect(),
            skip_existing: true,
        },
        per_level,
        notes,
        errors,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "hierarchy_tests.rs"]
mod tests;
