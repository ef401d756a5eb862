//! The export routes, so an office can take its data out while the server runs:
//! `GET /api/v1/exports/{table}?format=csv|xlsx|json` (organizations, visits, contacts,
//! inquiries; no personal data), `GET /api/v1/exports/calendar/{visits|gatherings}` (iCalendar)
//! and, for admins, `GET /api/v1/exports/events` (the log as JSON Lines with personal data
//! decrypted where the key still exists).

use axum::{
    Extension,
    extract::{Path, Query, State},
    http::{HeaderValue, Method, header},
    response::{IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;

use super::{ADMINS, ApiError, AppState, READERS, Route, RouteSpec, commands::wait_for_own_writes};
use crate::{auth::Caller, cli::TableFormat, export::Table};

#[derive(Debug, Deserialize)]
struct FormatParam {
    format: Option<String>,
}

pub(crate) fn attachment(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn table(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
    Query(params): Query<FormatParam>,
) -> Result<Response, ApiError> {
    let table = match name.as_str() {
        "organizations" => Table::Organizations,
        "visits" => Table::Visits,
        "contacts" => Table::Contacts,
        "inquiries" => Table::Inquiries,
        other => {
            return Err(ApiError::NotFound(format!(
                "Export „{other}“ gibt es nicht; erlaubt: organizations, visits, contacts, inquiries"
            )));
        }
    };
    let format = match params.format.as_deref().unwrap_or("csv") {
        "csv" => TableFormat::Csv,
        "xlsx" => TableFormat::Xlsx,
        "json" => TableFormat::Json,
        other => {
            return Err(ApiError::BadRequest(format!(
                "format: „{other}“ – erlaubt sind csv, xlsx oder json"
            )));
        }
    };
    wait_for_own_writes(&state, &caller, None).await?;
    let sheet = table.sheet(&state.projections.read());
    let bytes = crate::export_cli::table_bytes(std::slice::from_ref(&sheet), format)?;
    let (content_type, extension) = match format {
        TableFormat::Csv => ("text/csv; charset=utf-8", "csv"),
        TableFormat::Xlsx => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        TableFormat::Json => ("application/json", "json"),
    };
    Ok(attachment(
        content_type,
        &format!("{}.{extension}", sheet.name.to_lowercase()),
        bytes,
    ))
}

async fn calendar(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let of = match name.as_str() {
        "visits" => crate::cli::CalendarKind::Visits,
        "gatherings" => crate::cli::CalendarKind::Gatherings,
        other => {
            return Err(ApiError::NotFound(format!(
                "Kalender „{other}“ gibt es nicht; erlaubt: visits, gatherings"
            )));
        }
    };
    wait_for_own_writes(&state, &caller, None).await?;
    let (title, entries) = crate::export_cli::calendar(&state.projections.read(), of);
    let text = wifo_exchange::export::ics::calendar(title, &entries);
    Ok(attachment(
        "text/calendar; charset=utf-8",
        &format!("wifo-{name}.ics"),
        text.into_bytes(),
    ))
}

async fn events(State(state): State<AppState>) -> Result<Response, ApiError> {
    let mut bytes = Vec::new();
    crate::export::events_jsonl(&state.data.store, &state.data.codec, &mut bytes).await?;
    Ok(attachment(
        "application/x-ndjson",
        "wifo-ereignisse.jsonl",
        bytes,
    ))
}

pub fn routes() -> Vec<Route> {
    vec![
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/{table}",
                roles: READERS,
                summary: "Tabelle als CSV (Excel), XLSX oder JSON: organizations, visits, contacts, inquiries (?format=csv|xlsx|json)",
                body: None,
            },
            handler: get(table),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/calendar/{calendar}",
                roles: READERS,
                summary: "Besuche oder Veranstaltungen als iCalendar-Datei (visits, gatherings)",
                body: None,
            },
            handler: get(calendar),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/events",
                roles: ADMINS,
                summary: "Das ganze Ereignisprotokoll als JSON Lines (personenbezogene Daten entschlüsselt, soweit der Schlüssel existiert)",
                body: None,
            },
            handler: get(events),
        },
    ]
}
