//! The agenda proposals of an office built for them, every score worked out by hand from what
//! is written here (target for the first answer: 2 working days):
//!
//! - „Weiterbildung“: six inquiries received Mo 03.03.2025, answered Do 13.03. (8 working
//!   days: 04., 05., 06., 07., 10., 11., 12., 13.03.) and closed 14.03.; none in 2024. It
//!   qualifies twice — slow inquiries 60 + 5 × (8 − 2) = 90, and a new topic with 6 mentions,
//!   growth 6 ÷ 5 = 120 % → 100 %, 50 + 25 = 75 — and is proposed once, with 90.
//! - „Thema 01“ … „Thema 12“: 20 contacts in 2024 name all twelve; in 2025 contact j (1 … 37)
//!   names topic k when j ≤ 25 + k, so topic k has 25 + k mentions against 20: growth
//!   (5 + k) × 5 %, score 50 + (5 + k) × 5 ÷ 4 = 56,25 + 1,25 × k (57,5 … 71,25).
//! - „Kleines Thema“: 4 mentions in 2025, none before: below the base of 5, not proposed.
//!
//! Thirteen subjects qualify; the ten best are Weiterbildung and Thema 12 down to Thema 04.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use wifo_analytics::{
    ReportOptions,
    agenda::MAX_PROPOSALS,
    model::Report,
    output::{Format, render},
};
use wifo_domain::{
    contact::Channel,
    inquiry::{InquiryOutcome, InquirySource},
    organization::OrganizationKind,
    taxonomy::{DefineEntries, Entry, Taxonomy, TaxonomyCommand, TaxonomyKind},
};

use super::klausur::report_2025;
use super::scenario::{Ids, Office, REGION_A};

const OPTIONS: ReportOptions = ReportOptions {
    first_response_target_working_days: 2,
    close_target_days: 30,
    coverage_min_employees: None,
};

async fn agenda_office() -> anyhow::Result<(Office, Report)> {
    let office = Office::new()?;
    let mut entries = vec![
        Entry::new("weiterbildung", "Weiterbildung", None),
        Entry::new("klein", "Kleines Thema", None),
    ];
    for k in 1..=12 {
        entries.push(Entry::new(
            &format!("thema{k:02}"),
            &format!("Thema {k:02}"),
            None,
        ));
    }
    office
        .run::<Taxonomy>(
            "2023-12-01",
            TaxonomyCommand::Define(DefineEntries {
                taxonomy: TaxonomyKind::Topics,
                entries,
                skip_existing: false,
            }),
        )
        .await?;
    let business = Ids::fixed().baeckerei;
    office
        .register(
            "2024-01-02",
            business,
            "Bäckerei Korn GmbH",
            OrganizationKind::Company,
            REGION_A,
            Some("10.71"),
            None,
        )
        .await?;
    let all_twelve: Vec<String> = (1..=12).map(|k| format!("thema{k:02}")).collect();
    for j in 1..=20u128 {
        let topics: Vec<&str> = all_twelve.iter().map(String::as_str).collect();
        office
            .contact(j, business, None, Channel::Phone, "2024-05-06", &topics)
            .await?;
    }
    for j in 1..=37u128 {
        let mut topics: Vec<&str> = (1..=12u128)
            .filter(|k| j <= 25 + k)
            .map(|k| all_twelve[k as usize - 1].as_str())
            .collect();
        if j <= 4 {
            topics.push("klein");
        }
        office
            .contact(
                100 + j,
                business,
                None,
                Channel::Phone,
                "2025-05-06",
                &topics,
            )
            .await?;
    }
    for n in 1..=6u128 {
        let inquiry = office
            .inquiry(
                n,
                Some(business),
                InquirySource::Direct,
                "2025-03-03",
                &["weiterbildung"],
            )
            .await?;
        office.answer(inquiry, "2025-03-13").await?;
        office
            .close(inquiry, "2025-03-14", InquiryOutcome::Solved)
            .await?;
    }
    let report = report_2025(&office, OPTIONS).await?;
    Ok((office, report))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_topic_that_qualifies_twice_is_proposed_once_and_only_the_ten_best_are_kept()
-> anyhow::Result<()> {
    let (_office, report) = agenda_office().await?;
    let ranked: Vec<(u32, &str, &str, f64)> = report
        .agenda
        .iter()
        .map(|p| (p.rank, p.reason_kind.as_str(), p.subject.as_str(), p.score))
        .collect();
    let mut expected = vec![(1, "slow_inquiries", "Weiterbildung".to_owned(), 90.0)];
    for k in (4..=12u32).rev() {
        expected.push((
            expected.len() as u32 + 1,
            "topic_growth",
            format!("Thema {k:02}"),
            56.25 + 1.25 * f64::from(k),
        ));
    }
    let expected: Vec<(u32, &str, &str, f64)> = expected
        .iter()
        .map(|(rank, kind, subject, score)| (*rank, *kind, subject.as_str(), *score))
        .collect();
    assert_eq!(ranked, expected);
    assert_eq!(report.agenda.len(), MAX_PROPOSALS);

    // Weiterbildung once, with both reasons' figures.
    let weiterbildung = &report.agenda[0];
    assert_eq!(
        report
            .agenda
            .iter()
            .filter(|p| p.subject == "Weiterbildung")
            .count(),
        1
    );
    assert_eq!(weiterbildung.other_reason_kinds, ["topic_growth"]);
    assert_eq!(
        weiterbildung.reason,
        "Anliegen zum Thema „Weiterbildung“: Erstantwort im Median nach 8,0 Arbeitstagen (Ziel: 2 Arbeitstage). Das Thema „Weiterbildung“ kam 6-mal vor, im Vorjahr gar nicht (Besuche 0, Kontakte 0, Anliegen 6)."
    );
    // Thema 12: 37 against 20 mentions, a previous base of 5 or more, so in percent.
    assert_eq!(
        report.agenda[1].reason,
        "Das Thema „Thema 12“ stieg von 20 auf 37 Nennungen (+85,0 %) (Besuche 0, Kontakte 37, Anliegen 0)."
    );
    assert!(report.agenda.iter().all(|p| p.subject != "Kleines Thema"));

    // The HTML summary lists the ten, the XLSX overview too.
    let html = String::from_utf8(render(&report, None, Format::Html)?)?;
    let summary = &html[html.find("id=\"zusammenfassung\"").unwrap_or(0)
        ..html.find("id=\"inhalt\"").unwrap_or(html.len())];
    assert_eq!(summary.matches("<li>").count(), MAX_PROPOSALS);
    assert!(summary.contains("(langsame Anliegen, wachsendes Thema)"));
    let mut workbook: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(render(&report, None, Format::Xlsx)?))?;
    let overview = workbook.worksheet_range("Übersicht")?;
    let row_of = |wanted: &str| {
        (0..overview.height() as u32)
            .find(|row| overview.get_value((*row, 0)) == Some(&Data::String(wanted.into())))
    };
    let header = row_of("Rang").unwrap_or_else(|| panic!("no proposals header"));
    for (offset, proposal) in report.agenda.iter().enumerate() {
        let row = header + 1 + offset as u32;
        assert_eq!(
            overview.get_value((row, 0)),
            Some(&Data::Float(f64::from(proposal.rank)))
        );
        assert_eq!(
            overview.get_value((row, 1)),
            Some(&Data::String(proposal.subject.clone()))
        );
        assert_eq!(
            overview.get_value((row, 2)),
            Some(&Data::Float(proposal.score))
        );
        assert_eq!(
            overview.get_value((row, 4)),
            Some(&Data::String(proposal.reason.clone()))
        );
    }
    assert_eq!(overview.height() as u32, header + 1 + MAX_PROPOSALS as u32);
    Ok(())
}
