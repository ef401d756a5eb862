//! The report routes: `GET /api/v1/reports/klausur/{year}` and
//! `GET /api/v1/reports/leadership?from=&to=`, for lead, planner and admin. The answer is the
//! report as JSON (default), a complete HTML page (`format=html`, linked from the planner page
//! and the lead dashboard), a ZIP of CSV files (`format=csv`) or an XLSX workbook
//! (`format=xlsx`). The report is computed on a blocking thread from the views as they stand
//! after the caller's own last write.

use axum::{
    Extension,
    extract::{Path, Query, State},
    http::{HeaderValue, Method, header},
    response::{IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;
use wifo_analytics::{
    AnalyticsError, ReportRequest,
    output::{Format, render},
};
use wifo_domain::{ids::OrganizationId, values::RegionCode};

use super::{ApiError, AppState, REPORT_READERS, Route, RouteSpec, commands::wait_for_own_writes};
use wifo_app::auth::Caller;

/// The HTML report carries its own styles and nothing else.
const REPORT_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

#[derive(Debug, Deserialize, Default, schemars::JsonSchema)]
struct ReportParams {
    /// Organisations-ID eines Kooperationspartners: nur gemeinsame Arbeit mit ihm.
    #[schemars(with = "Option<OrganizationId>")]
    partner: Option<String>,
    /// Regionsschlüssel (LOR): zählt diese Region und darunter.
    #[schemars(with = "Option<RegionCode>")]
    region: Option<String>,
    /// json (Standard), html, csv (ZIP) oder xlsx.
    #[schemars(with = "Option<ReportFormat>")]
    format: Option<String>,
    /// Abdeckung zusätzlich ab so vielen Beschäftigten.
    min_employees: Option<u32>,
    /// Ziel Erstantwort in Berliner Arbeitstagen (Standard: das Ziel des Büros).
    first_response_days: Option<u32>,
    /// Ziel Abschluss in Kalendertagen (Standard 30).
    close_days: Option<u32>,
    /// Nur Leitungsbericht, dort Pflicht: erster Tag (TT.MM.JJJJ oder JJJJ-MM-TT).
    from: Option<String>,
    /// Nur Leitungsbericht, dort Pflicht: letzter Tag (TT.MM.JJJJ oder JJJJ-MM-TT).
    to: Option<String>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

/// The formats `?format=` names.
#[derive(schemars::JsonSchema)]
#[schemars(rename_all = "lowercase")]
#[allow(dead_code)]
enum ReportFormat {
    Json,
    Html,
    Csv,
    Xlsx,
}

/// The media types a report is answered in besides JSON.
const REPORT_MEDIA: &[&str] = &[
    "text/html",
    "application/zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

fn bad(message: String) -> ApiError {
    ApiError::BadRequest(message)
}

impl ReportParams {
    fn format(&self) -> Result<Format, ApiError> {
        match self.format.as_deref().map(Format::parse) {
            None => Ok(Format::Json),
            Some(Some(format @ (Format::Json | Format::Html | Format::Csv | Format::Xlsx))) => {
                Ok(format)
            }
            Some(_) => Err(bad(
                "format: erlaubt sind json, html, csv oder xlsx".to_owned()
            )),
        }
    }

    /// Applies the parameters; the first-response target defaults to the office's own (the one
    /// the queue and the dashboard use).
    fn apply(&self, request: &mut ReportRequest, state: &AppState) -> Result<(), ApiError> {
        if let Some(partner) = &self.partner {
            request.partner = Some(OrganizationId::parse(partner).map_err(|_| {
                bad(format!(
                    "partner: „{partner}“ ist keine gültige Organisations-ID"
                ))
            })?);
        }
        if let Some(region) = &self.region {
            request.region =
                Some(RegionCode::parse(region).map_err(|error| bad(format!("region: {error}")))?);
        }
        request.options.coverage_min_employees = self.min_employees;
        request.options.first_response_target_working_days = self
            .first_response_days
            .unwrap_or(state.config.first_response_working_days);
        if let Some(days) = self.close_days {
            request.options.close_target_days = days;
        }
        Ok(())
    }
}

fn date(name: &str, value: Option<&str>) -> Result<chrono::NaiveDate, ApiError> {
    let value = value.ok_or_else(|| bad(format!("{name}: fehlt (TT.MM.JJJJ oder JJJJ-MM-TT)")))?;
    wifo_domain::german::parse_date(value).ok_or_else(|| {
        bad(format!(
            "{name}: „{value}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"
        ))
    })
}

async fn klausur(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(year): Path<String>,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let year: i32 = year
        .parse()
        .ok()
        .filter(|year| (1900..=2200).contains(year))
        .ok_or_else(|| {
            bad(format!(
                "Jahr: „{year}“ ist kein Jahr zwischen 1900 und 2200"
            ))
        })?;
    let mut request = ReportRequest::klausur(year).map_err(|error| bad(error.to_string()))?;
    params.apply(&mut request, &state)?;
    answer(state, caller, request, &params).await
}

async fn leadership(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ReportParams>,
) -> Result<Response, ApiError> {
    let from = date("from", params.from.as_deref())?;
    let to = date("to", params.to.as_deref())?;
    if (to - from).num_days() > 366 * 10 {
        return Err(bad(
            "Der Zeitraum darf höchstens zehn Jahre umfassen.".to_owned()
        ));
    }
    let mut request =
        ReportRequest::leadership(from, to).map_err(|error| bad(error.to_string()))?;
    params.apply(&mut request, &state)?;
    answer(state, caller, request, &params).await
}

async fn answer(
    state: AppState,
    caller: Caller,
    request: ReportRequest,
    params: &ReportParams,
) -> Result<Response, ApiError> {
    let format = params.format()?;
    wait_for_own_writes(&state, &caller, params.wait_for.map(wifo_store::Position)).await?;
    let projections = state.projections.clone();
    let computed = tokio::task::spawn_blocking(move || {
        // Only copying the frames out holds the views; the statistics run without them, so
        // the projections keep applying events while a large report is computed.
        let views = projections.read();
        let frames = wifo_analytics::Frames::for_report(&views.facts, request.from, request.to)?;
        let labels = wifo_analytics::labels(&views.facts);
        let partner = wifo_analytics::resolve_partner(&views.facts, &request)?;
        drop(views);
        let report =
            wifo_analytics::build_report_from(&frames, &labels, partner, &request, &mut |_, _| {})?;
        let bytes = render(&report, None, format)?;
        Ok::<_, AnalyticsError>((report.title, bytes))
    })
    .await
    .map_err(|error| ApiError::Internal(error.into()))?;
    let (title, bytes) = computed.map_err(|error| match error {
        AnalyticsError::UnknownPartner(_) | AnalyticsError::InvalidPeriod(_) => {
            bad(error.to_string())
        }
        other => ApiError::Internal(other.into()),
    })?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.media_type()),
    );
    if format == Format::Html {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(REPORT_CSP),
        );
    }
    if matches!(format, Format::Csv | Format::Xlsx) {
        let file: String = title
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        if let Ok(value) = HeaderValue::from_str(&format!(
            "attachment; filename=\"{file}.{}\"",
            format.extension()
        )) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    Ok(response)
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/reports/klausur/{year}",
                roles: REPORT_READERS,
                summary: "Klausur-Statistik eines Jahres mit Vorjahresvergleich und Themenvorschlägen (?partner=&region=&format=json|html|csv|xlsx)",
                body: None,
                doc: crate::routes::ApiDoc {
                    answer: crate::routes::Answer::JsonOrMedia(
                        crate::routes::schema_of::<wifo_analytics::model::Report>,
                        REPORT_MEDIA,
                    ),
                    ..Default::default()
                },
            }
            .with_query::<ReportParams>(),
            handler: get(klausur),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/reports/leadership",
                roles: REPORT_READERS,
                summary: "Zwischenbericht für die Leitung über einen Zeitraum (?from=&to=&partner=&region=&format=json|html|csv|xlsx)",
                body: None,
                doc: crate::routes::ApiDoc {
                    answer: crate::routes::Answer::JsonOrMedia(
                        crate::routes::schema_of::<wifo_analytics::model::Report>,
                        REPORT_MEDIA,
                    ),
                    ..Default::default()
                },
            }
            .with_query::<ReportParams>(),
            handler: get(leadership),
        },
    ]
}
