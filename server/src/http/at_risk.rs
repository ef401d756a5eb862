//! `GET /api/v1/at-risk`: the at-risk list (`wifo_projections::queries::at_risk`) — businesses
//! whose latest visit raised a red flag without a completed follow-up — for the whole office or
//! (`?user=`) the businesses one staff member is responsible for.

use axum::{
    Extension, Json,
    extract::{Query, State},
    http::Method,
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use wifo_app::{auth::Caller, roles::INQUIRY_READERS};
use wifo_domain::values::UserName;
use wifo_projections::queries::at_risk::{AtRisk, at_risk};

use super::views::{bad, ready, today};
use super::{ApiError, AppState, Route, RouteSpec};

#[derive(Deserialize, Default, schemars::JsonSchema)]
struct AtRiskParams {
    /// Nur Betriebe, für die dieser Benutzer zuständig ist (Betreuer/in, sonst wer besucht hat).
    #[schemars(with = "Option<UserName>")]
    user: Option<String>,
    /// Stichtag (Standard: heute); Besuche danach zählen noch nicht.
    today: Option<NaiveDate>,
    /// Erst antworten, wenn die Ansichten diese Protokollposition enthalten.
    wait_for: Option<u64>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct AtRiskAnswer {
    today: NaiveDate,
    /// Älteste Besuche zuerst.
    entries: Vec<AtRisk>,
}

async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<AtRiskParams>,
) -> Result<Response, ApiError> {
    ready(&state, &caller, params.wait_for).await?;
    let user = params
        .user
        .as_deref()
        .map(UserName::parse)
        .transpose()
        .map_err(|e| bad("user", e))?;
    let day = today(params.today);
    let entries = at_risk(&state.projections.read(), day, user.as_ref());
    Ok(Json(AtRiskAnswer {
        today: day,
        entries,
    })
    .into_response())
}

pub(super) fn routes() -> Vec<Route> {
    vec![Route {
        spec: RouteSpec {
            method: Method::GET,
            path: "/api/v1/at-risk",
            roles: INQUIRY_READERS,
            summary: "Gefährdete Betriebe: rote Flaggen des letzten Besuchs ohne erledigte Wiedervorlage",
            body: None,
            doc: Default::default(),
        }
        .with_query::<AtRiskParams>()
        .answering::<AtRiskAnswer>(),
        handler: get(list),
    }]
}
