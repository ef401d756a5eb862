//! The HTML report, for the Klausur statistics and the leadership report alike: one
//! self-contained German page (inline CSS, SVG charts, no scripts, no external resources) that
//! prints on A4 and reads without knowing the CRM. It opens with a summary that fits on two A4
//! pages — the key figures with the change, six bar charts with their values written beside the
//! bars, the agenda proposals (`summary.rs`) — then a table of contents and the appendix with
//! every detail table, each section an anchor the contents link to (`appendix.rs`). In print
//! the contents and the appendix each start on a new page. `chart.rs` draws the bars.

mod appendix;
mod chart;
pub mod map;
mod summary;

use std::fmt::Write;

use wifo_domain::german;

use crate::model::{Report, ReportKind};
use crate::tables::{Cell, Table, tables};

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, sans-serif; color: #1d2733; margin: 0 auto; max-width: 182mm; font-size: 10pt; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 1mm; color: #0b4a6f; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; color: #0b4a6f; border-bottom: 1px solid #9fb7c8; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; color: #0b4a6f; page-break-after: avoid; }
h4 { font-size: 10pt; margin: 4mm 0 1mm; page-break-after: avoid; }
p.meta { color: #4a5a6a; margin: 0 0 2mm; font-size: 9pt; }
p.lead { margin: 0 0 2mm; }
.figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; margin: 2mm 0 3mm; }
.figure { border: 1px solid #c6d4df; border-radius: 1.5mm; padding: 1.2mm 2mm; page-break-inside: avoid; }
.figure .value { font-size: 14pt; font-weight: 600; line-height: 1.2; }
.figure .label, .figure .change { font-size: 8pt; line-height: 1.25; }
.figure .label { color: #4a5a6a; }
.good { color: #1b7a3a; } .bad { color: #b3261e; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; align-items: start; }
.charts svg { display: block; width: 100%; height: auto; page-break-inside: avoid; }
ol.agenda { margin: 1mm 0 0; padding-left: 6mm; font-size: 9pt; }
ol.agenda li { margin-bottom: 1mm; page-break-inside: avoid; }
.kind { color: #4a5a6a; }
nav.toc ol { margin: 0; padding-left: 6mm; }
nav.toc > ol { columns: 2; column-gap: 8mm; }
nav.toc li { break-inside: avoid; }
nav.toc ol ol { font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border-bottom: 1px solid #dde5ec; padding: 1mm 1.5mm; text-align: right; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef3f7; font-weight: 600; }
th:first-child, td:first-child { text-align: left; }
td.text { text-align: left; }
footer { margin-top: 8mm; color: #4a5a6a; font-size: 8.5pt; }
@media screen and (max-width: 800px) { body { padding: 0 3mm; } .figures { grid-template-columns: repeat(2, 1fr); } .charts { grid-template-columns: 1fr; } table { font-size: 8.5pt; } th, td { padding: 1mm 1mm; } }
@media print { nav.toc, #anhang { page-break-before: always; break-before: page; } a { color: inherit; text-decoration: none; } }
"#;

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// The whole page.
pub fn render(report: &Report) -> String {
    let mut page = String::new();
    let title = escape(&report.title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n"
    );
    let audience = match report.kind {
        ReportKind::Klausur => "Statistik für die Klausurtagung",
        ReportKind::Leadership => "Zwischenbericht für die Bezirksverordnetenversammlung",
    };
    let mut scope = format!(
        "{audience} der Wirtschaftsförderung · Zeitraum {} bis {} · Vergleich mit {} bis {}",
        german::date(report.period.from),
        german::date(report.period.to),
        german::date(report.previous_period.from),
        german::date(report.previous_period.to)
    );
    if let Some(region) = &report.filter.region {
        let _ = write!(scope, " · nur Region {region}");
    }
    if report.filter.partner.is_some() {
        scope.push_str(" · nur Kooperationspartner und seine Mitglieder");
    }
    let _ = writeln!(page, "<p class=\"meta\">{}</p>\n</header>", escape(&scope));

    summary::push(&mut page, report);
    appendix::push(&mut page, &tables(report));

    page.push_str(
        "<footer>Erstellt mit wifo aus dem Ereignisprotokoll der Wirtschaftsförderung. Der Bericht enthält keine personenbezogenen Daten. Veränderung: Zeitraum gegenüber dem gleichen Zeitraum ein Jahr zuvor.</footer>\n</body>\n</html>\n",
    );
    page
}

/// A table under its title, the block carrying the table's id as its anchor (an empty table
/// too, so the contents never link to nothing).
fn push_table(page: &mut String, table: &Table) {
    let _ = writeln!(page, "<h4>{}</h4>", escape(&table.title));
    if table.rows.is_empty() {
        let _ = writeln!(page, "<p id=\"{}\">Keine Daten im Zeitraum.</p>", table.id);
        return;
    }
    let _ = write!(page, "<table id=\"{}\">\n<thead><tr>", table.id);
    for header in &table.headers {
        let _ = write!(page, "<th>{}</th>", escape(header));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        page.push_str("<tr>");
        for cell in row {
            let class = if matches!(cell, Cell::Text(_) | Cell::Date(_)) {
                " class=\"text\""
            } else {
                ""
            };
            let _ = write!(page, "<td{class}>{}</td>", escape(&cell.shown()));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
}
