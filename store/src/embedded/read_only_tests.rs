//! A store opened read-only beside its writer: it takes no lock, reads what the writer
//! committed (also later commits), and refuses appends with a typed error.

use super::SqliteStore;
use super::verify::tests::event;
use crate::{Direction, EventStore, ExpectedRevision, Position, StoreError};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_beside_the_writer_reads_its_commits_and_cannot_append() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("events.sqlite");
    let writer = SqliteStore::open(&path)?;
    for n in 0..5 {
        writer
            .append("contact-1", ExpectedRevision::Any, vec![event(n)])
            .await?;
    }
    // A second writer is refused, a reader is not.
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::Locked(_))
    ));
    let reader = SqliteStore::open_read_only(&path)?;
    assert_eq!(reader.head().await?, Position(5));
    let events = reader
        .read_stream("contact-1", 0, Direction::Forward, 100)
        .await?;
    assert_eq!(events.len(), 5);

    writer
        .append("contact-2", ExpectedRevision::NoStream, vec![event(5)])
        .await?;
    assert_eq!(reader.head().await?, Position(6));
    assert_eq!(reader.read_all(Position(5), 10).await?.len(), 1);

    let refused = reader
        .append("contact-3", ExpectedRevision::Any, vec![event(6)])
        .await;
    assert!(matches!(refused, Err(StoreError::ReadOnly)), "{refused:?}");
    writer.close();
    assert_eq!(
        SqliteStore::open_read_only(&path)?.head().await?,
        Position(6)
    );
    Ok(())
}

#[test]
fn a_missing_file_is_not_created_by_a_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.sqlite");
    assert!(SqliteStore::open_read_only(&path).is_err());
    assert!(!path.exists());
}
