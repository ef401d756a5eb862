//! The region hierarchy of the demo office: Pankow's part of Berlin's LOR 2021 (Bezirk →
//! Prognoseräume → Bezirksregionen → Planungsräume), read from the public reference file
//! `berlin-lor-2021.csv` when it can be found, else a built-in excerpt with real codes. The file
//! has the quirks of real open data: a UTF-8 BOM, codes with leading zeros that must stay text,
//! names with double blanks and a last column with a leading blank; a broken row is reported by
//! its line number, never skipped. The map outlines of the Bezirk and its Prognoseräume come from
//! the reference GeoJSON files the same way, through the importer of `wifo import geometry`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use wifo_domain::{
    taxonomy::{Entry, RegionOutline},
    values::{RegionCode, RegionLevel},
};

/// File name of the LOR reference file.
pub const LOR_FILE: &str = "berlin-lor-2021.csv";

/// Pankow's Bezirk code.
pub const PANKOW: &str = "03";

/// One region with its code and name (blanks collapsed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: RegionCode,
    pub name: String,
}

/// One Bezirk's hierarchy, each level sorted by code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionSet {
    pub bezirk: Region,
    pub prognoseraeume: Vec<Region>,
    pub bezirksregionen: Vec<Region>,
    pub planungsraeume: Vec<Region>,
    /// The file read, or `None` for the built-in excerpt.
    pub source: Option<PathBuf>,
    /// Map outlines of the Bezirk and its Prognoseräume, from the reference GeoJSON files when
    /// they are found (none with the built-in excerpt: its pages show tables without maps).
    pub outlines: Vec<RegionOutline>,
}

#[derive(Debug, thiserror::Error)]
pub enum RegionError {
    #[error("{path}: Datei kann nicht gelesen werden: {source}")]
    Read { path: PathBuf, source: csv::Error },
    #[error("{path}: Spalte „{column}“ fehlt")]
    MissingColumn { path: PathBuf, column: &'static str },
    #[error("{path}, Zeile {line}: {reason}")]
    Row {
        path: PathBuf,
        line: u64,
        reason: String,
    },
    #[error("{path}: keine Planungsräume für den Bezirk {bezirk}")]
    NoRows { path: PathBuf, bezirk: String },
    #[error("{path}: {reason}")]
    Outlines { path: PathBuf, reason: String },
}

impl RegionSet {
    /// Taxonomy entries, parents first: Bezirk, Prognoseräume, Bezirksregionen, Planungsräume.
    pub fn taxonomy_entries(&self) -> Vec<Entry> {
        std::iter::once(&self.bezirk)
            .chain(&self.prognoseraeume)
            .chain(&self.bezirksregionen)
            .chain(&self.planungsraeume)
            .map(|region| Entry::new(region.code.as_str(), &region.name, None))
            .collect()
    }

    /// The Planungsräume within a region of any level.
    pub fn planungsraeume_within(&self, ancestor: &str) -> Vec<&Region> {
        self.planungsraeume
            .iter()
            .filter(|region| region.code.as_str().starts_with(ancestor))
            .collect()
    }
}

const COLUMNS: [&str; 7] = [
    "Planungsraum (Nummer)",
    "Planungsraum (Name)",
    "Bezirksregion (Nummer)",
    "Bezirksregion (Name)",
    "Prognoseraum (Nummer)",
    "Prognoseraum (Name)",
    "Bezirk",
];

/// Reads one Bezirk's hierarchy from an LOR 2021 file. Every row's codes are checked, also
/// those of other Bezirke, so a damaged file is noticed.
pub fn load_lor(path: &Path, bezirk: &str) -> Result<RegionSet, RegionError> {
    let read_error = |source| RegionError::Read {
        path: path.to_owned(),
        source,
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(read_error)?;
    let headers = reader.headers().map_err(read_error)?.clone();
    let mut index = [0usize; 7];
    for (slot, column) in index.iter_mut().zip(COLUMNS) {
        *slot = headers
            .iter()
            .position(|header| header.trim_start_matches('\u{feff}').trim() == column)
            .ok_or(RegionError::MissingColumn {
                path: path.to_owned(),
                column,
            })?;
    }
    let mut bezirk_name = None;
    let mut prognoseraeume = BTreeMap::new();
    let mut bezirksregionen = BTreeMap::new();
    let mut planungsraeume = BTreeMap::new();
    for record in reader.records() {
        let record = record.map_err(read_error)?;
        let line = record.position().map_or(0, |position| position.line());
        let row_error = |reason: String| RegionError::Row {
            path: path.to_owned(),
            line,
            reason,
        };
        let field = |i: usize| record.get(index[i]).unwrap_or_default();
        let [plr, bzr, pgr] = [
            (0, RegionLevel::Planungsraum),
            (2, RegionLevel::Bezirksregion),
            (4, RegionLevel::Prognoseraum),
        ]
        .map(|(i, level)| {
            RegionCode::parse(field(i))
                .map_err(|error| row_error(error.to_string()))
                .and_then(|code| {
                    if code.level() == level {
                        Ok(code)
                    } else {
                        Err(row_error(format!(
                            "„{code}“ ist kein Schlüssel der Ebene {}",
                            level.label()
                        )))
                    }
                })
        });
        let (plr, bzr, pgr) = (plr?, bzr?, pgr?);
        if plr.parent().as_ref() != Some(&bzr) || bzr.parent().as_ref() != Some(&pgr) {
            return Err(row_error(format!(
                "Planungsraum {plr} liegt nicht in Bezirksregion {bzr} und Prognoseraum {pgr}"
            )));
        }
        if !plr.as_str().starts_with(bezirk) {
            continue;
        }
        let names = [1, 3, 5, 6].map(|i| collapse_blanks(field(i)));
        if let Some(empty) = names.iter().position(String::is_empty) {
            return Err(row_error(format!(
                "Spalte „{}“ ist leer",
                COLUMNS[[1, 3, 5, 6][empty]]
            )));
        }
        let [plr_name, bzr_name, pgr_name, bezirk_label] = names;
        if planungsraeume.insert(plr.clone(), plr_name).is_some() {
            return Err(row_error(format!("Planungsraum {plr} kommt doppelt vor")));
        }
        bezirksregionen.entry(bzr).or_insert(bzr_name);
        prognoseraeume.entry(pgr).or_insert(pgr_name);
        bezirk_name.get_or_insert(bezirk_label);
    }
    let Some(bezirk_name) = bezirk_name else {
        return Err(RegionError::NoRows {
            path: path.to_owned(),
            bezirk: bezirk.to_owned(),
        });
    };
    let bezirk_code = RegionCode::parse(bezirk).map_err(|error| RegionError::Row {
        path: path.to_owned(),
        line: 0,
        reason: error.to_string(),
    })?;
    Ok(RegionSet {
        bezirk: Region {
            code: bezirk_code,
            name: bezirk_name,
        },
        prognoseraeume: regions(prognoseraeume),
        bezirksregionen: regions(bezirksregionen),
        planungsraeume: regions(planungsraeume),
        source: Some(path.to_owned()),
        outlines: Vec::new(),
    })
}

/// Folders that may hold the public reference files, most specific first: `$WIFO_REFERENCE_DATA`,
/// `../shared/data` and `../../shared/data` from the current folder, and the same beside the
/// workspace this binary was built from.
pub fn reference_data_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os("WIFO_REFERENCE_DATA") {
        dirs.push(PathBuf::from(dir));
    }
    if let Ok(current) = std::env::current_dir() {
        dirs.push(current.join("../shared/data"));
        dirs.push(current.join("../../shared/data"));
    }
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    dirs.push(crate_dir.join("../../shared/data"));
    dirs.push(crate_dir.join("../shared/data"));
    dirs
}

/// The first reference file of that name found in [`reference_data_dirs`].
pub fn find_reference_file(name: &str) -> Option<PathBuf> {
    reference_data_dirs()
        .into_iter()
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
        .map(|path| std::fs::canonicalize(&path).unwrap_or(path))
}

/// Pankow's regions: from the LOR file when it is found, else the built-in excerpt. A file that
/// is found but broken is an error, not a reason to fall back silently.
pub fn pankow() -> Result<RegionSet, RegionError> {
    let mut regions = match find_reference_file(LOR_FILE) {
        Some(path) => load_lor(&path, PANKOW)?,
        None => builtin_pankow(),
    };
    let known: BTreeSet<String> = regions
        .taxonomy_entries()
        .into_iter()
        .map(|entry| entry.code)
        .collect();
    for name in OUTLINE_FILES {
        if let Some(path) = find_reference_file(name) {
            regions.outlines.extend(load_outlines(&path, &known)?);
        }
    }
    Ok(regions)
}

/// The reference outlines: Bezirke and Prognoseräume (finer levels have none).
const OUTLINE_FILES: [&str; 2] = [
    "berlin-bezirke.geojson",
    "berlin-lor-2021-prognoseraeume.geojson",
];

/// The credit the reference outlines require (see `../shared/data/README.md`).
pub const OUTLINE_SOURCE: &str = "Umrisse: Amt für Statistik Berlin-Brandenburg, LOR 2021 \
     (CC BY 3.0 DE), über das Datenprodukt „berlin-lor-geodata“ (CC BY 4.0), vereinfacht";

/// The outlines of `known` regions in a GeoJSON file; a feature that cannot be read is an error.
fn load_outlines(path: &Path, known: &BTreeSet<String>) -> Result<Vec<RegionOutline>, RegionError> {
    let failed = |reason: String| RegionError::Outlines {
        path: path.to_owned(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|error| failed(error.to_string()))?;
    let plan = wifo_exchange::geometry::outlines(&bytes, known, OUTLINE_SOURCE)
        .map_err(|error| failed(error.to_string()))?;
    if let Some(error) = plan.errors.first() {
        return Err(failed(error.to_string()));
    }
    Ok(plan.command.outlines)
}

/// `(code, name)` of Pankow's Prognoseräume, Bezirksregionen and some Planungsräume (LOR 2021).
const BUILTIN: &[(&str, &str)] = &[
    ("0310", "Buch"),
    ("0320", "Nördliches Pankow"),
    ("0330", "Nördliches Weißensee"),
    ("0340", "Südliches Pankow"),
    ("0350", "Südliches Weißensee"),
    ("0360", "Nördlicher Prenzlauer Berg"),
    ("0370", "Südlicher Prenzlauer Berg"),
    ("031001", "Buch"),
    ("032002", "Blankenfelde/Niederschönhausen"),
    ("032003", "Buchholz"),
    ("033004", "Karow"),
    ("033005", "Blankenburg/Heinersdorf/Märchenland"),
    ("034006", "Schönholz/Wilhelmsruh/Rosenthal"),
    ("034007", "Pankow Zentrum"),
    ("034008", "Pankow Süd"),
    ("035009", "Weißensee"),
    ("035010", "Weißensee Ost"),
    ("036011", "Prenzlauer Berg Nordwest"),
    ("036012", "Prenzlauer Berg Nord"),
    ("036013", "Helmholtzplatz"),
    ("036014", "Prenzlauer Berg Ost"),
    ("037015", "Prenzlauer Berg Südwest"),
    ("037016", "Prenzlauer Berg Süd"),
    ("03100101", "Bucher Forst"),
    ("03100102", "Klinikum Buch"),
    ("03200205", "Uhlandstraße"),
    ("03200206", "Pastor-Niemöller-Platz"),
    ("03200308", "Nisbléstraße"),
    ("03200309", "Eddastraße"),
    ("03300412", "Karow Bahnhof"),
    ("03300413", "Karow Ost"),
    ("03300514", "Blankenburg"),
    ("03300516", "Heinersdorf"),
    ("03400618", "Rosenthal"),
    ("03400619", "Wilhelmsruh"),
    ("03400721", "Florakiez"),
    ("03400723", "Garbátyplatz"),
    ("03400826", "Tiroler Viertel"),
    ("03400830", "Kissingenviertel"),
    ("03500932", "Bühringstraße"),
    ("03500933", "Weißer See"),
    ("03501037", "Rathaus Weißensee"),
    ("03501038", "Hansastraße"),
    ("03601139", "Norweger Viertel"),
    ("03601142", "Falkplatz"),
    ("03601243", "Rodenbergstraße"),
    ("03601244", "Humannplatz"),
    ("03601346", "Gethsemanekirche"),
    ("03601347", "Helmholtzplatz"),
    ("03601450", "Volkspark Prenzlauer Berg"),
    ("03601453", "Alter Schlachthof"),
    ("03701555", "Sredzkistraße"),
    ("03701556", "Kollwitzplatz"),
    ("03701657", "Thälmannpark"),
    ("03701660", "Bötzowstraße"),
];

/// The built-in excerpt of Pankow's LOR: all Prognoseräume and Bezirksregionen, two
/// Planungsräume of each Bezirksregion.
pub fn builtin_pankow() -> RegionSet {
    let mut levels: BTreeMap<RegionLevel, Vec<Region>> = BTreeMap::new();
    for (code, name) in BUILTIN {
        // The table is ours and fixed; its codes are valid (a unit test checks it).
        if let Ok(code) = RegionCode::parse(code) {
            levels.entry(code.level()).or_default().push(Region {
                code,
                name: (*name).to_owned(),
            });
        }
    }
    let mut take = |level| levels.remove(&level).unwrap_or_default();
    RegionSet {
        bezirk: Region {
            code: RegionCode::parse(PANKOW).unwrap_or_else(|_| unreachable!("valid code")),
            name: "Pankow".to_owned(),
        },
        prognoseraeume: take(RegionLevel::Prognoseraum),
        bezirksregionen: take(RegionLevel::Bezirksregion),
        planungsraeume: take(RegionLevel::Planungsraum),
        source: None,
        outlines: Vec::new(),
    }
}

fn regions(map: BTreeMap<RegionCode, String>) -> Vec<Region> {
    map.into_iter()
        .map(|(code, name)| Region { code, name })
        .collect()
}

fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "regions_tests.rs"]
mod tests;
