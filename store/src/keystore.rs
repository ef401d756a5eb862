//! Per-person keys for personal data, kept outside the event log (DESIGN.md "Data protection").
//! Each person's key is random, stored wrapped (encrypted) with a master key; the master key is
//! a separate file created at first start with mode 0600. The wrapped keys live in `keys.sqlite`
//! beside the embedded log, or — with a KurrentDB cluster — in one key stream per person on the
//! cluster (`kurrent/keys.rs`), outside wifo's log. Erasing a person deletes their key (SQLite's
//! `secure_delete`, or a hard-deleted stream that the next scavenge removes from disk), after
//! which every copy of their personal data — in the log, in backups of the log — is ciphertext
//! nobody can read.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

pub use crate::keystore_error::KeyStoreError;

const NONCE_LEN: usize = 12;

/// A person's data key.
#[derive(Clone)]
pub struct PersonKey(Key);

impl std::fmt::Debug for PersonKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonKey(…)")
    }
}

impl PersonKey {
    /// Encrypts with a fresh random nonce; the subject id is bound as associated data, so a
    /// ciphertext cannot be moved to another person. Output: nonce ‖ ciphertext.
    pub fn seal(&self, subject: Uuid, plaintext: &[u8]) -> Result<Vec<u8>, KeyStoreError> {
        seal(&self.0, subject, plaintext)
    }

    /// Decrypts what `seal` produced; `None` if it was tampered with or is for someone else.
    pub fn open(&self, subject: Uuid, sealed: &[u8]) -> Option<Vec<u8>> {
        open(&self.0, subject, sealed)
    }
}

fn random_bytes<const N: usize>() -> Result<[u8; N], KeyStoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| KeyStoreError::Random(error.to_string()))?;
    Ok(bytes)
}

fn seal(key: &Key, subject: Uuid, plaintext: &[u8]) -> Result<Vec<u8>, KeyStoreError> {
    let nonce_bytes: [u8; NONCE_LEN] = random_bytes()?;
    let cipher = ChaCha20Poly1305::new(key);
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce_bytes),
            Payload {
                msg: plaintext,
                aad: subject.as_bytes(),
            },
        )
        .map_err(|_| KeyStoreError::Encrypt)?;
    let mut sealed = nonce_bytes.to_vec();
    sealed.extend(ciphertext);
    Ok(sealed)
}

fn open(key: &Key, subject: Uuid, sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    ChaCha20Poly1305::new(key)
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: subject.as_bytes(),
            },
        )
        .ok()
}

/// The key store of one office.
pub struct KeyStore {
    master: Key,
    backend: Backend,
    cache: RwLock<HashMap<Uuid, (PersonKey, Instant)>>,
    /// How long a cached key is trusted; `None`: for ever (one process owns `keys.sqlite`).
    cache_for: Option<Duration>,
}

/// Where the wrapped keys are kept.
enum Backend {
    /// `keys.sqlite` in the data directory.
    Sqlite(Mutex<Connection>),
    /// On the server every instance shares (KurrentDB key streams, a PostgreSQL table).
    Shared(Box<dyn crate::shared_keys::SharedKeys>),
}

/// With several instances on one cluster or database, an erasure on one instance reaches the
/// others' key caches at the latest after this long.
pub const SHARED_KEY_CACHE: Duration = Duration::from_secs(10);

impl std::fmt::Debug for KeyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyStore")
    }
}

/// File name of the wrapped person keys inside a data directory.
pub const KEYS_FILE: &str = "keys.sqlite";
/// File name of the master key (0600) inside a data directory.
pub const MASTER_KEY_FILE: &str = "master.key";

impl KeyStore {
    /// Opens `keys.sqlite` and `master.key` in `dir`, creating both on first start.
    pub fn open(dir: &Path) -> Result<Self, KeyStoreError> {
        let master = load_or_create_master_key(&dir.join(MASTER_KEY_FILE))?;
        let connection = Connection::open(dir.join(KEYS_FILE))?;
        // A rollback journal (not WAL) plus secure_delete: a deleted key's bytes are overwritten
        // in the file and no old copy lingers in a write-ahead log.
        connection.pragma_update(None, "journal_mode", "DELETE")?;
        connection.pragma_update(None, "secure_delete", "ON")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS person_keys (person BLOB PRIMARY KEY, wrapped BLOB NOT NULL)",
        )?;
        Ok(Self {
            master: *Key::from_slice(&master),
            backend: Backend::Sqlite(Mutex::new(connection)),
            cache: RwLock::new(HashMap::new()),
            cache_for: None,
        })
    }

    /// Opens the keys on a server every instance shares (KurrentDB key streams, a PostgreSQL
    /// key table) with `master.key` from `dir` (created on the first instance, copied to every
    /// other). Refuses a master key that differs from the one the shared keys are wrapped with.
    pub fn open_shared(
        dir: &Path,
        shared: Box<dyn crate::shared_keys::SharedKeys>,
    ) -> Result<Self, KeyStoreError> {
        let master = load_or_create_master_key(&dir.join(MASTER_KEY_FILE))?;
        let check = crate::shared_keys::master_check(&master);
        if !shared.agree_on_master(check)? {
            return Err(KeyStoreError::ForeignMasterKey);
        }
        Ok(Self {
            master: *Key::from_slice(&master),
            backend: Backend::Shared(shared),
            cache: RwLock::new(HashMap::new()),
            cache_for: Some(SHARED_KEY_CACHE),
        })
    }

    /// The person's key, if it exists (it does not after erasure).
    pub fn key(&self, person: Uuid) -> Result<Option<PersonKey>, KeyStoreError> {
        if let Some(key) = self.cached(person) {
            return Ok(Some(key));
        }
        let Some(wrapped) = self.load_wrapped(person)? else {
            return Ok(None);
        };
        let raw = open(&self.master, person, &wrapped).ok_or(KeyStoreError::Unwrap(person))?;
        let key = PersonKey(*Key::from_slice(&raw));
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(person, (key.clone(), Instant::now()));
        }
        Ok(Some(key))
    }

    /// The person's key, created (durably, before anything is encrypted with it) if missing.
    pub fn key_or_create(&self, person: Uuid) -> Result<PersonKey, KeyStoreError> {
        if let Some(key) = self.key(person)? {
            return Ok(key);
        }
        let raw: [u8; 32] = random_bytes()?;
        let wrapped = seal(&self.master, person, &raw)?;
        // Another task or instance may have created it meanwhile: the first one stays.
        self.insert_wrapped(person, wrapped)?;
        self.key(person)?.ok_or(KeyStoreError::Unwrap(person))
    }

    /// Deletes the person's key for good. Idempotent.
    pub fn erase(&self, person: Uuid) -> Result<(), KeyStoreError> {
        if let Ok(mut cache) = self.cache.write() {
            cache.remove(&person);
        }
        match &self.backend {
            Backend::Sqlite(_) => {
                let connection = self.lock()?;
                connection.execute(
                    "DELETE FROM person_keys WHERE person = ?1",
                    [person.as_bytes().as_slice()],
                )?;
                Ok(())
            }
            Backend::Shared(shared) => shared.delete(person),
        }
    }

    /// How many persons have a key.
    pub fn len(&self) -> Result<usize, KeyStoreError> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let connection = self.lock()?;
                let count: i64 =
                    connection
                        .query_row("SELECT COUNT(*) FROM person_keys", [], |row| row.get(0))?;
                Ok(usize::try_from(count).unwrap_or_default())
            }
            Backend::Shared(shared) => shared.count(),
        }
    }

    pub fn is_empty(&self) -> Result<bool, KeyStoreError> {
        Ok(self.len()? == 0)
    }

    /// Every stored key, still wrapped with the master key (`wifo migrate` moves them as they
    /// are; they stay useless without `master.key`).
    pub fn wrapped_keys(&self) -> Result<Vec<(Uuid, Vec<u8>)>, KeyStoreError> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let connection = self.lock()?;
                let mut statement =
                    connection.prepare("SELECT person, wrapped FROM person_keys")?;
                let rows = statement.query_map([], |row| {
                    Ok((row.get::<_, Vec<u8>>(0)?, row.get::<_, Vec<u8>>(1)?))
                })?;
                let mut keys = Vec::new();
                for row in rows {
                    let (person, wrapped) = row?;
                    if let Ok(person) = Uuid::from_slice(&person) {
                        keys.push((person, wrapped));
                    }
                }
                Ok(keys)
            }
            Backend::Shared(shared) => shared.all(),
        }
    }

    /// Stores keys wrapped with this store's master key (from `wrapped_keys` of a copy with the
    /// same `master.key`); a person who has a key keeps it.
    pub fn import_wrapped(&self, keys: Vec<(Uuid, Vec<u8>)>) -> Result<(), KeyStoreError> {
        for (person, wrapped) in keys {
            if open(&self.master, person, &wrapped).is_none() {
                return Err(KeyStoreError::Unwrap(person));
            }
            self.insert_wrapped(person, wrapped)?;
        }
        Ok(())
    }

    fn cached(&self, person: Uuid) -> Option<PersonKey> {
        let cache = self.cache.read().ok()?;
        let (key, since) = cache.get(&person)?;
        self.cache_for
            .is_none_or(|trusted| since.elapsed() < trusted)
            .then(|| key.clone())
    }

    fn load_wrapped(&self, person: Uuid) -> Result<Option<Vec<u8>>, KeyStoreError> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let connection = self.lock()?;
                Ok(connection
                    .query_row(
                        "SELECT wrapped FROM person_keys WHERE person = ?1",
                        [person.as_bytes().as_slice()],
                        |row| row.get(0),
                    )
                    .optional()?)
            }
            Backend::Shared(shared) => shared.load(person),
        }
    }

    fn insert_wrapped(&self, person: Uuid, wrapped: Vec<u8>) -> Result<(), KeyStoreError> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let connection = self.lock()?;
                connection.execute(
                    "INSERT OR IGNORE INTO person_keys (person, wrapped) VALUES (?1, ?2)",
                    rusqlite::params![person.as_bytes().as_slice(), wrapped],
                )?;
                Ok(())
            }
            Backend::Shared(shared) => shared.insert(person, wrapped),
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, Connection>, KeyStoreError> {
        match &self.backend {
            Backend::Sqlite(connection) => connection.lock().map_err(|_| KeyStoreError::Encrypt),
            Backend::Shared(_) => Err(KeyStoreError::Encrypt),
        }
    }
}

fn load_or_create_master_key(path: &Path) -> Result<[u8; 32], KeyStoreError> {
    let io = |source| KeyStoreError::Io {
        path: path.to_owned(),
        source,
    };
    match std::fs::read(path) {
        Ok(bytes) => bytes
            .try_into()
            .map_err(|_| KeyStoreError::BadMasterKey(path.to_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let key: [u8; 32] = random_bytes()?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(path).map_err(io)?;
            file.write_all(&key).map_err(io)?;
            file.sync_all().map_err(io)?;
            Ok(key)
        }
        Err(error) => Err(io(error)),
    }
}

#[cfg(test)]
#[path = "keystore_tests.rs"]
mod tests;
