//! Completing a follow-up a visit left (from "Meine Woche" or the organization page).

use axum::{
    Extension, Form,
    extract::{Path, State},
    response::Response,
};
use wifo_domain::{
    ids::{FollowUpId, VisitId},
    visit::{CompleteFollowUp, Visit, VisitCommand, VisitStatus},
};

use crate::state::AppState;
use crate::ui::{error::PageError, execute, form::Input, pages, refusal, texts, today};
use wifo_app::auth::Caller;

pub(super) async fn complete_follow_up(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let input = Input::new(pairs);
    let (Ok(visit), Ok(follow_up)) = (
        VisitId::parse(&id),
        FollowUpId::parse(input.get("follow_up")),
    ) else {
        return Err(PageError::not_found(&caller, texts::get("visit.unknown")));
    };
    let organization = state
        .projections
        .read()
        .visits
        .get(&visit)
        .and_then(|found| {
            (found.status == VisitStatus::Conducted)
                .then_some(found.organization)
                .flatten()
        });
    let command = VisitCommand::CompleteFollowUp(CompleteFollowUp {
        visit,
        follow_up,
        completed_on: today(),
    });
    let back = if caller.role == wifo_domain::values::Role::Staff {
        "/woche".to_owned()
    } else {
        organization
            .map(|id| format!("/organisationen/{id}"))
            .unwrap_or_else(|| "/woche".to_owned())
    };
    match execute::<Visit>(&state, &caller, command).await {
        Ok(()) => Ok(pages::done(&back, "follow_up_completed")),
        Err(error) => Err(PageError::not_found(&caller, refusal(error))),
    }
}
