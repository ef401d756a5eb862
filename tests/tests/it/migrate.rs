//! `wifo migrate` between two data directories (embedded → embedded; the same code copies to
//! and from KurrentDB): everything is copied in order with ids, streams, revisions, types,
//! payloads and metadata; an interrupted migration resumes where it stopped without writing
//! anything twice; a target that is not an earlier copy of the source is refused; the person
//! keys travel with the log so personal data stays readable.

use std::path::Path;

use uuid::Uuid;
use wifo_app::migrate::{CopyReport, compare_logs, copy_log};
use wifo_store::{
    Direction, EventStore, ExpectedRevision, KeyStore, Position, RecordedEvent, SqliteStore,
};
use wifo_tests::{TempStore, event, event_with_id};

/// Seven events in three streams, appended interleaved and partly in batches, so the source
/// log is not sorted by stream. Returns the ids in log order.
async fn fill_source(store: &dyn EventStore) -> anyhow::Result<Vec<Uuid>> {
    let ids: Vec<Uuid> = (0..7).map(|_| Uuid::now_v7()).collect();
    store
        .append(
            "organization-a",
            ExpectedRevision::NoStream,
            vec![event_with_id(ids[0], "a0"), event_with_id(ids[1], "a1")],
        )
        .await?;
    store
        .append(
            "visit-b",
            ExpectedRevision::NoStream,
            vec![event_with_id(ids[2], "b0")],
        )
        .await?;
    store
        .append(
            "organization-a",
            ExpectedRevision::Revision(1),
            vec![event_with_id(ids[3], "a2")],
        )
        .await?;
    store
        .append(
            "inquiry-c",
            ExpectedRevision::NoStream,
            vec![
                event_with_id(ids[4], "c0"),
                event_with_id(ids[5], "c1"),
                event_with_id(ids[6], "c2"),
            ],
        )
        .await?;
    Ok(ids)
}

async fn whole_log(store: &dyn EventStore) -> anyhow::Result<Vec<RecordedEvent>> {
    Ok(store
        .read_all_range(Position::START, store.head().await?)
        .await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migration_copies_every_event_in_order_with_ids_revisions_types_and_metadata()
-> anyhow::Result<()> {
    let source = TempStore::new()?;
    let target = TempStore::new()?;
    let ids = fill_source(&source.store).await?;

    let report = copy_log(&source.store, &target.store, None, |_, _| {}).await?;
    assert_eq!(
        report,
        CopyReport {
            already_there: 0,
            copied: 7,
            more_to_copy: false
        }
    );

    let copied = whole_log(&target.store).await?;
    let original = whole_log(&source.store).await?;
    assert_eq!(copied.iter().map(|event| event.id).collect::<Vec<_>>(), ids);
    let placement: Vec<(&str, u64)> = copied
        .iter()
        .map(|event| (event.stream.as_str(), event.revision))
        .collect();
    assert_eq!(
        placement,
        vec![
            ("organization-a", 0),
            ("organization-a", 1),
            ("visit-b", 0),
            ("organization-a", 2),
            ("inquiry-c", 0),
            ("inquiry-c", 1),
            ("inquiry-c", 2),
        ]
    );
    for (copy, event) in copied.iter().zip(&original) {
        assert_eq!(copy.event_type, event.event_type);
        assert_eq!(copy.schema_version, event.schema_version);
        assert_eq!(copy.payload, event.payload);
        assert_eq!(copy.metadata, event.metadata);
    }
    let comparison = compare_logs(&source.store, &target.store).await?;
    assert!(comparison.is_identical(), "{comparison:?}");
    assert_eq!(comparison.source_events, 7);
    assert_eq!(comparison.source_digest, comparison.target_digest);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_migration_resumes_where_it_stopped_without_duplicates() -> anyhow::Result<()>
{
    let source = TempStore::new()?;
    let target = TempStore::new()?;
    let ids = fill_source(&source.store).await?;

    // Stops inside the three-event batch of inquiry-c: a, a, b, a, c0 are copied.
    let first = copy_log(&source.store, &target.store, Some(5), |_, _| {}).await?;
    assert_eq!(
        first,
        CopyReport {
            already_there: 0,
            copied: 5,
            more_to_copy: true
        }
    );
    let partial = whole_log(&target.store).await?;
    assert_eq!(
        partial.iter().map(|event| event.id).collect::<Vec<_>>(),
        ids[..5]
    );
    let incomplete = compare_logs(&source.store, &target.store).await?;
    assert!(!incomplete.is_identical());
    assert_eq!(incomplete.target_events, 5);
    assert_eq!(
        incomplete.first_difference.as_deref(),
        Some("Ereignis Nr. 6: fehlt im Ziel")
    );

    let second = copy_log(&source.store, &target.store, None, |_, _| {}).await?;
    assert_eq!(
        second,
        CopyReport {
            already_there: 5,
            copied: 2,
            more_to_copy: false
        }
    );
    let third = copy_log(&source.store, &target.store, None, |_, _| {}).await?;
    assert_eq!(third.copied, 0);
    assert_eq!(third.already_there, 7);

    let copied = whole_log(&target.store).await?;
    assert_eq!(copied.iter().map(|event| event.id).collect::<Vec<_>>(), ids);
    assert!(
        compare_logs(&source.store, &target.store)
            .await?
            .is_identical()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_migration_picks_up_events_written_to_the_source_after_the_first_run()
-> anyhow::Result<()> {
    let source = TempStore::new()?;
    let target = TempStore::new()?;
    fill_source(&source.store).await?;
    copy_log(&source.store, &target.store, None, |_, _| {}).await?;
    source
        .store
        .append("visit-b", ExpectedRevision::Revision(0), vec![event("b1")])
        .await?;
    let report = copy_log(&source.store, &target.store, None, |_, _| {}).await?;
    assert_eq!(report.copied, 1);
    let visit = target
        .store
        .read_stream("visit-b", 0, Direction::Forward, 10)
        .await?;
    assert_eq!(visit.len(), 2);
    assert!(
        compare_logs(&source.store, &target.store)
            .await?
            .is_identical()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_that_is_not_an_earlier_copy_of_the_source_is_refused() -> anyhow::Result<()> {
    let source = TempStore::new()?;
    let target = TempStore::new()?;
    fill_source(&source.store).await?;
    target
        .store
        .append("visit-z", ExpectedRevision::NoStream, vec![event("fremd")])
        .await?;
    let refused = copy_log(&source.store, &target.store, None, |_, _| {}).await;
    let message = format!(
        "{:#}",
        refused.expect_err("a foreign target must be refused")
    );
    assert!(message.contains("nicht aus dieser Quelle"), "{message}");
    // Nothing was written.
    assert_eq!(whole_log(&target.store).await?.len(), 1);
    Ok(())
}

fn count_in(dir: &Path) -> anyhow::Result<usize> {
    let connection = rusqlite::Connection::open(dir.join("events.sqlite"))?;
    Ok(connection.query_row("SELECT COUNT(*) FROM events", [], |row| row.get(0))?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wifo_migrate_between_directories_copies_log_and_keys_and_resumes() -> anyhow::Result<()> {
    let source_dir = tempfile::tempdir()?;
    let target_parent = tempfile::tempdir()?;
    let target_dir = target_parent.path().join("neu");
    let person = Uuid::now_v7();
    let sealed = {
        let keys = KeyStore::open(source_dir.path())?;
        keys.key_or_create(person)?
            .seal(person, b"Zdenka Quastwinkel")?
    };
    {
        let store = SqliteStore::open(&source_dir.path().join("events.sqlite"))?;
        fill_source(&store).await?;
        store.close();
    }
    let from = source_dir.path().to_string_lossy().to_string();
    let to = target_dir.to_string_lossy().to_string();

    wifo_app::migrate::run(&from, &to, Some(4)).await?;
    assert_eq!(count_in(&target_dir)?, 4);
    wifo_app::migrate::run(&from, &to, None).await?;
    assert_eq!(count_in(&target_dir)?, 7);
    // A third run finds nothing to copy and verifies again.
    wifo_app::migrate::run(&from, &to, None).await?;
    assert_eq!(count_in(&target_dir)?, 7);

    let keys = KeyStore::open(&target_dir)?;
    let key = keys.key(person)?.expect("the person's key was copied");
    assert_eq!(
        key.open(person, &sealed).as_deref(),
        Some(b"Zdenka Quastwinkel".as_slice())
    );

    let same = wifo_app::migrate::run(&from, &from, None).await;
    assert!(same.is_err());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_through_the_contract_checks_order_revisions_and_decoding() -> anyhow::Result<()> {
    use wifo_domain::{
        ids::OrganizationId,
        organization::{
            Organization, OrganizationCommand, OrganizationKind, RegisterOrganization,
            RenameOrganization,
        },
        values::OrganizationName,
    };
    let dir = tempfile::tempdir()?;
    let data = wifo_app::data_dir::DataDir::open(dir.path())?;
    let context = wifo_store::CommandContext::now("a.schneider");
    let organizations = [
        OrganizationId::from_uuid(Uuid::now_v7()),
        OrganizationId::from_uuid(Uuid::now_v7()),
    ];
    for (number, organization) in organizations.iter().enumerate() {
        let register = OrganizationCommand::Register(RegisterOrganization {
            organization: *organization,
            name: OrganizationName::parse(&format!("Prüfbetrieb {number} GmbH"))?,
            kind: OrganizationKind::Company,
            profile: Default::default(),
            address: None,
            region: None,
            external_id: None,
        });
        data.handler
            .execute::<Organization>(&register, &context, None)
            .await?;
    }
    let rename = OrganizationCommand::Rename(RenameOrganization {
        organization: organizations[0],
        name: OrganizationName::parse("Prüfbetrieb Null GmbH")?,
    });
    data.handler
        .execute::<Organization>(&rename, &context, None)
        .await?;
    let report = wifo_app::verify::check_log(&data.store).await?;
    assert_eq!(report.first_problem, None);
    assert_eq!(report.events, 3);
    assert_eq!(report.streams, 2);

    // A test event that is no domain event is named with its position.
    data.store
        .append(
            "visit-x",
            ExpectedRevision::NoStream,
            vec![event("kein Besuch")],
        )
        .await?;
    let report = wifo_app::verify::check_log(&data.store).await?;
    let (position, reason) = report
        .first_problem
        .expect("the test event does not decode");
    assert_eq!(position, Position(4));
    assert!(reason.starts_with("nicht lesbar"), "{reason}");
    assert_eq!(report.events, 3);
    data.store.close();
    Ok(())
}
