//! Company visits: the page of one visit with everything recorded (`record`), plan one, log one as conducted with its structured findings (one page, with
//! today's date, an hour and the caller as defaults, so on a tablet only the findings need
//! touching), and the follow-ups a visit leaves (created with the visit, completed from
//! "Meine Woche" or the organization page).

mod changes;
mod conduct;
mod follow_ups;
mod plan;
mod record;
mod visit_form;

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
            "/besuche/{id}",
            READERS,
            "Ein Betriebsbesuch mit allem, was erfasst ist, und seinem Verlauf",
            get(record::show),
        ),
        page(
            Method::POST,
            "/besuche/{id}/verschieben",
            STAFF,
            "Geplanten Besuch verschieben",
            post(changes::reschedule),
        ),
        page(
            Method::POST,
            "/besuche/{id}/absagen",
            STAFF,
            "Geplanten Besuch absagen",
            post(changes::cancel),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/besuche/neu",
            STAFF,
            "Formular: Besuch planen",
            get(plan::plan_form),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/besuche/neu",
            STAFF,
            "Besuch planen",
            post(plan::plan),
        ),
        page(
            Method::GET,
            "/organisationen/{id}/besuche/erfassen",
            STAFF,
            "Formular: durchgeführten Besuch erfassen",
            get(conduct::conduct_unplanned_form),
        ),
        page(
            Method::POST,
            "/organisationen/{id}/besuche/erfassen",
            STAFF,
            "Durchgeführten Besuch erfassen",
            post(conduct::conduct_unplanned),
        ),
        page(
            Method::GET,
            "/besuche/{id}/durchfuehren",
            STAFF,
            "Formular: geplanten Besuch als durchgeführt erfassen",
            get(conduct::conduct_planned_form),
        ),
        page(
            Method::POST,
            "/besuche/{id}/durchfuehren",
            STAFF,
            "Geplanten Besuch als durchgeführt erfassen",
            post(conduct::conduct_planned),
        ),
        page(
            Method::POST,
            "/besuche/{id}/wiedervorlagen/erledigt",
            STAFF,
            "Wiedervorlage erledigt",
            post(follow_ups::complete_follow_up),
        ),
    ]
}
