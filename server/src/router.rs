//! The whole HTTP surface in one router: every API route behind its role check
//! (`http::authorize`), the web pages (`ui::router`), and the layers every answer passes —
//! problem documents for plain errors, request counters, the body limit and the security
//! headers.

use axum::response::IntoResponse;
use axum::{
    Router,
    extract::DefaultBodyLimit,
    http::{HeaderName, HeaderValue, header},
    middleware,
};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::{AppState, BODY_LIMIT};

/// The router of the API and the pages.
pub fn app(mut state: AppState) -> Router {
    state.printable_report = Some(crate::ui::privacy_report_page);
    let mut router = Router::new();
    for route in crate::http::routes() {
        let roles = route.spec.roles;
        let handler = route.handler.route_layer(middleware::from_fn_with_state(
            (state.clone(), roles),
            crate::http::authorize,
        ));
        router = router.route(route.spec.path, handler);
    }
    router = router.merge(crate::ui::router(state.clone()));
    router
        .fallback(|uri: axum::http::Uri| async move {
            // The API answers a problem; a browser gets the German page.
            if uri.path().starts_with("/api/") {
                crate::http::ApiError::NotFound("Diese Adresse gibt es nicht.".into())
                    .into_response()
            } else {
                crate::ui::not_found_page()
            }
        })
        .layer(middleware::from_fn(
            crate::http::problem::plain_errors_as_problems,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            crate::http::count_requests,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        // A route may set a narrower policy of its own (the HTML report allows its inline CSS).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}
