//! The table of contents („Inhalt“) and the appendix („Anhang“) of the HTML report: every
//! detail table of `tables.rs`, grouped in sections with a sentence on what they show. Each
//! section and each table carries an `id` the contents link to. A table no section names is
//! shown in a last section „Weitere Tabellen“, so the appendix always holds every table.

use std::fmt::Write;

use super::{escape, push_table};
use crate::tables::Table;

/// A section of the appendix: anchor, title, lead sentence and the ids of its tables.
type Section = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SECTIONS: [Section; 8] = [
    (
        "anhang-kennzahlen",
        "Kennzahlen",
        "Die Kennzahlen der Zusammenfassung mit dem Vorjahr, der Veränderung und der Veränderung in Prozent.",
        &["uebersicht"],
    ),
    (
        "anhang-besuche",
        "Betriebsbesuche",
        "Durchgeführte Besuche der Bestandsbetreuung bei Unternehmen. Regionen, Branchen und Größenklassen gelten so, wie sie zum Zeitpunkt des Besuchs waren.",
        &[
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
        ],
    ),
    (
        "anhang-kontakte",
        "Kontakte",
        "Telefonate, E-Mails, Beratungen, Treffen und andere Kontakte mit Unternehmen.",
        &["kontakte_kanal", "kontakte_thema"],
    ),
    (
        "anhang-themen",
        "Themen",
        "Wie oft ein Thema in Besuchen, Kontakten und Anliegen zusammen vorkam, mit der Entwicklung zum Vorjahr.",
        &["themen"],
    ),
    (
        "anhang-anliegen",
        "Anliegen",
        "Anliegen von Unternehmen, auch die vom Bürgerbüro oder Ordnungsamt weitergeleiteten: wie schnell sie beantwortet und abgeschlossen wurden, wohin sie weitergeleitet wurden und was noch offen ist.",
        &[
            "anliegen_zeiten",
            "anliegen_herkunft",
            "anliegen_thema",
            "anliegen_thema_antwort",
            "weiterleitungen",
            "weiterleitungen_matrix",
            "anliegen_ergebnis",
        ],
    ),
    (
        "anhang-kooperationen",
        "Kooperationen",
        "Was die Kooperationsvereinbarungen im Zeitraum geliefert haben: geplante, erreichte, verschobene und abgesagte Meilensteine.",
        &["kooperationen"],
    ),
    (
        "anhang-veranstaltungen",
        "Veranstaltungen",
        "Durchgeführte Veranstaltungen, ihre Teilnahmen und wie viele Unternehmen erreicht wurden.",
        &["veranstaltungen"],
    ),
    (
        "anhang-themenvorschlaege",
        "Themenvorschläge: Gewichtung",
        "Höchstens zehn Vorschläge, je Thema, Region, Branche oder Kooperation einer; erfüllt ein Gegenstand mehrere Anlässe, zählt das höchste Gewicht, und die Begründung nennt alle. Vorgeschlagen wird erst ab 5 Fällen. Gewicht: langsame oder offene Anliegen eines Themas (ab 5 Anliegen) 60 + 5 je Arbeitstag, den die Erstantwort im Median über dem Ziel lag, + 5 je offenem Anliegen, höchstens 150; verschobene oder abgesagte Meilensteine einer Kooperation 55 + 10 je Meilenstein; ein wachsendes Thema (ab 5 Nennungen und 25 % Wachstum) 50 + Wachstum ÷ 4, das Wachstum gemessen an mindestens 5 Nennungen im Vorjahr und höchstens 100 %; eine selten besuchte Region oder Branche (ab 5 Betrieben, unter der Hälfte des Gesamtanteils) 40 + 40 × Rückstand gegenüber dem Gesamtanteil.",
        &["themenvorschlaege"],
    ),
];

/// Appends the contents (id `inhalt`) and the appendix (id `anhang`).
pub(super) fn push(page: &mut String, tables: &[Table]) {
    let mut sections: Vec<(&str, &str, &str, Vec<&Table>)> = SECTIONS
        .iter()
        .map(|(id, title, lead, ids)| {
            let found = ids
                .iter()
                .filter_map(|wanted| tables.iter().find(|table| table.id == *wanted))
                .collect();
            (*id, *title, *lead, found)
        })
        .collect();
    let unplaced: Vec<&Table> = tables
        .iter()
        .filter(|table| !SECTIONS.iter().any(|section| section.3.contains(&table.id)))
        .collect();
    if !unplaced.is_empty() {
        sections.push(("anhang-weitere", "Weitere Tabellen", "", unplaced));
    }
    sections.retain(|section| !section.3.is_empty());

    page.push_str("<nav class=\"toc\" id=\"inhalt\" aria-labelledby=\"inhalt-titel\">\n<h2 id=\"inhalt-titel\">Inhalt</h2>\n<ol>\n<li><a href=\"#zusammenfassung\">Zusammenfassung</a></li>\n");
    for (id, title, _, found) in &sections {
        let _ = write!(
            page,
            "<li><a href=\"#{id}\">Anhang: {}</a>\n<ol>\n",
            escape(title)
        );
        for table in found {
            let _ = writeln!(
                page,
                "<li><a href=\"#{}\">{}</a></li>",
                table.id,
                escape(&table.title)
            );
        }
        page.push_str("</ol>\n</li>\n");
    }
    page.push_str("</ol>\n</nav>\n");

    page.push_str("<div id=\"anhang\">\n<h2>Anhang</h2>\n");
    for (id, title, lead, found) in &sections {
        let _ = writeln!(page, "<section id=\"{id}\">\n<h3>{}</h3>", escape(title));
        if !lead.is_empty() {
            let _ = writeln!(page, "<p class=\"lead\">{}</p>", escape(lead));
        }
        for table in found {
            push_table(page, table);
        }
        page.push_str("</section>\n");
    }
    page.push_str("</div>\n");
}
