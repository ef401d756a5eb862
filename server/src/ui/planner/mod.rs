//! The planner's workplace: the retreats (Klausur) by year and partner, and one retreat's page
//! with the proposed topics, their priorities and the decisions, which plan next year's
//! gatherings. Forms: schedule a retreat, propose a topic, set its priority, record that the
//! retreat was held, record a decision. Links to the Klausur statistics report of analytics.

mod audience;
mod gathering;
mod retreat;
mod retreats;
mod steps;

use axum::{
    http::Method,
    routing::{get, post},
};
use wifo_domain::ids::OrganizationId;

use super::page;
use crate::routes::Route;
use wifo_app::roles::{PLANNING, READERS, REPORT_READERS, RETREAT_PLANNERS};

/// The name of a retreat's partner organization.
fn partner_name(views: &wifo_projections::Views, id: &OrganizationId) -> String {
    views.names().organization(id)
}

pub(super) fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/veranstaltungen/{id}",
            READERS,
            "Eine Veranstaltung mit Einladungen, Antworten, Teilnahme und Verlauf",
            get(gathering::show),
        ),
        page(
            Method::GET,
            "/veranstaltungen/{id}/zielgruppe",
            PLANNING,
            "Einladungsliste einer Veranstaltung nach Zielgruppe: Vorschau",
            get(audience::show),
        ),
        page(
            Method::POST,
            "/veranstaltungen/{id}/zielgruppe",
            PLANNING,
            "Die Zielgruppe einladen (ein Befehl)",
            post(audience::invite),
        ),
        page(
            Method::GET,
            "/klausur",
            REPORT_READERS,
            "Klausurtagungen nach Jahr und Partner",
            get(retreats::list),
        ),
        page(
            Method::POST,
            "/klausur",
            RETREAT_PLANNERS,
            "Klausur ansetzen",
            post(retreats::schedule),
        ),
        page(
            Method::GET,
            "/klausur/{id}",
            REPORT_READERS,
            "Eine Klausur: Vorschläge, Prioritäten, Beschlüsse",
            get(retreat::show),
        ),
        page(
            Method::POST,
            "/klausur/{id}/vorschlaege",
            RETREAT_PLANNERS,
            "Thema vorschlagen",
            post(steps::propose),
        ),
        page(
            Method::POST,
            "/klausur/{id}/prioritaeten",
            RETREAT_PLANNERS,
            "Priorität setzen",
            post(steps::prioritise),
        ),
        page(
            Method::POST,
            "/klausur/{id}/stattgefunden",
            RETREAT_PLANNERS,
            "Klausur hat stattgefunden",
            post(steps::hold),
        ),
        page(
            Method::POST,
            "/klausur/{id}/beschluesse",
            RETREAT_PLANNERS,
            "Beschluss erfassen",
            post(steps::decide),
        ),
    ]
}
