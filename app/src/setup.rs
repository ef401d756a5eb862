//! What a fresh office needs before its first inquiry: the default topics and offices
//! (`wifo_domain::defaults`), recorded as events by `system` the first time a data directory is
//! served. A taxonomy the log already holds — from the demo, an import or an earlier start — is
//! left as it is, so an admin's renames and retirements are never undone and nothing is written
//! twice.

use wifo_domain::{Decider, defaults::default_taxonomy_commands, taxonomy::Taxonomy};
use wifo_store::CommandContext;

use crate::data_dir::DataDir;
use crate::error::Result;

/// The actor of what the office records for itself.
pub const SYSTEM_ACTOR: &str = "system";

/// Records each default taxonomy the log does not hold yet; returns the events written.
pub async fn record_default_taxonomies(data: &DataDir) -> Result<usize> {
    let mut written = 0;
    for command in default_taxonomy_commands() {
        let stream_id = Taxonomy::stream_id(&command);
        let (_, revision, _) = data.handler.load::<Taxonomy>(&stream_id).await?;
        if revision.is_some() {
            continue;
        }
        let outcome = data
            .handler
            .execute::<Taxonomy>(&command, &CommandContext::now(SYSTEM_ACTOR), None)
            .await?;
        written += outcome.events.len();
    }
    Ok(written)
}
