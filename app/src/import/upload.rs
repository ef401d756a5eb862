//! Uploaded import files between the dry run and the import: the admin page plans a file at
//! upload, shows the plan, and imports on a second request. The file waits here, in memory,
//! for the user who uploaded it — at most `KEPT` uploads for at most `LIFETIME` — and the
//! outcome of the import stays beside it, so reloading the result page writes nothing twice.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use wifo_exchange::organizations::ImportPlan;

/// How many uploads are kept at once; the oldest goes first.
const KEPT: usize = 8;
/// How long an upload waits for its import.
const LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);

/// One uploaded file and where it stands.
#[derive(Debug)]
pub struct Upload {
    pub user: String,
    pub file_name: String,
    pub bytes: Arc<Vec<u8>>,
    pub mapping: Option<String>,
    pub stage: Stage,
    created: Instant,
}

#[derive(Debug)]
pub enum Stage {
    /// Planned at upload (the dry run the page shows).
    Planned { plan: Arc<ImportPlan> },
    /// The import is being written.
    Running,
    /// Written: how many organizations, and the error file of the skipped rows (if any).
    Done {
        written: usize,
        already_registered: usize,
        skipped: usize,
        error_file: Option<Vec<u8>>,
    },
    /// Writing failed part-way; what was written stays, a new upload finds it as duplicates.
    Failed { message: String },
}

/// The uploads of one server.
#[derive(Debug, Default)]
pub struct Uploads {
    entries: Mutex<HashMap<String, Upload>>,
}

impl Uploads {
    /// Keeps a planned upload and returns its id (random, unguessable).
    pub fn insert(
        &self,
        user: &str,
        file_name: String,
        bytes: Arc<Vec<u8>>,
        mapping: Option<String>,
        plan: ImportPlan,
    ) -> Result<String, getrandom::Error> {
        let mut raw = [0u8; 16];
        getrandom::fill(&mut raw)?;
        let id = hex::encode(raw);
        let upload = Upload {
            user: user.to_owned(),
            file_name,
            bytes,
            mapping,
            stage: Stage::Planned {
                plan: Arc::new(plan),
            },
            created: Instant::now(),
        };
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|_, upload| upload.created.elapsed() < LIFETIME);
            while entries.len() >= KEPT {
                let Some(oldest) = entries
                    .iter()
                    .min_by_key(|(_, upload)| upload.created)
                    .map(|(id, _)| id.clone())
                else {
                    break;
                };
                entries.remove(&oldest);
            }
            entries.insert(id.clone(), upload);
        }
        Ok(id)
    }

    /// Runs `read` on the upload `id` if it belongs to `user` and has not expired.
    pub fn with<T>(&self, id: &str, user: &str, read: impl FnOnce(&mut Upload) -> T) -> Option<T> {
        let mut entries = self.entries.lock().ok()?;
        let upload = entries
            .get_mut(id)
            .filter(|upload| upload.user == user && upload.created.elapsed() < LIFETIME)?;
        Some(read(upload))
    }
}

#[cfg(test)]
#[path = "upload_tests.rs"]
mod tests;
