//! The public face, without login: the Handreichung (`/themen`, a topic's page and the printable
//! flyer), the Ansprechpartner (`/ansprechpartner`) and the inquiry form (`/anfrage`). Only what
//! an admin or the staff member marked public is shown (`wifo_projections::queries::guide`).
//! Also here, for every logged-in user: publishing or withdrawing one's own contact details.

mod guide;
mod inquiry;
pub(super) use inquiry::inquiry_form;
mod people;
mod publish;

use axum::{
    http::Method,
    routing::{get, post},
};

use super::page;
use crate::routes::Route;
use wifo_app::roles::{PUBLIC, READERS};

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/themen",
            PUBLIC,
            "Handreichung: Themen für Betriebe",
            get(guide::guide),
        ),
        page(
            Method::GET,
            "/themen/flyer",
            PUBLIC,
            "Handreichung als Flyer zum Drucken",
            get(guide::flyer),
        ),
        page(
            Method::GET,
            "/themen/{id}",
            PUBLIC,
            "Ein Thema der Handreichung (?quelle=flyer zählt die Anfrage als vom Flyer)",
            get(guide::topic),
        ),
        page(
            Method::GET,
            "/ansprechpartner",
            PUBLIC,
            "Ansprechpartner nach Thema und Region",
            get(people::people),
        ),
        page(
            Method::GET,
            "/anfrage",
            PUBLIC,
            "Anfrage an die Wirtschaftsförderung",
            get(inquiry::form),
        ),
        page(
            Method::POST,
            "/anfrage",
            PUBLIC,
            "Anfrage absenden",
            post(inquiry::submit),
        ),
        page(
            Method::GET,
            "/konto/veroeffentlichung",
            READERS,
            "Eigene Kontaktdaten veröffentlichen",
            get(publish::show),
        ),
        page(
            Method::POST,
            "/konto/veroeffentlichung",
            READERS,
            "Eigene Kontaktdaten veröffentlichen oder zurückziehen",
            post(publish::change),
        ),
    ]
}
