//! The Ansprechpartner: the staff who published their contact details, with the topics and the
//! regions they answer, and the topics with the people for each.

use askama::Template;
use axum::{extract::State, response::Response};
use wifo_projections::queries::guide::{self, ShownPerson, ShownTopic};

use crate::state::AppState;
use crate::ui::{
    pages::{self, Chrome},
    texts,
};

#[derive(Template)]
#[template(path = "public_people.html")]
struct PeoplePage {
    page: Chrome,
    t: texts::Texts,
    people: Vec<ShownPerson>,
    topics: Vec<ShownTopic>,
}

pub(super) async fn people(State(state): State<AppState>) -> Response {
    let (people, topics) = {
        let views = state.projections.read();
        (guide::people(&views), guide::guide(&views))
    };
    pages::ok(&PeoplePage {
        page: Chrome::anonymous(texts::get("public.people_title")),
        t: texts::Texts,
        people,
        topics,
    })
}
