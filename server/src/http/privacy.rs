//! The data-protection routes (role `datenschutz` and admins): the access log (`GET
//! /api/v1/privacy/access-log[?person=ID]`, with the check of its hash chain), the retention
//! review (`GET /api/v1/privacy/retention`), the records of processing (`GET
//! /api/v1/privacy/processing`, Art. 30), a person's access export (`GET
//! /api/v1/persons/{id}/export`, Art. 15, as JSON or `?format=html` as the printable page) and
//! the erasures (`POST /api/v1/persons/{id}/erase` and, for a public-form sender, `POST
//! /api/v1/inquiries/{id}/erase-sender`, Art. 17: event plus key deletion). What they
//! answer is `wifo_app::privacy`; these handlers translate.

use axum::{
    Extension, Json,
    body::Bytes,
    extract::{Path, Query, State},
    http::{HeaderMap, Method},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use wifo_app::{
    access_log::AccessEntry,
    auth::Caller,
    privacy::{
        access_report::{AccessReport, access_report},
        processing::{Activity, CONTROLLER_NOTE, activities},
        retention::{RetentionCase, RetentionPeriods, review},
        senders::{SenderCase, review_senders},
    },
    roles::PRIVACY,
};
use wifo_domain::{
    ids::{InquiryId, PersonId},
    person::ErasureReason,
};
use wifo_store::CommandContext;

use super::views::{bad, ready, today};
use super::{ApiError, AppState, Route, RouteSpec};

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct LogParams {
    /// Nur die Einträge über diese Person (Kennung).
    person: Option<String>,
    /// Höchstens so viele Einträge, die neuesten zuerst (Standard 500).
    #[schemars(range(min = 1, max = 10000))]
    limit: Option<usize>,
}

#[derive(Serialize, JsonSchema)]
struct LogAnswer {
    /// Einträge, die die Prüfsummenkette bestätigt (alle, sonst ist die Antwort ein Fehler).
    verified: u64,
    entries: Vec<AccessEntry>,
}

async fn access_log(
    State(state): State<AppState>,
    Extension(_caller): Extension<Caller>,
    Query(params): Query<LogParams>,
) -> Result<Response, ApiError> {
    let person = match params.person.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(PersonId::parse(text).map_err(|error| bad("person", error))?),
    };
    let limit = params.limit.unwrap_or(500);
    if !(1..=10_000).contains(&limit) {
        return Err(bad("limit", "erwartet 1 bis 10000"));
    }
    let verified = state.data.access.verify()?;
    let entries = state
        .data
        .access
        .entries(person.map(|person| person.as_uuid()), limit)?;
    Ok(Json(LogAnswer { verified, entries }).into_response())
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct WaitParams {
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

#[derive(Serialize, JsonSchema)]
struct RetentionAnswer {
    periods: RetentionPeriods,
    /// Die Personen, deren Frist abgelaufen ist, die am längsten fälligen zuerst.
    cases: Vec<RetentionCase>,
    /// Die Absenderinnen und Absender abgeschlossener Anliegen aus dem Online-Formular, deren
    /// Frist abgelaufen ist, die am längsten fälligen zuerst.
    senders: Vec<SenderCase>,
}

async fn retention(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<WaitParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let periods = state.office.retention;
    let (cases, senders) = {
        let views = state.projections.read();
        (
            review(&views, &periods, today(None)),
            review_senders(&views, &periods, today(None)),
        )
    };
    Ok(Json(RetentionAnswer {
        periods,
        cases,
        senders,
    })
    .into_response())
}

#[derive(Serialize, JsonSchema)]
struct ProcessingAnswer {
    activities: Vec<Activity>,
    /// Was die Dienststelle ergänzt.
    note: &'static str,
}

async fn processing(State(state): State<AppState>) -> Response {
    Json(ProcessingAnswer {
        activities: activities(&state.office.retention),
        note: CONTROLLER_NOTE,
    })
    .into_response()
}

/// The export as JSON or as the printable page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum ExportFormat {
    #[default]
    Json,
    Html,
}

#[derive(Deserialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExportParams {
    /// `json` (Standard) oder `html`: die druckbare Auskunft.
    format: Option<ExportFormat>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

async fn export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Query(params): Query<ExportParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let person = PersonId::parse(&id).map_err(|error| bad("id", error))?;
    let Some(report) = access_report(
        &state.data,
        &state.projections,
        &caller,
        person,
        "GET /api/v1/persons/{id}/export",
    )
    .await?
    else {
        return Err(ApiError::NotFound(format!(
            "Person {person} ist nicht erfasst."
        )));
    };
    Ok(match params.format.unwrap_or_default() {
        ExportFormat::Json => Json::<AccessReport>(report).into_response(),
        ExportFormat::Html => match state.printable_report {
            Some(render) => render(&caller, &report),
            None => {
                return Err(ApiError::Unavailable(
                    "Die druckbare Auskunft ist in diesem Server nicht eingerichtet.".to_owned(),
                ));
            }
        },
    })
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct Erasure {
    reason: ErasureReason,
    erased_on: Option<NaiveDate>,
}

/// An erased person's answer.
#[derive(Serialize, JsonSchema)]
struct Erased {
    person: PersonId,
    position: u64,
    erased: bool,
}

async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(person): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let erasure: Erasure = super::users::parse_body(&headers, &body)?;
    let person =
        PersonId::parse(&person).map_err(|error| ApiError::BadRequest(error.to_string()))?;
    if !state.projections.read().persons.contains_key(&person) {
        return Err(ApiError::NotFound(format!(
            "Person {person} ist nicht erfasst."
        )));
    }
    let context = CommandContext::now(caller.user.as_str());
    let position = wifo_app::privacy::erase_person(
        &state.data,
        person,
        erasure.erased_on.unwrap_or(today(None)),
        erasure.reason,
        &context,
    )
    .await?;
    state.office.remember(&caller, position);
    Ok(Json(Erased {
        person,
        position: position.0,
        erased: true,
    })
    .into_response())
}

/// An erased sender's answer.
#[derive(Serialize, JsonSchema)]
struct SenderErased {
    inquiry: InquiryId,
    position: u64,
    erased: bool,
}

async fn erase_sender(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(inquiry): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let erasure: Erasure = super::users::parse_body(&headers, &body)?;
    let inquiry =
        InquiryId::parse(&inquiry).map_err(|error| ApiError::BadRequest(error.to_string()))?;
    let submitted = state
        .projections
        .read()
        .inquiries
        .get(&inquiry)
        .map(|found| found.submitted);
    match submitted {
        None => {
            return Err(ApiError::NotFound(format!(
                "Anliegen {inquiry} ist nicht erfasst."
            )));
        }
        Some(false) => {
            return Err(ApiError::Rejected(
                wifo_domain::inquiry::InquiryError::NotSubmitted.to_string(),
            ));
        }
        Some(true) => {}
    }
    let context = CommandContext::now(caller.user.as_str());
    let position = wifo_app::privacy::senders::erase_sender(
        &state.data,
        inquiry,
        erasure.erased_on.unwrap_or(today(None)),
        erasure.reason,
        &context,
    )
    .await?;
    state.office.remember(&caller, position);
    Ok(Json(SenderErased {
        inquiry,
        position: position.0,
        erased: true,
    })
    .into_response())
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |method: Method, path, summary, body| RouteSpec {
        method,
        path,
        roles: PRIVACY,
        summary,
        body,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/privacy/access-log",
                "Zugriffsprotokoll: wer wann welche personenbezogenen Daten geöffnet hat",
                None,
            )
            .with_query::<LogParams>()
            .answering::<LogAnswer>(),
            handler: get(access_log),
        },
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/privacy/retention",
                "Aufbewahrung: Personen und Absenderdaten, deren Frist abgelaufen ist, mit dem Grund",
                None,
            )
            .with_query::<WaitParams>()
            .answering::<RetentionAnswer>(),
            handler: get(retention),
        },
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/privacy/processing",
                "Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO)",
                None,
            )
            .answering::<ProcessingAnswer>(),
            handler: get(processing),
        },
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/persons/{id}/export",
                "Auskunft über eine Person (Art. 15 DSGVO): alles, was wifo über sie hält",
                None,
            )
            .with_query::<ExportParams>()
            .answering_json_or::<AccessReport>(&["text/html"]),
            handler: get(export),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/persons/{id}/erase",
                "Person löschen (DSGVO Art. 17)",
                Some("Erasure"),
            )
            .with_body::<Erasure>()
            .answering::<Erased>(),
            handler: post(erase),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/inquiries/{id}/erase-sender",
                "Absenderdaten eines Anliegens aus dem Online-Formular löschen (DSGVO Art. 17)",
                Some("Erasure"),
            )
            .with_body::<Erasure>()
            .answering::<SenderErased>(),
            handler: post(erase_sender),
        },
    ]
}
