//! The lead's key figures (`wifo_analytics::key_figures`, what `/leitung` shows) on the
//! hand-built office (`scenario.rs`): the same numbers as the Klausur report for every figure
//! both show, and the running year compared with the same days a year earlier, worked out by
//! hand:
//!
//! - 1 January to 30 June 2025: visits V1 15.01., V3 20.02., V2 10.03., V4 05.04., V5 12.05.,
//!   V6 03.06. → 6; the same days of 2024: the Bäckerei on 05.05. → 1 (the Softwarehaus on
//!   09.09.2024 lies after 30 June).
//! - Inquiries received 03.03., 01.04., 02.06.2025 → 3, with 2, 8 and 1 working days to the first
//!   answer (median 2); 2024 up to 30 June: none (the one of 2024 came on 10.10.).

use wifo_analytics::{Frames, KeyFigures, ReportOptions, ReportRequest, key_figures, model::Count};
use wifo_store::EventStore;

use super::klausur::report_2025;
use super::scenario::{self, Office};

async fn figures(office: &Office, request: &ReportRequest) -> anyhow::Result<KeyFigures> {
    let facts = office.facts().await?;
    let frames = Frames::for_report(&facts, request.from, request.to)?;
    Ok(key_figures(&frames, None, request)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_figures_are_the_klausur_report_figures() -> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let report = report_2025(&office, ReportOptions::default()).await?;
    let key = figures(&office, &ReportRequest::klausur(2025)?).await?;

    assert_eq!(key.period, report.period);
    assert_eq!(key.previous_period, report.previous_period);
    assert_eq!(key.visits, report.visits.conducted);
    assert_eq!(key.contacts, report.contacts.logged);
    assert_eq!(key.inquiries, report.inquiries.received);
    assert_eq!(key.first_response, report.inquiries.first_response);
    let sum = |count: fn(&wifo_analytics::model::CooperationFigures) -> Count| {
        report
            .cooperations
            .agreements
            .iter()
            .map(count)
            .fold((0, 0), |(current, previous), one| {
                (current + one.current, previous + one.previous)
            })
    };
    let due = sum(|agreement| agreement.planned);
    let achieved = sum(|agreement| agreement.achieved);
    assert_eq!(
        (key.milestones_due.current, key.milestones_due.previous),
        due
    );
    assert_eq!(
        (
            key.milestones_achieved.current,
            key.milestones_achieved.previous
        ),
        achieved
    );
    assert_eq!(key.gatherings, report.gatherings.total.held);
    assert_eq!(key.attendance, report.gatherings.total.attendance);
    assert_eq!(key.visits_per_month, report.visits.per_month);

    // And the figures themselves, by hand (see `klausur.rs`).
    assert_eq!(key.visits, Count::new(8, 2));
    assert_eq!(key.inquiries, Count::new(5, 1));
    assert_eq!(key.first_response.median_days.current, Some(4.0));
    assert_eq!(key.first_response.target_days, 2);
    assert_eq!(key.milestones_due, Count::new(6, 0));
    assert_eq!(key.milestones_achieved, Count::new(2, 0));
    assert_eq!(key.gatherings, Count::new(3, 1));
    // Attendance counts the listed attendees and those counted at the door.
    assert_eq!(key.attendance, Count::new(12, 11));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_running_year_is_compared_with_the_same_days_a_year_earlier() -> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let request =
        ReportRequest::leadership(scenario::day("2025-01-01"), scenario::day("2025-06-30"))?;
    let key = figures(&office, &request).await?;

    assert_eq!(key.previous_period.from, scenario::day("2024-01-01"));
    assert_eq!(key.previous_period.to, scenario::day("2024-06-30"));
    assert_eq!(key.visits, Count::new(6, 1));
    assert_eq!(key.inquiries, Count::new(3, 0));
    assert_eq!(key.first_response.median_days.current, Some(2.0));
    assert_eq!(key.first_response.median_days.previous, None);
    let months: Vec<(&str, u64, u64)> = key
        .visits_per_month
        .iter()
        .map(|line| (line.key.as_str(), line.count.current, line.count.previous))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-01", 1, 0),
            ("2025-02", 1, 0),
            ("2025-03", 1, 0),
            ("2025-04", 1, 0),
            ("2025-05", 1, 1),
            ("2025-06", 1, 0),
        ]
    );
    Ok(())
}

/// The dashboard answers a reload from memory, and a visit logged in between shows on the next
/// one: 6 visits in the first half of 2025 (above), then a seventh on 20.06.2025.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_is_computed_again_after_every_write() -> anyhow::Result<()> {
    let office = Office::new()?;
    let ids = scenario::build(&office).await?;
    let projections = wifo_app::views::start(&office.data).await?;
    let request =
        ReportRequest::leadership(scenario::day("2025-01-01"), scenario::day("2025-06-30"))?;
    let today = scenario::day("2025-06-30");
    let cache = wifo_analytics::DashboardCache::default();

    let first = cache.get(&projections, &request, today)?;
    let reload = cache.get(&projections, &request, today)?;
    assert_eq!(first.figures.visits, Count::new(6, 1));
    assert!(
        std::sync::Arc::ptr_eq(&first, &reload),
        "a reload is not computed again"
    );
    let other_day = cache.get(&projections, &request, scenario::day("2025-07-01"))?;
    assert!(
        !std::sync::Arc::ptr_eq(&first, &other_day),
        "another day is another question"
    );

    office
        .conduct(scenario::VisitSpec::new(
            90,
            ids.baeckerei,
            "2025-06-20",
            &["a.schneider"],
            &[],
        ))
        .await?;
    let head = office.data.store.head().await?;
    assert!(
        projections
            .wait_for(head, std::time::Duration::from_secs(10))
            .await
    );
    let after = cache.get(&projections, &request, today)?;
    assert_eq!(after.figures.visits, Count::new(7, 1));
    Ok(())
}
