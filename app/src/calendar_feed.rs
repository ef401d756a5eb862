//! A user's own subscribable calendar (`/kalender/{secret}.ics`): the address holds a random
//! secret, so a calendar program can fetch it without logging in. Like an API token, the secret
//! is shown once and kept only as its SHA-256 hash in `auth.sqlite`; a user has at most one —
//! creating a new address revokes the old one, and revoking leaves none. A locked user's feed
//! answers nothing.
//!
//! What it holds is `export::personal_calendar`: the user's planned visits, open follow-ups and
//! the office's gatherings.

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;
use wifo_domain::values::UserName;

use crate::auth::{AuthStore, digest, random_token};

impl AuthStore {
    /// A new secret for `user`'s calendar address (the old one stops working).
    pub fn create_calendar_secret(&self, user: &UserName) -> crate::error::Result<String> {
        if self.credentials(user.as_str())?.is_none() {
            crate::refuse!("Benutzer {user} ist nicht angelegt");
        }
        let secret = random_token()?;
        self.lock()?.execute(
            "INSERT INTO calendar_feeds (user, secret_hash, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (user) DO UPDATE SET secret_hash = ?2, created_at = ?3",
            rusqlite::params![
                user.as_str(),
                digest(&secret).as_slice(),
                Utc::now().timestamp()
            ],
        )?;
        Ok(secret)
    }

    /// Revokes `user`'s calendar address; answers whether there was one.
    pub fn revoke_calendar_secret(&self, user: &UserName) -> crate::error::Result<bool> {
        let removed = self.lock()?.execute(
            "DELETE FROM calendar_feeds WHERE user = ?1",
            [user.as_str()],
        )?;
        Ok(removed > 0)
    }

    /// When `user`'s current calendar address was created, if there is one.
    pub fn calendar_created(&self, user: &UserName) -> crate::error::Result<Option<DateTime<Utc>>> {
        let created: Option<i64> = self
            .lock()?
            .prepare_cached("SELECT created_at FROM calendar_feeds WHERE user = ?1")?
            .query_row([user.as_str()], |row| row.get(0))
            .optional()?;
        Ok(created.and_then(|seconds| DateTime::from_timestamp(seconds, 0)))
    }

    /// The active user whose calendar address holds `secret`.
    pub fn calendar_owner(&self, secret: &str) -> crate::error::Result<Option<UserName>> {
        let user: Option<String> = self
            .lock()?
            .prepare_cached("SELECT user FROM calendar_feeds WHERE secret_hash = ?1")?
            .query_row([digest(secret).as_slice()], |row| row.get(0))
            .optional()?;
        let Some(user) = user else { return Ok(None) };
        Ok(self.active_user(&user)?.map(|(user, _)| user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_address_revokes_the_old_one_and_revoking_leaves_none() -> crate::error::Result<()> {
        let dir = tempfile::tempdir()
            .map_err(|error| crate::error::AppError::refused(error.to_string()))?;
        let auth = AuthStore::open(dir.path())?;
        let user = UserName::parse("a.schneider")
            .map_err(|error| crate::error::AppError::refused(error.to_string()))?;
        assert!(auth.create_calendar_secret(&user).is_err(), "unknown user");
        auth.set_credentials(
            &user,
            "ein-langes-passwort-1",
            wifo_domain::values::Role::Staff,
        )?;
        let first = auth.create_calendar_secret(&user)?;
        assert_eq!(auth.calendar_owner(&first)?, Some(user.clone()));
        let second = auth.create_calendar_secret(&user)?;
        assert_eq!(auth.calendar_owner(&first)?, None);
        assert_eq!(auth.calendar_owner(&second)?, Some(user.clone()));
        assert!(auth.calendar_created(&user)?.is_some());
        auth.set_role(&user, wifo_domain::values::Role::Staff, false)?;
        assert_eq!(auth.calendar_owner(&second)?, None, "locked");
        auth.set_role(&user, wifo_domain::values::Role::Staff, true)?;
        assert!(auth.revoke_calendar_secret(&user)?);
        assert_eq!(auth.calendar_owner(&second)?, None);
        assert!(auth.calendar_created(&user)?.is_none());
        Ok(())
    }
}
