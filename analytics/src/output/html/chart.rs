//! Horizontal bar charts as inline SVG for the summary: per line the period's bar (dark) and
//! the previous period's (light) below it, each with its value written beside it in German
//! number format, so the chart reads without a scale and prints without colour. The SVG scales
//! to its column (two charts side by side on A4).

use std::fmt::Write;

use wifo_domain::german;

use super::escape;

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Bar {
    pub(super) label: String,
    pub(super) current: u64,
    pub(super) previous: u64,
}

const WIDTH: f64 = 340.0;
const LABEL_WIDTH: f64 = 118.0;
const BAR_WIDTH: f64 = 172.0;
const TOP: f64 = 32.0;
const ROW: f64 = 19.0;
const LABEL_CHARACTERS: usize = 22;

/// The chart, titled `title`, with the legend's names of the two periods.
pub(super) fn bar_chart(title: &str, legend: (&str, &str), bars: &[Bar]) -> String {
    let height = if bars.is_empty() {
        TOP + 18.0
    } else {
        TOP + ROW * bars.len() as f64 + 2.0
    };
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{title}\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"Arial, sans-serif\" font-size=\"10\" fill=\"#1d2733\">\n<text x=\"0\" y=\"12\" font-size=\"11.5\" font-weight=\"bold\">{title}</text>\n<rect x=\"0\" y=\"18\" width=\"9\" height=\"7\" fill=\"#0b4a6f\"/><text x=\"12\" y=\"25\" font-size=\"9\">{current}</text>\n<rect x=\"90\" y=\"19\" width=\"9\" height=\"5\" fill=\"#9fb7c8\"/><text x=\"102\" y=\"25\" font-size=\"9\">{previous}</text>\n",
        title = escape(title),
        current = escape(legend.0),
        previous = escape(legend.1),
    );
    if bars.is_empty() {
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\">Keine Daten im Zeitraum.</text>",
            TOP + 11.0
        );
    }
    let maximum = bars
        .iter()
        .map(|bar| bar.current.max(bar.previous))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    for (index, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * index as f64;
        let current = BAR_WIDTH * bar.current as f64 / maximum;
        let previous = BAR_WIDTH * bar.previous as f64 / maximum;
        let mut label = bar.label.clone();
        if label.chars().count() > LABEL_CHARACTERS {
            label = label.chars().take(LABEL_CHARACTERS - 1).collect::<String>() + "…";
        }
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{label_y:.1}\">{label}</text>\n<rect x=\"{LABEL_WIDTH}\" y=\"{y:.1}\" width=\"{current:.1}\" height=\"8\" fill=\"#0b4a6f\"/>\n<text x=\"{current_x:.1}\" y=\"{current_y:.1}\" font-weight=\"bold\">{current_value}</text>\n<rect x=\"{LABEL_WIDTH}\" y=\"{previous_y:.1}\" width=\"{previous:.1}\" height=\"5\" fill=\"#9fb7c8\"/>\n<text x=\"{previous_x:.1}\" y=\"{previous_text_y:.1}\" font-size=\"8\" fill=\"#4a5a6a\">{previous_value}</text>\n",
            label_y = y + 10.0,
            label = escape(&label),
            current_x = LABEL_WIDTH + current + 3.0,
            current_y = y + 8.0,
            current_value = german::integer(bar.current as i64),
            previous_y = y + 9.0,
            previous_x = LABEL_WIDTH + previous + 3.0,
            previous_text_y = y + 15.5,
            previous_value = german::integer(bar.previous as i64),
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bar_has_its_values_written_beside_it() {
        let svg = bar_chart(
            "Besuche",
            ("2025", "2024"),
            &[
                Bar {
                    label: "Januar".to_owned(),
                    current: 1234,
                    previous: 7,
                },
                Bar {
                    label: "Ein sehr langer Name einer Branche".to_owned(),
                    current: 0,
                    previous: 12,
                },
            ],
        );
        assert!(svg.contains(">1.234</text>") && svg.contains(">7</text>"));
        assert!(svg.contains(">0</text>") && svg.contains(">12</text>"));
        assert!(svg.contains(">Ein sehr langer Name …</text>"));
        assert_eq!(svg.matches("<rect").count(), 2 + 4, "legend and bars");
    }

    #[test]
    fn an_empty_chart_says_so() {
        let svg = bar_chart("Anliegen", ("2025", "2024"), &[]);
        assert!(svg.contains("Keine Daten im Zeitraum."));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    }
}
