//! Organizations: the search with filters, the organization page (profile, persons, open
//! follow-ups and the timeline, also "Stand am" a past date), the forms to register an
//! organization, add a contact person and log a contact, and the merge list of likely
//! duplicates.

mod contact_record;
mod contacts;
mod duplicates;
mod edit;
mod form_page;
mod person_record;
mod persons;
mod profile;
mod register;
mod search;

use axum::{
    http::Method,
    routing::{get, post},
};

use super::page;
use crate::routes::Route;
use wifo_app::roles::{PERSON_READERS, READERS, STAFF};

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/organisationen",
            READERS,
            "Organisationen suchen",
            get(search::search),
        ),
        page(
            Method::GET,
            "/organisationen/neu",
            STAFF,
            "Formular: Organisation erfassen",
            get(register::new_organization),
        ),
        page(
            Method::POST,
            "/organisationen/neu",
            STAFF,
            "Organisation erfassen",
            post(register::register),
        ),
        page(
            Method::GET,
            "/organisationen/{id}",
            READERS,
            "Organisation mit Verlauf (auch „Stand am“)",
            get(profile::show),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/personen/neu",
            STAFF,
            "Formular: Ansprechperson",
            get(persons::new_person),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/personen/neu",
            STAFF,
            "Ansprechperson erfassen",
            post(persons::add_person),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/bearbeiten",
            STAFF,
            "Formular: Name, Anschrift, Betreuung ändern (mit Datum der Änderung), schließen",
            get(edit::edit_form),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/bearbeiten",
            STAFF,
            "Name oder Anschrift ändern",
            post(edit::edit),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/schliessen",
            STAFF,
            "Organisation schließen (mit Tag und Grund)",
            post(edit::close),
        ),
        page(
            Method::GET,
            "/personen/{id}",
            PERSON_READERS,
            "Eine Ansprechperson: Daten, Verknüpfungen, Einwilligungen, Verlauf",
            get(person_record::show),
        ),
        page(
            Method::GET,
            "/kontakte/{id}",
            READERS,
            "Ein Kontakt mit allem, was erfasst ist, und seinem Verlauf",
            get(contact_record::show),
        ),
        page(
            Method::POST,
            "/kontakte/{id}/zurueckziehen",
            STAFF,
            "Kontakt zurückziehen (mit Grund)",
            post(contact_record::retract),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/kontakte/neu",
            STAFF,
            "Formular: Kontakt",
            get(contacts::new_contact),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/kontakte/neu",
            STAFF,
            "Kontakt erfassen",
            post(contacts::log_contact),
        ),
        page(
            Method::GET,
            duplicates::PATH,
            STAFF,
            "Mögliche Dubletten",
            get(duplicates::show),
        ),
        page(
            Method::POST,
            duplicates::PATH,
            STAFF,
            "Dublette zusammenführen",
            post(duplicates::merge),
        ),
    ]
}
