//! The Handreichung as businesses read it: every public topic with its guidance, the offices
//! responsible and the people who answer it, a page per topic with the link to ask, and the
//! same as a two-page A4 flyer (print stylesheet) with a short link and its QR code per topic,
//! which count an inquiry from it as coming from the flyer. The QR code is drawn here as inline
//! SVG (`qrcode`), so the flyer prints without loading anything.

use askama::Template;
use axum::{
    extract::{Path, State},
    http::HeaderMap,
    response::{IntoResponse, Redirect, Response},
};
use wifo_projections::queries::guide::{self, ShownTopic};

use crate::state::AppState;
use crate::ui::{
    pages::{self, Chrome},
    texts,
};

#[derive(Template)]
#[template(path = "public_guide.html")]
struct GuidePage {
    page: Chrome,
    t: texts::Texts,
    /// Each topic with, on the flyer, its link to ask and that link's QR code as SVG.
    topics: Vec<(ShownTopic, String, String)>,
    flyer: bool,
}

/// The address the flyer prints: the host the page was asked for, with the scheme the office
/// serves (`https` behind TLS, as `--secure-cookies` says).
fn base(headers: &HeaderMap, secure: bool) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|value| value.to_str().ok())
        .filter(|host| {
            host.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("{}://{host}/themen", if secure { "https" } else { "http" })
}

/// `address` as a QR code in inline SVG (without the XML declaration), black on white, with a
/// title for screen readers; empty if the address cannot be encoded.
fn qr_svg(address: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(address.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(132, 132)
        .build();
    match svg.find("<svg") {
        Some(start) => svg[start..].replacen(
            "<svg ",
            &format!(r#"<svg role="img" aria-label="QR-Code: {address}" "#),
            1,
        ),
        None => String::new(),
    }
}

fn shown(state: &AppState, headers: &HeaderMap, flyer: bool) -> Response {
    let topics = guide::guide(&state.projections.read());
    let title = if flyer {
        texts::get("public.flyer_title")
    } else {
        texts::get("public.guide_title")
    };
    let base = base(headers, state.config.secure_cookies);
    let topics = topics
        .into_iter()
        .map(|topic| {
            if !flyer {
                return (topic, String::new(), String::new());
            }
            let ask = format!("{base}/{}?quelle=flyer", topic.code);
            let qr = qr_svg(&ask);
            (topic, ask, qr)
        })
        .collect();
    pages::ok(&GuidePage {
        page: Chrome::anonymous(title),
        t: texts::Texts,
        topics,
        flyer,
    })
}

pub(super) async fn guide(State(state): State<AppState>, headers: HeaderMap) -> Response {
    shown(&state, &headers, false)
}

pub(super) async fn flyer(State(state): State<AppState>, headers: HeaderMap) -> Response {
    shown(&state, &headers, true)
}

#[derive(Template)]
#[template(path = "public_topic.html")]
struct TopicPage {
    page: Chrome,
    t: texts::Texts,
    topic: ShownTopic,
    ask: String,
}

#[derive(serde::Deserialize, Default)]
pub(super) struct Source {
    quelle: Option<String>,
}

/// A topic's page; a topic that is not (or no longer) public leads to the overview, so an old
/// flyer's link still helps.
pub(super) async fn topic(
    State(state): State<AppState>,
    Path(code): Path<String>,
    axum::extract::Query(source): axum::extract::Query<Source>,
) -> Response {
    let Some(topic) = guide::topic(&state.projections.read(), &code) else {
        return Redirect::to("/themen").into_response();
    };
    let mut ask = format!("/anfrage?thema={}", topic.code);
    if source.quelle.as_deref() == Some("flyer") {
        ask.push_str("&quelle=flyer");
    }
    pages::ok(&TopicPage {
        page: Chrome::anonymous(topic.name.clone()),
        t: texts::Texts,
        topic,
        ask,
    })
}
