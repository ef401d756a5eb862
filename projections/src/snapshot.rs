//! The snapshot file: all views and the position they reflect, so a restart replays only what
//! came after. Written to a temporary file, fsynced and renamed, so a crash leaves either the old
//! or the new snapshot, never half of one. A snapshot of another format version is ignored and
//! the views are rebuilt from the log.

use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::facts::FactTables;
use crate::views::Views;

/// Bump when `Views` changes shape; old snapshots are then rebuilt from the log.
const FORMAT: u32 = 16;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("snapshot {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("snapshot could not be written: {0}")]
    Encode(String),
}

/// The fact tables come first and apart from the other views, so a report process can read them
/// and skip the rest without building it (`load_facts`).
#[derive(Serialize, schemars::JsonSchema)]
struct Written<'a> {
    format: u32,
    facts: &'a FactTables,
    views: &'a Views,
}

#[derive(Deserialize)]
struct Read {
    format: u32,
    facts: FactTables,
    views: Views,
}

#[derive(Deserialize)]
struct ReadFacts {
    format: u32,
    facts: FactTables,
    #[allow(dead_code)]
    views: serde::de::IgnoredAny,
}

/// Writes the views atomically to `path`.
pub fn save(path: &Path, views: &Views) -> Result<(), SnapshotError> {
    let io = |source| SnapshotError::Io {
        path: path.display().to_string(),
        source,
    };
    let temporary = path.with_extension("tmp");
    let file = std::fs::File::create(&temporary).map_err(io)?;
    let mut writer = BufWriter::new(file);
    // Positional (field names are not written): the snapshot is read back only by the same
    // format version, and it is about a third smaller and faster to load.
    rmp_serde::encode::write(
        &mut writer,
        &Written {
            format: FORMAT,
            facts: &views.facts,
            views,
        },
    )
    .map_err(|error| SnapshotError::Encode(error.to_string()))?;
    writer.flush().map_err(io)?;
    let file = writer
        .into_inner()
        .map_err(|error| io(error.into_error()))?;
    file.sync_all().map_err(io)?;
    std::fs::rename(&temporary, path).map_err(io)?;
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Reads a snapshot; `None` if there is none, it is unreadable, or of another format.
pub fn load(path: &Path) -> Option<Views> {
    let file = std::fs::File::open(path).ok()?;
    match rmp_serde::from_read::<_, Read>(BufReader::new(file)) {
        Ok(read) if read.format == FORMAT => {
            let mut views = read.views;
            views.facts = read.facts;
            Some(views)
        }
        Ok(read) => {
            tracing::info!(
                format = read.format,
                "snapshot of another format, rebuilding"
            );
            None
        }
        Err(error) => {
            tracing::warn!(%error, "snapshot unreadable, rebuilding");
            None
        }
    }
}

/// Reads only the fact tables of a snapshot, skipping the other views without building them;
/// `None` as for `load`.
pub fn load_facts(path: &Path) -> Option<FactTables> {
    let file = std::fs::File::open(path).ok()?;
    match rmp_serde::from_read::<_, ReadFacts>(BufReader::new(file)) {
        Ok(read) if read.format == FORMAT => Some(read.facts),
        Ok(_) => None,
        Err(error) => {
            tracing::warn!(%error, "snapshot unreadable, rebuilding the fact tables");
            None
        }
    }
}
