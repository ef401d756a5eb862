//! The Bürgerbüro over the API: `POST /api/v1/citizens-office/inquiries` enters an inquiry for a
//! business with the public form's fields, checks and routing (`wifo_app::public_inquiry`,
//! found via the Bürgerbüro, the caller named as receiver) and answers the reference to give the
//! business; `GET` the same path lists what the caller entered, with its status.

use axum::{
    Extension, Json,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use wifo_app::{
    auth::Caller,
    public_inquiry::{Entry, InquiryForm, SubmitError, submit},
    roles::CITIZENS_OFFICE,
};
use wifo_domain::submission::Reference;
use wifo_projections::queries::entered::{EnteredInquiry, entered_by};

use super::{
    ApiError, AppState, Route, RouteSpec,
    commands::{require_json, wait_for_own_writes},
};

/// A business's inquiry as the Bürgerbüro takes it down; the same fields and limits as the
/// public form (`/anfrage`).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct CitizensOfficeInquiry {
    /// Name des Betriebs, höchstens 200 Zeichen.
    business: String,
    /// Ansprechperson im Betrieb, höchstens 200 Zeichen.
    contact_person: String,
    /// E-Mail-Adresse (E-Mail oder Telefon ist nötig).
    #[serde(default)]
    email: String,
    /// Telefonnummer (E-Mail oder Telefon ist nötig).
    #[serde(default)]
    phone: String,
    /// Straße und Hausnummer, freiwillig.
    #[serde(default)]
    street: String,
    /// Postleitzahl des Betriebs, fünf Ziffern.
    postal_code: String,
    /// Thema der Handreichung (Schlüssel eines öffentlichen Themas).
    topic: String,
    /// Das Anliegen, höchstens 5.000 Zeichen, ohne HTML.
    description: String,
    /// Die Ansprechperson hat dem Datenschutzhinweis zugestimmt.
    consent: bool,
}

#[derive(Serialize, JsonSchema)]
struct Entered {
    /// Das Aktenzeichen für den Betrieb.
    reference: Reference,
}

#[derive(Serialize, JsonSchema)]
struct EnteredList {
    entries: Vec<EnteredInquiry>,
}

async fn enter(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let sent: CitizensOfficeInquiry = super::strict::read_body(&body)?;
    let form = InquiryForm {
        business: sent.business,
        contact: sent.contact_person,
        email: sent.email,
        phone: sent.phone,
        street: sent.street,
        postal_code: sent.postal_code,
        topic: sent.topic,
        description: sent.description,
        found_via: String::new(),
        consent: sent.consent,
    };
    let today = chrono::Local::now().date_naive();
    match submit(&state.office, &form, today, Entry::CitizensOffice(&caller)).await {
        Ok(reference) => Ok((StatusCode::CREATED, Json(Entered { reference })).into_response()),
        Err(SubmitError::Invalid(errors)) => Err(ApiError::BadRequest(
            errors
                .into_iter()
                .map(|(field, message)| format!("{field}: {message}"))
                .collect::<Vec<_>>()
                .join(" "),
        )),
        Err(SubmitError::Failed(error)) => Err(error.into()),
    }
}

async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<EnteredList>, ApiError> {
    wait_for_own_writes(&state, &caller, None).await?;
    Ok(Json(EnteredList {
        entries: entered_by(&state.projections.read(), &caller.user),
    }))
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |method, summary| RouteSpec {
        method,
        path: "/api/v1/citizens-office/inquiries",
        roles: CITIZENS_OFFICE,
        summary,
        body: None,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(
                Method::GET,
                "Bürgerbüro: die selbst erfassten Anfragen mit ihrem Stand",
            )
            .answering::<EnteredList>(),
            handler: get(list),
        },
        Route {
            spec: RouteSpec {
                body: Some("CitizensOfficeInquiry"),
                ..spec(
                    Method::POST,
                    "Bürgerbüro: Anfrage eines Betriebs erfassen (wird wie das Online-Formular zugeteilt)",
                )
            }
            .with_body::<CitizensOfficeInquiry>()
            .answering::<Entered>()
            .creating(),
            handler: post(enter),
        },
    ]
}
