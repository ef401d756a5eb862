//! Unit tests of `verify`.

use super::*;
use crate::{EventData, EventStore, ExpectedRevision, Metadata, SqliteStore};

pub(crate) fn event(n: u32) -> EventData {
    EventData {
        id: uuid::Uuid::now_v7(),
        event_type: "TestEventRecorded".into(),
        schema_version: 1,
        payload: vec![0x81, 0xa1, b'n', n as u8],
        metadata: Metadata {
            actor: "test".into(),
            occurred_at: chrono::Utc::now(),
            correlation_id: uuid::Uuid::nil(),
            causation_id: None,
            data_subject: None,
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_intact_log_verifies_and_an_edited_row_is_named() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("events.sqlite");
    let store = SqliteStore::open(&path)?;
    for n in 0..20 {
        store
            .append(
                &format!("contact-{}", n % 3),
                ExpectedRevision::Any,
                vec![event(n)],
            )
            .await?;
    }
    store.close();
    let report = verify(&path, |_| Ok(()))?;
    assert_eq!(
        (report.events, report.streams, report.first_problem.clone()),
        (20, 3, None)
    );

    let connection = rusqlite::Connection::open(&path)?;
    connection.execute("UPDATE events SET actor = 'mallory' WHERE position = 7", [])?;
    drop(connection);
    let report = verify(&path, |_| Ok(()))?;
    assert_eq!(
        report.first_problem.map(|(position, _)| position),
        Some(Position(7))
    );

    let connection = rusqlite::Connection::open(&path)?;
    connection.execute("UPDATE events SET actor = 'test' WHERE position = 7", [])?;
    connection.execute("DELETE FROM events WHERE position = 12", [])?;
    drop(connection);
    let report = verify(&path, |_| Ok(()))?;
    assert_eq!(
        report.first_problem.map(|(position, _)| position),
        Some(Position(13))
    );
    Ok(())
}
