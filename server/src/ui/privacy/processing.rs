//! The records of processing activities (`/datenschutz/verzeichnis`, DSGVO Art. 30): the
//! activities of `privacy::processing` with the configured retention, printable.

use askama::Template;
use axum::{Extension, extract::State, response::Response};
use wifo_app::{
    auth::Caller,
    privacy::processing::{Activity, CONTROLLER_NOTE, activities},
};

use crate::state::AppState;
use crate::ui::{
    pages::{self, Chrome},
    texts,
};

#[derive(Template)]
#[template(path = "privacy_processing.html")]
struct ProcessingPage {
    page: Chrome,
    t: texts::Texts,
    activities: Vec<Activity>,
    note: &'static str,
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Response {
    pages::ok(&ProcessingPage {
        page: Chrome::new(
            &caller,
            texts::get("privacy.processing_title"),
            "/datenschutz/verzeichnis",
        ),
        t: texts::Texts,
        activities: activities(&state.office.retention),
        note: CONTROLLER_NOTE,
    })
}
