//! The public face over the API: the Handreichung and the Ansprechpartner as the public pages
//! show them (no login), everything written for them for admins (public or not), and one's own
//! contact publication (`/api/v1/me/publication`, the caller's own only).

use axum::{
    Extension, Json,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use wifo_domain::{
    public::{Public, PublicCommand, PublishContact, WithdrawContact},
    values::{Email, Phone},
};
use wifo_projections::{
    queries::guide::{self, ShownPerson, ShownTopic},
    views::public::PublicView,
};

use super::{
    ADMINS, ApiError, AppState, PUBLIC, READERS, Route, RouteSpec, commands::CommandAnswer,
    commands::require_json, commands::wait_for_own_writes,
};
use wifo_app::auth::Caller;

/// The Handreichung and the Ansprechpartner, as published.
#[derive(Serialize, JsonSchema)]
struct GuideAnswer {
    topics: Vec<ShownTopic>,
    people: Vec<ShownPerson>,
}

async fn published(State(state): State<AppState>) -> Json<GuideAnswer> {
    let views = state.projections.read();
    Json(GuideAnswer {
        topics: guide::guide(&views),
        people: guide::people(&views),
    })
}

async fn everything(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<PublicView>, ApiError> {
    wait_for_own_writes(&state, &caller, None).await?;
    Ok(Json(state.projections.read().public.clone()))
}

/// The contact details to publish; at least one of them.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct OwnPublication {
    phone: Option<Phone>,
    email: Option<Email>,
}

async fn run(
    state: &AppState,
    caller: &Caller,
    command: PublicCommand,
) -> Result<Response, ApiError> {
    let outcome = state
        .office
        .execute::<Public>(caller, &command, None)
        .await?;
    Ok(Json(CommandAnswer::of(caller.user.as_str(), &outcome)).into_response())
}

async fn publish(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let own: OwnPublication = super::strict::read_body(&body)?;
    let command = PublicCommand::Publish(PublishContact {
        user: caller.user.clone(),
        phone: own.phone,
        email: own.email,
    });
    run(&state, &caller, command).await
}

async fn withdraw(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Response, ApiError> {
    let command = PublicCommand::Withdraw(WithdrawContact {
        user: caller.user.clone(),
    });
    run(&state, &caller, command).await
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |method, path, roles, summary| RouteSpec {
        method,
        path,
        roles,
        summary,
        body: None,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/guide",
                PUBLIC,
                "Handreichung und Ansprechpartner, wie veröffentlicht (ohne Anmeldung)",
            )
            .answering::<GuideAnswer>(),
            handler: get(published),
        },
        Route {
            spec: spec(
                Method::GET,
                "/api/v1/guide/all",
                ADMINS,
                "Alles für die Handreichung Geschriebene, auch nicht Öffentliches",
            )
            .answering::<PublicView>(),
            handler: get(everything),
        },
        Route {
            spec: RouteSpec {
                body: Some("OwnPublication"),
                ..spec(
                    Method::POST,
                    "/api/v1/me/publication",
                    READERS,
                    "Eigene Kontaktdaten veröffentlichen (eigene Einwilligung)",
                )
            }
            .with_body::<OwnPublication>()
            .answering::<CommandAnswer>(),
            handler: post(publish),
        },
        Route {
            spec: spec(
                Method::POST,
                "/api/v1/me/publication/withdraw",
                READERS,
                "Veröffentlichung der eigenen Kontaktdaten zurückziehen",
            )
            .answering::<CommandAnswer>(),
            handler: post(withdraw),
        },
    ]
}
