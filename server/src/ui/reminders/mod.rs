//! Reminders on their own (Wiedervorlagen zu einer Organisation, einem Anliegen oder einer
//! Kooperation): the form that sets one for the record it is opened from, and the page of one
//! reminder with its history and the forms that change, complete or withdraw it (those forms
//! are lines of `ui::actions`).

mod new;
mod record;

use axum::{
    http::Method,
    routing::{get, post},
};

use super::page;
use crate::routes::Route;
use wifo_app::roles::{READERS, STAFF};

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/wiedervorlagen/neu",
            STAFF,
            "Wiedervorlage anlegen",
            get(new::form),
        ),
        page(
            Method::POST,
            "/wiedervorlagen/neu",
            STAFF,
            "Wiedervorlage anlegen",
            post(new::submit),
        ),
        page(
            Method::GET,
            "/wiedervorlagen/{id}",
            READERS,
            "Eine Wiedervorlage mit Verlauf",
            get(record::show),
        ),
    ]
}
