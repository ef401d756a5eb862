//! The cooperation board (`/kooperationen`): every cooperation with its partners, term and
//! milestones, overdue ones marked.

use askama::Template;
use axum::{Extension, extract::State, response::Response};
use wifo_domain::german;
use wifo_projections::queries::board::cooperation_board;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

pub(super) struct CooperationView {
    pub href: String,
    pub title: String,
    pub partners: String,
    pub term: String,
    pub achieved: usize,
    pub planned: usize,
    pub milestones: Vec<(String, String, String, bool)>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    /// The forms that start a cooperation or a gathering: (href, title).
    actions: Vec<(String, &'static str)>,
    page: Chrome,
    t: texts::Texts,
    cooperations: Vec<CooperationView>,
}

pub(super) async fn board(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let day = today();
    let views = state.projections.read();
    let cooperations = cooperation_board(&views, day, 90)
        .into_iter()
        .map(|card| CooperationView {
            href: format!("/kooperationen/{}", card.cooperation),
            title: card.title.clone(),
            partners: card
                .partners
                .iter()
                .filter_map(|id| {
                    views
                        .organizations
                        .get(id)
                        .and_then(|r| r.state.name.as_ref())
                        .map(|n| n.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
            term: format!(
                "{} – {}",
                german::optional_date(card.valid_from),
                german::optional_date(card.valid_until)
            ),
            achieved: card.achieved,
            planned: card.planned,
            milestones: card
                .milestones
                .iter()
                .map(|m| {
                    let status = match m.status {
                        wifo_domain::cooperation::MilestoneStatus::Planned => {
                            texts::get("board.planned").to_owned()
                        }
                        wifo_domain::cooperation::MilestoneStatus::Achieved { on } => {
                            format!("{} {}", texts::get("board.achieved"), german::date(on))
                        }
                        wifo_domain::cooperation::MilestoneStatus::Cancelled { on } => {
                            format!("{} {}", texts::get("board.cancelled"), german::date(on))
                        }
                    };
                    let overdue =
                        matches!(m.status, wifo_domain::cooperation::MilestoneStatus::Planned)
                            && m.due < day;
                    (german::date(m.due), m.title.clone(), status, overdue)
                })
                .collect(),
        })
        .collect();
    let mut actions = crate::ui::actions::links(&caller, "/kooperationen/{id}", "");
    actions.extend(crate::ui::actions::links(
        &caller,
        "/veranstaltungen/{id}",
        "",
    ));
    let page = BoardPage {
        actions,
        page: Chrome::new(&caller, texts::get("nav.board"), "/kooperationen"),
        t: texts::Texts,
        cooperations,
    };
    drop(views);
    Ok(pages::ok(&page))
}
