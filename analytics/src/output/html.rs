//! The HTML report: one self-contained German page (inline CSS, SVG charts, no scripts, no
//! external resources) that prints on A4 and reads without knowing the CRM: key figures first,
//! each section with a sentence on what it shows, every table with the previous year beside it.

use std::fmt::Write;

use wifo_domain::german;

use crate::model::{KeyedCount, Report, ReportKind};
use crate::tables::{Cell, Table, tables};

const STYLE: &str = r#"
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, sans-serif; color: #1d2733; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.4; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #0b4a6f; }
h2 { font-size: 13.5pt; margin: 8mm 0 2mm; color: #0b4a6f; border-bottom: 1px solid #9fb7c8; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 1mm; page-break-after: avoid; }
p.meta { color: #4a5a6a; margin: 0 0 4mm; }
p.lead { margin: 0 0 2mm; }
.figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; }
.figure { border: 1px solid #c6d4df; border-radius: 2mm; padding: 2mm 3mm; min-width: 42mm; flex: 1; }
.figure .value { font-size: 16pt; font-weight: 600; }
.figure .label { color: #4a5a6a; font-size: 9pt; }
.up { color: #1b7a3a; } .down { color: #b3261e; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 9pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border-bottom: 1px solid #dde5ec; padding: 1mm 1.5mm; text-align: right; vertical-align: top; }
th { background: #eef3f7; font-weight: 600; }
th:first-child, td:first-child { text-align: left; }
td.text { text-align: left; }
svg { display: block; margin: 2mm 0 3mm; max-width: 100%; height: auto; }
th, td { overflow-wrap: anywhere; }
@media screen and (max-width: 800px) { body { padding: 0 3mm; } table { font-size: 8.5pt; } th, td { padding: 1mm 1mm; } }
ol.agenda li { margin-bottom: 1.5mm; }
footer { margin-top: 8mm; color: #4a5a6a; font-size: 8.5pt; }
@media print { h2 { page-break-before: auto; } a { color: inherit; text-decoration: none; } }
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
    let tables = tables(report);
    let table = |id: &str| tables.iter().find(|table| table.id == id);
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

    // Key figures.
    page.push_str("<section>\n<h2>Auf einen Blick</h2>\n<div class=\"figures\">\n");
    let inquiries = &report.inquiries;
    let key_figures = [
        ("Betriebsbesuche", report.visits.conducted),
        ("Kontakte", report.contacts.logged),
        ("Anliegen", inquiries.received),
        ("Veranstaltungen", report.gatherings.total.held),
    ];
    for (label, count) in key_figures {
        let class = match count.change {
            c if c > 0 => "up",
            c if c < 0 => "down",
            _ => "",
        };
        let _ = writeln!(
            page,
            "<div class=\"figure\"><div class=\"value\">{}</div><div class=\"label\">{label}</div><div class=\"{class}\">{} gegenüber Vorjahr ({})</div></div>",
            german::integer(count.current as i64),
            german::signed(count.change),
            german::integer(count.previous as i64),
        );
    }
    page.push_str("</div>\n");
    if let Some(overview) = table("uebersicht") {
        push_table(&mut page, overview);
    }
    page.push_str("</section>\n");

    // Agenda first: it is what the reader acts on.
    page.push_str("<section>\n<h2>Themenvorschläge für das nächste Jahr</h2>\n");
    if report.agenda.is_empty() {
        page.push_str(
            "<p class=\"lead\">Aus den Zahlen ergibt sich kein besonderer Handlungsbedarf.</p>\n",
        );
    } else {
        page.push_str("<p class=\"lead\">Nach Dringlichkeit geordnet, jeweils mit der Begründung aus den Zahlen.</p>\n<ol class=\"agenda\">\n");
        for proposal in &report.agenda {
            let _ = writeln!(
                page,
                "<li><strong>{}</strong> ({}): {}</li>",
                escape(&proposal.subject),
                escape(crate::tables::reason_label(&proposal.reason_kind)),
                escape(&proposal.reason)
            );
        }
        page.push_str("</ol>\n");
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Betriebsbesuche",
        "Durchgeführte Besuche der Bestandsbetreuung bei Unternehmen. Regionen, Branchen und Größenklassen gelten so, wie sie zum Zeitpunkt des Besuchs waren.",
    );
    page.push_str(&bar_chart(
        "Besuche je Monat (dunkel: Zeitraum, hell: Vorjahr)",
        &report.visits.per_month,
        12,
    ));
    for id in [
        "besuche_quartal",
        "besuche_monat",
        "besuche_mitarbeitende",
        "besuche_wz_abschnitt",
        "besuche_wz_abteilung",
        "besuche_region",
        "besuche_groesse",
        "besuche_partner",
        "abdeckung",
        "befunde",
    ] {
        if let Some(found) = table(id) {
            push_table(&mut page, found);
        }
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Kontakte",
        "Telefonate, E-Mails, Beratungen, Treffen und andere Kontakte mit Unternehmen.",
    );
    for id in ["kontakte_kanal", "kontakte_thema"] {
        if let Some(found) = table(id) {
            push_table(&mut page, found);
        }
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Themen",
        "Wie oft ein Thema in Besuchen, Kontakten und Anliegen zusammen vorkam, mit der Entwicklung zum Vorjahr.",
    );
    let top_topics: Vec<KeyedCount> = report
        .topics
        .ranking
        .iter()
        .take(10)
        .map(|topic| KeyedCount {
            key: topic.topic.clone(),
            label: topic.label.clone(),
            count: topic.total,
        })
        .collect();
    page.push_str(&bar_chart("Die zehn häufigsten Themen", &top_topics, 10));
    if let Some(found) = table("themen") {
        push_table(&mut page, found);
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Anliegen",
        "Anliegen von Unternehmen, auch die vom Bürgerbüro oder Ordnungsamt weitergeleiteten: wie schnell sie beantwortet und abgeschlossen wurden, wohin sie weitergeleitet wurden und was noch offen ist.",
    );
    page.push_str(&bar_chart(
        "Anliegen je Herkunft",
        &report.inquiries.per_source,
        8,
    ));
    for id in [
        "anliegen_zeiten",
        "anliegen_herkunft",
        "anliegen_thema",
        "anliegen_thema_antwort",
        "weiterleitungen",
        "weiterleitungen_matrix",
        "anliegen_ergebnis",
    ] {
        if let Some(found) = table(id) {
            push_table(&mut page, found);
        }
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Kooperationen",
        "Was die Kooperationsvereinbarungen im Zeitraum geliefert haben: geplante, erreichte, verschobene und abgesagte Meilensteine.",
    );
    if let Some(found) = table("kooperationen") {
        push_table(&mut page, found);
    }
    page.push_str("</section>\n");

    section(
        &mut page,
        "Veranstaltungen",
        "Durchgeführte Veranstaltungen, ihre Teilnahmen und wie viele Unternehmen erreicht wurden.",
    );
    if let Some(found) = table("veranstaltungen") {
        push_table(&mut page, found);
    }
    page.push_str("</section>\n");

    let _ = write!(
        page,
        "<footer>Erstellt mit wifo aus dem Ereignisprotokoll der Wirtschaftsförderung. Der Bericht enthält keine personenbezogenen Daten. Veränderung: Zeitraum gegenüber dem gleichen Zeitraum ein Jahr zuvor.</footer>\n</body>\n</html>\n"
    );
    page
}

fn section(page: &mut String, title: &str, lead: &str) {
    let _ = write!(
        page,
        "<section>\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
        escape(title),
        escape(lead)
    );
}

fn push_table(page: &mut String, table: &Table) {
    let _ = writeln!(page, "<h3>{}</h3>", escape(&table.title));
    if table.rows.is_empty() {
        page.push_str("<p>Keine Daten im Zeitraum.</p>\n");
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
            let _ = write!(page, "<td{class}>{}</td>", escape(&shown(cell)));
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
}

/// A cell as the page shows it: `1.234`, `12,5`, `21.11.2026`, `–` when empty.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Integer(value) => german::integer(*value),
        Cell::Decimal(value, places) => german::decimal(*value, *places),
        Cell::Date(day) => german::date(*day),
        Cell::Empty => "–".to_owned(),
        Cell::Text(_) | Cell::Number(_) => cell.display(),
    }
}

/// Horizontal bars, current period dark and previous light, one line per entry.
fn bar_chart(title: &str, lines: &[KeyedCount], limit: usize) -> String {
    let lines: Vec<&KeyedCount> = lines.iter().take(limit).collect();
    if lines.is_empty() {
        return String::new();
    }
    let maximum = lines
        .iter()
        .map(|line| line.count.current.max(line.count.previous))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let label_width = 230.0;
    let bar_width = 380.0;
    let row_height = 22.0;
    let height = 24.0 + row_height * lines.len() as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{title}\" width=\"680\" height=\"{height}\" viewBox=\"0 0 680 {height}\" font-family=\"Arial, sans-serif\" font-size=\"11\">\n<text x=\"0\" y=\"14\" font-weight=\"bold\">{title}</text>\n",
        title = escape(title)
    );
    for (index, line) in lines.iter().enumerate() {
        let y = 24.0 + row_height * index as f64;
        let current = bar_width * line.count.current as f64 / maximum;
        let previous = bar_width * line.count.previous as f64 / maximum;
        let mut label = line.label.clone();
        if label.chars().count() > 34 {
            label = label.chars().take(33).collect::<String>() + "…";
        }
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{ty}\">{label}</text>\n<rect x=\"{label_width}\" y=\"{y}\" width=\"{current:.1}\" height=\"9\" fill=\"#0b4a6f\"/>\n<rect x=\"{label_width}\" y=\"{y2}\" width=\"{previous:.1}\" height=\"7\" fill=\"#9fb7c8\"/>\n<text x=\"{tx:.1}\" y=\"{ty}\">{value} ({before})</text>\n",
            ty = y + 12.0,
            label = escape(&label),
            y2 = y + 10.0,
            tx = label_width + current.max(previous) + 6.0,
            value = german::integer(line.count.current as i64),
            before = german::integer(line.count.previous as i64),
        );
    }
    svg.push_str("</svg>\n");
    svg
}
