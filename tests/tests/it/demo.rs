//! The demo office end to end: a small office is generated through the deciders into a temporary
//! data directory; it must contain every event type of every stream, every stored event must
//! decode, and `events stats` must report what a direct count of the log finds. `wifo demo` must
//! refuse a data directory that already holds events, and write nothing there.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use wifo_app::{data_dir::DataDir, events::stats};
use wifo_demo::{DemoError, DemoOptions, generate};
use wifo_domain::{
    DomainEvent,
    contact::ContactEvent,
    cooperation::CooperationEvent,
    gathering::GatheringEvent,
    inquiry::InquiryEvent,
    organization::OrganizationEvent,
    person::PersonEvent,
    reminder::ReminderEvent,
    retreat::RetreatEvent,
    taxonomy::TaxonomyEvent,
    user::{CreateUser, User, UserCommand, UserEvent},
    values::{Role, Title, UserName},
    visit::VisitEvent,
};
use wifo_store::{CommandContext, EventStore, Position, RecordedEvent};

fn small_office() -> anyhow::Result<DemoOptions> {
    Ok(DemoOptions {
        seed: 42,
        organizations: 150,
        years: 2,
        today: NaiveDate::from_ymd_opt(2026, 11, 21).ok_or_else(|| anyhow::anyhow!("date"))?,
    })
}

async fn whole_log(data: &DataDir) -> anyhow::Result<Vec<RecordedEvent>> {
    let mut events = Vec::new();
    let mut after = Position::START;
    loop {
        let page = data.store.read_all(after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        events.extend(page);
    }
    Ok(events)
}

fn every_type_name() -> Vec<&'static str> {
    [
        OrganizationEvent::TYPE_NAMES,
        PersonEvent::TYPE_NAMES,
        VisitEvent::TYPE_NAMES,
        ContactEvent::TYPE_NAMES,
        InquiryEvent::TYPE_NAMES,
        CooperationEvent::TYPE_NAMES,
        GatheringEvent::TYPE_NAMES,
        RetreatEvent::TYPE_NAMES,
        ReminderEvent::TYPE_NAMES,
        TaxonomyEvent::TYPE_NAMES,
        UserEvent::TYPE_NAMES,
        wifo_domain::public::PublicEvent::TYPE_NAMES,
    ]
    .concat()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_demo_office_has_every_event_type_decodes_and_counts_as_stats_says()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = DataDir::open(dir.path())?;
    let summary = generate(&data, &small_office()?, false).await?;
    let log = whole_log(&data).await?;

    let written: BTreeSet<&str> = log.iter().map(|e| e.event_type.as_str()).collect();
    let missing: Vec<&str> = every_type_name()
        .into_iter()
        .filter(|name| !written.contains(name))
        .collect();
    assert!(missing.is_empty(), "never written: {missing:?}");

    for event in &log {
        wifo_projections::decode_event(&data.codec, event).map_err(|error| {
            anyhow::anyhow!(
                "{} at {} does not decode: {error}",
                event.event_type,
                event.position
            )
        })?;
    }

    let mut by_type: BTreeMap<String, u64> = BTreeMap::new();
    for event in &log {
        *by_type.entry(event.event_type.clone()).or_default() += 1;
    }
    let streams: HashSet<&str> = log.iter().map(|e| e.stream.as_str()).collect();
    let stats = stats(&data).await?;
    assert_eq!(stats.events, log.len() as u64);
    assert_eq!(stats.streams, streams.len() as u64);
    assert_eq!(stats.by_type, by_type);
    assert_eq!(summary.events, stats.events);
    assert!(summary.businesses == 150 && summary.persons > 0);

    // Metadata tells the story: nothing happened after "today", and people, not tools, did it
    // (apart from the takeover of the old records).
    let today = small_office()?.today;
    assert!(
        log.iter()
            .all(|e| e.metadata.occurred_at.date_naive() <= today)
    );
    let actors: BTreeSet<&str> = log.iter().map(|e| e.metadata.actor.as_str()).collect();
    assert!(
        actors.contains("demo") && actors.contains("a.schneider"),
        "{actors:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wifo_demo_refuses_a_data_directory_that_holds_events_and_writes_nothing()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = DataDir::open(dir.path())?;
    let command = UserCommand::Create(CreateUser {
        user: UserName::parse("anna.schmidt")?,
        display_name: Title::parse("Anna Schmidt")?,
        role: Role::Admin,
    });
    data.handler
        .execute::<User>(&command, &CommandContext::now("test"), None)
        .await?;
    let head = data.store.head().await?;

    let error = generate(&data, &small_office()?, false)
        .await
        .expect_err("a data directory with events must be refused");
    assert!(
        matches!(
            error.downcast_ref::<DemoError>(),
            Some(DemoError::NotEmpty { .. })
        ),
        "{error:#}"
    );
    assert!(error.to_string().contains("bereits Ereignisse"), "{error}");
    assert_eq!(data.store.head().await?, head, "nothing may be written");
    Ok(())
}

/// The size the foundation promises: 5000 organizations over 3 years finish, and the stats show
/// every event family (every type name) with the counts of the log itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_of_5000_organizations_over_3_years_has_every_event_family() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let data = DataDir::open(dir.path())?;
    let options = DemoOptions {
        seed: 7,
        organizations: 5000,
        years: 3,
        today: NaiveDate::from_ymd_opt(2026, 11, 21).ok_or_else(|| anyhow::anyhow!("date"))?,
    };
    generate(&data, &options, false).await?;
    let reported = stats(&data).await?;
    let missing: Vec<&str> = every_type_name()
        .into_iter()
        .filter(|name| reported.by_type.get(*name).copied().unwrap_or(0) == 0)
        .collect();
    assert!(
        missing.is_empty(),
        "event types missing from the demo: {missing:?}"
    );
    let log = whole_log(&data).await?;
    assert_eq!(reported.events as usize, log.len());
    let registered = log
        .iter()
        .filter(|event| event.event_type == "OrganizationRegistered")
        .count();
    assert!(registered >= 5000, "{registered} organizations registered");
    Ok(())
}
