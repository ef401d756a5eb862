//! „Regionen“ (`/regionen`) and the portrait of one region (`/regionen/{code}`), for staff, the
//! lead, planners and admins: the year's figures beside the year before
//! (`wifo_analytics::portrait`, periods as on the dashboard: a past year whole, the running year
//! up to today). The overview shows two maps of the Prognoseräume — coverage over 12 months and
//! inquiries received — with a table of the same numbers, and a table of the Bezirksregionen,
//! each linking its portrait; a portrait shows the tables of its XLSX workbook and, where the
//! regions within it have outlines, a map of their coverage. Both download for Excel
//! (`?format=xlsx`, the overview also `csv`), print on A4, and read the same without maps.

mod views;

use askama::Template;
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use chrono::Datelike;
use wifo_analytics::{
    ReportRequest,
    portrait::RegionFigures,
    tables::regions::{portrait_tables, region_lines_table},
};
use wifo_app::{
    auth::Caller,
    export::{TableFormat, table_bytes},
    roles::{READERS, REPORT_READERS},
};
use wifo_domain::{german, values::RegionCode};

use super::{
    error::PageError,
    page,
    pages::{self, Chrome},
    ready, texts, today,
};
use crate::portraits::{self, PortraitError};
use crate::respond::attachment;
use crate::routes::Route;
use crate::state::AppState;
use views::{FigureRow, MapView, TableView, coverage_map, inquiry_map, region_rows};

#[derive(serde::Deserialize, Default)]
struct RegionParams {
    jahr: Option<i32>,
    #[serde(default)]
    format: String,
}

#[derive(Template)]
#[template(path = "regions.html")]
struct OverviewPage {
    page: Chrome,
    t: texts::Texts,
    year: i32,
    period: String,
    previous_period: String,
    maps: Vec<MapView>,
    prognoseraeume: Vec<FigureRow>,
    bezirksregionen: Vec<FigureRow>,
    csv_href: String,
    xlsx_href: String,
}

#[derive(Template)]
#[template(path = "region.html")]
struct PortraitPage {
    page: Chrome,
    t: texts::Texts,
    title: String,
    year: i32,
    code: String,
    period: String,
    previous_period: String,
    map: Option<MapView>,
    tables: Vec<TableView>,
    xlsx_href: String,
    /// The Klausur report restricted to the region (lead, planner, admin).
    report_href: Option<String>,
}

/// The year asked for (2000–2100), else the running one, and its periods.
fn year_request(params: &RegionParams, caller: &Caller) -> Result<(i32, ReportRequest), PageError> {
    let day = today();
    let year = params
        .jahr
        .filter(|year| (2000..=2100).contains(year))
        .unwrap_or(day.year());
    let request = ReportRequest::of_year(year, day)
        .map_err(|_| PageError::not_found(caller, texts::get("regions.title")))?;
    Ok((year, request))
}

fn failed(caller: &Caller, error: PortraitError) -> PageError {
    match error {
        PortraitError::UnknownRegion(code) => {
            PageError::not_found(caller, format!("{} {code}", texts::get("regions.unknown")))
        }
        other => PageError::internal(caller, "Regionen", other),
    }
}

async fn overview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<RegionParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let (year, request) = year_request(&params, &caller)?;
    let computed = portraits::overviews(&state, request)
        .await
        .map_err(|error| failed(&caller, error))?;
    let bezirksregionen = &computed.bezirksregionen;
    if let Some(format) = TableFormat::parse(&params.format).filter(|f| *f != TableFormat::Json) {
        let table = region_lines_table(
            "bezirksregionen",
            "Bezirksregionen",
            &bezirksregionen.title,
            &bezirksregionen.regions,
        );
        let bytes = table_bytes(&[table.to_sheet()], format)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!("regionen-{year}.{}", format.extension()),
            bytes,
        ));
    }
    let lines: &[RegionFigures] = &computed.prognoseraeume.regions;
    let maps = [
        coverage_map("karte-abdeckung", lines, &computed.outlines),
        inquiry_map("karte-anliegen", lines, &computed.outlines),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(pages::ok(&OverviewPage {
        page: Chrome::new(&caller, texts::get("regions.title"), "/regionen"),
        t: texts::Texts,
        year,
        period: german::period(bezirksregionen.period.from, bezirksregionen.period.to),
        previous_period: german::period(
            bezirksregionen.previous_period.from,
            bezirksregionen.previous_period.to,
        ),
        maps,
        prognoseraeume: region_rows(lines, year),
        bezirksregionen: region_rows(&bezirksregionen.regions, year),
        csv_href: format!("/regionen?jahr={year}&format=csv"),
        xlsx_href: format!("/regionen?jahr={year}&format=xlsx"),
    }))
}

async fn portrait(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(code): Path<String>,
    Query(params): Query<RegionParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let region = RegionCode::parse(&code)
        .map_err(|error| PageError::not_found(&caller, error.to_string()))?;
    let (year, request) = year_request(&params, &caller)?;
    let (portrait, outlines) = portraits::portrait(&state, request, region.clone())
        .await
        .map_err(|error| failed(&caller, error))?;
    let tables = portrait_tables(&portrait);
    if TableFormat::parse(&params.format) == Some(TableFormat::Xlsx) {
        let sheets: Vec<_> = tables.iter().map(|table| table.to_sheet()).collect();
        let bytes = table_bytes(&sheets, TableFormat::Xlsx)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            TableFormat::Xlsx.media_type(),
            &format!("regionsportraet-{region}-{year}.xlsx"),
            bytes,
        ));
    }
    let report_href = REPORT_READERS
        .contains(&caller.role)
        .then(|| format!("/api/v1/reports/klausur/{year}?region={region}&format=html"));
    Ok(pages::ok(&PortraitPage {
        page: Chrome::new(&caller, portrait.title.clone(), "/regionen"),
        t: texts::Texts,
        title: portrait.title.clone(),
        year,
        code: region.to_string(),
        period: german::period(portrait.period.from, portrait.period.to),
        previous_period: german::period(portrait.previous_period.from, portrait.previous_period.to),
        map: coverage_map("karte-teilregionen", &portrait.parts, &outlines),
        tables: tables.iter().map(TableView::from).collect(),
        xlsx_href: format!("/regionen/{region}?jahr={year}&format=xlsx"),
        report_href,
    }))
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/regionen",
            READERS,
            "Regionen: Karten und Kennzahlen je Prognoseraum und Bezirksregion",
            get(overview),
        ),
        page(
            Method::GET,
            "/regionen/{code}",
            READERS,
            "Regionsporträt: Kennzahlen einer Region im Jahr und im Vorjahr",
            get(portrait),
        ),
    ]
}
