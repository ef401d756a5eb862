//! Region tables: one line per region with its headline figures (the Klausur report's section
//! „Bezirksregionen“ and the overview's download), and the tables of one region's portrait
//! (its XLSX workbook and the tables of its page).

use super::{
    COUNT_HEADERS, Cell, Table, count_cell, count_row, finding_cells, headers, keyed_table,
    measure_cell, text,
};
use crate::model::Count;
use crate::model::RegionFigures;
use crate::portrait::RegionPortrait;

/// The headline figures in the order every region table shows them: label and value.
pub fn figure_lines(figures: &RegionFigures) -> Vec<(&'static str, Count)> {
    vec![
        ("Betriebe am Ende des Zeitraums", figures.businesses),
        ("Neu angemeldete Betriebe", figures.registered),
        ("Geschlossene Betriebe", figures.closed),
        ("Durchgeführte Besuche", figures.visits),
        ("Kontakte", figures.contacts),
        ("Eingegangene Anliegen", figures.inquiries),
        (
            "Besuche mit offener Wiedervorlage",
            figures.visits_with_open_follow_up,
        ),
        (
            "Besuchte Betriebe (12 Monate)",
            figures.coverage_12_months.visited,
        ),
    ]
}

/// One line per region: code, name, then each headline figure with the previous year, and the
/// 12-month coverage in percent.
pub fn region_lines_table(
    id: &'static str,
    sheet: &'static str,
    title: &str,
    lines: &[RegionFigures],
) -> Table {
    let mut columns = vec!["Schlüssel".to_owned(), "Region".to_owned()];
    if let Some(first) = lines.first() {
        for (label, _) in figure_lines(first) {
            columns.push(label.to_owned());
            columns.push(format!("{label} (Vorjahr)"));
        }
    }
    columns.push("Abdeckung 12 Monate in %".to_owned());
    columns.push("Abdeckung 12 Monate in % (Vorjahr)".to_owned());
    let rows = lines
        .iter()
        .map(|line| {
            let mut row = vec![text(&line.region), text(&line.name)];
            for (_, count) in figure_lines(line) {
                row.push(count_cell(count.current));
                row.push(count_cell(count.previous));
            }
            row.push(measure_cell(line.coverage_12_months.share_percent.current));
            row.push(measure_cell(line.coverage_12_months.share_percent.previous));
            row
        })
        .collect();
    Table {
        id,
        sheet,
        title: title.to_owned(),
        headers: columns,
        rows,
    }
}

/// The tables of a portrait, in the order of its page.
pub fn portrait_tables(portrait: &RegionPortrait) -> Vec<Table> {
    let figures = Table {
        id: "kennzahlen",
        sheet: "Kennzahlen",
        title: format!("{} – Kennzahlen", portrait.figures.name),
        headers: headers(&["Kennzahl"], &COUNT_HEADERS),
        rows: figure_lines(&portrait.figures)
            .into_iter()
            .map(|(label, count)| count_row(label, &count))
            .collect(),
    };
    let coverage = Table {
        id: "abdeckung",
        sheet: "Abdeckung",
        title: "Abdeckung: Anteil der heutigen Betriebe mit Besuch".to_owned(),
        headers: headers(
            &["Zeitfenster", "Betriebe"],
            &[
                "Besucht",
                "Besucht (Vorjahr)",
                "Anteil in %",
                "Anteil in % (Vorjahr)",
            ],
        ),
        rows: portrait
            .coverage
            .iter()
            .map(|line| {
                vec![
                    Cell::Text(format!("{} Monate", line.months)),
                    count_cell(line.businesses),
                    count_cell(line.visited.current),
                    count_cell(line.visited.previous),
                    measure_cell(line.share_percent.current),
                    measure_cell(line.share_percent.previous),
                ]
            })
            .collect(),
    };
    let findings = Table {
        id: "befunde",
        sheet: "Befunde",
        title: "Befunde des letzten Besuchs und ihre Wiedervorlagen".to_owned(),
        headers: headers(
            &["Befund"],
            &[
                "Betriebe",
                "Betriebe (Vorjahr)",
                "mit Wiedervorlage",
                "mit Wiedervorlage (Vorjahr)",
                "davon erledigt",
                "davon erledigt (Vorjahr)",
            ],
        ),
        rows: portrait.findings.iter().map(finding_cells).collect(),
    };
    let gatherings = &portrait.gatherings;
    let gatherings = Table {
        id: "veranstaltungen",
        sheet: "Veranstaltungen",
        title: "Veranstaltungen mit Betrieben aus der Region".to_owned(),
        headers: headers(&["Kennzahl"], &COUNT_HEADERS),
        rows: [
            (
                "Veranstaltungen mit Teilnahme aus der Region",
                gatherings.held,
            ),
            ("Teilnahmen aus der Region", gatherings.attendance),
            ("Organisationen aus der Region", gatherings.organizations),
        ]
        .into_iter()
        .map(|(label, count)| count_row(label, &count))
        .collect(),
    };
    let mut tables = vec![
        figures,
        keyed_table(
            "betriebe_abschnitt",
            "Betriebe je Abschnitt",
            "Betriebe je WZ-Abschnitt (am Ende des Zeitraums)",
            "WZ-Abschnitt",
            &portrait.businesses_per_section,
        ),
        keyed_table(
            "betriebe_groesse",
            "Betriebe je Größenklasse",
            "Betriebe je Größenklasse (am Ende des Zeitraums)",
            "Größenklasse",
            &portrait.businesses_per_size_class,
        ),
        keyed_table(
            "anliegen_thema",
            "Anliegen je Thema",
            "Eingegangene Anliegen je Thema",
            "Thema",
            &portrait.inquiries_per_topic,
        ),
        coverage,
        findings,
        gatherings,
    ];
    if !portrait.parts.is_empty() {
        tables.push(region_lines_table(
            "teilregionen",
            "Teilregionen",
            "Die Regionen darin",
            &portrait.parts,
        ));
    }
    tables
}
