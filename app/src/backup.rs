//! `wifo backup` and `wifo restore`. A backup is a folder: consistent copies of the event log,
//! the key store and the credentials (SQLite `VACUUM INTO`, taken while the server runs), the
//! master key, and `manifest.json` with the log's head and a SHA-256 per file. The log is copied
//! before the keys, so a person erased during the backup has no key in it. Restore checks every
//! checksum, copies into an empty data directory, verifies the log, and re-applies erasures made
//! after the backup from any later log the operator names (`--erasures-from`): an erasure that is
//! in a log always wins over a backup that predates it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Context;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use wifo_domain::{ids::PersonId, person::PersonEvent};
use wifo_store::{Codec, CommandContext, embedded::backup};

use crate::data_dir::DataDir;

use crate::files::{AUTH_FILE, EVENTS_FILE, KEYS_FILE, MANIFEST_FILE, MASTER_KEY_FILE};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub created_at: chrono::DateTime<Utc>,
    pub wifo_version: String,
    /// Position of the last event in the backup.
    pub position: u64,
    pub events: u64,
    /// Hash-chain head (hex) at `position`.
    pub last_hash: String,
    /// File name → size and SHA-256 (hex).
    pub files: BTreeMap<String, FileSum>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    pub bytes: u64,
    pub sha256: String,
}

fn checksum(path: &Path) -> crate::error::Result<FileSum> {
    let bytes = std::fs::read(path).with_context(|| format!("{} nicht lesbar", path.display()))?;
    Ok(FileSum {
        bytes: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(&bytes)),
    })
}

fn ensure_empty_dir(path: &Path, what: &str) -> crate::error::Result<()> {
    if path.exists()
        && std::fs::read_dir(path)
            .with_context(|| format!("{} nicht lesbar", path.display()))?
            .next()
            .is_some()
    {
        crate::refuse!("{what} {} ist nicht leer.", path.display());
    }
    std::fs::create_dir_all(path)
        .with_context(|| format!("{} kann nicht angelegt werden", path.display()))
}

/// Takes a backup of the data directory `data` into the new folder `out`.
pub fn backup(data: &Path, out: &Path) -> crate::error::Result<Manifest> {
    if !data.join(EVENTS_FILE).is_file() {
        crate::refuse!("In {} gibt es kein Ereignisprotokoll.", data.display());
    }
    ensure_empty_dir(out, "Das Sicherungsverzeichnis")?;
    let copy = |name: &str| -> crate::error::Result<()> {
        backup::copy_consistent(&data.join(name), &out.join(name))
            .with_context(|| format!("{name} kann nicht gesichert werden"))
    };
    copy(EVENTS_FILE)?;
    copy(KEYS_FILE)?;
    if data.join(AUTH_FILE).is_file() {
        copy(AUTH_FILE)?;
    }
    std::fs::copy(data.join(MASTER_KEY_FILE), out.join(MASTER_KEY_FILE))
        .context("master.key kann nicht gesichert werden")?;
    restrict(&out.join(MASTER_KEY_FILE))?;
    let head = backup::log_head(&out.join(EVENTS_FILE))?;
    let mut files = BTreeMap::new();
    for name in [EVENTS_FILE, KEYS_FILE, AUTH_FILE, MASTER_KEY_FILE] {
        if out.join(name).is_file() {
            files.insert(name.to_owned(), checksum(&out.join(name))?);
        }
    }
    let manifest = Manifest {
        format: 1,
        created_at: Utc::now(),
        wifo_version: env!("CARGO_PKG_VERSION").to_owned(),
        position: head.position.0,
        events: head.events,
        last_hash: hex::encode(head.last_hash),
        files,
    };
    std::fs::write(
        out.join(MANIFEST_FILE),
        serde_json::to_vec_pretty(&manifest)?,
    )?;
    Ok(manifest)
}

#[cfg(unix)]
fn restrict(path: &Path) -> crate::error::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    Ok(())
}

#[cfg(not(unix))]
fn restrict(_: &Path) -> crate::error::Result<()> {
    Ok(())
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    pub manifest: Manifest,
    pub erasures_reapplied: usize,
}

/// Restores the backup folder `input` into the empty data directory `data`, then re-applies
/// the erasures recorded in the logs of `erasures_from` (data directories or backups).
pub async fn restore(
    input: &Path,
    data: &Path,
    erasures_from: &[PathBuf],
) -> crate::error::Result<Restored> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(input.join(MANIFEST_FILE))
            .with_context(|| format!("{} enthält kein {MANIFEST_FILE}", input.display()))?,
    )
    .context("manifest.json ist beschädigt")?;
    for (name, expected) in &manifest.files {
        let actual = checksum(&input.join(name))?;
        if &actual != expected {
            crate::refuse!(
                "Die Sicherung ist beschädigt: {name} hat nicht die Prüfsumme aus dem Manifest."
            );
        }
    }
    let erased = erasures_in(erasures_from)?;
    ensure_empty_dir(data, "Das Datenverzeichnis")?;
    for name in manifest.files.keys() {
        std::fs::copy(input.join(name), data.join(name))
            .with_context(|| format!("{name} kann nicht wiederhergestellt werden"))?;
    }
    restrict(&data.join(MASTER_KEY_FILE))?;
    let head = backup::log_head(&data.join(EVENTS_FILE))?;
    if head.position.0 != manifest.position || hex::encode(head.last_hash) != manifest.last_hash {
        crate::refuse!("Das wiederhergestellte Protokoll endet nicht dort, wo das Manifest sagt.");
    }
    let opened = DataDir::open(data)?;
    let already = erased_persons(&data.join(EVENTS_FILE), &opened.codec)?;
    let context = CommandContext::now("restore");
    let mut reapplied = 0;
    for (person, (erased_on, reason)) in erased {
        if already.contains_key(&person) {
            continue;
        }
        let exists = opened
            .handler
            .load::<wifo_domain::person::Person>(&person.to_string())
            .await?
            .1
            .is_some();
        if exists {
            crate::privacy::erase_person(&opened, person, erased_on, reason, &context).await?;
        } else {
            opened.keys.erase(person.as_uuid())?;
        }
        reapplied += 1;
    }
    opened.store.close();
    Ok(Restored {
        manifest,
        erasures_reapplied: reapplied,
    })
}

type Erasures = BTreeMap<PersonId, (chrono::NaiveDate, wifo_domain::person::ErasureReason)>;

fn erasures_in(sources: &[PathBuf]) -> crate::error::Result<Erasures> {
    let codec = Codec::new(None);
    let mut all = Erasures::new();
    for source in sources {
        let log = source.join(EVENTS_FILE);
        if !log.is_file() {
            crate::refuse!("{} enthält kein Ereignisprotokoll.", source.display());
        }
        all.extend(erased_persons(&log, &codec)?);
    }
    Ok(all)
}

/// Every `PersonErased` in the log file at `path`, read without opening it for writing.
fn erased_persons(path: &Path, codec: &Codec) -> crate::error::Result<Erasures> {
    let mut found = Erasures::new();
    wifo_store::embedded::verify(path, |recorded| {
        if recorded.event_type == "PersonErased"
            && let Ok(PersonEvent::Erased {
                person,
                erased_on,
                reason,
            }) = codec.decode::<PersonEvent>(recorded)
        {
            found.insert(person, (erased_on, reason));
        }
        Ok(())
    })?;
    Ok(found)
}
