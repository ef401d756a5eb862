//! Choropleth maps as SVG, drawn on the server like the report's charts: regions drawn from their
//! imported outlines (`wifo import geometry`), each filled by the class of its value, with a
//! legend and the source of the outlines (the region pages of the web UI draw them). The map is
//! one image (each region's name and value as its tooltip); the numbers, and the links to each
//! region, are in the table beside it; regions without an outline appear there only, and with no
//! outline at all there is no map.

use std::collections::BTreeMap;
use std::fmt::Write;

use wifo_domain::taxonomy::DrawnOutline;

use super::escape;

/// Colours of the classes, light to dark (ColorBrewer „Blues“, readable in grey print).
const CLASS_COLOURS: [&str; 5] = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
/// A region without a value.
const NO_VALUE: &str = "#d9d9d9";

/// One region of the map.
#[derive(Debug)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub value: Option<f64>,
    /// The value as the reader sees it („42 %“, „17“).
    pub value_text: String,
}

/// One line of the legend.
#[derive(Debug)]
pub struct LegendEntry {
    pub colour: &'static str,
    pub label: String,
}

/// A drawn map: the SVG and the legend and source shown beside it in HTML.
#[derive(Debug)]
pub struct Map {
    pub svg: String,
    pub legend: Vec<LegendEntry>,
    pub source: String,
}

/// Class limits for values from 0 to `max`: five equal steps of a round size (1, 2, 2.5 or 5
/// times a power of ten), the last open upwards. `unit` follows each number in the legend.
pub fn classes(max: f64, unit: &str) -> Vec<(f64, String)> {
    let mut magnitude = 1.0_f64;
    let step = 'found: loop {
        for factor in [1.0, 2.0, 2.5, 5.0] {
            if max <= factor * magnitude * 5.0 {
                break 'found factor * magnitude;
            }
        }
        magnitude *= 10.0;
    };
    (1..=5)
        .map(|class| {
            let (from, to) = (step * f64::from(class - 1), step * f64::from(class));
            let label = if class == 5 {
                format!("ab {}{unit}", number(from))
            } else {
                format!("{} bis unter {}{unit}", number(from), number(to))
            };
            (to, label)
        })
        .collect()
}

fn number(value: f64) -> String {
    wifo_domain::german::integer(value.round() as i64)
}

/// The map of `areas`, or `None` when none of them has an outline. `limits`: upper class
/// limits with their legend text (from `classes`).
pub fn choropleth(
    id: &str,
    title: &str,
    areas: &[Area],
    outlines: &BTreeMap<String, DrawnOutline>,
    limits: &[(f64, String)],
) -> Option<Map> {
    let drawn: Vec<(&Area, &DrawnOutline)> = areas
        .iter()
        .filter_map(|area| Some((area, outlines.get(&area.code)?)))
        .collect();
    let points = || {
        drawn
            .iter()
            .flat_map(|(_, drawn)| drawn.outline.polygons().iter().flatten().flatten())
    };
    let (mut west, mut east, mut south, mut north) = (i32::MAX, i32::MIN, i32::MAX, i32::MIN);
    for [lon, lat] in points() {
        west = west.min(*lon);
        east = east.max(*lon);
        south = south.min(*lat);
        north = north.max(*lat);
    }
    if drawn.is_empty() || east <= west || north <= south {
        return None;
    }
    // Longitude shrinks with latitude: scale it by the cosine of the middle latitude.
    let middle = f64::from(south + north) / 2.0 / 1e6;
    let shrink = middle.to_radians().cos();
    let span_x = f64::from(east - west) * shrink;
    let span_y = f64::from(north - south);
    let width = 560.0_f64;
    let height = (width * span_y / span_x).clamp(200.0, 720.0);
    let scale = (width / span_x).min(height / span_y);
    let x = |lon: i32| f64::from(lon - west) * shrink * scale;
    let y = |lat: i32| f64::from(north - lat) * scale;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg class="map" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-labelledby="{id}" xmlns="http://www.w3.org/2000/svg"><title id="{id}">{}</title>"##,
        escape(title)
    );
    for (area, outline) in &drawn {
        let colour = area.value.map_or(NO_VALUE, |value| {
            let class = limits
                .iter()
                .position(|(limit, _)| value < *limit)
                .unwrap_or(limits.len().saturating_sub(1));
            CLASS_COLOURS[class.min(CLASS_COLOURS.len() - 1)]
        });
        let mut path = String::new();
        for ring in outline.outline.polygons().iter().flatten() {
            for (index, [lon, lat]) in ring.iter().enumerate() {
                let command = if index == 0 { 'M' } else { 'L' };
                let _ = write!(path, "{command}{:.1} {:.1}", x(*lon), y(*lat));
            }
            path.push('Z');
        }
        let _ = write!(
            svg,
            r##"<path d="{path}" fill="{colour}" fill-rule="evenodd" stroke="#1b1f24" stroke-width="1" data-region="{}"><title>{}: {}</title></path>"##,
            escape(&area.code),
            escape(&area.name),
            escape(&area.value_text)
        );
    }
    svg.push_str("</svg>");
    let mut legend: Vec<LegendEntry> = limits
        .iter()
        .zip(CLASS_COLOURS)
        .map(|((_, label), colour)| LegendEntry {
            colour,
            label: label.clone(),
        })
        .collect();
    if drawn.iter().any(|(area, _)| area.value.is_none()) {
        legend.push(LegendEntry {
            colour: NO_VALUE,
            label: "keine Angabe".to_owned(),
        });
    }
    let mut sources: Vec<&str> = drawn
        .iter()
        .map(|(_, outline)| outline.source.as_str())
        .collect();
    sources.sort_unstable();
    sources.dedup();
    Some(Map {
        svg,
        legend,
        source: sources.join("; "),
    })
}

#[cfg(test)]
#[path = "map_tests.rs"]
mod tests;
