//! The tables of the visit statistics: visits per month, quarter, staff member, economic
//! section and division, region, size class and partner, then coverage and findings.

use super::{
    COUNT_HEADERS, Cell, Table, count_cell, count_cells, finding_cells, headers, keyed_table,
    measure_cell, text,
};
use crate::model::VisitStatistics;

/// The visit tables, in the order of the report.
pub(super) fn visit_tables(visits: &VisitStatistics) -> Vec<Table> {
    let mut tables = Vec::new();
    tables.push(keyed_table(
        "besuche_monat",
        "Besuche je Monat",
        "Betriebsbesuche je Monat",
        "Monat",
        &visits.per_month,
    ));
    tables.push(keyed_table(
        "besuche_quartal",
        "Besuche je Quartal",
        "Betriebsbesuche je Quartal",
        "Quartal",
        &visits.per_quarter,
    ));
    tables.push(keyed_table(
        "besuche_mitarbeitende",
        "Besuche je Mitarbeitende",
        "Betriebsbesuche je Mitarbeiterin/Mitarbeiter",
        "Mitarbeiterin/Mitarbeiter",
        &visits.per_staff,
    ));
    tables.push(keyed_table(
        "besuche_wz_abschnitt",
        "Besuche je WZ-Abschnitt",
        "Betriebsbesuche je Wirtschaftsabschnitt (WZ 2008)",
        "WZ-Abschnitt",
        &visits.per_sector_section,
    ));
    tables.push(keyed_table(
        "besuche_wz_abteilung",
        "Besuche je WZ-Abteilung",
        "Betriebsbesuche je Wirtschaftsabteilung (WZ 2008)",
        "WZ-Abteilung",
        &visits.per_sector_division,
    ));
    tables.push(Table {
        id: "besuche_region",
        sheet: "Besuche je Region",
        title: "Betriebsbesuche je Region (Ort zum Zeitpunkt des Besuchs)".to_owned(),
        headers: headers(&["Ebene", "Schlüssel", "Region"], &COUNT_HEADERS),
        rows: visits
            .per_region
            .iter()
            .map(|line| {
                let mut row = vec![
                    text(&line.level),
                    text(&line.count.key),
                    text(&line.count.label),
                ];
                row.extend(count_cells(&line.count.count));
                row
            })
            .collect(),
    });
    tables.push(keyed_table(
        "besuche_groesse",
        "Besuche je Größenklasse",
        "Betriebsbesuche je Beschäftigtengrößenklasse",
        "Beschäftigte",
        &visits.per_size_class,
    ));
    tables.push(keyed_table(
        "besuche_partner",
        "Gemeinsame Besuche",
        "Gemeinsame Besuche je Partner",
        "Partner",
        &visits.joint_per_partner,
    ));
    tables.push(Table {
        id: "abdeckung",
        sheet: "Abdeckung",
        title: "Abdeckung: besuchte Betriebe".to_owned(),
        headers: headers(
            &[
                "Zeitfenster (Monate)",
                "ab Beschäftigten",
                "Betriebe",
                "besucht",
                "besucht (Vorjahr)",
                "Anteil in %",
                "Anteil Vorjahr in %",
            ],
            &[],
        ),
        rows: visits
            .coverage
            .iter()
            .map(|coverage| {
                vec![
                    Cell::Integer(i64::from(coverage.months)),
                    coverage
                        .min_employees
                        .map_or(text("alle"), |min| Cell::Integer(i64::from(min))),
                    count_cell(coverage.businesses),
                    count_cell(coverage.visited.current),
                    count_cell(coverage.visited.previous),
                    measure_cell(coverage.share_percent.current),
                    measure_cell(coverage.share_percent.previous),
                ]
            })
            .collect(),
    });
    tables.push(Table {
        id: "befunde",
        sheet: "Befunde",
        title: "Verlagerungsrisiko und Erweiterungsbedarf beim letzten Besuch".to_owned(),
        headers: headers(
            &[
                "Befund",
                "Betriebe",
                "Betriebe (Vorjahr)",
                "mit Wiedervorlage",
                "mit Wiedervorlage (Vorjahr)",
                "Wiedervorlage erledigt",
                "erledigt (Vorjahr)",
            ],
            &[],
        ),
        rows: visits.findings.iter().map(finding_cells).collect(),
    });
    tables
}
