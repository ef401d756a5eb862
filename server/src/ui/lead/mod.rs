//! The lead's workplace: the dashboard with this year's key figures against last year's and two
//! SVG charts, the drill-down lists behind the figures, the cooperation board, and links to the
//! analytics reports.

mod board;
mod dashboard;
mod lists;

use axum::{http::Method, routing::get};

use super::{LEADS, page};
use crate::routes::Route;
use wifo_app::roles::REPORT_READERS;

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
    ]
}
