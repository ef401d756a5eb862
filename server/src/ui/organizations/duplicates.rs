//! The merge list (`/organisationen/dubletten`): pairs of active organizations that look like
//! the same one by the duplicate rules, each with the reason and two buttons — keep the first
//! or keep the second. Merging records `OrganizationMerged` on the duplicate; both histories
//! stay, and every view follows the survivor.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    ids::OrganizationId,
    organization::{MergeOrganization, Organization, OrganizationCommand},
};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    execute,
    form::{FormView, Input},
    pages::{self, Chrome},
    ready, refusal, texts,
};
use wifo_app::auth::Caller;

/// How many pairs the list shows at once; merging some brings the next ones up.
const LISTED_PAIRS: usize = 200;
pub(super) const PATH: &str = "/organisationen/dubletten";

struct PairLine {
    first_id: String,
    first_name: String,
    second_id: String,
    second_name: String,
    reason: &'static str,
}

#[derive(Template)]
#[template(path = "duplicates.html")]
struct DuplicatesPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    pairs: Vec<PairLine>,
}

fn list(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let pairs = wifo_app::duplicates::pairs(&state.projections.read(), LISTED_PAIRS)
        .into_iter()
        .map(|pair| PairLine {
            first_id: pair.first.0.to_string(),
            first_name: pair.first.1,
            second_id: pair.second.0.to_string(),
            second_name: pair.second.1,
            reason: pair.reason.label(),
        })
        .collect();
    pages::render(
        &DuplicatesPage {
            page: Chrome::new(caller, texts::get("dup.title"), PATH).with_notice(notice),
            t: texts::Texts,
            form,
            pairs,
        },
        status,
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    Ok(list(
        &state,
        &caller,
        FormView::default(),
        notice.ok.as_deref(),
        StatusCode::OK,
    ))
}

pub(super) async fn merge(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let input = Input::new(pairs);
    let parse = |name: &str| {
        input
            .get(name)
            .parse::<uuid::Uuid>()
            .ok()
            .map(OrganizationId::from)
    };
    let (Some(organization), Some(survivor)) = (parse("organization"), parse("survivor")) else {
        return list(
            &state,
            &caller,
            FormView::default().refused(texts::get("dup.choose")),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let command = OrganizationCommand::Merge(MergeOrganization {
        organization,
        survivor,
    });
    match execute::<Organization>(&state, &caller, command).await {
        Ok(()) => pages::done(PATH, "merged"),
        Err(error) => list(
            &state,
            &caller,
            FormView::default().refused(refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
