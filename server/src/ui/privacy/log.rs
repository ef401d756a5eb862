//! The access log's page (`/datenschutz/zugriffe[?person=ID]`): the newest 500 entries — or all
//! about one person — with who, when, the role, the route and the purpose, and whether the hash
//! chain holds (`AccessLog::verify`). An erased person's entries stay, under their id only.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use serde::Deserialize;
use wifo_app::auth::Caller;
use wifo_domain::ids::PersonId;

use super::access::local;
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::FormView,
    pages::{self, Chrome},
    texts,
};

#[derive(Template)]
#[template(path = "privacy_log.html")]
struct LogPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    /// Entries whose chain checked, or the German finding where it breaks.
    verdict: String,
    /// (when, user, role, person, route, purpose)
    entries: Vec<[String; 6]>,
}

#[derive(Deserialize, Default)]
pub(super) struct LogParams {
    #[serde(default)]
    person: String,
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<LogParams>,
) -> Result<Response, PageError> {
    let mut form = FormView::with(&[("person", params.person.trim().to_owned())]);
    let person = match params.person.trim() {
        "" => None,
        text => match PersonId::parse(text) {
            Ok(person) => Some(person),
            Err(_) => {
                form = form.refused(texts::get("admin.person_unknown"));
                None
            }
        },
    };
    let verdict = match state.data.access.verify() {
        Ok(count) => format!("{} {count}", texts::get("privacy.chain_ok")),
        Err(error) => error.to_string(),
    };
    let entries = state
        .data
        .access
        .entries(person.map(|person| person.as_uuid()), 500)
        .map_err(|error| PageError::internal(&caller, "access log", error))?
        .into_iter()
        .map(|entry| {
            [
                local(entry.at),
                entry.user,
                entry.role.label().to_owned(),
                entry.person.to_string(),
                entry.route,
                entry.purpose.label().to_owned(),
            ]
        })
        .collect();
    Ok(pages::ok(&LogPage {
        page: Chrome::new(
            &caller,
            texts::get("privacy.log_title"),
            "/datenschutz/zugriffe",
        ),
        t: texts::Texts,
        form,
        verdict,
        entries,
    }))
}
