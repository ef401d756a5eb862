//! Every output format of the report opens and holds the figures: JSON parsed, CSV files parsed
//! back (`;`, UTF-8 with BOM) from the ZIP and from a folder, XLSX read back with calamine,
//! Parquet read back with polars, HTML a complete page with every non-empty table.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use polars::prelude::{ParquetReader, SerReader};
use wifo_analytics::{
    ReportOptions,
    output::{Format, render, write},
    tables::tables,
};

use super::klausur::report_2025;
use super::scenario::{self, Office};

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

    // XLSX: one sheet per table, German headers, numbers as numbers.
    let bytes = render(&report, None, Format::Xlsx)?;
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))?;
    let sheets = workbook.sheet_names();
    assert_eq!(
        sheets,
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
    // The agenda is a numbered list in the page, every other table a table.
    for table in expected_tables
        .iter()
        .filter(|t| !t.rows.is_empty() && t.id != "themenvorschlaege")
    {
        assert!(
            html.contains(&format!("<table id=\"{}\">", table.id)),
            "{}",
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
