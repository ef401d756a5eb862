//! The report as tables with German headers: what CSV files, XLSX sheets and the HTML report
//! show. One table per breakdown, in the order of the report.

use crate::format;
use crate::model::{Count, KeyedCount, Measure, Report};

/// One value of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    /// A decimal with the number of places to show.
    Decimal(f64, usize),
    Empty,
}

impl Cell {
    fn count(value: u64) -> Self {
        Cell::Integer(value as i64)
    }

    fn measure(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, |value| Cell::Decimal(value, 1))
    }

    /// German display text (`1.234,5`).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Integer(value) => format::integer(*value),
            Cell::Decimal(value, places) => format::decimal(*value, *places),
            Cell::Empty => "–".to_owned(),
        }
    }

    /// Plain text for CSV: no thousands separator, decimal comma, empty when missing.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Integer(value) => value.to_string(),
            Cell::Decimal(value, places) => format!("{value:.places$}").replace('.', ","),
            Cell::Empty => String::new(),
        }
    }
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

const COUNT_HEADERS: [&str; 4] = ["Zeitraum", "Vorjahr", "Veränderung", "Veränderung in %"];

fn count_cells(count: &Count) -> Vec<Cell> {
    vec![
        Cell::count(count.current),
        Cell::count(count.previous),
        Cell::Integer(count.change),
        Cell::measure(count.change_percent),
    ]
}

fn measure_cells(measure: &Measure) -> Vec<Cell> {
    vec![
        Cell::measure(measure.current),
        Cell::measure(measure.previous),
        Cell::measure(measure.change),
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

/// All tables of a report.
pub fn tables(report: &Report) -> Vec<Table> {
    let visits = &report.visits;
    let inquiries = &report.inquiries;
    let text = |value: &str| Cell::Text(value.to_owned());
    let mut overview = Vec::new();
    let mut figure = |name: &str, cells: Vec<Cell>| {
        let mut row = vec![text(name)];
        row.extend(cells);
        overview.push(row);
    };
    figure(
        "Durchgeführte Betriebsbesuche",
        count_cells(&visits.conducted),
    );
    figure("davon gemeinsam mit Partnern", count_cells(&visits.joint));
    figure("Kontakte", count_cells(&report.contacts.logged));
    figure("Eingegangene Anliegen", count_cells(&inquiries.received));
    figure(
        "Anliegen offen am Ende des Zeitraums",
        count_cells(&inquiries.open_at_end),
    );
    figure(
        "Erstantwort in Tagen (Median)",
        measure_cells(&inquiries.first_response.median_days),
    );
    figure(
        "Erstantwort im Ziel (%)",
        measure_cells(&inquiries.first_response.within_target_percent),
    );
    figure(
        "Abschluss in Tagen (Median)",
        measure_cells(&inquiries.to_close.median_days),
    );
    figure(
        "Veranstaltungen",
        count_cells(&report.gatherings.total.held),
    );
    figure(
        "Teilnahmen an Veranstaltungen",
        count_cells(&report.gatherings.total.attendance),
    );

    let mut tables = vec![Table {
        id: "uebersicht",
        sheet: "Übersicht",
        title: "Übersicht".to_owned(),
        headers: headers(&["Kennzahl"], &COUNT_HEADERS),
        rows: overview,
    }];
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
                    Cell::count(coverage.businesses),
                    Cell::count(coverage.visited.current),
                    Cell::count(coverage.visited.previous),
                    Cell::measure(coverage.share_percent.current),
                    Cell::measure(coverage.share_percent.previous),
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
        rows: visits
            .findings
            .iter()
            .map(|finding| {
                vec![
                    text(&finding.label),
                    Cell::count(finding.businesses.current),
                    Cell::count(finding.businesses.previous),
                    Cell::count(finding.with_follow_up.current),
                    Cell::count(finding.with_follow_up.previous),
                    Cell::count(finding.follow_up_done.current),
                    Cell::count(finding.follow_up_done.previous),
                ]
            })
            .collect(),
    });
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
                    Cell::count(topic.visits),
                    Cell::count(topic.contacts),
                    Cell::count(topic.inquiries),
                ];
                row.extend(count_cells(&topic.total));
                row
            })
            .collect(),
    });
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
    let duration_rows = |name: &str, durations: &crate::model::Durations| {
        vec![
            {
                let mut row = vec![text(&format!("{name}: gemessene Anliegen"))];
                row.extend(count_cells(&durations.measured));
                row
            },
            {
                let mut row = vec![text(&format!("{name}: Median in Tagen"))];
                row.extend(measure_cells(&durations.median_days));
                row
            },
            {
                let mut row = vec![text(&format!("{name}: 90-%-Wert in Tagen"))];
                row.extend(measure_cells(&durations.p90_days));
                row
            },
            {
                let mut row = vec![text(&format!(
                    "{name}: Anteil innerhalb von {} Tagen (%)",
                    durations.target_days
                ))];
                row.extend(measure_cells(&durations.within_target_percent));
                row
            },
        ]
    };
    let mut time_rows = duration_rows("Erstantwort", &inquiries.first_response);
    time_rows.extend(duration_rows("Abschluss", &inquiries.to_close));
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
                    Cell::count(office.referrals.current),
                    Cell::count(office.referrals.previous),
                    Cell::count(office.answered.current),
                    Cell::count(office.answered.previous),
                    Cell::measure(office.median_answer_days.current),
                    Cell::measure(office.median_answer_days.previous),
                    Cell::measure(office.p90_answer_days.current),
                    Cell::measure(office.p90_answer_days.previous),
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
                    Cell::count(cell.referrals.current),
                    Cell::count(cell.referrals.previous),
                    Cell::measure(cell.median_answer_days.current),
                    Cell::measure(cell.median_answer_days.previous),
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
                "Erstantwort Median (Tage)",
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
                    Cell::count(topic.received),
                    Cell::measure(topic.median_first_response_days),
                    Cell::count(topic.open_at_end),
                ]
            })
            .collect(),
    });
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
                    text(&format::date(agreement.valid_until)),
                    Cell::count(agreement.planned.current),
                    Cell::count(agreement.planned.previous),
                    Cell::count(agreement.achieved.current),
                    Cell::count(agreement.achieved.previous),
                    Cell::count(agreement.rescheduled.current),
                    Cell::count(agreement.cancelled.current),
                    Cell::measure(agreement.completion_percent.current),
                    Cell::measure(agreement.completion_percent.previous),
                    Cell::count(agreement.due_next_year),
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
                    Cell::count(figures.held.current),
                    Cell::count(figures.held.previous),
                    Cell::count(figures.attendance.current),
                    Cell::count(figures.attendance.previous),
                    Cell::count(figures.organizations.current),
                    Cell::count(figures.organizations.previous),
                    Cell::count(figures.repeat_organizations.current),
                    Cell::count(figures.repeat_organizations.previous),
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
                    text(reason_label(&proposal.reason_kind)),
                    text(&proposal.subject),
                    text(&proposal.reason),
                    Cell::Decimal(proposal.score, 1),
                ]
            })
            .collect(),
    });
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
