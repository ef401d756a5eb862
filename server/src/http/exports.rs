//! The export routes, so an office can take its data out while the server runs:
//! `GET /api/v1/exports/{table}?format=csv|xlsx|json` (organizations, visits, contacts,
//! inquiries; no personal data), `GET /api/v1/exports/calendar/{visits|gatherings}` (iCalendar)
//! and, for admins, `GET /api/v1/exports/events` (the log as JSON Lines with personal data
//! decrypted where the key still exists); and the address list for a purpose, `GET
//! /api/v1/address-lists?purpose=&gathering=&format=json|csv|xlsx` (`export::addresses`:
//! consent respected, every person listed written to the access log).

use axum::{
    Extension,
    extract::{Path, Query, State},
    http::Method,
    response::{IntoResponse, Response},
    routing::get,
};
use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ADMINS, ApiError, AppState, READERS, Route, RouteSpec, commands::wait_for_own_writes};
use crate::respond::attachment;
use wifo_app::access_log::AccessPurpose;
use wifo_app::auth::Caller;
use wifo_app::export::{
    CalendarKind, Table, TableFormat,
    addresses::{AddressList, address_list, address_sheet},
};
use wifo_app::roles::PERSON_READERS;
use wifo_domain::ids::GatheringId;

#[derive(Debug, Deserialize, schemars::JsonSchema)]
struct FormatParam {
    /// csv (Standard; Excel-tauglich, Semikolon, UTF-8 mit BOM), xlsx oder json.
    #[serde(default)]
    #[schemars(schema_with = "format_schema")]
    format: Option<String>,
}

/// The formats `?format=` names: those `TableFormat::parse` reads.
fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": TableFormat::NAMES})
}

async fn table(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
    Query(params): Query<FormatParam>,
) -> Result<Response, ApiError> {
    let Some(table) = Table::parse(&name) else {
        return Err(ApiError::NotFound(format!(
            "Export „{name}“ gibt es nicht; erlaubt: {}",
            Table::NAMES.join(", ")
        )));
    };
    let requested = params.format.as_deref().unwrap_or("csv");
    let Some(format) = TableFormat::parse(requested) else {
        return Err(ApiError::BadRequest(format!(
            "format: „{requested}“ – erlaubt sind csv, xlsx oder json"
        )));
    };
    wait_for_own_writes(&state, &caller, None).await?;
    let sheet = table.sheet(&state.projections.read());
    let bytes = wifo_app::export::table_bytes(std::slice::from_ref(&sheet), format)?;
    Ok(attachment(
        format.media_type(),
        &format!("{}.{}", sheet.name.to_lowercase(), format.extension()),
        bytes,
    ))
}

async fn calendar(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let Some(of) = CalendarKind::parse(&name) else {
        return Err(ApiError::NotFound(format!(
            "Kalender „{name}“ gibt es nicht; erlaubt: visits, gatherings"
        )));
    };
    wait_for_own_writes(&state, &caller, None).await?;
    let (title, entries) = wifo_app::export::calendar(&state.projections.read(), of);
    let text = wifo_exchange::export::ics::calendar(title, &entries);
    Ok(attachment(
        "text/calendar; charset=utf-8",
        &format!("wifo-{name}.ics"),
        text.into_bytes(),
    ))
}

async fn events(State(state): State<AppState>) -> Result<Response, ApiError> {
    let mut bytes = Vec::new();
    wifo_app::export::events_jsonl(&state.data.store, &state.data.codec, &mut bytes).await?;
    Ok(attachment(
        "application/x-ndjson",
        "wifo-ereignisse.jsonl",
        bytes,
    ))
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct AddressParams {
    /// Wozu die Liste dient (Pflicht; wird protokolliert): casework, invitation, newsletter
    /// oder evaluation. Einladungen und Newsletter zeigen Kontaktdaten nur mit Einwilligung.
    #[schemars(schema_with = "purpose_schema")]
    purpose: Option<String>,
    /// Nur die Gäste dieser Veranstaltung (eingeladene Personen und die Personen eingeladener
    /// Organisationen).
    gathering: Option<String>,
    /// json (Standard), csv (Excel-tauglich) oder xlsx.
    #[serde(default)]
    #[schemars(schema_with = "format_schema")]
    format: Option<String>,
}

/// The purposes an address list may be opened for.
fn purpose_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let codes: Vec<&str> = AccessPurpose::FOR_EXPORTS
        .iter()
        .map(|purpose| purpose.code())
        .collect();
    schemars::json_schema!({"type": "string", "enum": codes})
}

async fn addresses(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<AddressParams>,
) -> Result<Response, ApiError> {
    let allowed = AccessPurpose::FOR_EXPORTS
        .map(AccessPurpose::code)
        .join(", ");
    let purpose = params
        .purpose
        .as_deref()
        .and_then(|code| AccessPurpose::parse(code).ok())
        .filter(|purpose| AccessPurpose::FOR_EXPORTS.contains(purpose))
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "purpose: bitte angeben, wozu die Liste dient – erlaubt sind {allowed}"
            ))
        })?;
    let gathering = match params.gathering.as_deref() {
        None => None,
        Some(text) => {
            let id = GatheringId::parse(text)
                .map_err(|error| ApiError::BadRequest(format!("gathering: {error}")))?;
            if !state.projections.read().gatherings.contains_key(&id) {
                return Err(ApiError::NotFound(format!(
                    "Veranstaltung {id} ist nicht erfasst."
                )));
            }
            Some(id)
        }
    };
    let requested = params.format.as_deref().unwrap_or("json");
    let Some(format) = TableFormat::parse(requested) else {
        return Err(ApiError::BadRequest(format!(
            "format: „{requested}“ – erlaubt sind json, csv oder xlsx"
        )));
    };
    wait_for_own_writes(&state, &caller, None).await?;
    let list: AddressList = address_list(
        &state.data,
        &state.projections,
        &caller,
        purpose,
        gathering,
        "GET /api/v1/address-lists",
    )
    .await?;
    if format == TableFormat::Json {
        return Ok(axum::Json(list).into_response());
    }
    let sheet = address_sheet(&list);
    let bytes = wifo_app::export::table_bytes(std::slice::from_ref(&sheet), format)?;
    Ok(attachment(
        format.media_type(),
        &format!("anschriften-{}.{}", purpose.code(), format.extension()),
        bytes,
    ))
}

pub(crate) fn routes() -> Vec<Route> {
    vec![
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/{table}",
                roles: READERS,
                summary: "Tabelle als CSV (Excel), XLSX oder JSON: organizations, visits, contacts, inquiries (?format=csv|xlsx|json)",
                body: None,
                doc: Default::default(),
            }
            .with_query::<FormatParam>()
            .answering_json_or::<Vec<BTreeMap<String, serde_json::Value>>>(&[
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]),
            handler: get(table),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/calendar/{calendar}",
                roles: READERS,
                summary: "Besuche oder Veranstaltungen als iCalendar-Datei (visits, gatherings)",
                body: None,
                doc: Default::default(),
            }
            .answering_media(&["text/calendar"]),
            handler: get(calendar),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/exports/events",
                roles: ADMINS,
                summary: "Das ganze Ereignisprotokoll als JSON Lines (personenbezogene Daten entschlüsselt, soweit der Schlüssel existiert)",
                body: None,
                doc: Default::default(),
            }
            .answering_media(&["application/x-ndjson"]),
            handler: get(events),
        },
        Route {
            spec: RouteSpec {
                method: Method::GET,
                path: "/api/v1/address-lists",
                roles: PERSON_READERS,
                summary: "Anschriftenliste für einen Zweck (?purpose=&gathering=&format=json|csv|xlsx): Kontaktdaten nur, wo die Einwilligung vorliegt; jeder Abruf wird protokolliert",
                body: None,
                doc: Default::default(),
            }
            .with_query::<AddressParams>()
            .answering_json_or::<AddressList>(&[
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ]),
            handler: get(addresses),
        },
    ]
}
