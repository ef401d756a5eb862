//! What the region pages show, as text: a line per region with each figure beside the year
//! before, a table of the portrait cell by cell, and the two maps (coverage and inquiries per
//! region) with their legends.

use wifo_analytics::{portrait::RegionFigures, tables::Table};
use wifo_domain::german;

use crate::portraits::Outlines;
use wifo_analytics::output::html::map::{Area, LegendEntry, choropleth, classes};

/// One region's line: each figure „aktuell (Vorjahr)“.
pub(super) struct FigureRow {
    pub href: String,
    pub name: String,
    pub cells: Vec<(String, String)>,
    pub coverage: String,
    pub coverage_previous: String,
}

/// A map with its legend and source.
pub(super) struct MapView {
    pub title: String,
    pub svg: String,
    pub legend: Vec<LegendEntry>,
    pub source: String,
}

/// A table of the portrait.
pub(super) struct TableView {
    pub id: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<(String, bool)>>,
}

impl From<&Table> for TableView {
    fn from(table: &Table) -> Self {
        Self {
            id: table.id,
            title: table.title.clone(),
            headers: table.headers.clone(),
            rows: table
                .rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| {
                            let numeric = !matches!(
                                cell,
                                wifo_analytics::tables::Cell::Text(_)
                                    | wifo_analytics::tables::Cell::Date(_)
                            );
                            (cell.shown(), numeric)
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

fn share(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |value| {
        format!("{} %", german::decimal(value, 1))
    })
}

pub(super) fn region_rows(lines: &[RegionFigures], year: i32) -> Vec<FigureRow> {
    lines
        .iter()
        .map(|line| FigureRow {
            href: format!("/regionen/{}?jahr={year}", line.region),
            name: line.name.clone(),
            cells: wifo_analytics::tables::regions::figure_lines(line)
                .into_iter()
                .map(|(_, count)| {
                    (
                        german::integer(count.current as i64),
                        german::integer(count.previous as i64),
                    )
                })
                .collect(),
            coverage: share(line.coverage_12_months.share_percent.current),
            coverage_previous: share(line.coverage_12_months.share_percent.previous),
        })
        .collect()
}

fn map_view(
    id: &str,
    title: String,
    areas: Vec<Area>,
    outlines: &Outlines,
    limits: &[(f64, String)],
) -> Option<MapView> {
    let map = choropleth(id, &title, &areas, outlines, limits)?;
    Some(MapView {
        title,
        svg: map.svg,
        legend: map.legend,
        source: map.source,
    })
}

/// Coverage over 12 months per region, in classes of 20 %.
pub(super) fn coverage_map(
    id: &str,
    lines: &[RegionFigures],
    outlines: &Outlines,
) -> Option<MapView> {
    let areas = lines
        .iter()
        .map(|line| {
            let value = line.coverage_12_months.share_percent.current;
            Area {
                code: line.region.clone(),
                name: line.name.clone(),
                value,
                value_text: share(value),
            }
        })
        .collect();
    map_view(
        id,
        super::texts::get("regions.map_coverage").to_owned(),
        areas,
        outlines,
        &classes(100.0, " %"),
    )
}

/// Inquiries received per region, in five round classes up to the largest count.
pub(super) fn inquiry_map(
    id: &str,
    lines: &[RegionFigures],
    outlines: &Outlines,
) -> Option<MapView> {
    let max = lines
        .iter()
        .map(|line| line.inquiries.current)
        .max()
        .unwrap_or(0);
    let areas = lines
        .iter()
        .map(|line| Area {
            code: line.region.clone(),
            name: line.name.clone(),
            value: Some(line.inquiries.current as f64),
            value_text: german::integer(line.inquiries.current as i64),
        })
        .collect();
    map_view(
        id,
        super::texts::get("regions.map_inquiries").to_owned(),
        areas,
        outlines,
        &classes(max as f64, ""),
    )
}
