//! The „Zusammenfassung“ that opens the HTML report and fits on two A4 pages: the key figures
//! as boxes with the change against the previous period (`summary::key_figures`, the same list
//! as the XLSX „Übersicht“), six bar charts with their values — visits per month, the most
//! frequent topics, inquiries per source, visits per WZ section, contacts per channel,
//! attendance per kind of gathering — and the agenda proposals (at most ten, `agenda.rs`).
//! Charts show at most eight lines (months: twelve), so their height is bounded whatever the
//! office's size.

use std::fmt::Write;

use super::chart::{Bar, bar_chart};
use super::escape;
use crate::model::{KeyedCount, Report, ReportKind};
use crate::summary::key_figures;
use crate::tables::reason_labels;

/// The most lines a chart of the summary shows (besides the twelve months of a year).
const CHART_LINES: usize = 8;

/// Appends the summary section (id `zusammenfassung`).
pub(super) fn push(page: &mut String, report: &Report) {
    page.push_str("<section id=\"zusammenfassung\">\n<h2>Zusammenfassung</h2>\n");
    push_figures(page, report);
    push_charts(page, report);
    push_agenda(page, report);
    page.push_str("</section>\n");
}

fn push_figures(page: &mut String, report: &Report) {
    page.push_str("<div class=\"figures\">\n");
    for figure in key_figures(report) {
        let class = match figure.improved() {
            Some(true) => " good",
            Some(false) => " bad",
            None => "",
        };
        let change = match figure.change_text() {
            Some(change) => format!("{change} · Vorjahr {}", figure.previous_text()),
            None => format!("Vorjahr {}", figure.previous_text()),
        };
        let _ = writeln!(
            page,
            "<div class=\"figure\"><div class=\"value\">{}</div><div class=\"label\">{}</div><div class=\"change{class}\">{}</div></div>",
            escape(&figure.current_text()),
            escape(&figure.label),
            escape(&change),
        );
    }
    page.push_str("</div>\n");
}

fn push_charts(page: &mut String, report: &Report) {
    let legend = match report.kind {
        ReportKind::Klausur => (
            report.period.from.format("%Y").to_string(),
            report.previous_period.from.format("%Y").to_string(),
        ),
        ReportKind::Leadership => ("Zeitraum".to_owned(), "ein Jahr zuvor".to_owned()),
    };
    let legend = (legend.0.as_str(), legend.1.as_str());
    let visits = &report.visits;
    let (per_time, time_title) = if visits.per_month.len() <= 12 {
        (&visits.per_month, "Betriebsbesuche je Monat")
    } else {
        (&visits.per_quarter, "Betriebsbesuche je Quartal")
    };
    let topics: Vec<Bar> = report
        .topics
        .ranking
        .iter()
        .take(CHART_LINES)
        .map(|topic| Bar {
            label: topic.label.clone(),
            current: topic.total.current,
            previous: topic.total.previous,
        })
        .collect();
    let attendance: Vec<Bar> = report
        .gatherings
        .per_kind
        .iter()
        .map(|kind| Bar {
            label: kind.kind.clone(),
            current: kind.attendance.current,
            previous: kind.attendance.previous,
        })
        .collect();
    let charts = [
        (time_title, per_time.iter().map(bar).collect()),
        ("Häufigste Themen (alle Nennungen)", topics),
        (
            "Anliegen je Herkunft",
            largest(&report.inquiries.per_source),
        ),
        (
            "Besuche je Branche (WZ-Abschnitt)",
            largest(&visits.per_sector_section),
        ),
        ("Kontakte je Kanal", largest(&report.contacts.per_channel)),
        ("Teilnahmen je Veranstaltungsart", by_size(attendance)),
    ];
    page.push_str("<div class=\"charts\">\n");
    for (title, bars) in charts {
        page.push_str(&bar_chart(title, legend, &bars));
    }
    page.push_str("</div>\n");
}

fn bar(line: &KeyedCount) -> Bar {
    Bar {
        label: line.label.clone(),
        current: line.count.current,
        previous: line.count.previous,
    }
}

/// The largest lines of a breakdown, at most [`CHART_LINES`].
fn largest(lines: &[KeyedCount]) -> Vec<Bar> {
    by_size(lines.iter().map(bar).collect())
}

fn by_size(mut bars: Vec<Bar>) -> Vec<Bar> {
    bars.sort_by(|a, b| {
        b.current
            .cmp(&a.current)
            .then_with(|| b.previous.cmp(&a.previous))
            .then_with(|| a.label.cmp(&b.label))
    });
    bars.truncate(CHART_LINES);
    bars
}

fn push_agenda(page: &mut String, report: &Report) {
    page.push_str("<h3>Themenvorschläge für das nächste Jahr</h3>\n");
    if report.agenda.is_empty() {
        page.push_str(
            "<p class=\"lead\">Aus den Zahlen ergibt sich kein besonderer Handlungsbedarf.</p>\n",
        );
        return;
    }
    page.push_str("<p class=\"lead\">Höchstens zehn, je Thema, Region, Branche oder Kooperation einer, nach Gewicht geordnet (Berechnung im Anhang); ein Anteil oder eine Veränderung in Prozent erst ab 5 Fällen.</p>\n<ol class=\"agenda\">\n");
    for proposal in &report.agenda {
        let _ = writeln!(
            page,
            "<li><strong>{}</strong> <span class=\"kind\">({})</span>: {}</li>",
            escape(&proposal.subject),
            escape(&reason_labels(proposal)),
            escape(&proposal.reason)
        );
    }
    page.push_str("</ol>\n");
}
