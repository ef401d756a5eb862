//! The person keys travel with the log in `wifo migrate`: without them the copied personal data
//! could not be read. Keys move still wrapped with the master key, so the target needs the same
//! `master.key` (every instance on a cluster has it anyway):
//!
//! - directory → directory: `master.key` and `keys.sqlite` are copied when the target has none;
//! - directory → cluster: the wrapped keys go into the cluster's key streams, and the source's
//!   master key becomes the cluster's (refused if the cluster already has another one);
//! - cluster → directory: the target directory must already hold the instances' `master.key`
//!   (copied by the operator); every key is checked to open with it before it is stored;
//! - cluster → cluster: key streams and the master key digest are copied as they are.

use std::path::Path;

use crate::error::Context;
use crate::files::{KEYS_FILE, MASTER_KEY_FILE};
use crate::store_location::StoreLocation;

/// Copies the keys that belong to the log from `source` to `target`.
pub(crate) async fn migrate_keys(
    source: &StoreLocation,
    target: &StoreLocation,
) -> crate::error::Result<()> {
    match (source, target) {
        (StoreLocation::Directory(source), StoreLocation::Directory(target)) => {
            copy_key_files(source, target)
        }
        #[cfg(feature = "kurrentdb")]
        (StoreLocation::Directory(source), StoreLocation::Kurrent(target)) => {
            let source = source.clone();
            let streams = wifo_store::kurrent::keys::KeyStreams::connect(target)?;
            let moved = tokio::task::spawn_blocking(move || -> crate::error::Result<usize> {
                if !source.join(MASTER_KEY_FILE).is_file() {
                    return Ok(0);
                }
                let keys = wifo_store::KeyStore::open(&source)?.wrapped_keys()?;
                let count = keys.len();
                wifo_store::KeyStore::open_streams(&source, streams)
                    .context("Der Cluster hat schon einen anderen Hauptschlüssel")?
                    .import_wrapped(keys)?;
                Ok(count)
            })
            .await??;
            println!(
                "{moved} Personenschlüssel in die Schlüssel-Streams des Clusters kopiert; \
                 master.key der Quelle auf jede Instanz kopieren."
            );
            Ok(())
        }
        #[cfg(feature = "kurrentdb")]
        (StoreLocation::Kurrent(source), StoreLocation::Directory(target)) => {
            let streams = wifo_store::kurrent::keys::KeyStreams::connect(source)?;
            let target = target.clone();
            let moved = tokio::task::spawn_blocking(move || -> crate::error::Result<usize> {
                let keys = streams.all()?;
                if keys.is_empty() {
                    return Ok(0);
                }
                if !target.join(MASTER_KEY_FILE).is_file() {
                    crate::refuse!(
                        "Für die Personenschlüssel fehlt {}: die master.key einer Instanz dorthin \
                         kopieren und den Aufruf wiederholen.",
                        target.join(MASTER_KEY_FILE).display()
                    );
                }
                let count = keys.len();
                wifo_store::KeyStore::open(&target)?
                    .import_wrapped(keys)
                    .context("Die master.key im Ziel passt nicht zu den Schlüsseln des Clusters")?;
                Ok(count)
            })
            .await??;
            println!("{moved} Personenschlüssel ins Zielverzeichnis kopiert.");
            Ok(())
        }
        #[cfg(feature = "kurrentdb")]
        (StoreLocation::Kurrent(source), StoreLocation::Kurrent(target)) => {
            let from = wifo_store::kurrent::keys::KeyStreams::connect(source)?;
            let to = wifo_store::kurrent::keys::KeyStreams::connect(target)?;
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
                    crate::refuse!("Der Ziel-Cluster hat schon einen anderen Hauptschlüssel.");
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
            Ok(())
        }
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
