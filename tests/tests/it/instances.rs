//! Two `wifo serve` instances on one office whose log is on a server: what one instance writes
//! appears in the other's views within one second. On PostgreSQL against the server
//! `scripts/test.sh` starts (`WIFO_POSTGRES_URL`); on KurrentDB when the tests are built with
//! `--features kurrentdb` and `WIFO_KURRENTDB_URL` names a server (otherwise the runner lists it
//! as ignored).

use std::time::{Duration, Instant};

use uuid::Uuid;
use wifo_domain::{
    ids::OrganizationId,
    organization::{Organization, OrganizationCommand, OrganizationKind, RegisterOrganization},
    values::OrganizationName,
};
use wifo_server::http::HttpConfig;
use wifo_store::CommandContext;

#[cfg(feature = "kurrentdb")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    not(kurrentdb_server),
    ignore = "übersprungen: kein KurrentDB-Server (WIFO_KURRENTDB_URL setzen)"
)]
async fn on_kurrentdb_a_second_instance_sees_the_first_ones_writes_within_one_second()
-> anyhow::Result<()> {
    second_instance_sees_writes(&wifo_tests::KurrentTestStore::url_from_env()?).await
}

#[cfg(feature = "postgres")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_a_second_instance_sees_the_first_ones_writes_within_one_second()
-> anyhow::Result<()> {
    second_instance_sees_writes(&wifo_tests::PostgresTestStore::url_from_env()?).await
}

/// Registers an organization through one instance and waits up to a second for the other's
/// views to show it.
async fn second_instance_sees_writes(url: &str) -> anyhow::Result<()> {
    let first_dir = tempfile::tempdir()?;
    let second_dir = tempfile::tempdir()?;
    let first =
        wifo_server::serve::open_store(first_dir.path(), url, None, HttpConfig::default()).await?;
    // Every instance runs with the same master key.
    std::fs::copy(
        first_dir.path().join("master.key"),
        second_dir.path().join("master.key"),
    )?;
    let second =
        wifo_server::serve::open_store(second_dir.path(), url, None, HttpConfig::default()).await?;

    let organization = OrganizationId::from_uuid(Uuid::now_v7());
    let register = OrganizationCommand::Register(RegisterOrganization {
        organization,
        name: OrganizationName::parse("Bäckerei Zweiinstanz GmbH")?,
        kind: OrganizationKind::Company,
        profile: Default::default(),
        address: None,
        region: None,
        external_id: None,
    });
    first
        .data
        .handler
        .execute::<Organization>(&register, &CommandContext::now("a.schneider"), None)
        .await?;
    let written = Instant::now();
    let mut seen_after = None;
    while written.elapsed() < Duration::from_secs(1) {
        if second
            .projections
            .read()
            .organizations
            .contains_key(&organization)
        {
            seen_after = Some(written.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let seen_after = seen_after.ok_or_else(|| {
        anyhow::anyhow!("the second instance did not see the organization within one second")
    })?;
    println!(
        "second instance saw the write after {} ms",
        seen_after.as_millis()
    );
    Ok(())
}
