//! The event store conformance suite: the contract of DESIGN.md as executable cases. Every
//! backend runs every case through `conformance_suite!`, the way ripgrep's `rgtest!` runs each
//! test once per regex engine.

use std::collections::HashSet;
use std::sync::Arc;

use futures::StreamExt;
use uuid::Uuid;
use wifo_store::{Direction, EventStore, ExpectedRevision, Position, StoreError};
use wifo_tests::{event, event_with_id};

macro_rules! conformance_suite {
    ($backend:ident, $open:expr $(, #[$attribute:meta])?) => {
        mod $backend {

            macro_rules! case {
                ($name:ident) => {
                    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                    $(#[$attribute])?
                    async fn $name() -> anyhow::Result<()> {
                        let guard = $open?;
                        super::$name(guard.shared()).await
                    }
                };
            }

            case!(appending_to_a_new_stream_starts_at_revision_zero);
            case!(expected_revision_mismatch_names_the_actual_revision);
            case!(concurrent_writers_on_one_stream_one_wins_per_revision);
            case!(duplicate_event_ids_are_not_stored_twice);
            case!(a_refused_append_writes_nothing);
            case!(stream_reads_go_both_ways_from_a_revision);
            case!(global_reads_continue_after_a_position);
            case!(a_subscription_started_midway_sees_every_event_once_in_order);
            case!(malformed_appends_are_refused);
            case!(range_reads_return_exactly_the_range);
        }
    };
}

conformance_suite!(embedded, wifo_tests::TempStore::new());

// Against the PostgreSQL server `scripts/test.sh` starts (WIFO_POSTGRES_URL), each case in a
// schema of its own.
#[cfg(feature = "postgres")]
conformance_suite!(postgres, wifo_tests::PostgresTestStore::connect().await);

// Against a real server: set WIFO_KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false)
// and build with `--features kurrentdb`; without a server the runner lists every case as
// ignored with this reason.
#[cfg(feature = "kurrentdb")]
conformance_suite!(
    kurrentdb,
    wifo_tests::KurrentTestStore::connect().await,
    #[cfg_attr(
        not(kurrentdb_server),
        ignore = "übersprungen: kein KurrentDB-Server (WIFO_KURRENTDB_URL setzen)"
    )]
);

pub(crate) async fn appending_to_a_new_stream_starts_at_revision_zero(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    let first = store
        .append(
            "organization-a",
            ExpectedRevision::NoStream,
            vec![event("1"), event("2")],
        )
        .await?;
    assert_eq!(first.revision, 1);
    let second = store
        .append("visit-b", ExpectedRevision::NoStream, vec![event("3")])
        .await?;
    assert_eq!(second.revision, 0);
    assert!(second.position > first.position);
    assert_eq!(store.head().await?, second.position);
    Ok(())
}

pub(crate) async fn expected_revision_mismatch_names_the_actual_revision(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    let stream = "organization-x";
    let missing = store
        .append(stream, ExpectedRevision::Exists, vec![event("a")])
        .await;
    assert!(
        matches!(
            missing,
            Err(StoreError::WrongExpectedRevision { actual: None, .. })
        ),
        "{missing:?}"
    );
    let wrong = store
        .append(stream, ExpectedRevision::Revision(0), vec![event("a")])
        .await;
    assert!(matches!(
        wrong,
        Err(StoreError::WrongExpectedRevision { actual: None, .. })
    ));
    store
        .append(
            stream,
            ExpectedRevision::NoStream,
            vec![event("a"), event("b")],
        )
        .await?;
    let again = store
        .append(stream, ExpectedRevision::NoStream, vec![event("c")])
        .await;
    assert!(
        matches!(
            again,
            Err(StoreError::WrongExpectedRevision {
                actual: Some(1),
                ..
            })
        ),
        "{again:?}"
    );
    let stale = store
        .append(stream, ExpectedRevision::Revision(0), vec![event("c")])
        .await;
    assert!(matches!(
        stale,
        Err(StoreError::WrongExpectedRevision {
            actual: Some(1),
            ..
        })
    ));
    assert_eq!(
        store
            .append(stream, ExpectedRevision::Revision(1), vec![event("c")])
            .await?
            .revision,
        2
    );
    assert_eq!(
        store
            .append(stream, ExpectedRevision::Exists, vec![event("d")])
            .await?
            .revision,
        3
    );
    assert_eq!(
        store
            .append(stream, ExpectedRevision::Any, vec![event("e")])
            .await?
            .revision,
        4
    );
    assert_eq!(
        store
            .append("organization-y", ExpectedRevision::Any, vec![event("f")])
            .await?
            .revision,
        0
    );
    Ok(())
}

pub(crate) async fn concurrent_writers_on_one_stream_one_wins_per_revision(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    const WRITERS: usize = 16;
    const ATTEMPTS: usize = 25;
    let stream = "inquiry-contended";
    let mut tasks = Vec::new();
    for writer in 0..WRITERS {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut won = Vec::new();
            for attempt in 0..ATTEMPTS {
                let last = store
                    .read_stream(stream, u64::MAX, Direction::Backward, 1)
                    .await?
                    .first()
                    .map(|event| event.revision);
                let expected = last.map_or(ExpectedRevision::NoStream, ExpectedRevision::Revision);
                match store
                    .append(
                        stream,
                        expected,
                        vec![event(&format!("{writer}/{attempt}"))],
                    )
                    .await
                {
                    Ok(result) => won.push(result.revision),
                    Err(StoreError::WrongExpectedRevision { .. }) => {}
                    Err(error) => return Err(anyhow::Error::from(error)),
                }
            }
            anyhow::Ok(won)
        }));
    }
    let mut won = Vec::new();
    for task in tasks {
        won.extend(task.await??);
    }
    let stored = store
        .read_stream(stream, 0, Direction::Forward, usize::MAX >> 1)
        .await?;
    let revisions: Vec<u64> = stored.iter().map(|event| event.revision).collect();
    assert_eq!(
        revisions,
        (0..stored.len() as u64).collect::<Vec<_>>(),
        "no gaps"
    );
    won.sort_unstable();
    assert_eq!(
        won, revisions,
        "exactly one winner per revision, and every winner is stored"
    );
    assert!(stored.len() >= ATTEMPTS, "some appends must have won");
    Ok(())
}

pub(crate) async fn duplicate_event_ids_are_not_stored_twice(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    let stream = "contact-retry";
    let first = store
        .append(
            stream,
            ExpectedRevision::NoStream,
            vec![event_with_id(a, "a"), event_with_id(b, "b")],
        )
        .await?;
    // A client retrying after a lost acknowledgement sends the same ids with the same expectation.
    let retried = store
        .append(
            stream,
            ExpectedRevision::NoStream,
            vec![event_with_id(a, "a"), event_with_id(b, "b")],
        )
        .await?;
    assert_eq!(retried, first);
    let retried_any = store
        .append(
            stream,
            ExpectedRevision::Any,
            vec![event_with_id(a, "a"), event_with_id(b, "b")],
        )
        .await?;
    assert_eq!(retried_any, first);
    let partly = store
        .append(
            stream,
            ExpectedRevision::Any,
            vec![event_with_id(a, "a"), event("c")],
        )
        .await;
    assert!(
        matches!(partly, Err(StoreError::DuplicateEventId { .. })),
        "{partly:?}"
    );
    let elsewhere = store
        .append(
            "contact-other",
            ExpectedRevision::Any,
            vec![event_with_id(b, "b")],
        )
        .await;
    assert!(matches!(
        elsewhere,
        Err(StoreError::DuplicateEventId { .. })
    ));
    let twice_in_one = store
        .append(
            "contact-third",
            ExpectedRevision::Any,
            vec![event_with_id(a, "x"), event_with_id(a, "x")],
        )
        .await;
    assert!(matches!(
        twice_in_one,
        Err(StoreError::DuplicateEventId { .. })
    ));
    assert_eq!(
        store
            .read_stream(stream, 0, Direction::Forward, 100)
            .await?
            .len(),
        2
    );
    assert_eq!(store.read_all(Position::START, 100).await?.len(), 2);
    Ok(())
}

pub(crate) async fn a_refused_append_writes_nothing(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    store
        .append("visit-a", ExpectedRevision::NoStream, vec![event("1")])
        .await?;
    let refused = store
        .append(
            "visit-a",
            ExpectedRevision::NoStream,
            vec![event("2"), event("3")],
        )
        .await;
    assert!(refused.is_err());
    let all = store.read_all(Position::START, 100).await?;
    assert_eq!(all.len(), 1);
    Ok(())
}

pub(crate) async fn stream_reads_go_both_ways_from_a_revision(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    let events: Vec<_> = (0..10).map(|n| event(&n.to_string())).collect();
    let ids: Vec<Uuid> = events.iter().map(|event| event.id).collect();
    store
        .append("gathering-g", ExpectedRevision::NoStream, events)
        .await?;
    store
        .append(
            "gathering-h",
            ExpectedRevision::NoStream,
            vec![event("other")],
        )
        .await?;
    let forward = store
        .read_stream("gathering-g", 3, Direction::Forward, 4)
        .await?;
    assert_eq!(
        forward.iter().map(|e| e.revision).collect::<Vec<_>>(),
        vec![3, 4, 5, 6]
    );
    assert_eq!(
        forward.iter().map(|e| e.id).collect::<Vec<_>>(),
        ids[3..7].to_vec()
    );
    let backward = store
        .read_stream("gathering-g", 3, Direction::Backward, 10)
        .await?;
    assert_eq!(
        backward.iter().map(|e| e.revision).collect::<Vec<_>>(),
        vec![3, 2, 1, 0]
    );
    let newest = store
        .read_stream("gathering-g", u64::MAX, Direction::Backward, 1)
        .await?;
    assert_eq!(newest.first().map(|e| e.revision), Some(9));
    assert!(
        store
            .read_stream("gathering-none", 0, Direction::Forward, 10)
            .await?
            .is_empty()
    );
    assert!(
        forward
            .iter()
            .all(|e| e.stream == "gathering-g" && e.event_type == "TestEventRecorded")
    );
    Ok(())
}

pub(crate) async fn global_reads_continue_after_a_position(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    for n in 0..20 {
        store
            .append(
                &format!("retreat-{}", n % 3),
                ExpectedRevision::Any,
                vec![event(&n.to_string())],
            )
            .await?;
    }
    let first = store.read_all(Position::START, 8).await?;
    assert_eq!(first.len(), 8);
    let after = first.last().map_or(Position::START, |e| e.position);
    let rest = store.read_all(after, 100).await?;
    assert_eq!(rest.len(), 12);
    let positions: Vec<Position> = first.iter().chain(&rest).map(|e| e.position).collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "ordered"
    );
    assert_eq!(
        store.head().await?,
        *positions.last().unwrap_or(&Position::START)
    );
    Ok(())
}

pub(crate) async fn a_subscription_started_midway_sees_every_event_once_in_order(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    for n in 0..300 {
        store
            .append(
                &format!("person-{}", n % 7),
                ExpectedRevision::Any,
                vec![event("before")],
            )
            .await?;
    }
    let all_before = store.read_all(Position::START, 1000).await?;
    let midway = all_before[149].position;
    let mut subscription = store.subscribe_all(midway);
    // Keep writing while the subscription catches up, from several tasks at once.
    let writers: Vec<_> = (0..4)
        .map(|writer| {
            let store = store.clone();
            tokio::spawn(async move {
                for n in 0..75 {
                    store
                        .append(
                            &format!("person-w{writer}"),
                            ExpectedRevision::Any,
                            vec![event(&n.to_string())],
                        )
                        .await?;
                }
                anyhow::Ok(())
            })
        })
        .collect();
    let mut received = Vec::new();
    while received.len() < 450 {
        let next =
            tokio::time::timeout(std::time::Duration::from_secs(10), subscription.next()).await?;
        match next {
            Some(event) => received.push(event?),
            None => anyhow::bail!("subscription ended early"),
        }
    }
    for writer in writers {
        writer.await??;
    }
    let expected = store.read_all(midway, 1000).await?;
    assert_eq!(expected.len(), 450);
    let ids: Vec<Uuid> = received.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        expected.iter().map(|e| e.id).collect::<Vec<_>>(),
        "same events, same order"
    );
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        450,
        "no duplicates"
    );
    // Nothing more arrives when nothing more is written.
    let quiet =
        tokio::time::timeout(std::time::Duration::from_millis(200), subscription.next()).await;
    assert!(quiet.is_err(), "no event beyond the log");
    Ok(())
}

pub(crate) async fn malformed_appends_are_refused(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    assert!(matches!(
        store
            .append("organization-a", ExpectedRevision::Any, vec![])
            .await,
        Err(StoreError::EmptyAppend)
    ));
    for bad in ["nocategory", "-id", "Organization-a", "organization-"] {
        assert!(
            matches!(
                store
                    .append(bad, ExpectedRevision::Any, vec![event("x")])
                    .await,
                Err(StoreError::InvalidStreamName(_))
            ),
            "{bad} must be refused"
        );
    }
    Ok(())
}

pub(crate) async fn range_reads_return_exactly_the_range(
    store: Arc<dyn EventStore>,
) -> anyhow::Result<()> {
    for n in 0..30 {
        store
            .append(
                &format!("contact-{}", n % 4),
                ExpectedRevision::Any,
                vec![event(&n.to_string())],
            )
            .await?;
    }
    let all = store.read_all(Position::START, 100).await?;
    let (after, until) = (all[9].position, all[19].position);
    let range = store.read_all_range(after, until).await?;
    let expected: Vec<Uuid> = all[10..20].iter().map(|e| e.id).collect();
    assert_eq!(range.iter().map(|e| e.id).collect::<Vec<_>>(), expected);
    assert!(store.read_all_range(until, until).await?.is_empty());
    Ok(())
}
