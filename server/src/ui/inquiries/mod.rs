//! Inquiries: the queue of open ones (overdue first), taking a new one (also forwarded by a
//! Bürgerbüro, the Ordnungsamt or a chamber), and the inquiry page with its next steps: take it
//! over, refer it to an office, record the office's answer, answer and close it. A closed
//! inquiry leaves the queue.

mod handle;
mod history;
mod queue;
mod receive;
mod steps;

use axum::{
    http::Method,
    routing::{get, post},
};

use super::page;
use crate::routes::Route;
use wifo_app::roles::{INQUIRY_READERS, STAFF};

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/anliegen",
            INQUIRY_READERS,
            "Offene Anliegen (überfällige zuerst)",
            get(queue::queue),
        ),
        page(
            Method::GET,
            "/anliegen/neu",
            STAFF,
            "Formular: Anliegen aufnehmen",
            get(receive::new_form),
        ),
        page(
            Method::POST,
            "/anliegen/neu",
            STAFF,
            "Anliegen aufnehmen",
            post(receive::receive),
        ),
        page(
            Method::GET,
            "/anliegen/{id}",
            INQUIRY_READERS,
            "Anliegen mit nächsten Schritten",
            get(handle::show),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/uebernehmen",
            STAFF,
            "Anliegen übernehmen",
            post(steps::assign),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/weiterleiten",
            STAFF,
            "An ein Amt weiterleiten",
            post(steps::refer),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/amtsantwort",
            STAFF,
            "Antwort des Amtes erfassen",
            post(steps::answer_referral),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/wiedereroeffnen",
            STAFF,
            "Abgeschlossenes Anliegen wiedereröffnen",
            post(steps::reopen),
        ),
        page(
            Method::POST,
            "/anliegen/{id}/abschliessen",
            STAFF,
            "Beantworten und abschließen",
            post(steps::answer_and_close),
        ),
    ]
}
