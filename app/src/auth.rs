//! Credentials, sessions and API tokens, kept outside the event log in `auth.sqlite` (the log
//! records who was created with which role, for the audit; secrets never go into it).
//! Passwords are argon2id hashes; API tokens and session ids are random and stored only as
//! SHA-256 hashes, so a copy of the file does not let anyone in.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::Context;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use wifo_domain::values::{Role, UserName};

/// How long a session lives without use.
const SESSION_IDLE: Duration = Duration::from_secs(8 * 60 * 60);

/// Who is calling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub user: UserName,
    pub role: Role,
    /// Set for cookie sessions: writes must echo it in `X-CSRF-Token`.
    pub csrf_token: Option<String>,
}

#[derive(Clone, Debug)]
struct Session {
    user: UserName,
    role: Role,
    csrf_token: String,
    last_used: Instant,
}

#[derive(Debug)]
pub struct AuthStore {
    connection: Mutex<Connection>,
    sessions: Mutex<HashMap<[u8; 32], Session>>,
}

fn random_token() -> crate::error::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| crate::error::AppError::refused(format!("no randomness: {error}")))?;
    Ok(hex::encode(bytes))
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

pub fn hash_password(password: &str) -> crate::error::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|error| crate::error::AppError::refused(format!("no randomness: {error}")))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|error| crate::error::AppError::refused(format!("salt: {error}")))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|error| crate::error::AppError::refused(format!("hashing failed: {error}")))?
        .to_string())
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

impl AuthStore {
    pub fn open(dir: &Path) -> crate::error::Result<Self> {
        let connection = Connection::open(dir.join(crate::files::AUTH_FILE))
            .context("auth.sqlite kann nicht geöffnet werden")?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS credentials (
                 user TEXT PRIMARY KEY, password_hash TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS api_tokens (
                 token_hash BLOB PRIMARY KEY, user TEXT NOT NULL, created_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS idempotency (
                 user TEXT NOT NULL, key TEXT NOT NULL, fingerprint BLOB NOT NULL, status INTEGER NOT NULL,
                 headers TEXT NOT NULL, body BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (user, key));",
        )?;
        Ok(Self {
            connection: Mutex::new(connection),
            sessions: Mutex::new(HashMap::new()),
        })
    }

    fn lock(&self) -> crate::error::Result<std::sync::MutexGuard<'_, Connection>> {
        self.connection
            .lock()
            .map_err(|_| crate::error::AppError::refused("Die Anmeldedaten sind nach einem früheren Fehler gesperrt; bitte den Server neu starten."))
    }

    /// Stores (or replaces) a user's password and role.
    pub fn set_credentials(
        &self,
        user: &UserName,
        password: &str,
        role: Role,
    ) -> crate::error::Result<()> {
        let hash = hash_password(password)?;
        self.lock()?.execute(
            "INSERT INTO credentials (user, password_hash, role, active) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (user) DO UPDATE SET password_hash = ?2, role = ?3, active = 1",
            rusqlite::params![user.as_str(), hash, role.as_str()],
        )?;
        Ok(())
    }

    /// Mirrors a role change or deactivation from the log.
    pub fn set_role(&self, user: &UserName, role: Role, active: bool) -> crate::error::Result<()> {
        self.lock()?.execute(
            "UPDATE credentials SET role = ?2, active = ?3 WHERE user = ?1",
            rusqlite::params![user.as_str(), role.as_str(), active],
        )?;
        if !active && let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|_, session| session.user != *user);
        }
        Ok(())
    }

    fn credentials(&self, user: &str) -> crate::error::Result<Option<(String, Role, bool)>> {
        let row = self
            .lock()?
            .prepare_cached("SELECT password_hash, role, active FROM credentials WHERE user = ?1")?
            .query_row([user], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, bool>(2)?,
                ))
            })
            .optional()?;
        Ok(row.and_then(|(hash, role, active)| {
            Role::parse(&role).ok().map(|role| (hash, role, active))
        }))
    }

    /// Checks a password and opens a session. Returns the session id and the caller.
    pub fn login(
        &self,
        user: &str,
        password: &str,
    ) -> crate::error::Result<Option<(String, Caller)>> {
        let Ok(name) = UserName::parse(user) else {
            return Ok(None);
        };
        let Some((hash, role, active)) = self.credentials(name.as_str())? else {
            // Same work as a real check, so timing does not tell which names exist.
            let _ = verify_password(
                password,
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo",
            );
            return Ok(None);
        };
        if !active || !verify_password(password, &hash) {
            return Ok(None);
        }
        let session_id = random_token()?;
        let csrf_token = random_token()?;
        let session = Session {
            user: name.clone(),
            role,
            csrf_token: csrf_token.clone(),
            last_used: Instant::now(),
        };
        self.sessions
            .lock()
            .map_err(|_| crate::error::AppError::refused("Die Sitzungen sind nach einem früheren Fehler gesperrt; bitte den Server neu starten."))?
            .insert(digest(&session_id), session);
        Ok(Some((
            session_id,
            Caller {
                user: name,
                role,
                csrf_token: Some(csrf_token),
            },
        )))
    }

    pub fn logout(&self, session_id: &str) {
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.remove(&digest(session_id));
        }
    }

    /// The caller of a session cookie, if the session is alive.
    pub fn session(&self, session_id: &str) -> Option<Caller> {
        let mut sessions = self.sessions.lock().ok()?;
        let key = digest(session_id);
        let session = sessions.get_mut(&key)?;
        if session.last_used.elapsed() > SESSION_IDLE {
            sessions.remove(&key);
            return None;
        }
        session.last_used = Instant::now();
        Some(Caller {
            user: session.user.clone(),
            role: session.role,
            csrf_token: Some(session.csrf_token.clone()),
        })
    }

    /// Creates an API token for a user; the token is shown once and stored hashed.
    pub fn create_token(&self, user: &UserName) -> crate::error::Result<String> {
        if self.credentials(user.as_str())?.is_none() {
            crate::refuse!("Benutzer {user} ist nicht angelegt");
        }
        let token = format!("wifo_{}", random_token()?);
        self.lock()?.execute(
            "INSERT INTO api_tokens (token_hash, user, created_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![
                digest(&token).as_slice(),
                user.as_str(),
                chrono::Utc::now().timestamp()
            ],
        )?;
        Ok(token)
    }

    /// The caller of a bearer token.
    pub fn token(&self, token: &str) -> crate::error::Result<Option<Caller>> {
        let user: Option<String> = self
            .lock()?
            .prepare_cached("SELECT user FROM api_tokens WHERE token_hash = ?1")?
            .query_row([digest(token).as_slice()], |row| row.get(0))
            .optional()?;
        let Some(user) = user else { return Ok(None) };
        let Some((_, role, active)) = self.credentials(&user)? else {
            return Ok(None);
        };
        Ok(active
            .then(|| UserName::parse(&user).ok())
            .flatten()
            .map(|user| Caller {
                user,
                role,
                csrf_token: None,
            }))
    }

    /// A stored response for an idempotency key: (fingerprint, status, headers as JSON, body).
    pub fn idempotent_response(
        &self,
        user: &str,
        key: &str,
    ) -> crate::error::Result<Option<StoredResponse>> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT fingerprint, status, headers, body FROM idempotency WHERE user = ?1 AND key = ?2",
                [user, key],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?)
    }

    pub fn store_idempotent_response(
        &self,
        user: &str,
        key: &str,
        fingerprint: &[u8],
        status: u16,
        headers: &str,
        body: &[u8],
    ) -> crate::error::Result<()> {
        self.lock()?.execute(
            "INSERT OR IGNORE INTO idempotency (user, key, fingerprint, status, headers, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![user, key, fingerprint, status, headers, body, chrono::Utc::now().timestamp()],
        )?;
        Ok(())
    }
}

/// A response kept for an idempotency key: fingerprint of the request, status, headers as JSON,
/// body.
pub type StoredResponse = (Vec<u8>, u16, String, Vec<u8>);

/// Counts failed logins per user name and per client address; after `LIMIT` failures within
/// `WINDOW` further attempts are refused until the window has passed.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

const LIMIT: usize = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);

impl LoginThrottle {
    /// Seconds to wait if `keys` are blocked.
    pub fn blocked(&self, keys: &[String]) -> Option<u64> {
        let mut failures = self.failures.lock().ok()?;
        keys.iter()
            .filter_map(|key| {
                let attempts = failures.get_mut(key)?;
                attempts.retain(|at| at.elapsed() < WINDOW);
                (attempts.len() >= LIMIT).then(|| {
                    let oldest = attempts.iter().min().copied().unwrap_or_else(Instant::now);
                    WINDOW.saturating_sub(oldest.elapsed()).as_secs().max(1)
                })
            })
            .max()
    }

    pub fn failed(&self, keys: &[String]) {
        if let Ok(mut failures) = self.failures.lock() {
            for key in keys {
                failures
                    .entry(key.clone())
                    .or_default()
                    .push(Instant::now());
            }
        }
    }

    pub fn succeeded(&self, keys: &[String]) {
        if let Ok(mut failures) = self.failures.lock() {
            for key in keys {
                failures.remove(key);
            }
        }
    }
}
