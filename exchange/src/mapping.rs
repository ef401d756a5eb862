//! Which column of a file feeds which field of an organization. Two layouts are built in and
//! recognised by their header — the IHK Berlin open data (`opendata_id`, `planungsraum_id`, …)
//! and wifo's own organization export; any other file needs a small TOML mapping file:
//!
//! ```toml
//! name = "Firma"
//! street = "Straße"
//! postal_code = "PLZ"
//! city = "Ort"
//! external_id = "altcrm:{Kundennummer}"
//! ```
//!
//! A value is a column name or a template with `{Spalte}` placeholders; a list of them means
//! "the first one whose columns are all filled".

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::table::Table;

/// The fields of an organization an import can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ExternalId,
    Name,
    Kind,
    LegalForm,
    Street,
    PostalCode,
    City,
    Region,
    Sector,
    SizeClass,
    FoundedYear,
    Website,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::ExternalId => "Externe Kennung",
            Field::Name => "Name",
            Field::Kind => "Art",
            Field::LegalForm => "Rechtsform",
            Field::Street => "Straße",
            Field::PostalCode => "PLZ",
            Field::City => "Ort",
            Field::Region => "Region",
            Field::Sector => "WZ-Code",
            Field::SizeClass => "Beschäftigte",
            Field::FoundedYear => "Gründungsjahr",
            Field::Website => "Website",
        }
    }
}

/// A mapping as written in a file or built in: field → column names or templates.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MappingSpec {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(flatten)]
    pub fields: BTreeMap<Field, OneOrMany>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn alternatives(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MappingError {
    #[error("Die Zuordnungsdatei ist fehlerhaft: {0}")]
    Syntax(String),
    #[error(
        "Die Spalte „{column}“ (für {field}) gibt es in der Datei nicht. Vorhandene Spalten: {available}"
    )]
    UnknownColumn {
        field: &'static str,
        column: String,
        available: String,
    },
    #[error("Die Zuordnung nennt keine Spalte für den Namen.")]
    NoName,
    #[error(
        "Das Spaltenformat ist nicht bekannt (weder IHK-Gewerbedaten noch wifo-Export). \
         Bitte eine Zuordnungsdatei mit --mapping angeben. Vorhandene Spalten: {0}"
    )]
    UnknownLayout(String),
    #[error("In der Vorlage „{0}“ fehlt eine schließende Klammer.")]
    Template(String),
}

impl MappingSpec {
    pub fn from_toml(text: &str) -> Result<Self, MappingError> {
        toml::from_str(text).map_err(|error| MappingError::Syntax(error.to_string()))
    }

    /// The IHK Berlin open data layout. Its rows carry no business name, so the name is made
    /// from the IHK branch and the IHK id.
    pub fn ihk_berlin() -> Self {
        Self::built_in(
            "IHK Berlin Gewerbedaten",
            &[
                (Field::ExternalId, "ihk:{opendata_id}"),
                (Field::Name, "{ihk_branch_desc} (IHK {opendata_id})"),
                (Field::LegalForm, "business_type"),
                (Field::PostalCode, "postcode"),
                (Field::City, "city"),
                (Field::Region, "planungsraum_id"),
                (Field::Sector, "nace_id"),
                (Field::SizeClass, "employees_range"),
            ],
        )
    }

    /// The layout of wifo's own organization export.
    pub fn wifo_export() -> Self {
        let mut spec = Self::built_in(
            "wifo-Export",
            &[
                (Field::Name, "Name"),
                (Field::Kind, "Art"),
                (Field::LegalForm, "Rechtsform"),
                (Field::Street, "Straße"),
                (Field::PostalCode, "PLZ"),
                (Field::City, "Ort"),
                (Field::Region, "Region"),
                (Field::Sector, "WZ-Code"),
                (Field::SizeClass, "Beschäftigte"),
                (Field::FoundedYear, "Gründungsjahr"),
                (Field::Website, "Website"),
            ],
        );
        spec.fields.insert(
            Field::ExternalId,
            OneOrMany::Many(vec!["{Externe Kennung}".into(), "wifo:{Kennung}".into()]),
        );
        spec
    }

    fn built_in(label: &str, fields: &[(Field, &str)]) -> Self {
        Self {
            label: Some(label.to_owned()),
            fields: fields
                .iter()
                .map(|(field, source)| (*field, OneOrMany::One((*source).to_owned())))
                .collect(),
        }
    }

    /// The built-in layout whose columns the table has.
    pub fn detect(table: &Table) -> Result<Self, MappingError> {
        [Self::ihk_berlin(), Self::wifo_export()]
            .into_iter()
            .find(|spec| spec.resolve(table).is_ok())
            .ok_or_else(|| MappingError::UnknownLayout(table.header.join(", ")))
    }

    /// Binds the spec to the table's columns.
    pub fn resolve(&self, table: &Table) -> Result<Mapping, MappingError> {
        if !self.fields.contains_key(&Field::Name) {
            return Err(MappingError::NoName);
        }
        let mut fields = Vec::new();
        for (field, sources) in &self.fields {
            let alternatives = sources
                .alternatives()
                .into_iter()
                .map(|source| Template::resolve(source, table, *field))
                .collect::<Result<Vec<_>, _>>()?;
            fields.push((*field, alternatives));
        }
        let used: Vec<usize> = fields
            .iter()
            .flat_map(|(_, alternatives)| alternatives.iter().flat_map(Template::columns))
            .collect();
        let unmapped = table
            .header
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, name)| name.clone())
            .collect();
        Ok(Mapping {
            label: self
                .label
                .clone()
                .unwrap_or_else(|| "Zuordnungsdatei".to_owned()),
            fields,
            unmapped,
        })
    }
}

/// A spec bound to one table.
#[derive(Clone, Debug)]
pub struct Mapping {
    pub label: String,
    fields: Vec<(Field, Vec<Template>)>,
    /// Columns of the file no field reads, reported so nothing is dropped unnoticed.
    pub unmapped: Vec<String>,
}

impl Mapping {
    /// The field's value in a row: the first alternative whose columns are all filled, trimmed;
    /// `None` when there is none.
    pub fn value(&self, field: Field, cells: &[String]) -> Option<String> {
        let (_, alternatives) = self.fields.iter().find(|(f, _)| *f == field)?;
        alternatives
            .iter()
            .find_map(|template| template.render(cells))
    }
}

#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Column(usize),
}

#[derive(Clone, Debug)]
struct Template(Vec<Piece>);

impl Template {
    fn resolve(source: &str, table: &Table, field: Field) -> Result<Self, MappingError> {
        let column = |name: &str| {
            table
                .column(name)
                .ok_or_else(|| MappingError::UnknownColumn {
                    field: field.label(),
                    column: name.to_owned(),
                    available: table.header.join(", "),
                })
        };
        if !source.contains('{') {
            return Ok(Self(vec![Piece::Column(column(source)?)]));
        }
        let mut pieces = Vec::new();
        let mut rest = source;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_owned()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| MappingError::Template(source.to_owned()))?;
            pieces.push(Piece::Column(column(&rest[open + 1..open + close])?));
            rest = &rest[open + close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        Ok(Self(pieces))
    }

    fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().filter_map(|piece| match piece {
            Piece::Column(i) => Some(*i),
            Piece::Text(_) => None,
        })
    }

    fn render(&self, cells: &[String]) -> Option<String> {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Column(i) => {
                    let cell = cells.get(*i).map(|cell| cell.trim()).unwrap_or_default();
                    if cell.is_empty() {
                        return None;
                    }
                    out.push_str(cell);
                }
            }
        }
        let out = out.trim();
        (!out.is_empty()).then(|| out.to_owned())
    }
}
