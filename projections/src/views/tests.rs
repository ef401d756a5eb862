//! Tests of the views through their queries: events in, answers out, each expected answer
//! written down by hand from the scenario.

use crate::test_support::{day, recorded};
use uuid::Uuid;
use wifo_domain::{
    Event,
    ids::{InquiryId, OrganizationId, VisitId},
    inquiry::{InquiryEvent, InquirySource},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    values::{Address, Code, OrganizationName, RegionCode, RegionLevel, Text, UserName, WzCode},
    visit::{Findings, VisitEvent},
};

use super::Views;
use crate::queries::{
    coverage::region_coverage,
    directory::{DirectoryQuery, directory},
    profile::{Moment, profile, profile_at},
    work::inquiry_queue,
};

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

/// Feeds events, each happening on the given day, in order.
struct Log {
    views: Views,
    position: u64,
}

impl Log {
    fn new() -> Self {
        Self {
            views: Views::default(),
            position: 0,
        }
    }

    fn on(&mut self, date: &str, stream: &str, event: Event) -> &mut Self {
        self.position += 1;
        let recorded = recorded(self.position, stream, date);
        self.views.apply(&recorded, &event);
        self
    }

    /// An event that happened on `date` but was entered on `entered`.
    fn entered(&mut self, entered: &str, date: &str, stream: &str, event: Event) -> &mut Self {
        self.position += 1;
        let mut recorded = recorded(self.position, stream, date);
        recorded.recorded_at = crate::test_support::recorded(0, stream, entered).recorded_at;
        self.views.apply(&recorded, &event);
        self
    }
}

fn registered(id: OrganizationId, name: &str, region: &str) -> Event {
    Event::Organization(OrganizationEvent::Registered {
        organization: id,
        name: OrganizationName::parse(name).expect("name"),
        kind: OrganizationKind::Company,
        profile: Profile {
            sector: Some(WzCode::parse("10.71").expect("wz")),
            ..Profile::default()
        },
        address: Some(Address::parse("Breite Straße 24", "13187", "Berlin").expect("address")),
        region: Some(RegionCode::parse(region).expect("region")),
        external_id: None,
    })
}

fn conducted(visit: u128, organization: OrganizationId, on: &str) -> Event {
    Event::Visit(VisitEvent::Conducted {
        visit: VisitId::from_uuid(Uuid::from_u128(visit)),
        organization,
        conducted_on: day(on),
        duration_minutes: 60,
        staff: vec![UserName::parse("a.schneider").expect("user")],
        participants: vec![],
        topics: vec![Code::parse("fachkraefte").expect("code")],
        findings: Findings {
            expansion_plans: false,
            relocation_risk: false,
            space_need_m2: None,
            workforce_need: None,
            funding_interest: false,
            location_satisfaction: None,
            issues_raised: vec![],
        },
        notes: Text::default(),
        joint_partner: None,
    })
}

#[test]
fn as_of_a_date_before_a_rename_and_relocation_shows_the_old_name_and_region() {
    let bakery = org(1);
    let mut log = Log::new();
    log.on(
        "2024-03-01",
        "organization-1",
        registered(bakery, "Bäckerei Schulz", "03100101"),
    )
    .on(
        "2025-07-15",
        "organization-1",
        Event::Organization(OrganizationEvent::Renamed {
            organization: bakery,
            name: OrganizationName::parse("Schulz Backwaren GmbH").expect("name"),
        }),
    )
    .on(
        "2025-08-01",
        "organization-1",
        Event::Organization(OrganizationEvent::Relocated {
            organization: bakery,
            address: Address::parse("Florastraße 1", "13187", "Berlin").expect("address"),
            region: Some(RegionCode::parse("03100204").expect("region")),
        }),
    );
    let before = profile(&log.views, bakery, Some(day("2025-06-30"))).expect("existed then");
    assert_eq!(before.name, "Bäckerei Schulz");
    assert_eq!(
        before.region.as_ref().map(RegionCode::as_str),
        Some("03100101")
    );
    let between = profile(&log.views, bakery, Some(day("2025-07-20"))).expect("existed then");
    assert_eq!(between.name, "Schulz Backwaren GmbH");
    assert_eq!(
        between.region.as_ref().map(RegionCode::as_str),
        Some("03100101")
    );
    let now = profile(&log.views, bakery, None).expect("exists");
    assert_eq!(now.name, "Schulz Backwaren GmbH");
    assert_eq!(
        now.region.as_ref().map(RegionCode::as_str),
        Some("03100204")
    );
    assert_eq!(now.revision, 2);
    assert!(
        profile(&log.views, bakery, Some(day("2024-02-28"))).is_none(),
        "not registered yet"
    );
    let change = now.timeline.iter().find_map(|entry| match &entry.item {
        super::timeline::TimelineItem::Changed { field, old, new } if field == "Name" => {
            Some((old.clone(), new.clone()))
        }
        _ => None,
    });
    assert_eq!(
        change,
        Some(("Bäckerei Schulz".into(), "Schulz Backwaren GmbH".into()))
    );
}

#[test]
fn a_merged_duplicate_leads_to_the_survivor_which_shows_both_histories() {
    let (survivor, duplicate) = (org(1), org(2));
    let mut log = Log::new();
    log.on(
        "2024-01-10",
        "organization-1",
        registered(survivor, "Elektro Hoffmann GmbH", "03100101"),
    )
    .on(
        "2024-01-11",
        "organization-2",
        registered(duplicate, "Elektro Hoffmann", "03100101"),
    )
    .on(
        "2024-05-02",
        "visit-9",
        conducted(9, duplicate, "2024-05-02"),
    )
    .on(
        "2024-06-01",
        "organization-2",
        Event::Organization(OrganizationEvent::MergedInto {
            organization: duplicate,
            survivor,
        }),
    );
    let shown = profile(&log.views, duplicate, None).expect("redirects");
    assert_eq!(shown.id, survivor);
    assert_eq!(shown.requested, Some(duplicate));
    assert_eq!(shown.last_contact, Some(day("2024-05-02")));
    let listed = directory(
        &log.views,
        &DirectoryQuery {
            per_page: 50,
            ..DirectoryQuery::default()
        },
    );
    assert_eq!(listed.total, 1);
    assert_eq!(listed.entries[0].id, survivor);
    assert_eq!(listed.entries[0].last_contact, Some(day("2024-05-02")));
}

#[test]
fn the_directory_finds_names_tolerantly_and_filters_by_hierarchy_levels() {
    let mut log = Log::new();
    log.on(
        "2024-01-10",
        "organization-1",
        registered(org(1), "Bäckerei Schulz GmbH", "03100101"),
    )
    .on(
        "2024-01-10",
        "organization-2",
        registered(org(2), "Konditorei Straßburg", "03200101"),
    )
    .on(
        "2024-01-10",
        "organization-3",
        registered(org(3), "Schulze Metallbau", "01100101"),
    );
    let search = |text: &str| {
        let page = directory(
            &log.views,
            &DirectoryQuery {
                text: Some(text.into()),
                per_page: 10,
                ..DirectoryQuery::default()
            },
        );
        page.entries
            .into_iter()
            .map(|entry| entry.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(search("BAECK schulz"), vec!["Bäckerei Schulz GmbH"]);
    assert_eq!(search("Straßburg"), vec!["Konditorei Straßburg"]);
    // "strassb" begins "strassburg", so it is not also taken for a typo of "strasse" (in every
    // address here).
    assert_eq!(search("strassb"), vec!["Konditorei Straßburg"]);
    assert_eq!(
        search("schul"),
        vec!["Bäckerei Schulz GmbH", "Schulze Metallbau"]
    );
    let in_bezirk_03 = directory(
        &log.views,
        &DirectoryQuery {
            region: Some(RegionCode::parse("03").expect("region")),
            sector: Some(WzCode::parse("C").expect("section")),
            per_page: 10,
            ..DirectoryQuery::default()
        },
    );
    assert_eq!(in_bezirk_03.total, 2);
    let no_contact = directory(
        &log.views,
        &DirectoryQuery {
            no_contact_months: Some(6),
            today: Some(day("2026-11-21")),
            per_page: 1,
            page: 2,
            ..DirectoryQuery::default()
        },
    );
    assert_eq!((no_contact.total, no_contact.entries.len()), (3, 1));
}

#[test]
fn the_inquiry_queue_counts_berlin_working_days_and_puts_overdue_first() {
    let mut log = Log::new();
    let received = |n: u128, on: &str| {
        Event::Inquiry(InquiryEvent::Received {
            inquiry: InquiryId::from_uuid(Uuid::from_u128(n)),
            organization: None,
            channel: wifo_domain::contact::Channel::Phone,
            source: InquirySource::CitizensOffice,
            topics: vec![],
            description: Text::default(),
            received_on: day(on),
            received_by: UserName::parse("a.schneider").expect("user"),
        })
    };
    // Thursday before Easter 2025: due Wednesday 23 April (Good Friday, Easter Monday off).
    log.on("2025-04-17", "inquiry-1", received(1, "2025-04-17"))
        .on("2025-04-22", "inquiry-2", received(2, "2025-04-22"));
    let queue = inquiry_queue(&log.views, day("2025-04-24"), 2, None);
    assert_eq!(queue.len(), 2);
    assert_eq!(queue[0].inquiry, InquiryId::from_uuid(Uuid::from_u128(1)));
    assert_eq!(queue[0].respond_by, day("2025-04-23"));
    assert!(queue[0].overdue);
    assert_eq!(queue[1].respond_by, day("2025-04-24"));
    assert!(!queue[1].overdue, "due today is not overdue yet");
    assert_eq!(queue[0].age_days, 7);
}

/// Coverage per Bezirksregion on `on` as (region, businesses, contacted in 12, in 24 months).
fn coverage_rows(views: &Views, on: &str) -> Vec<(String, usize, usize, usize)> {
    region_coverage(views, RegionLevel::Bezirksregion, day(on))
        .iter()
        .map(|row| {
            (
                row.region.as_str().to_owned(),
                row.businesses,
                row.contacted_12_months,
                row.contacted_24_months,
            )
        })
        .collect()
}

#[test]
fn coverage_counts_businesses_contacted_within_12_and_24_months() {
    let mut log = Log::new();
    log.on(
        "2023-01-01",
        "organization-1",
        registered(org(1), "A", "03100101"),
    )
    .on(
        "2023-01-01",
        "organization-2",
        registered(org(2), "B", "03100102"),
    )
    .on(
        "2023-01-01",
        "organization-3",
        registered(org(3), "C", "03200101"),
    )
    .on("2026-03-01", "visit-1", conducted(1, org(1), "2026-03-01"))
    .on("2025-03-01", "visit-2", conducted(2, org(2), "2025-03-01"));
    let coverage = region_coverage(&log.views, RegionLevel::Bezirksregion, day("2026-11-21"));
    assert_eq!(
        coverage_rows(&log.views, "2026-11-21"),
        vec![("031001".into(), 2, 1, 2), ("032001".into(), 1, 0, 0)]
    );
    assert_eq!(coverage[0].share_12_months, 50.0);
}

/// Coverage a year ago is the coverage the office had then: B moved on 2025-07-01 (entered
/// late) and counts in its new region from then on, C did not exist yet, D was still open, and
/// only contacts up to that day count.
#[test]
fn coverage_a_year_ago_uses_the_master_data_and_contacts_of_that_day() {
    let mut log = Log::new();
    log.on(
        "2023-01-01",
        "organization-1",
        registered(org(1), "A", "03100101"),
    )
    .on(
        "2023-01-01",
        "organization-2",
        registered(org(2), "B", "03100101"),
    )
    .on(
        "2023-01-01",
        "organization-4",
        registered(org(4), "D", "03100101"),
    )
    .on("2024-06-01", "visit-1", conducted(1, org(2), "2024-06-01"))
    .on("2025-03-01", "visit-2", conducted(2, org(1), "2025-03-01"))
    .on("2025-05-01", "visit-3", conducted(3, org(4), "2025-05-01"))
    .entered(
        "2025-12-01",
        "2025-07-01",
        "organization-2",
        Event::Organization(OrganizationEvent::Relocated {
            organization: org(2),
            address: Address::parse("Florastraße 1", "13187", "Berlin").expect("address"),
            region: Some(RegionCode::parse("03200101").expect("region")),
        }),
    )
    .on(
        "2025-12-01",
        "organization-4",
        Event::Organization(OrganizationEvent::Closed {
            organization: org(4),
            closed_on: day("2025-12-01"),
            reason: Text::default(),
        }),
    )
    .on(
        "2026-02-01",
        "organization-3",
        registered(org(3), "C", "03100101"),
    )
    .on("2026-03-01", "visit-4", conducted(4, org(1), "2026-03-01"))
    .on("2026-03-01", "visit-5", conducted(5, org(3), "2026-03-01"));
    let rows = |on: &str| coverage_rows(&log.views, on);
    // 21.11.2025: A (visit 01.03.2025) and D (01.05.2025) in 031001; B in 032001 since July,
    // last seen 01.06.2024: outside 12 months, inside 24.
    assert_eq!(
        rows("2025-11-21"),
        vec![("031001".into(), 2, 2, 2), ("032001".into(), 1, 0, 1)]
    );
    // 21.11.2026: A and C (visits 01.03.2026); D closed; B not seen for 29 months.
    assert_eq!(
        rows("2026-11-21"),
        vec![("031001".into(), 2, 2, 2), ("032001".into(), 1, 0, 0)]
    );
}

#[test]
fn a_snapshot_reads_back_to_the_same_answers() {
    let mut log = Log::new();
    log.on(
        "2024-03-01",
        "organization-1",
        registered(org(1), "Bäckerei Schulz", "03100101"),
    )
    .on("2025-03-01", "visit-1", conducted(1, org(1), "2025-03-01"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("views.snapshot");
    crate::snapshot::save(&path, &log.views).expect("saved");
    let loaded = crate::snapshot::load(&path).expect("loads");
    assert_eq!(loaded.position, wifo_store::Position(2));
    assert_eq!(
        profile(&loaded, org(1), None),
        profile(&log.views, org(1), None)
    );
    assert_eq!(loaded.facts.visits.len(), 1);
    assert_eq!(loaded.facts.visits.day, log.views.facts.visits.day);
    assert_eq!(loaded.facts.visits.visit, log.views.facts.visits.visit);
    let facts = crate::snapshot::load_facts(&path).expect("facts load alone");
    assert_eq!(facts.position, log.views.position);
    assert_eq!(facts.visits.visit, log.views.facts.visits.visit);
    assert_eq!(facts.events, log.views.events);
}

/// A move on 2025-07-01 entered on 2025-12-01 and a rename on 2025-03-01 entered on 2025-05-02:
/// as of 2025-06-30, what was known on 2025-06-01 and what is known now differ by exactly what
/// was entered in between (the rename is known on both days; the move neither applies on
/// 2025-06-30 nor was it known); as of 2025-08-01 the move shows only as known after
/// 2025-12-01.
#[test]
fn as_of_a_date_as_known_on_a_date_leaves_out_what_was_entered_later() {
    let bakery = org(7);
    let mut log = Log::new();
    log.entered(
        "2024-03-01",
        "2024-03-01",
        "organization-7",
        registered(bakery, "Bäckerei Schulz", "03100101"),
    )
    .entered(
        "2025-05-02",
        "2025-03-01",
        "organization-7",
        Event::Organization(OrganizationEvent::Renamed {
            organization: bakery,
            name: OrganizationName::parse("Schulz Backwaren GmbH").expect("name"),
        }),
    )
    .entered(
        "2025-12-01",
        "2025-07-01",
        "organization-7",
        Event::Organization(OrganizationEvent::Relocated {
            organization: bakery,
            address: Address::parse("Florastraße 1", "13187", "Berlin").expect("address"),
            region: Some(RegionCode::parse("03100204").expect("region")),
        }),
    );
    let at = |as_of: &str, known_on: Option<&str>| {
        profile_at(
            &log.views,
            bakery,
            Moment {
                as_of: Some(day(as_of)),
                known_on: known_on.map(day),
            },
        )
        .expect("existed then")
    };
    let region = |profile: &crate::queries::profile::OrganizationProfile| {
        profile.region.as_ref().map(|code| code.as_str().to_owned())
    };
    // Known on 2025-04-01: the rename of 1 March was not entered yet.
    assert_eq!(at("2025-06-30", Some("2025-04-01")).name, "Bäckerei Schulz");
    assert_eq!(
        at("2025-06-30", Some("2025-06-01")).name,
        "Schulz Backwaren GmbH"
    );
    assert_eq!(at("2025-06-30", None).name, "Schulz Backwaren GmbH");
    assert_eq!(
        region(&at("2025-06-30", Some("2025-06-01"))).as_deref(),
        Some("03100101")
    );
    assert_eq!(region(&at("2025-06-30", None)).as_deref(), Some("03100101"));
    // The move of 1 July: true from then on, but only known from 1 December.
    assert_eq!(
        region(&at("2025-08-01", Some("2025-11-30"))).as_deref(),
        Some("03100101")
    );
    assert_eq!(
        region(&at("2025-08-01", Some("2025-12-01"))).as_deref(),
        Some("03100204")
    );
    assert_eq!(region(&at("2025-08-01", None)).as_deref(), Some("03100204"));
    // Nothing was known before it was registered.
    assert!(
        profile_at(
            &log.views,
            bakery,
            Moment {
                as_of: None,
                known_on: Some(day("2024-02-29")),
            },
        )
        .is_none()
    );
    // The timeline dates the move by the day it happened and keeps the day it was entered.
    let now = profile(&log.views, bakery, None).expect("exists");
    let moved = now
        .timeline
        .iter()
        .find(|entry| entry.date == day("2025-07-01"))
        .expect("the move in the timeline");
    assert_eq!(moved.recorded_on, day("2025-12-01"));
}
