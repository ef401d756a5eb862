//! The report as tables with German headers: what CSV files, XLSX sheets and the HTML report
//! show. One table per breakdown, in the order of the report. The cells are the typed cells of
//! `wifo_exchange::export` (counts as [`Cell::Integer`], measures as [`Cell::Decimal`] with one
//! place), and a table becomes a [`Sheet`] for the CSV and XLSX writers there.

pub use wifo_exchange::export::Cell;
use wifo_exchange::export::Sheet;

use crate::model::{AgendaProposal, Count, KeyedCount, Measure, Report};
use crate::summary::{FigureValue, key_figures};

mod inquiries;
pub mod regions;
mod visits;

/// A count as a cell.
fn count_cell(value: u64) -> Cell {
    Cell::Integer(value as i64)
}

/// A measure as a cell with one decimal place, empty when there is none.
fn measure_cell(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |value| Cell::Decimal(value, 1))
}

/// A table of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// File name stem (CSV) and stable id.
    pub id: &'static str,
    /// Sheet name (at most 31 characters).
    pub sheet: &'static str,
    /// German title.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The table as a sheet for the writers of `wifo_exchange::export`, named by its sheet name.
    pub fn to_sheet(&self) -> Sheet {
        Sheet {
            name: self.sheet.to_owned(),
            header: self.headers.clone(),
            rows: self.rows.clone(),
        }
    }
}

const COUNT_HEADERS: [&str; 4] = ["Zeitraum", "Vorjahr", "Veränderung", "Veränderung in %"];

fn count_cells(count: &Count) -> Vec<Cell> {
    vec![
        count_cell(count.current),
        count_cell(count.previous),
        Cell::Integer(count.change),
        measure_cell(count.change_percent),
    ]
}

/// A labelled count: the label, then the count's cells.
fn count_row(label: &str, count: &Count) -> Vec<Cell> {
    let mut row = vec![text(label)];
    row.extend(count_cells(count));
    row
}

/// A finding of the latest visits: businesses, with a follow-up, follow-up done, each with the
/// previous period.
fn finding_cells(finding: &crate::model::FindingFollowUp) -> Vec<Cell> {
    vec![
        text(&finding.label),
        count_cell(finding.businesses.current),
        count_cell(finding.businesses.previous),
        count_cell(finding.with_follow_up.current),
        count_cell(finding.with_follow_up.previous),
        count_cell(finding.follow_up_done.current),
        count_cell(finding.follow_up_done.previous),
    ]
}

fn measure_cells(measure: &Measure) -> Vec<Cell> {
    vec![
        measure_cell(measure.current),
        measure_cell(measure.previous),
        measure_cell(measure.change),
        Cell::Empty,
    ]
}

fn headers(first: &[&str], rest: &[&str]) -> Vec<String> {
    first
        .iter()
        .chain(rest.iter())
        .map(|h| (*h).to_owned())
        .collect()
}

fn keyed_table(
    id: &'static str,
    sheet: &'static str,
    title: &str,
    key_header: &str,
    lines: &[KeyedCount],
) -> Table {
    Table {
        id,
        sheet,
        title: title.to_owned(),
        headers: headers(&[key_header], &COUNT_HEADERS),
        rows: lines
            .iter()
            .map(|line| {
                let mut row = vec![Cell::Text(line.label.clone())];
                row.extend(count_cells(&line.count));
                row
            })
            .collect(),
    }
}

/// A text cell.
fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

/// All tables of a report.
pub fn tables(report: &Report) -> Vec<Table> {
    let visits = &report.visits;
    let inquiries = &report.inquiries;
    let overview = key_figures(report)
        .iter()
        .map(|figure| {
            let mut row = vec![text(&figure.label)];
            row.extend(match figure.value {
                FigureValue::Count(count) => count_cells(&count),
                FigureValue::Measure(measure) => measure_cells(&measure),
            });
            row
        })
        .collect();

    let mut tables = vec![Table {
        id: "uebersicht",
        sheet: "Kennzahlen",
        title: "Kennzahlen".to_owned(),
        headers: headers(&["Kennzahl"], &COUNT_HEADERS),
        rows: overview,
    }];
    tables.extend(visits::visit_tables(visits));
    tables.push(keyed_table(
        "kontakte_kanal",
        "Kontakte je Kanal",
        "Kontakte je Kanal",
        "Kanal",
        &report.contacts.per_channel,
    ));
    tables.push(keyed_table(
        "kontakte_thema",
        "Kontakte je Thema",
        "Kontakte je Thema",
        "Thema",
        &report.contacts.per_topic,
    ));
    tables.push(Table {
        id: "themen",
        sheet: "Themen",
        title: "Themen: Rangfolge über Besuche, Kontakte und Anliegen".to_owned(),
        headers: headers(
            &["Rang", "Thema", "Besuche", "Kontakte", "Anliegen"],
            &COUNT_HEADERS,
        ),
        rows: report
            .topics
            .ranking
            .iter()
            .map(|topic| {
                let mut row = vec![
                    Cell::Integer(i64::from(topic.rank)),
                    text(&topic.label),
                    count_cell(topic.visits),
                    count_cell(topic.contacts),
                    count_cell(topic.inquiries),
                ];
                row.extend(count_cells(&topic.total));
                row
            })
            .collect(),
    });
    tables.extend(inquiries::inquiry_tables(inquiries));
    tables.push(Table {
        id: "kooperationen",
        sheet: "Kooperationen",
        title: "Kooperationsvereinbarungen: Meilensteine".to_owned(),
        headers: headers(
            &[
                "Vereinbarung",
                "gültig bis",
                "geplant",
                "geplant (Vorjahr)",
                "erreicht",
                "erreicht (Vorjahr)",
                "verschoben",
                "abgesagt",
                "Erfüllung in %",
                "Erfüllung Vorjahr in %",
                "fällig im Folgejahr",
                "Monate Restlaufzeit",
            ],
            &[],
        ),
        rows: report
            .cooperations
            .agreements
            .iter()
            .map(|agreement| {
                vec![
                    text(&agreement.title),
                    Cell::Date(agreement.valid_until),
                    count_cell(agreement.planned.current),
                    count_cell(agreement.planned.previous),
                    count_cell(agreement.achieved.current),
                    count_cell(agreement.achieved.previous),
                    count_cell(agreement.rescheduled.current),
                    count_cell(agreement.cancelled.current),
                    measure_cell(agreement.completion_percent.current),
                    measure_cell(agreement.completion_percent.previous),
                    count_cell(agreement.due_next_year),
                    Cell::Integer(i64::from(agreement.months_left)),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        id: "veranstaltungen",
        sheet: "Veranstaltungen",
        title: "Veranstaltungen je Art".to_owned(),
        headers: headers(
            &[
                "Art",
                "Anzahl",
                "Anzahl (Vorjahr)",
                "Teilnahmen",
                "Teilnahmen (Vorjahr)",
                "Organisationen",
                "Organisationen (Vorjahr)",
                "mehrfach teilgenommen",
                "mehrfach (Vorjahr)",
            ],
            &[],
        ),
        rows: report
            .gatherings
            .per_kind
            .iter()
            .chain(std::iter::once(&report.gatherings.total))
            .map(|figures| {
                vec![
                    text(&figures.kind),
                    count_cell(figures.held.current),
                    count_cell(figures.held.previous),
                    count_cell(figures.attendance.current),
                    count_cell(figures.attendance.previous),
                    count_cell(figures.organizations.current),
                    count_cell(figures.organizations.previous),
                    count_cell(figures.repeat_organizations.current),
                    count_cell(figures.repeat_organizations.previous),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        id: "themenvorschlaege",
        sheet: "Themenvorschläge",
        title: "Themenvorschläge für das nächste Jahr".to_owned(),
        headers: headers(
            &["Rang", "Anlass", "Gegenstand", "Begründung", "Gewicht"],
            &[],
        ),
        rows: report
            .agenda
            .iter()
            .map(|proposal| {
                vec![
                    Cell::Integer(i64::from(proposal.rank)),
                    text(&reason_labels(proposal)),
                    text(&proposal.subject),
                    text(&proposal.reason),
                    Cell::Decimal(proposal.score, 1),
                ]
            })
            .collect(),
    });
    if !report.regions.is_empty() {
        tables.push(regions::region_lines_table(
            "bezirksregionen",
            "Bezirksregionen",
            "Bezirksregionen im Überblick",
            &report.regions,
        ));
    }
    tables
}

/// German label of an agenda proposal's kind.
pub fn reason_label(kind: &str) -> &'static str {
    match kind {
        "topic_growth" => "wachsendes Thema",
        "slow_inquiries" => "langsame Anliegen",
        "open_inquiries" => "offene Anliegen",
        "slipped_milestones" => "verschobene Meilensteine",
        "low_coverage_region" => "Region selten besucht",
        "low_coverage_sector" => "Branche selten besucht",
        _ => "Sonstiges",
    }
}

/// German labels of all reasons of a merged proposal, its own first: „langsame Anliegen,
/// wachsendes Thema“.
pub fn reason_labels(proposal: &AgendaProposal) -> String {
    std::iter::once(&proposal.reason_kind)
        .chain(&proposal.other_reason_kinds)
        .map(|kind| reason_label(kind))
        .collect::<Vec<_>>()
        .join(", ")
}
