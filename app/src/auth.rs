//! Credentials, sessions and API tokens, kept outside the event log in `auth.sqlite` (the log
//! records who was created with which role, for the audit; secrets never go into it).
//! Passwords are argon2id hashes; API tokens and session ids are random and stored only as
//! SHA-256 hashes, so a copy of the file does not let anyone in.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::error::Context;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use wifo_domain::values::{Role, UserName};

/// How long a session lives without use.
const SESSION_IDLE: Duration = Duration::from_secs(8 * 60 * 60);

/// How long the answer to a request with an `Idempotency-Key` is kept for its retries.
pub const IDEMPOTENCY_RETENTION: Duration = Duration::from_secs(24 * 60 * 60);

/// Answers kept between two prunings of the idempotency table.
const PRUNE_EVERY: u64 = 1024;

/// Who is calling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub user: UserName,
    pub role: Role,
    /// Set for cookie sessions: writes must echo it in `X-CSRF-Token`.
    pub csrf_token: Option<String>,
    /// The display name, where the adapter looked it up (the web UI's frame shows it).
    pub display_name: Option<String>,
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
    /// Idempotent answers stored since the store was opened.
    answers_stored: std::sync::atomic::AtomicU64,
}

/// The oldest `created_at` of an idempotent answer still kept.
fn idempotency_cutoff() -> i64 {
    chrono::Utc::now().timestamp() - IDEMPOTENCY_RETENTION.as_secs() as i64
}

pub(crate) fn random_token() -> crate::error::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| crate::error::AppError::refused(format!("no randomness: {error}")))?;
    Ok(hex::encode(bytes))
}

pub(crate) fn digest(token: &str) -> [u8; 32] {
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
             CREATE TABLE IF NOT EXISTS calendar_feeds (
                 user TEXT PRIMARY KEY, secret_hash BLOB NOT NULL UNIQUE, created_at INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS idempotency (
                 user TEXT NOT NULL, key TEXT NOT NULL, fingerprint BLOB NOT NULL, status INTEGER NOT NULL,
                 headers TEXT NOT NULL, body BLOB NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (user, key));",
        )?;
        connection.execute(
            "DELETE FROM idempotency WHERE created_at < ?1",
            [idempotency_cutoff()],
        )?;
        Ok(Self {
            connection: Mutex::new(connection),
            sessions: Mutex::new(HashMap::new()),
            answers_stored: std::sync::atomic::AtomicU64::new(0),
        })
    }

    pub(crate) fn lock(&self) -> crate::error::Result<std::sync::MutexGuard<'_, Connection>> {
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

    /// Replaces a user's password (an admin's reset or the user's own change) and ends every
    /// session of that user except `keep` (the session the user changed it from).
    pub fn set_password(
        &self,
        user: &UserName,
        password: &str,
        keep: Option<&str>,
    ) -> crate::error::Result<()> {
        let hash = hash_password(password)?;
        let changed = self.lock()?.execute(
            "UPDATE credentials SET password_hash = ?2 WHERE user = ?1",
            rusqlite::params![user.as_str(), hash],
        )?;
        if changed == 0 {
            crate::refuse!("Benutzer {user} ist nicht angelegt");
        }
        let kept = keep.map(digest);
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|key, session| session.user != *user || Some(*key) == kept);
        }
        Ok(())
    }

    /// Whether `password` is the user's current password (an active account's).
    pub fn password_matches(&self, user: &UserName, password: &str) -> crate::error::Result<bool> {
        Ok(self
            .credentials(user.as_str())?
            .is_some_and(|(hash, _, active)| active && verify_password(password, &hash)))
    }

    /// How many active administrators can log in.
    pub fn active_admins(&self) -> crate::error::Result<usize> {
        let count: i64 = self.lock()?.query_row(
            "SELECT COUNT(*) FROM credentials WHERE role = ?1 AND active = 1",
            [Role::Admin.as_str()],
            |row| row.get(0),
        )?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    pub(crate) fn credentials(
        &self,
        user: &str,
    ) -> crate::error::Result<Option<(String, Role, bool)>> {
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
                display_name: None,
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
            display_name: None,
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
        Ok(self.active_user(&user)?.map(|(user, role)| Caller {
            user,
            role,
            csrf_token: None,
            display_name: None,
        }))
    }

    /// The user with their role, if they exist and are not locked.
    pub(crate) fn active_user(&self, user: &str) -> crate::error::Result<Option<(UserName, Role)>> {
        let Some((_, role, active)) = self.credentials(user)? else {
            return Ok(None);
        };
        Ok(active
            .then(|| UserName::parse(user).ok())
            .flatten()
            .map(|user| (user, role)))
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
                "SELECT fingerprint, status, headers, body FROM idempotency
                 WHERE user = ?1 AND key = ?2 AND created_at >= ?3",
                rusqlite::params![user, key, idempotency_cutoff()],
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
        let connection = self.lock()?;
        // An answer past its retention may still sit under the key: the new one replaces it.
        connection.execute(
            "INSERT OR REPLACE INTO idempotency (user, key, fingerprint, status, headers, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![user, key, fingerprint, status, headers, body, chrono::Utc::now().timestamp()],
        )?;
        let stored = self
            .answers_stored
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if stored % PRUNE_EVERY == PRUNE_EVERY - 1 {
            connection.execute(
                "DELETE FROM idempotency WHERE created_at < ?1",
                [idempotency_cutoff()],
            )?;
        }
        Ok(())
    }
}

/// A response kept for an idempotency key: fingerprint of the request, status, headers as JSON,
/// body.
pub type StoredResponse = (Vec<u8>, u16, String, Vec<u8>);

/// Guards the login: counts attempts per user name and per client address, and after `LIMIT`
/// failures within `WINDOW` refuses further attempts until the window has passed. An attempt is
/// counted *before* its password is checked and forgiven when it succeeds, so concurrent
/// attempts cannot slip past the limit. Password checks (argon2id, 19 MiB each) run at most
/// `PASSWORD_CHECKS` at a time, and at most `WAITING` more wait for a turn; beyond that a login
/// is refused as busy, so a flood of logins neither grows the memory nor starves the server.
#[derive(Debug)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, Vec<Instant>>>,
    checks: tokio::sync::Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
}

const LIMIT: usize = 5;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Password checks at once (the machine's cores are enough for an office's logins).
const PASSWORD_CHECKS: usize = 2;
/// Logins that may wait for a password check.
const WAITING: usize = 64;

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            failures: Mutex::default(),
            checks: tokio::sync::Semaphore::new(PASSWORD_CHECKS),
            waiting: std::sync::atomic::AtomicUsize::new(0),
        }
    }
}

/// Why a login was not let in.
#[derive(Debug, thiserror::Error)]
pub enum LoginRefused {
    #[error("Benutzername oder Passwort ist falsch")]
    Failed,
    #[error("Zu viele Fehlversuche; bitte in {0} Sekunden erneut versuchen")]
    Throttled(u64),
    #[error("Gerade melden sich sehr viele an; bitte in einer Sekunde erneut versuchen")]
    Busy,
    #[error(transparent)]
    Other(#[from] crate::error::AppError),
}

impl LoginThrottle {
    /// Checks a login of `name` from `client` (its address, if known) and opens a session:
    /// the session id and the caller.
    pub async fn log_in(
        &self,
        auth: &Arc<AuthStore>,
        name: &str,
        password: &str,
        client: Option<std::net::IpAddr>,
    ) -> Result<(String, Caller), LoginRefused> {
        let mut keys = vec![format!("user:{}", name.trim().to_lowercase())];
        if let Some(client) = client {
            keys.push(format!("ip:{client}"));
        }
        if let Some(seconds) = self.admit(&keys) {
            return Err(LoginRefused::Throttled(seconds));
        }
        let queued = self
            .waiting
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let permit = if queued >= WAITING {
            None
        } else {
            self.checks.acquire().await.ok()
        };
        self.waiting
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        let Some(_permit) = permit else {
            self.take_back(&keys);
            return Err(LoginRefused::Busy);
        };
        let (store, name, password) = (auth.clone(), name.to_owned(), password.to_owned());
        let outcome = tokio::task::spawn_blocking(move || store.login(&name, &password))
            .await
            .map_err(|error| {
                crate::error::AppError::refused(format!("password check failed: {error}"))
            })??;
        match outcome {
            Some(session) => {
                self.forgive(&keys);
                Ok(session)
            }
            None => Err(LoginRefused::Failed),
        }
    }

    /// Counts an attempt for `keys`, unless one of them is blocked: then the seconds to wait.
    fn admit(&self, keys: &[String]) -> Option<u64> {
        let Ok(mut failures) = self.failures.lock() else {
            return Some(1);
        };
        let blocked = keys
            .iter()
            .filter_map(|key| {
                let attempts = failures.get_mut(key)?;
                attempts.retain(|at| at.elapsed() < WINDOW);
                (attempts.len() >= LIMIT).then(|| {
                    let oldest = attempts.iter().min().copied().unwrap_or_else(Instant::now);
                    WINDOW.saturating_sub(oldest.elapsed()).as_secs().max(1)
                })
            })
            .max();
        if blocked.is_none() {
            for key in keys {
                failures
                    .entry(key.clone())
                    .or_default()
                    .push(Instant::now());
            }
        }
        blocked
    }

    /// Takes back the attempt just counted for `keys` (a login refused before its check).
    fn take_back(&self, keys: &[String]) {
        if let Ok(mut failures) = self.failures.lock() {
            for key in keys {
                if let Some(attempts) = failures.get_mut(key) {
                    attempts.pop();
                }
            }
        }
    }

    /// Forgets the attempts of `keys`: a successful login.
    fn forgive(&self, keys: &[String]) {
        if let Ok(mut failures) = self.failures.lock() {
            for key in keys {
                failures.remove(key);
            }
        }
    }
}
