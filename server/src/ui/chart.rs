//! Hand-made SVG charts, rendered on the server: readable without JavaScript and in print
//! (black text, patterns distinguishable in grey). Only presentation attributes are used, so
//! the strict Content-Security-Policy (no inline styles) holds.

use std::fmt::Write;

use wifo_analytics::output::html::escape;

/// A bar chart of two series (this year dark, last year light) over labelled groups.
pub(super) fn paired_bars(
    id: &str,
    title: &str,
    labels: &[&str],
    current: (&str, &[usize]),
    previous: (&str, &[usize]),
) -> String {
    let (width, height) = (720.0_f64, 260.0_f64);
    let (left, right, top, bottom) = (48.0, 12.0, 16.0, 56.0);
    let plot_width = width - left - right;
    let plot_height = height - top - bottom;
    let max = current
        .1
        .iter()
        .chain(previous.1)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    // A round top of the axis: 1, 2 or 5 times a power of ten.
    let mut step = 1usize;
    while max.div_ceil(step) > 5 {
        step = match step.to_string().chars().next() {
            Some('1') => step * 2,
            Some('2') => step / 2 * 5,
            _ => step * 2,
        };
    }
    let axis_max = max.div_ceil(step) * step;
    let scale = |value: usize| plot_height * value as f64 / axis_max as f64;
    let group = plot_width / labels.len().max(1) as f64;
    let bar = (group - 6.0) / 2.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}" xmlns="http://www.w3.org/2000/svg"><title id="{id}">{}</title>"##,
        escape(title)
    );
    let mut tick = 0;
    while tick <= axis_max {
        let y = top + plot_height - scale(tick);
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#b8c0c8" stroke-width="1"/><text x="{}" y="{:.1}" font-size="12" text-anchor="end" fill="#1b1f24">{}</text>"##,
            width - right,
            left - 6.0,
            y + 4.0,
            wifo_domain::german::integer(tick as i64)
        );
        tick += step;
    }
    for (index, label) in labels.iter().enumerate() {
        let x = left + group * index as f64 + 3.0;
        let now = current.1.get(index).copied().unwrap_or(0);
        let before = previous.1.get(index).copied().unwrap_or(0);
        let _ = write!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{bar:.1}" height="{:.1}" fill="#004b87"><title>{} {}: {}</title></rect><rect x="{:.1}" y="{:.1}" width="{bar:.1}" height="{:.1}" fill="#9fb7cc" stroke="#004b87" stroke-width="1"><title>{} {}: {}</title></rect><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#1b1f24">{}</text>"##,
            x,
            top + plot_height - scale(now),
            scale(now),
            escape(label),
            escape(current.0),
            now,
            x + bar,
            top + plot_height - scale(before),
            scale(before),
            escape(label),
            escape(previous.0),
            before,
            x + bar,
            top + plot_height + 16.0,
            escape(label)
        );
    }
    let legend_y = height - 14.0;
    let _ = write!(
        svg,
        r##"<rect x="{left}" y="{:.1}" width="14" height="14" fill="#004b87"/><text x="{}" y="{legend_y:.1}" font-size="13" fill="#1b1f24">{}</text><rect x="{}" y="{:.1}" width="14" height="14" fill="#9fb7cc" stroke="#004b87"/><text x="{}" y="{legend_y:.1}" font-size="13" fill="#1b1f24">{}</text></svg>"##,
        legend_y - 11.0,
        left + 20.0,
        escape(current.0),
        left + 140.0,
        legend_y - 11.0,
        left + 160.0,
        escape(previous.0)
    );
    svg
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
