//! The data-protection pages (the data-protection officer, role `datenschutz`, and admins): a
//! person's access export and erasure (`access.rs`), the retention review (`retention.rs`), the
//! access log (`log.rs`), the records of processing (`processing.rs`) and the erasure of a
//! public-form sender on request (`senders.rs`).

mod access;
mod log;
mod processing;
mod retention;
mod senders;

use axum::{
    http::Method,
    routing::{get, post},
};
use wifo_app::roles::PRIVACY;

use super::page;
use crate::routes::Route;

pub(crate) use access::report_page;

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/verwaltung/datenschutz",
            PRIVACY,
            "Person finden, Auskunft über sie (Art. 15 DSGVO)",
            get(access::show),
        ),
        page(
            Method::POST,
            "/verwaltung/datenschutz/{id}/loeschen",
            PRIVACY,
            "Personenbezogene Daten löschen (Art. 17 DSGVO)",
            post(access::erase),
        ),
        page(
            Method::GET,
            "/datenschutz/aufbewahrung",
            PRIVACY,
            "Aufbewahrung: Personen, deren Frist abgelaufen ist",
            get(retention::show),
        ),
        page(
            Method::POST,
            "/datenschutz/aufbewahrung",
            PRIVACY,
            "Ausgewählte Personen nach Ablauf der Frist löschen",
            post(retention::erase),
        ),
        page(
            Method::GET,
            "/datenschutz/absender",
            PRIVACY,
            "Absenderdaten eines Anliegens aus dem Online-Formular löschen (Art. 17 DSGVO)",
            get(senders::show),
        ),
        page(
            Method::POST,
            "/datenschutz/absender",
            PRIVACY,
            "Absenderdaten eines Anliegens aus dem Online-Formular löschen (Art. 17 DSGVO)",
            post(senders::erase),
        ),
        page(
            Method::GET,
            "/datenschutz/zugriffe",
            PRIVACY,
            "Zugriffsprotokoll",
            get(log::show),
        ),
        page(
            Method::GET,
            "/datenschutz/verzeichnis",
            PRIVACY,
            "Verzeichnis der Verarbeitungstätigkeiten (Art. 30 DSGVO)",
            get(processing::show),
        ),
    ]
}
