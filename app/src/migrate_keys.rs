//! The person keys travel with the log in `wifo migrate`: without them the copied personal data
//! could not be read. Keys move still wrapped with the master key, so the target needs the same
//! `master.key` (every instance of a server deployment has it anyway). "Server" below is a
//! KurrentDB cluster or a PostgreSQL database, whose keys every instance shares
//! (`wifo_store::SharedKeys`):
//!
//! - directory → directory: `master.key` and `keys.sqlite` are copied when the target has none;
//! - directory → server: the wrapped keys go onto the server, and the source's master key
//!   becomes the server's (refused if the server already has another one);
//! - server → directory: the target directory must already hold the instances' `master.key`
//!   (copied by the operator); every key is checked to open with it before it is stored;
//! - server → server: the keys and the master key digest are copied as they are.

use std::path::Path;

use crate::error::Context;
use crate::files::{KEYS_FILE, MASTER_KEY_FILE};
use crate::store_location::StoreLocation;

/// Copies the keys that belong to the log from `source` to `target`.
pub(crate) async fn migrate_keys(
    source: &StoreLocation,
    target: &StoreLocation,
) -> crate::error::Result<()> {
    if let (StoreLocation::Directory(source), StoreLocation::Directory(target)) = (source, target) {
        return copy_key_files(source, target);
    }
    #[cfg(any(feature = "kurrentdb", feature = "postgres"))]
    {
        server::migrate(source, target).await
    }
    #[cfg(not(any(feature = "kurrentdb", feature = "postgres")))]
    {
        Ok(())
    }
}

#[cfg(any(feature = "kurrentdb", feature = "postgres"))]
mod server {
    use std::path::PathBuf;

    use wifo_store::SharedKeys;

    use crate::error::Context;
    use crate::files::MASTER_KEY_FILE;
    use crate::store_location::StoreLocation;

    /// The shared keys of a server location; `None` for a directory.
    fn shared(location: &StoreLocation) -> crate::error::Result<Option<Box<dyn SharedKeys>>> {
        Ok(match location {
            StoreLocation::Directory(_) => None,
            #[cfg(feature = "kurrentdb")]
            StoreLocation::Kurrent(location) => Some(Box::new(
                wifo_store::kurrent::keys::KeyStreams::connect(location)?,
            )),
            #[cfg(feature = "postgres")]
            StoreLocation::Postgres(location) => Some(Box::new(
                wifo_store::postgres::keys::PostgresKeys::connect(location)?,
            )),
        })
    }

    pub(super) async fn migrate(
        source: &StoreLocation,
        target: &StoreLocation,
    ) -> crate::error::Result<()> {
        let from = shared(source)?;
        let to = shared(target)?;
        let source_dir = source.directory().map(PathBuf::from);
        let target_dir = target.directory().map(PathBuf::from);
        match (from, to, source_dir, target_dir) {
            (None, Some(to), Some(source), _) => {
                let moved = tokio::task::spawn_blocking(move || -> crate::error::Result<usize> {
                    if !source.join(MASTER_KEY_FILE).is_file() {
                        return Ok(0);
                    }
                    let keys = wifo_store::KeyStore::open(&source)?.wrapped_keys()?;
                    let count = keys.len();
                    wifo_store::KeyStore::open_shared(&source, to)
                        .context("Der Server hat schon einen anderen Hauptschlüssel")?
                        .import_wrapped(keys)?;
                    Ok(count)
                })
                .await??;
                println!(
                    "{moved} Personenschlüssel auf den Server kopiert; master.key der Quelle auf \
                     jede Instanz kopieren."
                );
            }
            (Some(from), None, _, Some(target)) => {
                let moved = tokio::task::spawn_blocking(move || -> crate::error::Result<usize> {
                    let keys = from.all()?;
                    if keys.is_empty() {
                        return Ok(0);
                    }
                    if !target.join(MASTER_KEY_FILE).is_file() {
                        crate::refuse!(
                            "Für die Personenschlüssel fehlt {}: die master.key einer Instanz \
                             dorthin kopieren und den Aufruf wiederholen.",
                            target.join(MASTER_KEY_FILE).display()
                        );
                    }
                    let count = keys.len();
                    wifo_store::KeyStore::open(&target)?
                        .import_wrapped(keys)
                        .context(
                            "Die master.key im Ziel passt nicht zu den Schlüsseln des Servers",
                        )?;
                    Ok(count)
                })
                .await??;
                println!("{moved} Personenschlüssel ins Zielverzeichnis kopiert.");
            }
            (Some(from), Some(to), _, _) => {
                let moved = tokio::task::spawn_blocking(move || -> crate::error::Result<usize> {
                    let Some(check) = from.recorded_master_check()? else {
                        return Ok(0);
                    };
                    let check: [u8; 32] = check.try_into().map_err(|_| {
                        crate::error::AppError::refused(
                            "Prüfwert des Hauptschlüssels der Quelle defekt",
                        )
                    })?;
                    if !to.agree_on_master(check)? {
                        crate::refuse!("Der Zielserver hat schon einen anderen Hauptschlüssel.");
                    }
                    let keys = from.all()?;
                    let count = keys.len();
                    for (person, wrapped) in keys {
                        to.insert(person, wrapped)?;
                    }
                    Ok(count)
                })
                .await??;
                println!("{moved} Personenschlüssel kopiert.");
            }
            _ => {}
        }
        Ok(())
    }
}

/// Copies the master key and the person keys into a target directory that has none yet.
fn copy_key_files(source: &Path, target: &Path) -> crate::error::Result<()> {
    let master = source.join(MASTER_KEY_FILE);
    let keys = source.join(KEYS_FILE);
    let target_master = target.join(MASTER_KEY_FILE);
    let target_keys = target.join(KEYS_FILE);
    if !master.is_file() || target_master.exists() || target_keys.exists() {
        return Ok(());
    }
    std::fs::copy(&master, &target_master)
        .with_context(|| format!("{} kann nicht kopiert werden", master.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target_master, std::fs::Permissions::from_mode(0o600))?;
    }
    if keys.is_file() {
        // VACUUM INTO writes a consistent copy even while a server uses the source.
        let connection = rusqlite::Connection::open(&keys)?;
        connection
            .execute("VACUUM INTO ?1", [target_keys.to_string_lossy().as_ref()])
            .with_context(|| format!("{} kann nicht kopiert werden", keys.display()))?;
    }
    println!("Schlüssel (master.key, keys.sqlite) ins Ziel kopiert.");
    Ok(())
}
