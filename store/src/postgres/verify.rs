//! `wifo verify --store postgres://…`: the checks of the embedded file, on the tenant's tables —
//! positions without gaps from 1, stream revisions without gaps, and the hash chain stored
//! beside each event (`chain.rs`), plus the head row naming the last event. Names the first
//! broken position.

use super::{PostgresStore, reads};
use crate::{
    chain::{ChainCheck, VerifyReport},
    error::StoreError,
    types::{Position, RecordedEvent},
};

/// Events per page of the check.
const PAGE: i64 = 8192;

/// Checks the log of `store`; `on_event` sees every event (e.g. to check that it decodes).
pub async fn verify(
    store: &PostgresStore,
    mut on_event: impl FnMut(&RecordedEvent) -> Result<(), String>,
) -> Result<VerifyReport, StoreError> {
    let client = store.inner.pool.get().await?;
    let sql = &store.inner.sql;
    let mut chain = ChainCheck::new();
    let mut after = 0i64;
    let mut last = Position::START;
    loop {
        let rows = client.query(&sql.read_all_hashed, &[&after, &PAGE]).await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let event = reads::recorded(row)?;
            let hash: Vec<u8> = row.try_get(13)?;
            if let Err(reason) = chain.check(&event, Some(&hash), &mut on_event) {
                return Ok(chain.report(Some((event.position, reason))));
            }
            last = event.position;
        }
        after = i64::try_from(last.0).unwrap_or(i64::MAX);
    }
    let head = reads::position(client.query_one(&sql.head, &[]).await?.get::<_, i64>(0));
    if head != last.0 {
        return Ok(chain.report(Some((
            Position(head),
            format!(
                "Kopfzeile nennt Position {head}, das letzte Ereignis hat Position {}",
                last.0
            ),
        ))));
    }
    Ok(chain.report(None))
}
