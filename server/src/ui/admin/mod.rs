//! The administration: users and their roles, the taxonomies (topics, offices, regions,
//! sectors), the Handreichung and the import upload with its dry run. The data-protection
//! pages are `ui::privacy`.

mod guide;
mod import;
mod taxonomies;
mod users;

use axum::{
    http::Method,
    routing::{get, post},
};

use super::{ADMINS, page};
use crate::routes::Route;

pub(super) fn routes() -> Vec<Route> {
    let mut routes = vec![
        page(
            Method::GET,
            "/verwaltung",
            ADMINS,
            "Benutzer und Rollen",
            get(users::users),
        ),
        page(
            Method::POST,
            "/verwaltung/benutzer",
            ADMINS,
            "Benutzer anlegen",
            post(users::create_user),
        ),
        page(
            Method::POST,
            "/verwaltung/rollen",
            ADMINS,
            "Rolle ändern",
            post(users::change_role),
        ),
        page(
            Method::POST,
            "/verwaltung/benutzer/sperren",
            ADMINS,
            "Benutzer sperren",
            post(users::deactivate),
        ),
        page(
            Method::POST,
            "/verwaltung/benutzer/entsperren",
            ADMINS,
            "Benutzer entsperren",
            post(users::reactivate),
        ),
        page(
            Method::POST,
            "/verwaltung/passwort",
            ADMINS,
            "Passwort eines Benutzers neu setzen",
            post(users::reset_password),
        ),
        page(
            Method::GET,
            "/verwaltung/taxonomien/{id}",
            ADMINS,
            "Klassifikation ansehen",
            get(taxonomies::taxonomy),
        ),
        page(
            Method::POST,
            "/verwaltung/taxonomien/{id}",
            ADMINS,
            "Eintrag anlegen",
            post(taxonomies::define),
        ),
        page(
            Method::POST,
            "/verwaltung/taxonomien/{id}/eintrag",
            ADMINS,
            "Eintrag umbenennen, stilllegen oder reaktivieren",
            post(taxonomies::change),
        ),
        page(
            Method::GET,
            "/verwaltung/handreichung",
            ADMINS,
            "Handreichung: Themen, Ämter und Zuständigkeiten",
            get(guide::guide),
        ),
        page(
            Method::POST,
            "/verwaltung/handreichung/thema",
            ADMINS,
            "Thema der Handreichung schreiben",
            post(guide::write_topic),
        ),
        page(
            Method::POST,
            "/verwaltung/handreichung/amt",
            ADMINS,
            "Öffentliche Kontaktdaten eines Amtes schreiben",
            post(guide::write_office),
        ),
    ];
    routes.extend(import::routes());
    routes
}
