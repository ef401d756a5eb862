//! The `taxonomy` streams: the editable classifications (topics, offices, regions, sectors), one
//! stream per kind (`taxonomy-topics`, …). Entries are defined in batches, so importing 542
//! Planungsräume is one event, and are renamed, retired and reactivated but never deleted, because
//! old inquiries and visits keep pointing at their codes. Codes are checked by kind: slugs for
//! topics and offices, LOR codes for regions, WZ 2008 codes for sectors, whose parents follow from
//! the code's shape.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    values::{Code, InvalidValue, RegionCode, Title, WzCode},
};

#[path = "taxonomy_outlines.rs"]
mod outlines;
pub use outlines::{DrawOutlines, DrawnOutline, RegionOutline};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    #[error("Ungültiger Schlüssel „{code}“ für {}: {reason}", .taxonomy.label())]
    InvalidCode {
        taxonomy: TaxonomyKind,
        code: String,
        reason: InvalidValue,
    },
    #[error("Ungültiger Name für „{code}“: {reason}")]
    InvalidName { code: String, reason: InvalidValue },
    #[error("Der Eintrag „{0}“ ist bereits angelegt")]
    AlreadyDefined(String),
    #[error("Der Eintrag „{0}“ kommt in der Liste mehrfach vor")]
    DefinedTwice(String),
    #[error("Der übergeordnete Eintrag „{parent}“ von „{code}“ ist nicht angelegt")]
    UnknownParent { code: String, parent: String },
    #[error("Der übergeordnete Eintrag „{parent}“ von „{code}“ ist stillgelegt")]
    ParentRetired { code: String, parent: String },
    #[error("„{code}“ gehört nach seinem Schlüssel nicht unter „{given}“")]
    WrongParent {
        code: String,
        given: String,
        expected: Option<String>,
    },
    #[error("„{0}“ ist bereits unter einem anderen übergeordneten Eintrag angelegt")]
    ParentDiffers(String),
    #[error("Der Eintrag „{0}“ ist nicht angelegt")]
    UnknownCode(String),
    #[error("„{0}“ trägt diesen Namen bereits")]
    SameName(String),
    #[error("Der Eintrag „{0}“ ist bereits stillgelegt")]
    AlreadyRetired(String),
    #[error("Der Eintrag „{0}“ ist nicht stillgelegt")]
    NotRetired(String),
    #[error("„{code}“ hat noch {count} aktive Untereinträge")]
    HasActiveChildren { code: String, count: usize },
    #[error("Umrisse gibt es nur für Regionen, nicht für {}", .0.label())]
    OutlinesOnlyForRegions(TaxonomyKind),
    #[error("Ungültiger Umriss für „{code}“: {reason}")]
    InvalidOutline { code: String, reason: InvalidValue },
    #[error("Die Quellenangabe der Umrisse fehlt oder ist ungültig: {0}")]
    InvalidSource(InvalidValue),
    #[error("Die Datei enthält keinen Umriss")]
    NoOutlines,
    #[error("Keine neuen oder geänderten Umrisse: alle sind bereits so übernommen")]
    OutlinesUnchanged,
}

// ---------------------------------------------------------------------------------------------
// Values

/// Which classification a stream holds; also the stream id.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TaxonomyKind {
    Topics,
    Offices,
    Regions,
    Sectors,
    /// Who of the leadership may take part in a visit (Bürgermeister/in, Senator/in …).
    Leadership,
}

impl TaxonomyKind {
    pub const ALL: [TaxonomyKind; 5] = [
        TaxonomyKind::Topics,
        TaxonomyKind::Offices,
        TaxonomyKind::Regions,
        TaxonomyKind::Sectors,
        TaxonomyKind::Leadership,
    ];

    pub fn parse(text: &str) -> Result<Self, InvalidValue> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text.trim())
            .ok_or_else(|| {
                InvalidValue::malformed(
                    "Klassifikation",
                    text,
                    "topics, offices, regions, sectors oder leadership",
                )
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TaxonomyKind::Topics => "topics",
            TaxonomyKind::Offices => "offices",
            TaxonomyKind::Regions => "regions",
            TaxonomyKind::Sectors => "sectors",
            TaxonomyKind::Leadership => "leadership",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TaxonomyKind::Topics => "Themen",
            TaxonomyKind::Offices => "Ämter und Stellen",
            TaxonomyKind::Regions => "Regionen",
            TaxonomyKind::Sectors => "Branchen (WZ 2008)",
            TaxonomyKind::Leadership => "Leitungsebene bei Besuchen",
        }
    }

    /// The canonical form of a code of this kind (`1071` → `10.71` for sectors) and the parent
    /// its shape implies (regions and sectors only; topics and offices name their parents).
    pub fn parse_code(self, code: &str) -> Result<(String, Option<String>), TaxonomyError> {
        let parsed = match self {
            TaxonomyKind::Topics | TaxonomyKind::Offices | TaxonomyKind::Leadership => {
                Code::parse(code).map(|code| (code.into(), None))
            }
            TaxonomyKind::Regions => RegionCode::parse(code)
                .map(|code| (code.to_string(), code.parent().map(String::from))),
            TaxonomyKind::Sectors => {
                WzCode::parse(code).map(|code| (code.to_string(), code.parent().map(String::from)))
            }
        };
        parsed.map_err(|reason| TaxonomyError::InvalidCode {
            taxonomy: self,
            code: code.to_owned(),
            reason,
        })
    }
}

/// One entry as imported or defined: raw text in commands, canonical text in events.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entry {
    /// A `Code` for topics and offices, a `RegionCode` for regions, a `WzCode` for sectors.
    #[schemars(length(min = 1, max = Code::MAX_LEN))]
    pub code: String,
    #[schemars(length(min = 1, max = Title::MAX_CHARS))]
    pub name: String,
    #[schemars(length(min = 1, max = Code::MAX_LEN))]
    pub parent: Option<String>,
}

impl Entry {
    pub fn new(code: &str, name: &str, parent: Option<&str>) -> Self {
        Self {
            code: code.to_owned(),
            name: name.to_owned(),
            parent: parent.map(str::to_owned),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DefineEntries {
    pub taxonomy: TaxonomyKind,
    /// Parents come before their children. For regions and sectors a missing parent is taken
    /// from the code's shape.
    pub entries: Vec<Entry>,
    /// For re-imports: entries identical to existing ones are skipped and ones with a new name
    /// are renamed, instead of refusing the whole batch as duplicates.
    pub skip_existing: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RenameEntry {
    pub taxonomy: TaxonomyKind,
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RetireEntry {
    pub taxonomy: TaxonomyKind,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReactivateEntry {
    pub taxonomy: TaxonomyKind,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum TaxonomyCommand {
    Define(DefineEntries),
    Rename(RenameEntry),
    Retire(RetireEntry),
    Reactivate(ReactivateEntry),
    DrawOutlines(DrawOutlines),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum TaxonomyEvent {
    #[serde(rename = "TaxonomyEntriesDefined")]
    EntriesDefined {
        taxonomy: TaxonomyKind,
        entries: Vec<Entry>,
    },
    #[serde(rename = "TaxonomyEntryRenamed")]
    EntryRenamed {
        taxonomy: TaxonomyKind,
        code: String,
        name: String,
    },
    #[serde(rename = "TaxonomyEntryRetired")]
    EntryRetired {
        taxonomy: TaxonomyKind,
        code: String,
    },
    #[serde(rename = "TaxonomyEntryReactivated")]
    EntryReactivated {
        taxonomy: TaxonomyKind,
        code: String,
    },
    /// Map outlines of regions, with the source a map drawn from them must name.
    #[serde(rename = "RegionOutlinesImported")]
    OutlinesImported {
        taxonomy: TaxonomyKind,
        source: String,
        outlines: Vec<RegionOutline>,
    },
}

impl TaxonomyEvent {
    /// The taxonomy the event changes.
    pub fn taxonomy(&self) -> TaxonomyKind {
        match self {
            Self::EntriesDefined { taxonomy, .. }
            | Self::EntryRenamed { taxonomy, .. }
            | Self::EntryRetired { taxonomy, .. }
            | Self::EntryReactivated { taxonomy, .. }
            | Self::OutlinesImported { taxonomy, .. } => *taxonomy,
        }
    }
}

impl DomainEvent for TaxonomyEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "TaxonomyEntriesDefined",
        "TaxonomyEntryRenamed",
        "TaxonomyEntryRetired",
        "TaxonomyEntryReactivated",
        "RegionOutlinesImported",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DefinedEntry {
    pub name: String,
    pub parent: Option<String>,
    pub retired: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaxonomyState {
    /// Every entry ever defined, by canonical code.
    pub entries: BTreeMap<String, DefinedEntry>,
    /// Map outlines by region code (regions only; the latest import of a code counts).
    #[serde(default)]
    pub outlines: BTreeMap<String, DrawnOutline>,
}

impl TaxonomyState {
    /// Codes of the entries directly below `code` that are not retired.
    pub fn active_children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .filter(move |(_, entry)| !entry.retired && entry.parent.as_deref() == Some(code))
            .map(|(child, _)| child.as_str())
    }
}

/// The decider of the `taxonomy` streams.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Taxonomy;

impl Decider for Taxonomy {
    const CATEGORY: &'static str = "taxonomy";
    type Command = TaxonomyCommand;
    type Event = TaxonomyEvent;
    type State = TaxonomyState;
    type Error = TaxonomyError;

    fn stream_id(command: &TaxonomyCommand) -> String {
        use TaxonomyCommand as C;
        let kind = match command {
            C::Define(c) => c.taxonomy,
            C::Rename(c) => c.taxonomy,
            C::Retire(c) => c.taxonomy,
            C::Reactivate(c) => c.taxonomy,
            C::DrawOutlines(c) => c.taxonomy,
        };
        kind.as_str().to_owned()
    }

    fn evolve(mut state: TaxonomyState, event: &TaxonomyEvent) -> TaxonomyState {
        use TaxonomyEvent as E;
        match event {
            E::EntriesDefined { entries, .. } => {
                for entry in entries {
                    state.entries.insert(
                        entry.code.clone(),
                        DefinedEntry {
                            name: entry.name.clone(),
                            parent: entry.parent.clone(),
                            retired: false,
                        },
                    );
                }
            }
            E::EntryRenamed { code, name, .. } => {
                if let Some(entry) = state.entries.get_mut(code) {
                    entry.name = name.clone();
                }
            }
            E::EntryRetired { code, .. } => {
                if let Some(entry) = state.entries.get_mut(code) {
                    entry.retired = true;
                }
            }
            E::EntryReactivated { code, .. } => {
                if let Some(entry) = state.entries.get_mut(code) {
                    entry.retired = false;
                }
            }
            E::OutlinesImported {
                source, outlines, ..
            } => {
                for drawn in outlines {
                    state.outlines.insert(
                        drawn.code.clone(),
                        DrawnOutline {
                            outline: drawn.outline.clone(),
                            source: source.clone(),
                        },
                    );
                }
            }
        }
        state
    }

    fn decide(
        command: &TaxonomyCommand,
        state: &TaxonomyState,
    ) -> Result<Vec<TaxonomyEvent>, TaxonomyError> {
        use TaxonomyCommand as C;
        use TaxonomyEvent as E;
        let events = match command {
            C::Define(c) => return define(c, state),
            C::DrawOutlines(c) => return outlines::draw(c, state),
            C::Rename(c) => {
                let (code, _) = c.taxonomy.parse_code(&c.code)?;
                let entry = known(state, &code)?;
                let name = canonical_name(&code, &c.name)?;
                if entry.name == name {
                    return Err(TaxonomyError::SameName(code));
                }
                vec![E::EntryRenamed {
                    taxonomy: c.taxonomy,
                    code,
                    name,
                }]
            }
            C::Retire(c) => {
                let (code, _) = c.taxonomy.parse_code(&c.code)?;
                if known(state, &code)?.retired {
                    return Err(TaxonomyError::AlreadyRetired(code));
                }
                let count = state.active_children(&code).count();
                if count > 0 {
                    return Err(TaxonomyError::HasActiveChildren { code, count });
                }
                vec![E::EntryRetired {
                    taxonomy: c.taxonomy,
                    code,
                }]
            }
            C::Reactivate(c) => {
                let (code, _) = c.taxonomy.parse_code(&c.code)?;
                let entry = known(state, &code)?;
                if !entry.retired {
                    return Err(TaxonomyError::NotRetired(code));
                }
                // An active entry never hangs below a retired one.
                if let Some(parent) = &entry.parent
                    && state.entries.get(parent).is_some_and(|p| p.retired)
                {
                    return Err(TaxonomyError::ParentRetired {
                        code,
                        parent: parent.clone(),
                    });
                }
                vec![E::EntryReactivated {
                    taxonomy: c.taxonomy,
                    code,
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &TaxonomyCommand) -> bool {
        // A rename replaces the name the user saw.
        !matches!(command, TaxonomyCommand::Rename(_))
    }
}

/// Checks a batch entry by entry, in order, so a parent may be defined earlier in the same batch.
fn define(
    command: &DefineEntries,
    state: &TaxonomyState,
) -> Result<Vec<TaxonomyEvent>, TaxonomyError> {
    let kind = command.taxonomy;
    let mut new_entries = Vec::new();
    let mut renames = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in &command.entries {
        let (code, shape_parent) = kind.parse_code(&entry.code)?;
        if seen.contains(&code) {
            return Err(TaxonomyError::DefinedTwice(code));
        }
        let name = canonical_name(&code, &entry.name)?;
        let parent = recorded_parent(kind, &code, shape_parent, entry.parent.as_deref())?;
        if let Some(existing) = state.entries.get(&code) {
            if !command.skip_existing {
                return Err(TaxonomyError::AlreadyDefined(code));
            }
            if existing.parent != parent {
                return Err(TaxonomyError::ParentDiffers(code));
            }
            seen.insert(code.clone());
            if existing.name != name {
                renames.push(TaxonomyEvent::EntryRenamed {
                    taxonomy: kind,
                    code,
                    name,
                });
            }
            continue;
        }
        if let Some(parent) = &parent {
            match state.entries.get(parent) {
                Some(defined) if defined.retired => {
                    return Err(TaxonomyError::ParentRetired {
                        code,
                        parent: parent.clone(),
                    });
                }
                Some(_) => {}
                // `seen` holds only earlier entries, so no entry can be its own parent.
                None if seen.contains(parent) => {}
                None => {
                    return Err(TaxonomyError::UnknownParent {
                        code,
                        parent: parent.clone(),
                    });
                }
            }
        }
        seen.insert(code.clone());
        new_entries.push(Entry { code, name, parent });
    }
    let mut events = Vec::with_capacity(renames.len() + 1);
    if !new_entries.is_empty() {
        events.push(TaxonomyEvent::EntriesDefined {
            taxonomy: kind,
            entries: new_entries,
        });
    }
    events.extend(renames);
    Ok(events)
}

fn known<'a>(state: &'a TaxonomyState, code: &str) -> Result<&'a DefinedEntry, TaxonomyError> {
    state
        .entries
        .get(code)
        .ok_or_else(|| TaxonomyError::UnknownCode(code.to_owned()))
}

/// Names follow the rules of a `Title`: trimmed, blanks collapsed, not empty.
fn canonical_name(code: &str, name: &str) -> Result<String, TaxonomyError> {
    Title::parse(name)
        .map(String::from)
        .map_err(|reason| TaxonomyError::InvalidName {
            code: code.to_owned(),
            reason,
        })
}

/// The parent to record: for regions and sectors the shape's parent (a given one must match
/// it), for topics and offices the given one.
fn recorded_parent(
    kind: TaxonomyKind,
    code: &str,
    shape_parent: Option<String>,
    given: Option<&str>,
) -> Result<Option<String>, TaxonomyError> {
    let given = given.map(str::trim).filter(|parent| !parent.is_empty());
    if matches!(
        kind,
        TaxonomyKind::Topics | TaxonomyKind::Offices | TaxonomyKind::Leadership
    ) {
        return Ok(given.map(str::to_owned));
    }
    if let Some(given) = given
        && kind.parse_code(given).ok().map(|(canonical, _)| canonical) != shape_parent
    {
        return Err(TaxonomyError::WrongParent {
            code: code.to_owned(),
            given: given.to_owned(),
            expected: shape_parent,
        });
    }
    Ok(shape_parent)
}

#[cfg(test)]
#[path = "taxonomy_tests.rs"]
mod tests;
