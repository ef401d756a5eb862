//! The tables of the inquiry statistics: inquiries per topic and source, response and handling
//! times, referrals per office and from source to office, outcomes and response per topic.

use super::{
    COUNT_HEADERS, Table, count_cell, count_cells, headers, keyed_table, measure_cell,
    measure_cells, text,
};
use crate::model::{Durations, InquiryStatistics};

/// The inquiry tables, in the order of the report.
pub(super) fn inquiry_tables(inquiries: &InquiryStatistics) -> Vec<Table> {
    let mut tables = Vec::new();
    tables.push(keyed_table(
        "anliegen_thema",
        "Anliegen je Thema",
        "Anliegen je Thema",
        "Thema",
        &inquiries.per_topic,
    ));
    tables.push(keyed_table(
        "anliegen_herkunft",
        "Anliegen je Herkunft",
        "Anliegen je Herkunft",
        "Herkunft",
        &inquiries.per_source,
    ));
    let duration_rows = |name: &str, unit: &str, durations: &Durations| {
        vec![
            {
                let mut row = vec![text(&format!("{name}: gemessene Anliegen"))];
                row.extend(count_cells(&durations.measured));
                row
            },
            {
                let mut row = vec![text(&format!("{name}: Median in {unit}"))];
                row.extend(measure_cells(&durations.median_days));
                row
            },
            {
                let mut row = vec![text(&format!("{name}: 90-%-Wert in {unit}"))];
                row.extend(measure_cells(&durations.p90_days));
                row
            },
            {
                let mut row = vec![text(&format!(
                    "{name}: Anteil innerhalb von {} {unit} (%)",
                    durations.target_days
                ))];
                row.extend(measure_cells(&durations.within_target_percent));
                row
            },
        ]
    };
    let mut time_rows = duration_rows("Erstantwort", "Arbeitstagen", &inquiries.first_response);
    time_rows.extend(duration_rows("Abschluss", "Tagen", &inquiries.to_close));
    tables.push(Table {
        id: "anliegen_zeiten",
        sheet: "Antwortzeiten",
        title: "Antwort- und Bearbeitungszeiten der Anliegen".to_owned(),
        headers: headers(&["Kennzahl"], &COUNT_HEADERS),
        rows: time_rows,
    });
    tables.push(Table {
        id: "weiterleitungen",
        sheet: "Weiterleitungen",
        title: "Weiterleitungen je Amt und Antwortzeiten".to_owned(),
        headers: headers(
            &[
                "Amt",
                "Weiterleitungen",
                "Weiterleitungen (Vorjahr)",
                "beantwortet",
                "beantwortet (Vorjahr)",
                "Antwort Median (Tage)",
                "Median Vorjahr",
                "Antwort 90-%-Wert (Tage)",
                "90-%-Wert Vorjahr",
            ],
            &[],
        ),
        rows: inquiries
            .referrals
            .iter()
            .map(|office| {
                vec![
                    text(&office.label),
                    count_cell(office.referrals.current),
                    count_cell(office.referrals.previous),
                    count_cell(office.answered.current),
                    count_cell(office.answered.previous),
                    measure_cell(office.median_answer_days.current),
                    measure_cell(office.median_answer_days.previous),
                    measure_cell(office.p90_answer_days.current),
                    measure_cell(office.p90_answer_days.previous),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        id: "weiterleitungen_matrix",
        sheet: "Weiterleitungen von-an",
        title: "Weiterleitungen: Herkunft des Anliegens → Amt".to_owned(),
        headers: headers(
            &[
                "Herkunft",
                "an Amt",
                "Weiterleitungen",
                "Vorjahr",
                "Antwort Median (Tage)",
                "Median Vorjahr",
            ],
            &[],
        ),
        rows: inquiries
            .referral_matrix
            .iter()
            .map(|cell| {
                vec![
                    text(&cell.from),
                    text(&cell.to_label),
                    count_cell(cell.referrals.current),
                    count_cell(cell.referrals.previous),
                    measure_cell(cell.median_answer_days.current),
                    measure_cell(cell.median_answer_days.previous),
                ]
            })
            .collect(),
    });
    tables.push(keyed_table(
        "anliegen_ergebnis",
        "Anliegen je Ergebnis",
        "Abgeschlossene Anliegen je Ergebnis",
        "Ergebnis",
        &inquiries.outcomes,
    ));
    tables.push(Table {
        id: "anliegen_thema_antwort",
        sheet: "Antwortzeit je Thema",
        title: "Anliegen je Thema: Erstantwort und offene Anliegen".to_owned(),
        headers: headers(
            &[
                "Thema",
                "eingegangen",
                "Erstantwort Median (Arbeitstage)",
                "offen am Ende",
            ],
            &[],
        ),
        rows: inquiries
            .per_topic_response
            .iter()
            .map(|topic| {
                vec![
                    text(&topic.label),
                    count_cell(topic.received),
                    measure_cell(topic.median_first_response_days),
                    count_cell(topic.open_at_end),
                ]
            })
            .collect(),
    });
    tables
}
