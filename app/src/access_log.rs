//! The access log (BSI IT-Grundschutz OPS.1.1.5, DSGVO Art. 5(2)): every time a person's
//! personal data is opened — who, when, which person, through which route and why. It is itself
//! personal data, so it lives outside the event log, in `access.sqlite` of the data directory,
//! with its own retention (`purge_before`). It names a person by id only, never by name, so an
//! erasure leaves it readable and pseudonymous. **Each entry carries the SHA-256 of the
//! previous entry's hash and its own fields**; `verify` recomputes the chain, so an entry
//! changed or removed in the middle is found. Purging the oldest entries keeps the hash of the
//! last purged one as the chain's anchor.

use std::path::Path;
use std::sync::Mutex;

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;
use wifo_domain::{ids::PersonId, values::Role};

use crate::error::{AppError, Context, Result};

/// The file of the access log inside a data directory.
pub const ACCESS_FILE: &str = "access.sqlite";

/// Why personal data was opened. Deliberately a closed list: the UI offers it where it asks.
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
pub enum AccessPurpose {
    /// The daily work with a business and its contact persons.
    Casework,
    /// Invitations to a gathering.
    Invitation,
    /// A newsletter or a serial letter.
    Newsletter,
    /// An evaluation or a report.
    Evaluation,
    /// An access request of the data subject (Art. 15).
    AccessRequest,
    /// An erasure (Art. 17) or the review of retention periods.
    Erasure,
}

impl AccessPurpose {
    pub const ALL: [AccessPurpose; 6] = [
        AccessPurpose::Casework,
        AccessPurpose::Invitation,
        AccessPurpose::Newsletter,
        AccessPurpose::Evaluation,
        AccessPurpose::AccessRequest,
        AccessPurpose::Erasure,
    ];

    /// The purposes a user may choose for an export.
    pub const FOR_EXPORTS: [AccessPurpose; 4] = [
        AccessPurpose::Casework,
        AccessPurpose::Invitation,
        AccessPurpose::Newsletter,
        AccessPurpose::Evaluation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AccessPurpose::Casework => "Betreuung (Vorgangsbearbeitung)",
            AccessPurpose::Invitation => "Einladung zu einer Veranstaltung",
            AccessPurpose::Newsletter => "Newsletter oder Serienbrief",
            AccessPurpose::Evaluation => "Auswertung",
            AccessPurpose::AccessRequest => "Auskunft nach Art. 15 DSGVO",
            AccessPurpose::Erasure => "Löschung oder Prüfung der Aufbewahrung",
        }
    }

    /// The purpose named by its code (`casework`, `invitation`, …).
    pub fn parse(code: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|purpose| purpose.code() == code.trim())
            .ok_or_else(|| {
                AppError::refused(format!(
                    "Unbekannter Zweck „{code}“; erlaubt: {}",
                    Self::ALL.map(Self::code).join(", ")
                ))
            })
    }

    pub fn code(self) -> &'static str {
        match self {
            AccessPurpose::Casework => "casework",
            AccessPurpose::Invitation => "invitation",
            AccessPurpose::Newsletter => "newsletter",
            AccessPurpose::Evaluation => "evaluation",
            AccessPurpose::AccessRequest => "access_request",
            AccessPurpose::Erasure => "erasure",
        }
    }
}

/// One access to be written.
#[derive(Clone, Debug)]
pub struct Access<'a> {
    pub user: &'a str,
    pub role: Role,
    /// The person (or the sender of a public inquiry) whose data was opened.
    pub person: Uuid,
    /// The route, e.g. `GET /personen/{id}`.
    pub route: &'a str,
    pub purpose: AccessPurpose,
}

/// One entry as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AccessEntry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub user: String,
    pub role: Role,
    pub person: Uuid,
    pub route: String,
    pub purpose: AccessPurpose,
}

/// The access log of one data directory, opened at its first use (so a command that opens no
/// personal data creates no file).
#[derive(Debug)]
pub struct AccessLog {
    dir: std::path::PathBuf,
    connection: std::sync::OnceLock<Mutex<Connection>>,
}

fn chain(previous: &[u8], entry: &AccessEntry) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(previous);
    for field in [
        entry.seq.to_string(),
        entry.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        entry.user.clone(),
        entry.role.as_str().to_owned(),
        entry.person.to_string(),
        entry.route.clone(),
        entry.purpose.code().to_owned(),
    ] {
        hash.update((field.len() as u64).to_le_bytes());
        hash.update(field.as_bytes());
    }
    hash.finalize().to_vec()
}

fn broken(seq: u64) -> AppError {
    AppError::refused(format!(
        "Das Zugriffsprotokoll ist ab Eintrag {seq} verändert worden: die Prüfsummenkette stimmt nicht."
    ))
}

impl AccessLog {
    /// The access log of the data directory `dir`.
    pub fn at(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            connection: std::sync::OnceLock::new(),
        }
    }

    /// Opens (or creates) `access.sqlite` in `dir`.
    fn open(dir: &Path) -> Result<Connection> {
        let connection = Connection::open(dir.join(ACCESS_FILE))
            .context("access.sqlite kann nicht geöffnet werden")?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS access (
                 seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, role TEXT NOT NULL,
                 person TEXT NOT NULL, route TEXT NOT NULL, purpose TEXT NOT NULL, hash BLOB NOT NULL);
             CREATE INDEX IF NOT EXISTS access_person ON access (person, seq);
             CREATE TABLE IF NOT EXISTS anchor (
                 id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash BLOB NOT NULL);",
        )?;
        Ok(connection)
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Connection>> {
        let connection = match self.connection.get() {
            Some(connection) => connection,
            None => {
                let opened = Self::open(&self.dir)?;
                self.connection.get_or_init(|| Mutex::new(opened))
            }
        };
        connection.lock().map_err(|_| {
            AppError::refused(
                "Das Zugriffsprotokoll ist nach einem früheren Fehler gesperrt; bitte den Server neu starten.",
            )
        })
    }

    /// Writes `accesses` at `at`, all or none.
    pub fn record_at(&self, accesses: &[Access<'_>], at: DateTime<Utc>) -> Result<()> {
        if accesses.is_empty() {
            return Ok(());
        }
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let last: Option<(u64, Vec<u8>)> = transaction
            .query_row(
                "SELECT seq, hash FROM access ORDER BY seq DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let (mut seq, mut previous) = match last {
            Some(last) => last,
            None => transaction
                .query_row("SELECT seq, hash FROM anchor WHERE id = 1", [], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })
                .optional()?
                .unwrap_or((0, Vec::new())),
        };
        for access in accesses {
            seq += 1;
            let entry = AccessEntry {
                seq,
                at,
                user: access.user.to_owned(),
                role: access.role,
                person: access.person,
                route: access.route.to_owned(),
                purpose: access.purpose,
            };
            let hash = chain(&previous, &entry);
            transaction.execute(
                "INSERT INTO access (seq, at, user, role, person, route, purpose, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    seq,
                    at.to_rfc3339_opts(SecondsFormat::Micros, true),
                    entry.user,
                    entry.role.as_str(),
                    entry.person.to_string(),
                    entry.route,
                    entry.purpose.code(),
                    hash,
                ],
            )?;
            previous = hash;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Writes that `caller` opened the data of `persons` through `route` for `purpose`, one
    /// entry each, now.
    pub fn opened(
        &self,
        caller: &crate::auth::Caller,
        persons: impl IntoIterator<Item = PersonId>,
        route: &str,
        purpose: AccessPurpose,
    ) -> Result<()> {
        let accesses: Vec<Access<'_>> = persons
            .into_iter()
            .map(|person| Access {
                user: caller.user.as_str(),
                role: caller.role,
                person: person.as_uuid(),
                route,
                purpose,
            })
            .collect();
        self.record(&accesses)
    }

    /// Writes `accesses` now.
    pub fn record(&self, accesses: &[Access<'_>]) -> Result<()> {
        self.record_at(accesses, Utc::now())
    }

    /// The entries, newest first — about one person, or all — at most `limit`.
    pub fn entries(&self, person: Option<Uuid>, limit: usize) -> Result<Vec<AccessEntry>> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT seq, at, user, role, person, route, purpose FROM access
             WHERE ?1 IS NULL OR person = ?1 ORDER BY seq DESC LIMIT ?2",
        )?;
        let rows = statement.query_map(
            params![person.map(|person| person.to_string()), limit as i64],
            |row| {
                Ok((
                    row.get::<_, u64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, String>(6)?,
                ))
            },
        )?;
        let mut entries = Vec::new();
        for row in rows {
            let (seq, at, user, role, person, route, purpose) = row?;
            let at = DateTime::parse_from_rfc3339(&at)
                .map_err(|_| broken(seq))?
                .with_timezone(&Utc);
            entries.push(AccessEntry {
                seq,
                at,
                user,
                role: Role::parse(&role).map_err(|_| broken(seq))?,
                person: Uuid::parse_str(&person).map_err(|_| broken(seq))?,
                route,
                purpose: AccessPurpose::parse(&purpose).map_err(|_| broken(seq))?,
            });
        }
        Ok(entries)
    }

    /// Recomputes the chain from the anchor; the number of entries checked, or where it breaks.
    pub fn verify(&self) -> Result<u64> {
        let mut entries = self.entries(None, usize::MAX >> 2)?;
        entries.reverse();
        let connection = self.lock()?;
        let (anchor_seq, mut previous): (u64, Vec<u8>) = connection
            .query_row("SELECT seq, hash FROM anchor WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?
            .unwrap_or((0, Vec::new()));
        let mut statement = connection.prepare("SELECT hash FROM access WHERE seq = ?1")?;
        let mut expected_seq = anchor_seq;
        for entry in &entries {
            expected_seq += 1;
            if entry.seq != expected_seq {
                return Err(broken(expected_seq));
            }
            let stored: Vec<u8> = statement.query_row([entry.seq], |row| row.get(0))?;
            let hash = chain(&previous, entry);
            if stored != hash {
                return Err(broken(entry.seq));
            }
            previous = hash;
        }
        Ok(entries.len() as u64)
    }

    /// Deletes the entries written before `cutoff` (the retention period of the log), keeping
    /// the last deleted entry's hash as the anchor of the chain; the number deleted.
    pub fn purge_before(&self, cutoff: DateTime<Utc>) -> Result<u64> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let cutoff = cutoff.to_rfc3339_opts(SecondsFormat::Micros, true);
        let last: Option<(u64, Vec<u8>)> = transaction
            .query_row(
                "SELECT seq, hash FROM access WHERE at < ?1 ORDER BY seq DESC LIMIT 1",
                [&cutoff],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((seq, hash)) = last else {
            return Ok(0);
        };
        let deleted = transaction.execute("DELETE FROM access WHERE seq <= ?1", [seq])?;
        transaction.execute(
            "INSERT INTO anchor (id, seq, hash) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            params![seq, hash],
        )?;
        transaction.commit()?;
        Ok(deleted as u64)
    }
}

#[cfg(test)]
#[path = "access_log_tests.rs"]
mod tests;
