//! The lead's workplace: the dashboard with the key figures of the running year against the same
//! days a year earlier and two SVG charts, the drill-down lists behind the figures, the
//! cooperation board with a page per cooperation, and links to the analytics reports.

mod board;
mod cooperation;
mod dashboard;
mod lists;

use axum::{http::Method, routing::get};

use super::{LEADS, page};
use crate::routes::Route;
use wifo_app::roles::{READERS, REPORT_READERS};

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/leitung",
            LEADS,
            "Kennzahlen des Jahres gegen das Vorjahr",
            get(dashboard::dashboard),
        ),
        page(
            Method::GET,
            "/leitung/liste",
            LEADS,
            "Liste hinter einer Kennzahl",
            get(lists::drill_down),
        ),
        page(
            Method::GET,
            "/kooperationen",
            REPORT_READERS,
            "Kooperationen und Meilensteine",
            get(board::board),
        ),
        page(
            Method::GET,
            "/kooperationen/{id}",
            READERS,
            "Eine Kooperationsvereinbarung mit Meilensteinen und Verlauf",
            get(cooperation::show),
        ),
    ]
}
