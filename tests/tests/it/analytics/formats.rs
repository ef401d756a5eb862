//! Every output format of the report opens and holds the figures: JSON parsed, CSV files parsed
//! back (`;`, UTF-8 with BOM) from the ZIP and from a folder, XLSX read back with calamine
//! (the „Übersicht“ first), Parquet read back with polars, HTML a complete page with every
//! non-empty table — for both report kinds a summary with the key figures and six charts, then
//! the contents, then the appendix, every link of the contents leading to an anchor.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use polars::prelude::{ParquetReader, SerReader};
use wifo_analytics::{
    ReportOptions, ReportRequest, build_report,
    output::{Format, render, write},
    tables::tables,
};

use super::klausur::report_2025;
use super::scenario::{self, Office, day};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_output_format_opens_and_holds_the_figures() -> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let report = report_2025(&office, ReportOptions::default()).await?;
    let facts = office.facts().await?;
    let frames = wifo_analytics::Frames::from_facts(&facts)?;
    let expected_tables = tables(&report);
    assert_eq!(expected_tables.len(), 24);

    // JSON.
    let json: serde_json::Value = serde_json::from_slice(&render(&report, None, Format::Json)?)?;
    assert_eq!(json["kind"], "klausur");
    assert_eq!(json["visits"]["conducted"]["current"], 8);
    assert_eq!(json["visits"]["conducted"]["previous"], 2);
    assert_eq!(
        json["inquiries"]["first_response"]["median_days"]["current"],
        4.0
    );
    assert_eq!(json["period"]["from"], "2025-01-01");

    // CSV in a ZIP archive: one file per table, each with a BOM, `;` and the table's headers.
    let zipped = render(&report, None, Format::Csv)?;
    let mut archive = zip::ZipArchive::new(Cursor::new(zipped))?;
    assert_eq!(archive.len(), expected_tables.len());
    for (index, table) in expected_tables.iter().enumerate() {
        let mut file = archive.by_name(&format!("{:02}_{}.csv", index + 1, table.id))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{} has a BOM", table.id);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&bytes[3..]);
        let headers: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
        assert_eq!(headers, table.headers, "{}", table.id);
        let rows = reader.records().collect::<Result<Vec<_>, _>>()?;
        assert_eq!(rows.len(), table.rows.len(), "{}", table.id);
        if table.id == "uebersicht" {
            assert_eq!(&rows[0][0], "Durchgeführte Betriebsbesuche");
            assert_eq!(&rows[0][1], "8");
            assert_eq!(&rows[0][2], "2");
            assert_eq!(&rows[0][4], "300,0");
        }
    }

    // CSV and Parquet into folders, as the CLI writes them.
    let out = tempfile::tempdir()?;
    write(&report, &frames, Format::Csv, &out.path().join("csv"))?;
    assert_eq!(
        std::fs::read_dir(out.path().join("csv"))?.count(),
        expected_tables.len()
    );
    write(
        &report,
        &frames,
        Format::Parquet,
        &out.path().join("parquet"),
    )?;
    for (name, frame) in frames.fact_tables() {
        let file = std::fs::File::open(out.path().join("parquet").join(format!("{name}.parquet")))?;
        let read = ParquetReader::new(file).finish()?;
        assert_eq!(read.height(), frame.height(), "{name}");
        assert_eq!(read.width(), frame.width(), "{name}");
    }
    let visits = ParquetReader::new(std::fs::File::open(
        out.path().join("parquet").join("besuche.parquet"),
    )?)
    .finish()?;
    assert_eq!(visits.height(), 11, "ten conducted visits and one planned");

    // XLSX: the „Übersicht“ first, then one sheet per table, German headers, numbers as numbers.
    let bytes = render(&report, None, Format::Xlsx)?;
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
    let sheets = workbook.sheet_names();
    assert_eq!(sheets[0], "Übersicht");
    assert_eq!(
        sheets[1..],
        expected_tables
            .iter()
            .map(|t| t.sheet.to_owned())
            .collect::<Vec<_>>()
    );
    let overview = workbook.worksheet_range("Übersicht")?;
    assert_eq!(
        overview.get_value((0, 0)),
        Some(&Data::String("Kennzahl".into()))
    );
    assert_eq!(
        overview.get_value((0, 2)),
        Some(&Data::String("Vorjahr".into()))
    );
    assert_eq!(
        overview.get_value((1, 0)),
        Some(&Data::String("Durchgeführte Betriebsbesuche".into()))
    );
    assert_eq!(overview.get_value((1, 1)), Some(&Data::Float(8.0)));
    assert_eq!(overview.get_value((1, 2)), Some(&Data::Float(2.0)));
    assert_eq!(overview.get_value((1, 3)), Some(&Data::Float(6.0)));
    // The mayor with the press and the senator (`scenario.rs`): two visits with leadership, one
    // with the press.
    assert_eq!(
        overview.get_value((3, 0)),
        Some(&Data::String(
            "davon mit Leitung (Bürgermeister/in, Senator/in …)".into()
        ))
    );
    assert_eq!(overview.get_value((3, 1)), Some(&Data::Float(2.0)));
    assert_eq!(overview.get_value((4, 1)), Some(&Data::Float(1.0)));
    // Twelve key figures, an empty row, the proposals' title and header, the two proposals.
    assert_eq!(
        overview.get_value((14, 0)),
        Some(&Data::String(
            "Themenvorschläge für das nächste Jahr".into()
        ))
    );
    assert_eq!(
        overview.get_value((15, 4)),
        Some(&Data::String("Begründung".into()))
    );
    assert_eq!(overview.get_value((16, 0)), Some(&Data::Float(1.0)));
    assert_eq!(
        overview.get_value((16, 1)),
        Some(&Data::String("Fachkräftesicherung".into()))
    );
    assert_eq!(overview.get_value((16, 2)), Some(&Data::Float(75.0)));
    assert_eq!(
        overview.get_value((16, 3)),
        Some(&Data::String("wachsendes Thema".into()))
    );
    assert_eq!(
        overview.get_value((17, 1)),
        Some(&Data::String("Kooperation Wirtschaftskreis Pankow".into()))
    );
    assert_eq!(overview.height(), 18);
    // The key figures' table keeps the change in percent: 8 against 2 visits.
    let key_figures = workbook.worksheet_range("Kennzahlen")?;
    assert_eq!(key_figures.get_value((1, 4)), Some(&Data::Float(300.0)));
    let cooperation = workbook.worksheet_range("Kooperationen")?;
    assert_eq!(cooperation.get_value((1, 2)), Some(&Data::Float(6.0)));

    // HTML: a complete, self-contained page with every non-empty table.
    let html = String::from_utf8(render(&report, None, Format::Html)?)?;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("@page { size: A4"));
    assert!(!html.contains("<script"));
    assert!(!html.contains("https://") && !html.contains("src=") && !html.contains("<link"));
    assert!(html.contains("<svg"));
    assert_eq!(
        html.matches("<table").count(),
        html.matches("</table>").count()
    );
    // Every table with rows is a table of the appendix, each linked from the contents.
    for table in expected_tables.iter().filter(|t| !t.rows.is_empty()) {
        assert!(
            html.contains(&format!("<table id=\"{}\">", table.id)),
            "{}",
            table.id
        );
    }
    for table in &expected_tables {
        assert!(
            html.contains(&format!("<a href=\"#{}\">", table.id)),
            "{} in the contents",
            table.id
        );
    }
    assert!(html.contains("Klausur-Statistik 2025"));
    for proposal in &report.agenda {
        assert!(html.contains(&proposal.subject), "{}", proposal.subject);
    }
    assert!(html.contains("Fachkräftesicherung"));
    Ok(())
}

/// The summary of a page: from its section to the contents.
fn summary_of(html: &str) -> &str {
    let start = html.find("<section id=\"zusammenfassung\">").unwrap_or(0);
    let end = html
        .find("<nav class=\"toc\" id=\"inhalt\"")
        .unwrap_or(html.len());
    &html[start..end]
}

/// The order Zusammenfassung → Inhalt → first appendix table, an element for every anchor the
/// page links to, and four to six charts in the summary.
fn assert_summary_contents_appendix(html: &str) {
    let position = |text: &str| {
        html.find(text)
            .unwrap_or_else(|| panic!("no {text} in the page"))
    };
    let summary_heading = position("<h2>Zusammenfassung</h2>");
    let contents_heading = position(">Inhalt</h2>");
    let appendix_heading = position("<h2>Anhang</h2>");
    let first_table = position("<table id=");
    assert!(
        summary_heading < contents_heading,
        "summary before contents"
    );
    assert!(
        contents_heading < appendix_heading,
        "contents before appendix"
    );
    assert!(
        appendix_heading < first_table,
        "tables only in the appendix"
    );
    let links: Vec<&str> = html
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(links.len() > 20, "{links:?}");
    for anchor in links {
        assert!(
            html.contains(&format!("id=\"{anchor}\"")),
            "the contents link #{anchor}, which the page does not have"
        );
    }
    let charts = summary_of(html).matches("<svg").count();
    assert!((4..=6).contains(&charts), "{charts} charts in the summary");
    assert_eq!(
        html.matches("<svg").count(),
        charts,
        "no chart in the appendix"
    );
    assert!(html.contains("@media print { nav.toc, #anhang { page-break-before: always;"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_html_report_opens_with_a_summary_then_the_contents_then_the_appendix()
-> anyhow::Result<()> {
    let office = Office::new()?;
    scenario::build(&office).await?;
    let report = report_2025(&office, ReportOptions::default()).await?;
    let html = String::from_utf8(render(&report, None, Format::Html)?)?;
    assert_summary_contents_appendix(&html);
    let summary = summary_of(&html);
    // The first box: 8 visits against 2, a change of +6 and no percentage from a base of 2.
    assert!(summary.contains(
        "<div class=\"value\">8</div><div class=\"label\">Durchgeführte Betriebsbesuche</div><div class=\"change good\">+6 · Vorjahr 2</div>"
    ));
    // Two inquiries open at the end against none: a rise, and bad news.
    assert!(summary.contains(
        "<div class=\"label\">Anliegen offen am Ende des Zeitraums</div><div class=\"change bad\">+2 · Vorjahr 0</div>"
    ));
    assert!(!summary.contains("300,0"));
    // The topics chart: Fachkräftesicherung with 8 mentions in 2025 and 1 in 2024 beside its
    // bars.
    let topics_chart = &summary[summary
        .find("aria-label=\"Häufigste Themen (alle Nennungen)\"")
        .unwrap_or(0)..];
    let fachkraefte = &topics_chart[topics_chart
        .find(">Fachkräftesicherung</text>")
        .unwrap_or(0)..];
    let line: &str = fachkraefte
        .split("</text>\n<text x=\"0\"")
        .next()
        .unwrap_or("");
    assert!(line.contains("font-weight=\"bold\">8</text>"), "{line}");
    assert!(line.ends_with("fill=\"#4a5a6a\">1"), "{line}");
    assert!(topics_chart.contains(">2025</text>") && topics_chart.contains(">2024</text>"));
    // The proposals in the summary, each once.
    for proposal in &report.agenda {
        assert_eq!(summary.matches(&proposal.reason).count(), 1);
    }

    // The leadership report goes through the same page.
    let facts = office.facts().await?;
    let request = ReportRequest::leadership(day("2025-05-01"), day("2025-09-30"))?;
    let leadership = build_report(&facts, &request, &mut |_, _| {})?;
    let html = String::from_utf8(render(&leadership, None, Format::Html)?)?;
    assert_summary_contents_appendix(&html);
    assert!(summary_of(&html).contains(">ein Jahr zuvor</text>"));
    Ok(())
}
