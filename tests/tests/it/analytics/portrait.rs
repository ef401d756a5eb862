//! Region portraits (`wifo_analytics::portrait`) of a small office built for them, every figure
//! worked out by hand. Regions: Bezirk 03 → Prognoseräume 0310 (A side) and 0320 (B side) →
//! Bezirksregionen 031001 and 032002 → Planungsräume 03100101 (A) and 03200202 (B).
//!
//! - Bäckerei: company in A, WZ 10.71 (section C), 10–19 employees, registered 01.05.2023.
//! - Druckerei: company in A, 18.12 (C), 1–3, registered 01.03.2024, closed 30.06.2025.
//! - Softwarehaus: company in B, 62.01 (J), 20–49, registered 01.02.2025.
//! - Café: sole trader in B, 56.10 (I), 1–3, registered 01.06.2024, moves to A on 01.07.2025.
//! - Wirtschaftskreis: association in A (not a business).
//!
//! Stock on 31.12.2025 / 31.12.2024: A = Bäckerei, Café / Bäckerei, Druckerei → 2 / 2; B =
//! Softwarehaus / Café → 1 / 1. Registered 2025 / 2024: A 0 / 1 (Druckerei), B 1 (Softwarehaus)
//! / 1 (Café). Closed: A 1 / 0. Visits: Bäckerei 10.03.2025 (A, relocation risk, follow-up
//! open), Café 05.05.2025 (then in B), Café 09.09.2025 (A, follow-up done), Bäckerei 11.11.2024
//! (A) → A 2 / 1, B 1 / 0; with an open follow-up A 1 / 0. Coverage over 12 months of today's
//! businesses: A has Bäckerei and Café, both visited in A in 2025 → 2 of 2 = 100 %, a year
//! earlier only the Bäckerei → 1 of 2 = 50 %; B has the Softwarehaus, never visited → 0 of 1.
//! Contacts: Softwarehaus 04.04.2025 (B), Bäckerei 02.02.2024 (A). Inquiries 2025: Bäckerei
//! 06.06. (A, Förderung), Softwarehaus 08.08. (B, Förderung) and 10.10. (B, Gründung).

use chrono::NaiveDate;
use uuid::Uuid;
use wifo_analytics::{
    Frames, ReportRequest, build_report, labels,
    model::{Count, KeyedCount},
    portrait::{RegionFigures, overview, portrait},
};
use wifo_domain::{
    contact::Channel,
    ids::OrganizationId,
    inquiry::InquirySource,
    organization::{
        CloseOrganization, Organization, OrganizationCommand, OrganizationKind,
        RelocateOrganization,
    },
    taxonomy::{DefineEntries, Entry, Taxonomy, TaxonomyCommand, TaxonomyKind},
    values::{Address, RegionCode, RegionLevel, SizeClass, Text},
};

use super::scenario::{Office, VisitSpec};

const A: &str = "03100101";
const B: &str = "03200202";

fn org(n: u128) -> OrganizationId {
    OrganizationId::from(Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0001_0000 + n,
    ))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

async fn build(office: &Office) -> anyhow::Result<()> {
    let entries = |list: &[(&str, &str)]| {
        list.iter()
            .map(|(code, name)| Entry::new(code, name, None))
            .collect::<Vec<_>>()
    };
    for (taxonomy, list) in [
        (
            TaxonomyKind::Regions,
            entries(&[
                ("03", "Pankow"),
                ("0310", "Buch"),
                ("0320", "Nördliches Pankow"),
                ("031001", "Buch-Nord"),
                ("032002", "Blankenburg"),
                (A, "Buch am Forst"),
                (B, "Alt-Blankenburg"),
            ]),
        ),
        (
            TaxonomyKind::Topics,
            entries(&[("foerderung", "Förderung"), ("gruendung", "Gründung")]),
        ),
        (
            TaxonomyKind::Sectors,
            entries(&[
                ("C", "Verarbeitendes Gewerbe"),
                ("I", "Gastgewerbe"),
                ("J", "Information und Kommunikation"),
            ]),
        ),
    ] {
        office
            .run::<Taxonomy>(
                "2023-01-01",
                TaxonomyCommand::Define(DefineEntries {
                    taxonomy,
                    entries: list,
                    skip_existing: false,
                }),
            )
            .await?;
    }
    use OrganizationKind::{Association, Company, SoleTrader};
    let businesses = [
        (
            1,
            "2023-05-01",
            "Bäckerei Korn",
            Company,
            A,
            Some("10.71"),
            Some(SizeClass::From10To19),
        ),
        (
            2,
            "2024-03-01",
            "Druckerei Blatt",
            Company,
            A,
            Some("18.12"),
            Some(SizeClass::From1To3),
        ),
        (
            3,
            "2025-02-01",
            "Softwarehaus Bit",
            Company,
            B,
            Some("62.01"),
            Some(SizeClass::From20To49),
        ),
        (
            4,
            "2024-06-01",
            "Café Bohne",
            SoleTrader,
            B,
            Some("56.10"),
            Some(SizeClass::From1To3),
        ),
        (
            5,
            "2023-05-01",
            "Wirtschaftskreis",
            Association,
            A,
            None,
            None,
        ),
    ];
    for (n, on, name, kind, region, sector, size) in businesses {
        office
            .register(on, org(n), name, kind, region, sector, size)
            .await?;
    }
    office
        .run::<Organization>(
            "2025-06-30",
            OrganizationCommand::Close(CloseOrganization {
                organization: org(2),
                closed_on: day("2025-06-30"),
                reason: Text::parse("Geschäftsaufgabe")?,
            }),
        )
        .await?;
    office
        .run::<Organization>(
            "2025-07-01",
            OrganizationCommand::Relocate(RelocateOrganization {
                organization: org(4),
                address: Address::parse("Schönhauser Allee 5", "10435", "Berlin")?,
                region: Some(RegionCode::parse(A)?),
            }),
        )
        .await?;
    let mut risky = VisitSpec::new(1, org(1), "2025-03-10", &["a.schneider"], &["foerderung"]);
    risky.relocation_risk = true;
    let v1 = office.conduct(risky).await?;
    office.follow_up(v1, 1, "2025-03-11", None).await?;
    office
        .conduct(VisitSpec::new(
            2,
            org(4),
            "2025-05-05",
            &["a.schneider"],
            &[],
        ))
        .await?;
    let v3 = office
        .conduct(VisitSpec::new(
            3,
            org(4),
            "2025-09-09",
            &["a.schneider"],
            &[],
        ))
        .await?;
    office
        .follow_up(v3, 2, "2025-09-10", Some("2025-09-20"))
        .await?;
    office
        .conduct(VisitSpec::new(
            4,
            org(1),
            "2024-11-11",
            &["a.schneider"],
            &[],
        ))
        .await?;
    office
        .contact(1, org(3), None, Channel::Phone, "2025-04-04", &[])
        .await?;
    office
        .contact(2, org(1), None, Channel::Phone, "2024-02-02", &[])
        .await?;
    office
        .inquiry(
            1,
            Some(org(1)),
            InquirySource::Direct,
            "2025-06-06",
            &["foerderung"],
        )
        .await?;
    office
        .inquiry(
            2,
            Some(org(3)),
            InquirySource::Direct,
            "2025-08-08",
            &["foerderung"],
        )
        .await?;
    office
        .inquiry(
            3,
            Some(org(3)),
            InquirySource::Direct,
            "2025-10-10",
            &["gruendung"],
        )
        .await?;
    Ok(())
}

fn count(current: u64, previous: u64) -> Count {
    Count::new(current, previous)
}

fn line(lines: &[KeyedCount], key: &str) -> Count {
    lines
        .iter()
        .find(|line| line.key == key)
        .unwrap_or_else(|| panic!("no line {key} in {lines:?}"))
        .count
}

fn assert_a(figures: &RegionFigures) {
    assert_eq!(figures.businesses, count(2, 2), "stock A");
    assert_eq!(figures.registered, count(0, 1), "registered A");
    assert_eq!(figures.closed, count(1, 0), "closed A");
    assert_eq!(figures.visits, count(2, 1), "visits A");
    assert_eq!(figures.contacts, count(0, 1), "contacts A");
    assert_eq!(figures.inquiries, count(1, 0), "inquiries A");
    assert_eq!(figures.visits_with_open_follow_up, count(1, 0), "open A");
    assert_eq!(figures.coverage_12_months.businesses, 2);
    assert_eq!(figures.coverage_12_months.visited, count(2, 1));
    assert_eq!(
        figures.coverage_12_months.share_percent.current,
        Some(100.0)
    );
    assert_eq!(
        figures.coverage_12_months.share_percent.previous,
        Some(50.0)
    );
}

fn assert_b(figures: &RegionFigures) {
    assert_eq!(figures.businesses, count(1, 1), "stock B");
    assert_eq!(figures.registered, count(1, 1), "registered B");
    assert_eq!(figures.closed, count(0, 0), "closed B");
    assert_eq!(figures.visits, count(1, 0), "visits B");
    assert_eq!(figures.contacts, count(1, 0), "contacts B");
    assert_eq!(figures.inquiries, count(2, 0), "inquiries B");
    assert_eq!(figures.visits_with_open_follow_up, count(0, 0), "open B");
    assert_eq!(figures.coverage_12_months.businesses, 1);
    assert_eq!(figures.coverage_12_months.visited, count(0, 0));
    assert_eq!(figures.coverage_12_months.share_percent.current, Some(0.0));
}

/// 2025 seen from a later day: the whole year against 2024.
fn year_2025() -> anyhow::Result<ReportRequest> {
    Ok(ReportRequest::of_year(2025, day("2026-12-07"))?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_portrait_has_every_figure_of_its_region_beside_the_year_before() -> anyhow::Result<()> {
    let office = Office::new()?;
    build(&office).await?;
    let facts = office.facts().await?;
    let request = year_2025()?;
    let frames = Frames::for_report(&facts, request.from, request.to)?;
    let labels = labels(&facts);

    let a = portrait(&frames, &labels, &request, &RegionCode::parse("031001")?)?;
    assert_eq!(a.title, "Regionsporträt Bezirksregion Buch-Nord");
    assert_eq!(
        (a.period.from, a.period.to),
        (day("2025-01-01"), day("2025-12-31"))
    );
    assert_a(&a.figures);
    assert_eq!(line(&a.businesses_per_section, "C"), count(1, 2));
    assert_eq!(line(&a.businesses_per_section, "I"), count(1, 0));
    assert_eq!(a.businesses_per_section[0].label, "Verarbeitendes Gewerbe");
    assert_eq!(
        line(&a.businesses_per_size_class, "1–3 Beschäftigte"),
        count(1, 1)
    );
    assert_eq!(
        line(&a.businesses_per_size_class, "10–19 Beschäftigte"),
        count(1, 1)
    );
    assert_eq!(line(&a.inquiries_per_topic, "foerderung"), count(1, 0));
    let coverage: Vec<u32> = a.coverage.iter().map(|c| c.months).collect();
    assert_eq!(coverage, vec![12, 24, 36]);
    // The one part of the Bezirksregion is its Planungsraum, with the same figures.
    assert_eq!(a.parts.len(), 1);
    assert_eq!(a.parts[0].region, A);
    assert_a(&a.parts[0]);

    let b = portrait(&frames, &labels, &request, &RegionCode::parse("032002")?)?;
    assert_b(&b.figures);
    assert_eq!(line(&b.inquiries_per_topic, "foerderung"), count(1, 0));
    assert_eq!(line(&b.inquiries_per_topic, "gruendung"), count(1, 0));
    assert_eq!(line(&b.businesses_per_section, "J"), count(1, 0));
    assert_eq!(line(&b.businesses_per_section, "I"), count(0, 1));

    // The Bezirk: both sides together, its parts the two Prognoseräume.
    let bezirk = portrait(&frames, &labels, &request, &RegionCode::parse("03")?)?;
    assert_eq!(bezirk.figures.businesses, count(3, 3));
    assert_eq!(bezirk.figures.visits, count(3, 1));
    assert_eq!(bezirk.figures.inquiries, count(3, 0));
    let parts: Vec<&str> = bezirk.parts.iter().map(|p| p.region.as_str()).collect();
    assert_eq!(parts, vec!["0310", "0320"]);
    assert_a(&bezirk.parts[0]);
    assert_b(&bezirk.parts[1]);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_overview_the_portrait_and_the_klausur_report_count_the_same() -> anyhow::Result<()> {
    let office = Office::new()?;
    build(&office).await?;
    let facts = office.facts().await?;
    let request = year_2025()?;
    let frames = Frames::for_report(&facts, request.from, request.to)?;
    let labels = labels(&facts);

    let lines = overview(&frames, &labels, &request, RegionLevel::Bezirksregion)?;
    assert_eq!(lines.regions.len(), 2);
    assert_a(&lines.regions[0]);
    assert_b(&lines.regions[1]);
    assert_eq!(lines.regions[0].name, "Buch-Nord");

    // The Klausur report of 2025 carries the same lines as its section „Bezirksregionen“, and
    // restricted to a region its visits and inquiries are the portrait's.
    let mut klausur = ReportRequest::klausur(2025)?;
    let report = build_report(&facts, &klausur, &mut |_, _| {})?;
    assert_eq!(report.regions, lines.regions);
    klausur.region = Some(RegionCode::parse("031001")?);
    let report = build_report(&facts, &klausur, &mut |_, _| {})?;
    assert_eq!(report.visits.conducted, count(2, 1));
    assert_eq!(report.inquiries.received, count(1, 0));
    assert_eq!(
        report.regions.len(),
        1,
        "only the Bezirksregion filtered to"
    );
    let tables = wifo_analytics::tables::tables(&report);
    let section = tables
        .iter()
        .find(|table| table.id == "bezirksregionen")
        .expect("the report has the Bezirksregionen section");
    assert_eq!(section.rows.len(), 1);
    Ok(())
}
