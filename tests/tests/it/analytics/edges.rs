//! Edge cases of the reports: an empty office, an empty year, a year with one event, an
//! inquiry reopened before the year's end, an organization that moved (counted where it was),
//! the partner and region filters, a leadership period across a year boundary, and an erased
//! person (figures unchanged, no personal data in any output).

use wifo_analytics::{
    ReportOptions, ReportRequest, build_report,
    model::Count,
    output::{Format, render},
};
use wifo_app::privacy::erase_person;
use wifo_domain::{
    inquiry::{Inquiry, InquiryCommand, InquiryOutcome, InquirySource, ReopenInquiry},
    person::ErasureReason,
    values::Text,
};

use super::klausur::report_2025;
use super::scenario::{self, Office, PERSON_NAME, REGION_A, REGION_B, day};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_without_events_gives_a_report_of_zeros_in_every_format() -> anyhow::Result<()> {
    let office = Office::new()?;
    let facts = office.facts().await?;
    let report = build_report(&facts, &ReportRequest::klausur(2025)?, &mut |_, _| {})?;
    assert_eq!(report.visits.conducted, Count::new(0, 0));
    assert!(report.visits.per_month.is_empty());
    assert_eq!(report.inquiries.received, Count::new(0, 0));
    assert_eq!(report.inquiries.first_response.median_days.current, None);
    assert!(report.cooperations.agreements.is_empty());
    assert_eq!(report.gatherings.total.held, Count::new(0, 0));
    assert!(report.agenda.is_empty());
    for coverage in &report.visits.coverage {
        assert_eq!(coverage.businesses, 0);
        assert_eq!(coverage.share_percent.current, None);
    }
    for format in [Format::Html, Format::Json, Format::Csv, Format::Xlsx] {
        assert!(!render(&report, None, format)?.is_empty(), "{format:?}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_year_without_activity_counts_nothing_but_keeps_the_business_base() -> anyhow::Result<()>
{
    let office = Office::new()?;
    scenario::build(&office).await?;
    let facts = office.facts().await?;
    let report = build_report(&facts, &ReportRequest::klausur(2019)?, &mut |_, _| {})?;
    assert_eq!(report.visits.conducted, Count::new(0, 0));
    assert_eq!(report.contacts.logged, Count::new(0, 0));
    assert_eq!(report.inquiries.received, Count::new(0, 0));
    assert_eq!(report.inquiries.open_at_end, Count::new(0, 0));
    assert!(report.topics.ranking.is_empty());
    assert!(report.gatherings.per_kind.is_empty());
    // The agreement exists but nothing of it was due in 2019.
    assert_eq!(report.cooperations.agreements[0].planned, Count::new(0, 0));
    assert_eq!(report.visits.coverage[0].businesses, 5);
    assert_eq!(report.visits.coverage[0].visited, Count::new(0, 0));
    assert_eq!(report.visits.coverage[0].share_percent.current, Some(0.0));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_year_with_one_event_counts_that_event() -> anyhow::Result<()> {
    let office = Office::new()?;
    office
        .inquiry(
            1,
            None,
            InquirySource::CitizensOffice,
            "2025-06-01",
            &["genehmigung"],
        )
        .await?;
    let facts = office.facts().await?;
    assert_eq!(facts.events, 1);
    let report = build_report(&facts, &ReportRequest::klausur(2025)?, &mut |_, _| {})?;
    assert_eq!(report.inquiries.received, Count::new(1, 0));
    assert_eq!(report.inquiries.open_at_end, Count::new(1, 0));
    assert_eq!(report.inquiries.first_response.measured, Count::new(0, 0));
    assert_eq!(report.inquiries.per_source.len(), 1);
    assert_eq!(report.inquiries.per_source[0].label, "über das Bürgerbüro");
    assert_eq!(report.topics.ranking.len(), 1);
    assert_eq!(report.topics.ranking[0].inquiries, 1);
    assert_eq!(report.visits.conducted, Count::new(0, 0));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inquiry_reopened_before_the_year_end_counts_as_open() -> anyhow::Result<()> {
    let office = Office::new()?;
    let inquiry = office
        .inquiry(
            1,
            None,
            InquirySource::Direct,
            "2025-12-01",
            &["genehmigung"],
        )
        .await?;
    office.answer(inquiry, "2025-12-02").await?;
    office
        .close(inquiry, "2025-12-05", InquiryOutcome::Solved)
        .await?;
    office
        .run::<Inquiry>(
            "2025-12-10",
            InquiryCommand::Reopen(ReopenInquiry {
                inquiry,
                reopened_on: day("2025-12-10"),
                reason: Text::parse("Rückfrage")?,
            }),
        )
        .await?;
    office
        .close(inquiry, "2026-01-10", InquiryOutcome::Solved)
        .await?;
    let facts = office.facts().await?;
    let report = build_report(&facts, &ReportRequest::klausur(2025)?, &mut |_, _| {})?;
    assert_eq!(report.inquiries.open_at_end, Count::new(1, 0));
    // Closed on 05.12. for the first time: 4 days.
    assert_eq!(report.inquiries.to_close.median_days.current, Some(4.0));
    // Closed twice, once in 2025 and once in 2026: one outcome in 2025.
    assert_eq!(report.inquiries.outcomes[0].count, Count::new(1, 0));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_region_filter_counts_the_moved_cafe_where_it_was_at_each_visit() -> anyhow::Result<()>
{
    let office = Office::new()?;
    scenario::build(&office).await?;
    let facts = office.facts().await?;
    let mut request = ReportRequest::klausur(2025)?;
    request.region = Some(wifo_domain::values::RegionCode::parse(REGION_B)?);
    let in_b = build_report(&facts, &request, &mut |_, _| {})?;
    // V4, V5 (Softwarehaus) and V6 (café, before its move); 2024: the Softwarehaus.
    assert_eq!(in_b.visits.conducted, Count::new(3, 1));
    request.region = Some(wifo_domain::values::RegionCode::parse(REGION_A)?);
    let in_a = build_report(&facts, &request, &mut |_, _| {})?;
    assert_eq!(in_a.visits.conducted, Count::new(5, 1));
    // Contacts in A: Bäckerei and Druckerei (the café's was retracted); inquiries in A: I1, I2
    // and I4 (the café had moved by September).
    assert_eq!(in_a.contacts.logged, Count::new(2, 1));
    assert_eq!(in_a.inquiries.received, Count::new(3, 1));
    // The business base in A now: Bäckerei, Druckerei, Café (moved), Tischlerei.
    assert_eq!(in_a.visits.coverage[0].businesses, 4);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_partner_filter_counts_the_partners_agreements_and_joint_visits() -> anyhow::Result<()>
{
    let office = Office::new()?;
    let ids = scenario::build(&office).await?;
    let facts = office.facts().await?;
    let mut request = ReportRequest::klausur(2025)?;
    request.partner = Some(ids.handwerkskammer);
    let chamber = build_report(&facts, &request, &mut |_, _| {})?;
    assert_eq!(
        chamber.visits.conducted,
        Count::new(2, 0),
        "the two joint visits"
    );
    assert!(chamber.cooperations.agreements.is_empty());
    request.partner = Some(ids.wirtschaftskreis);
    let association = build_report(&facts, &request, &mut |_, _| {})?;
    assert_eq!(association.cooperations.agreements.len(), 1);
    assert_eq!(
        association.visits.conducted,
        Count::new(0, 0),
        "it has no members"
    );
    request.partner = Some(wifo_domain::ids::OrganizationId::from_uuid(
        uuid::Uuid::nil(),
    ));
    assert!(build_report(&facts, &request, &mut |_, _| {}).is_err());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leadership_report_compares_with_the_same_period_a_year_earlier() -> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let facts = office.facts().await?;
    let request = ReportRequest::leadership(day("2025-05-01"), day("2025-09-30"))?;
    let report = build_report(&facts, &request, &mut |_, _| {})?;
    assert_eq!(report.previous_period.from, day("2024-05-01"));
    assert_eq!(report.previous_period.to, day("2024-09-30"));
    // V5 (May), V6 (June), V7 (August); a year earlier: May and September 2024.
    assert_eq!(report.visits.conducted, Count::new(3, 2));
    let months: Vec<(&str, &str, Count)> = report
        .visits
        .per_month
        .iter()
        .map(|line| (line.key.as_str(), line.label.as_str(), line.count))
        .collect();
    assert_eq!(
        months,
        [
            ("2025-05", "Mai 2025", Count::new(1, 1)),
            ("2025-06", "Juni 2025", Count::new(1, 0)),
            ("2025-08", "August 2025", Count::new(1, 0)),
            ("2025-09", "September 2025", Count::new(0, 1)),
        ]
    );
    assert!(ReportRequest::leadership(day("2025-09-30"), day("2025-05-01")).is_err());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasing_a_person_changes_no_figure_and_no_output_holds_personal_data() -> anyhow::Result<()>
{
    let office = Office::new()?;
    let ids = scenario::build(&office).await?;
    let before = report_2025(&office, ReportOptions::default()).await?;
    erase_person(
        &office.data,
        ids.person,
        day("2026-02-01"),
        ErasureReason::DataSubjectRequest,
        &Office::context("2026-02-01"),
    )
    .await?;
    let after = report_2025(&office, ReportOptions::default()).await?;
    assert_eq!(
        serde_json::to_value(&before)?,
        serde_json::to_value(&after)?,
        "figures unchanged by the erasure"
    );
    let facts = office.facts().await?;
    let frames = wifo_analytics::Frames::from_facts(&facts)?;
    let person_id = ids.person.to_string();
    for format in [
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Xlsx,
        Format::Parquet,
    ] {
        for report in [&before, &after] {
            let bytes = render(report, Some(&frames), format)?;
            let text = String::from_utf8_lossy(&bytes);
            for trace in [PERSON_NAME, "Trautmann", person_id.as_str()] {
                assert!(!text.contains(trace), "{format:?} holds {trace}");
            }
        }
    }
    // The fact tables have no person column at all.
    for (name, frame) in frames.fact_tables() {
        assert!(
            frame
                .get_column_names()
                .iter()
                .all(|column| !column.contains("person")),
            "{name}"
        );
    }
    Ok(())
}

/// A report reads frames without the contacts and inquiry steps outside its two periods; with
/// every row its figures must be the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_out_rows_outside_the_compared_years_changes_no_figure() -> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let facts = office.facts().await?;
    let request = ReportRequest::klausur(2026)?;
    let windowed = build_report(&facts, &request, &mut |_, _| {})?;
    let all = wifo_analytics::Frames::from_facts(&facts)?;
    let labels = wifo_analytics::labels(&facts);
    let from_all =
        wifo_analytics::build_report_from(&all, &labels, None, &request, &mut |_, _| {})?;
    assert_eq!(
        serde_json::to_value(&windowed)?,
        serde_json::to_value(&from_all)?
    );
    // The 2024 contact is outside 2025–2026, so the window did leave rows out.
    let report_frames = wifo_analytics::Frames::for_report(&facts, request.from, request.to)?;
    assert!(report_frames.contacts.height() < all.contacts.height());
    assert!(report_frames.inquiry_steps.height() < all.inquiry_steps.height());
    assert_eq!(windowed.contacts.logged.previous, 3);
    Ok(())
}
