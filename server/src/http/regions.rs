//! `GET /api/v1/regions` and `GET /api/v1/regions/{code}`: the region overview (every
//! Prognoseraum and Bezirksregion with its headline figures) and one region's portrait, in the
//! periods of the pages (`ReportRequest::of_year`), as JSON or (`format=xlsx`) as the portrait's
//! workbook — the figures of `/regionen` and `/regionen/{code}`.

use axum::{
    Extension, Json,
    extract::{Path, Query, State},
    http::Method,
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use wifo_analytics::{
    ReportRequest,
    portrait::{RegionOverview, RegionPortrait},
    tables::regions::portrait_tables,
};
use wifo_app::{
    auth::Caller,
    export::{TableFormat, table_bytes},
    roles::READERS,
};
use wifo_domain::values::RegionCode;

use super::views::{bad, ready, today};
use super::{ApiError, AppState, Route, RouteSpec};
use crate::portraits::{self, PortraitError};
use crate::respond::attachment;

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct RegionParams {
    /// Kalenderjahr (Standard: das laufende): ein vergangenes Jahr ganz, das laufende bis heute,
    /// jeweils gegen die gleichen Tage des Vorjahres.
    #[schemars(range(min = 2000, max = 2100))]
    year: Option<i32>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

/// The portrait as JSON or as its workbook.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
enum PortraitFormat {
    #[default]
    Json,
    Xlsx,
}

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct PortraitParams {
    /// Kalenderjahr (Standard: das laufende), wie bei der Übersicht.
    #[schemars(range(min = 2000, max = 2100))]
    year: Option<i32>,
    /// `json` (Standard) oder `xlsx`: das Porträt als Arbeitsmappe, ein Blatt je Tabelle.
    format: Option<PortraitFormat>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct RegionsAnswer {
    prognoseraeume: RegionOverview,
    bezirksregionen: RegionOverview,
    /// Regionen mit übernommenem Umriss (Schlüssel).
    with_outline: Vec<String>,
}

fn request(year: Option<i32>) -> Result<ReportRequest, ApiError> {
    let day = today(None);
    let year = year.unwrap_or(day.year());
    if !(2000..=2100).contains(&year) {
        return Err(bad("year", "erwartet ein Jahr von 2000 bis 2100"));
    }
    ReportRequest::of_year(year, day).map_err(|error| bad("year", error))
}

fn failed(error: PortraitError) -> ApiError {
    match error {
        PortraitError::UnknownRegion(_) => ApiError::NotFound(error.to_string()),
        other => ApiError::Internal(other.into()),
    }
}

async fn overview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<RegionParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let computed = portraits::overviews(&state, request(params.year)?)
        .await
        .map_err(failed)?;
    Ok(Json(RegionsAnswer {
        with_outline: computed.outlines.keys().cloned().collect(),
        prognoseraeume: computed.prognoseraeume,
        bezirksregionen: computed.bezirksregionen,
    })
    .into_response())
}

async fn portrait(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(code): Path<String>,
    Query(params): Query<PortraitParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let region = RegionCode::parse(&code).map_err(|error| bad("code", error))?;
    let (portrait, _) = portraits::portrait(&state, request(params.year)?, region.clone())
        .await
        .map_err(failed)?;
    if params.format.unwrap_or_default() == PortraitFormat::Xlsx {
        let format = TableFormat::Xlsx;
        let sheets: Vec<_> = portrait_tables(&portrait)
            .iter()
            .map(|table| table.to_sheet())
            .collect();
        let bytes =
            table_bytes(&sheets, format).map_err(|error| ApiError::Internal(error.into()))?;
        return Ok(attachment(
            format.media_type(),
            &format!(
                "regionsportraet-{region}-{}.xlsx",
                portrait.period.from.year()
            ),
            bytes,
        ));
    }
    Ok(Json::<RegionPortrait>(portrait).into_response())
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |path, summary| RouteSpec {
        method: Method::GET,
        path,
        roles: READERS,
        summary,
        body: None,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(
                "/api/v1/regions",
                "Regionen im Überblick: Prognoseräume und Bezirksregionen mit ihren Kennzahlen",
            )
            .with_query::<RegionParams>()
            .answering::<RegionsAnswer>(),
            handler: get(overview),
        },
        Route {
            spec: spec(
                "/api/v1/regions/{code}",
                "Regionsporträt: Kennzahlen einer Region im Jahr und im Vorjahr",
            )
            .with_query::<PortraitParams>()
            .answering_json_or::<RegionPortrait>(&[
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]),
            handler: get(portrait),
        },
    ]
}
