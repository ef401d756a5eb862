//! The key figures a report opens with, each beside the previous period with the change: one
//! list for the figure boxes of the HTML summary, the „Übersicht“ sheet of the XLSX workbook
//! and the „Kennzahlen“ table, so the three cannot name or pick different figures.

use wifo_domain::german;

use crate::agenda::MIN_BASE;
use crate::model::{Count, Measure, Report};

/// One key figure.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// German name, e.g. „Durchgeführte Betriebsbesuche“.
    pub label: String,
    pub value: FigureValue,
    /// Whether a rise is good news (more visits) or bad (more days to the first answer); the
    /// HTML colours the change by it.
    pub higher_is_better: bool,
}

/// A count, or a measure in days or percent with one decimal place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureValue {
    Count(Count),
    Measure(Measure),
}

impl KeyFigure {
    /// The current value as the page shows it: `1.234`, `4,0`, `–` when nothing was measured.
    pub fn current_text(&self) -> String {
        match self.value {
            FigureValue::Count(count) => german::integer(count.current as i64),
            FigureValue::Measure(measure) => optional_decimal(measure.current),
        }
    }

    /// The previous value as the page shows it.
    pub fn previous_text(&self) -> String {
        match self.value {
            FigureValue::Count(count) => german::integer(count.previous as i64),
            FigureValue::Measure(measure) => optional_decimal(measure.previous),
        }
    }

    /// The change with its sign (`+6`, `−1,5`), and for a count the change in percent when the
    /// previous value is at least [`MIN_BASE`]: `+6 (+300,0 %)` is never shown for 2 → 8.
    pub fn change_text(&self) -> Option<String> {
        match self.value {
            FigureValue::Count(count) => {
                let mut text = german::signed(count.change);
                if let Some(percent) = count.change_percent.filter(|_| count.previous >= MIN_BASE) {
                    text.push_str(&format!(" ({})", german::signed_percent(percent)));
                }
                Some(text)
            }
            FigureValue::Measure(measure) => measure.change.map(|change| {
                if change > 0.0 {
                    format!("+{}", german::decimal(change, 1))
                } else if change < 0.0 {
                    german::decimal(change, 1)
                } else {
                    "±0,0".to_owned()
                }
            }),
        }
    }

    /// Whether the figure got better (`Some(true)`), worse (`Some(false)`) or stayed.
    pub fn improved(&self) -> Option<bool> {
        let change = match self.value {
            FigureValue::Count(count) => count.change as f64,
            FigureValue::Measure(measure) => measure.change.unwrap_or(0.0),
        };
        if change == 0.0 {
            None
        } else {
            Some((change > 0.0) == self.higher_is_better)
        }
    }
}

fn optional_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| german::decimal(value, 1))
}

/// The key figures of a report, in the order they are shown.
pub fn key_figures(report: &Report) -> Vec<KeyFigure> {
    let visits = &report.visits;
    let inquiries = &report.inquiries;
    let count = |label: &str, count: Count, higher_is_better: bool| KeyFigure {
        label: label.to_owned(),
        value: FigureValue::Count(count),
        higher_is_better,
    };
    let measure = |label: &str, measure: Measure, higher_is_better: bool| KeyFigure {
        label: label.to_owned(),
        value: FigureValue::Measure(measure),
        higher_is_better,
    };
    vec![
        count("Durchgeführte Betriebsbesuche", visits.conducted, true),
        count("davon gemeinsam mit Partnern", visits.joint, true),
        count(
            "davon mit Leitung (Bürgermeister/in, Senator/in …)",
            visits.with_leadership,
            true,
        ),
        count("davon mit Presse", visits.with_press, true),
        count("Kontakte", report.contacts.logged, true),
        count("Eingegangene Anliegen", inquiries.received, true),
        count(
            "Anliegen offen am Ende des Zeitraums",
            inquiries.open_at_end,
            false,
        ),
        measure(
            "Erstantwort in Arbeitstagen (Median)",
            inquiries.first_response.median_days,
            false,
        ),
        measure(
            &format!(
                "Erstantwort innerhalb von {} Arbeitstagen (%)",
                inquiries.first_response.target_days
            ),
            inquiries.first_response.within_target_percent,
            true,
        ),
        measure(
            "Abschluss in Tagen (Median)",
            inquiries.to_close.median_days,
            false,
        ),
        count("Veranstaltungen", report.gatherings.total.held, true),
        count(
            "Teilnahmen an Veranstaltungen",
            report.gatherings.total.attendance,
            true,
        ),
    ]
}
