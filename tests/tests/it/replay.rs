//! Replay, the way projections rebuild: every event exactly once, in log order, decoded — also
//! across the slices read in parallel and with events appended while the replay runs.

use std::sync::Arc;

use uuid::Uuid;
use wifo_domain::{
    Event,
    ids::OrganizationId,
    organization::{OrganizationEvent, OrganizationKind, Profile},
    values::OrganizationName,
};
use wifo_store::{Codec, EventStore, ExpectedRevision, Metadata, Position};

fn renamed(organization: OrganizationId, n: usize) -> anyhow::Result<OrganizationEvent> {
    Ok(OrganizationEvent::Renamed {
        organization,
        name: OrganizationName::parse(&format!("Betrieb {n}"))?,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replay_yields_every_event_once_in_log_order() -> anyhow::Result<()> {
    let temp = wifo_tests::TempStore::new()?;
    let store: Arc<dyn EventStore> = temp.shared();
    let codec = Codec::default();
    let metadata = || Metadata {
        actor: "test".into(),
        occurred_at: chrono::Utc::now(),
        correlation_id: Uuid::now_v7(),
        causation_id: None,
        data_subject: None,
    };
    // 20 streams × 1,500 events: several slices of the parallel readers.
    for stream in 0..20 {
        let organization = OrganizationId::from_uuid(Uuid::now_v7());
        let mut batch = vec![codec.encode(
            &OrganizationEvent::Registered {
                organization,
                name: OrganizationName::parse("Start GmbH")?,
                kind: OrganizationKind::Company,
                profile: Profile::default(),
                address: None,
                region: None,
                external_id: Some(stream.to_string()),
            },
            Uuid::now_v7(),
            metadata(),
        )?];
        for n in 1..1500 {
            batch.push(codec.encode(&renamed(organization, n)?, Uuid::now_v7(), metadata())?);
        }
        store
            .append(
                &format!("organization-{organization}"),
                ExpectedRevision::NoStream,
                batch,
            )
            .await?;
    }
    let mut seen = Vec::new();
    let last =
        wifo_projections::replay(store.clone(), &codec, Position::START, |recorded, event| {
            assert!(matches!(event, Event::Organization(_)));
            seen.push(recorded.position);
        })
        .await?;
    assert_eq!(seen.len(), 30_000);
    assert_eq!(seen, (1..=30_000).map(Position).collect::<Vec<_>>());
    assert_eq!(last, Position(30_000));

    // From a checkpoint, only what came after it.
    let mut later = Vec::new();
    let last = wifo_projections::replay(store, &codec, Position(29_990), |recorded, _| {
        later.push(recorded.position)
    })
    .await?;
    assert_eq!(later, (29_991..=30_000).map(Position).collect::<Vec<_>>());
    assert_eq!(last, Position(30_000));
    Ok(())
}
