//! Operations endpoints: `/healthz` (the process runs), `/readyz` (the views have caught up with
//! the log), `/metrics` (Prometheus text format) and the OpenAPI document.

use std::sync::atomic::Ordering;

use axum::{
    Json,
    extract::{Request, State},
    http::{Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
};
use wifo_store::EventStore;

use super::{AppState, PUBLIC, Route, RouteSpec};

pub(crate) async fn count_requests(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    state.metrics.requests.fetch_add(1, Ordering::Relaxed);
    if response.status().is_client_error() {
        state.metrics.client_errors.fetch_add(1, Ordering::Relaxed);
    } else if response.status().is_server_error() {
        state.metrics.server_errors.fetch_add(1, Ordering::Relaxed);
    }
    response
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> Response {
    if let Err(error) = state.data.store.ready().await
        && error.is_storage_failure()
    {
        tracing::warn!(%error, "not ready: storage takes no writes");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "30")],
            "Datenträger nimmt keine Schreibvorgänge an",
        )
            .into_response();
    }
    match state.data.store.head().await {
        Ok(head) if state.projections.position() >= head => (StatusCode::OK, "ok").into_response(),
        Ok(_) => (StatusCode::SERVICE_UNAVAILABLE, "Ansichten holen auf").into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Ereignisspeicher nicht erreichbar",
        )
            .into_response(),
    }
}

async fn metrics(State(state): State<AppState>) -> Response {
    let (events, organizations) = {
        let views = state.projections.read();
        (views.events, views.organizations.len())
    };
    let head = state
        .data
        .store
        .head()
        .await
        .map(|head| head.0)
        .unwrap_or_default();
    let text = format!(
        "# HELP wifo_http_requests_total HTTP requests answered.\n\
         # TYPE wifo_http_requests_total counter\n\
         wifo_http_requests_total {}\n\
         # HELP wifo_http_client_errors_total Answers with a 4xx status.\n\
         # TYPE wifo_http_client_errors_total counter\n\
         wifo_http_client_errors_total {}\n\
         # HELP wifo_http_server_errors_total Answers with a 5xx status.\n\
         # TYPE wifo_http_server_errors_total counter\n\
         wifo_http_server_errors_total {}\n\
         # HELP wifo_log_position Newest position in the event log.\n\
         # TYPE wifo_log_position gauge\n\
         wifo_log_position {head}\n\
         # HELP wifo_views_position Newest position the views include.\n\
         # TYPE wifo_views_position gauge\n\
         wifo_views_position {}\n\
         # HELP wifo_views_events Events applied to the views.\n\
         # TYPE wifo_views_events gauge\n\
         wifo_views_events {events}\n\
         # HELP wifo_organizations Organizations known to the views.\n\
         # TYPE wifo_organizations gauge\n\
         wifo_organizations {organizations}\n",
        state.metrics.requests.load(Ordering::Relaxed),
        state.metrics.client_errors.load(Ordering::Relaxed),
        state.metrics.server_errors.load(Ordering::Relaxed),
        state.projections.position().0,
    );
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

async fn openapi() -> Json<serde_json::Value> {
    Json(super::openapi::document())
}

pub(super) fn routes() -> Vec<Route> {
    let spec = |path, summary| RouteSpec {
        method: Method::GET,
        path,
        roles: PUBLIC,
        summary,
        body: None,
        doc: Default::default(),
    };
    vec![
        Route {
            spec: spec("/healthz", "Prozess läuft").answering_media(&["text/plain"]),
            handler: get(healthz),
        },
        Route {
            spec: spec("/readyz", "Ansichten sind auf dem Stand des Protokolls")
                .answering_media(&["text/plain"]),
            handler: get(readyz),
        },
        Route {
            spec: spec("/metrics", "Kennzahlen im Prometheus-Format")
                .answering_media(&["text/plain"]),
            handler: get(metrics),
        },
        Route {
            spec: spec("/api/v1/openapi.json", "Dieses OpenAPI-Dokument")
                .answering_media(&["application/json"]),
            handler: get(openapi),
        },
    ]
}
