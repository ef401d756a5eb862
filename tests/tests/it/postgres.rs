//! The PostgreSQL backend against a real server (`scripts/test.sh` starts one and sets
//! `WIFO_POSTGRES_URL`): writer processes on one office's log, killed with SIGKILL at random
//! moments, lose no acknowledged event, store none twice, and leave dense positions and an
//! intact hash chain; and an erasure leaves nothing of the person readable in the server's data
//! directory. The conformance suite runs in `conformance.rs`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use rand::Rng;
use tokio_postgres::NoTls;
use uuid::Uuid;
use wifo_app::{data_dir::DataDir, privacy::erase_person};
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    person::{ErasureReason, Person},
    personal::Erasable,
};
use wifo_store::{CommandContext, EventStore, Position, PostgresLocation, postgres::verify};
use wifo_tests::PostgresTestStore;

use crate::crash::start_writer;
use crate::erasure::{ORGANIZATION_NAME, date, files_containing, record_the_person, traces_in};

/// Rounds of kill and check.
const CYCLES: usize = 6;
/// Writer processes appending at once in each round.
const WRITERS: usize = 3;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writer_processes_killed_at_random_lose_nothing_and_leave_a_dense_chain()
-> anyhow::Result<()> {
    let test = PostgresTestStore::connect().await?;
    let mut rng = rand::rng();
    let mut acknowledged: HashSet<Uuid> = HashSet::new();
    for cycle in 0..CYCLES {
        let mut writers = (0..WRITERS)
            .map(|_| start_writer(std::ffi::OsStr::new(&test.url)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        std::thread::sleep(Duration::from_millis(rng.random_range(400..1200)));
        for (child, _) in &mut writers {
            child.kill()?; // SIGKILL on Unix
            child.wait()?;
        }
        for (_, reader) in writers {
            let acked = reader
                .join()
                .map_err(|_| anyhow::anyhow!("reader panicked"))?;
            acknowledged.extend(acked);
        }

        let mut stored: HashMap<Uuid, u64> = HashMap::new();
        let mut after = Position::START;
        loop {
            let page = test.store.read_all(after, 10_000).await?;
            let Some(last) = page.last() else { break };
            after = last.position;
            for event in page {
                assert_eq!(
                    event.position.0,
                    stored.len() as u64 + 1,
                    "cycle {cycle}: positions must be dense"
                );
                assert!(
                    stored.insert(event.id, event.position.0).is_none(),
                    "cycle {cycle}: event {} stored twice",
                    event.id
                );
            }
        }
        let missing = acknowledged
            .iter()
            .filter(|id| !stored.contains_key(id))
            .count();
        assert_eq!(missing, 0, "cycle {cycle}: acknowledged events lost");
        assert_eq!(test.store.head().await?, after);
        let report = verify(&test.store, |_| Ok(())).await?;
        assert!(report.is_ok(), "cycle {cycle}: {:?}", report.first_problem);
        assert_eq!(report.events, stored.len() as u64);
    }
    assert!(
        acknowledged.len() > 100,
        "the writers must have made progress, got {} acknowledged events",
        acknowledged.len()
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_erasure_and_vacuum_no_file_of_the_database_holds_the_person() -> anyhow::Result<()> {
    let server_data = PathBuf::from(std::env::var("WIFO_POSTGRES_DATA").map_err(|_| {
        anyhow::anyhow!("WIFO_POSTGRES_DATA is not set: run the tests through scripts/test.sh")
    })?);
    let location = PostgresLocation::parse(&PostgresTestStore::url_from_env()?)?;
    let tenant = location.tenant().to_owned();
    let local = tempfile::tempdir()?;
    let data = DataDir::open_postgres(local.path(), &location).await?;
    let person = PersonId::from_uuid(Uuid::now_v7());
    let organization = OrganizationId::from_uuid(Uuid::now_v7());
    let context = CommandContext::now("a.schmidt");
    record_the_person(&data, person, organization, &context).await?;

    let (client, connection) = location.config().connect(NoTls).await?;
    tokio::spawn(connection);
    let wrapped: Vec<u8> = client
        .query_one(
            &format!("SELECT wrapped FROM {tenant}.person_keys WHERE person = $1"),
            &[&person.as_uuid()],
        )
        .await?
        .get(0);
    client.batch_execute("CHECKPOINT").await?;
    // Controls: the search finds what is stored in plaintext, and the wrapped key in its table.
    assert!(!files_containing(&server_data, &[ORGANIZATION_NAME.as_bytes()])?.is_empty());
    let table = server_data.join(key_table(&client, &tenant).await?);
    assert!(holds(&table, &wrapped)?);
    assert_eq!(
        traces_in(&server_data)?,
        Vec::<String>::new(),
        "before erasure the server holds the person only as ciphertext"
    );

    erase_person(
        &data,
        person,
        date(2025, 10, 1),
        ErasureReason::DataSubjectRequest,
        &context,
    )
    .await?;
    assert!(data.keys.key(person.as_uuid())?.is_none());
    // VACUUM keeps a deleted row while a transaction that began before the delete still runs
    // (here: the writers of the other tests on this server), so it is repeated until none does;
    // two statements, because VACUUM cannot run inside the implicit transaction of a batch.
    let mut rounds = 0;
    loop {
        rounds += 1;
        client
            .batch_execute(&format!("VACUUM FULL {tenant}.person_keys"))
            .await?;
        client.batch_execute("CHECKPOINT").await?;
        let table = server_data.join(key_table(&client, &tenant).await?);
        if !holds(&table, &wrapped)? {
            break;
        }
        assert!(
            rounds < 40,
            "after VACUUM FULL the key table still holds the key ({rounds} rounds)"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(traces_in(&server_data)?, Vec::<String>::new());
    assert_eq!(traces_in(local.path())?, Vec::<String>::new());

    // The log keeps the person's events; without the key they read as erased.
    let (state, _, _) = data.handler.load::<Person>(&person.to_string()).await?;
    assert_eq!(state.personal, Some(Erasable::Erased));
    Ok(())
}

/// Whether the file holds the bytes.
fn holds(file: &std::path::Path, needle: &[u8]) -> anyhow::Result<bool> {
    Ok(std::fs::read(file)?
        .windows(needle.len())
        .any(|window| window == needle))
}

/// The key table's file, relative to the server's data directory.
async fn key_table(client: &tokio_postgres::Client, tenant: &str) -> anyhow::Result<String> {
    let query = format!("SELECT pg_relation_filepath('{tenant}.person_keys')");
    Ok(client.query_one(&query, &[]).await?.get(0))
}
