//! The forms on a retreat's page: propose a topic, set its priority, record that the retreat was
//! held, record a decision (which may plan a gathering of next year). A refused form shows the
//! page again with the message.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::{
    gathering::GatheringKind,
    ids::{DecisionId, GatheringId, ProposalId, RetreatId},
    retreat::{
        HoldRetreat, PlannedGathering, PrioritiseTopic, Priority, ProposeTopic, RecordDecision,
        Retreat, RetreatCommand,
    },
    values::{Text, Title},
};

use super::retreat::retreat_page;
use crate::state::AppState;
use crate::ui::{error::PageError, execute, form::Input, pages, ready, refusal, texts};
use wifo_app::auth::Caller;

/// One form on the retreat page: read, build the command, execute.
async fn step(
    state: &AppState,
    caller: &Caller,
    id: &str,
    pairs: Vec<(String, String)>,
    notice: &str,
    build: impl FnOnce(RetreatId, &mut Input) -> Option<RetreatCommand>,
) -> Result<Response, PageError> {
    ready(state, caller).await?;
    let Ok(id) = RetreatId::parse(id) else {
        return Err(PageError::not_found(caller, texts::get("retreat.unknown")));
    };
    let mut input = Input::new(pairs);
    let command = build(id, &mut input);
    let Some(command) = command.filter(|_| input.is_valid()) else {
        return retreat_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    match execute::<Retreat>(state, caller, command).await {
        Ok(()) => Ok(pages::done(&format!("/klausur/{id}"), notice)),
        Err(error) => {
            let message = refusal(error);
            let view = if message.contains("Jahr") {
                input.fail("gathering_date", message);
                input.view()
            } else {
                input.view().refused(message)
            };
            retreat_page(
                state,
                caller,
                id,
                view,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub(super) async fn propose(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let user = caller.user.clone();
    step(
        &state,
        &caller,
        &id,
        pairs,
        "proposal_made",
        |retreat, input| {
            let title = input.required("proposal_title", Title::parse);
            let reason = input.required("reason", Text::parse);
            Some(RetreatCommand::ProposeTopic(ProposeTopic {
                retreat,
                proposal: ProposalId::from(Uuid::now_v7()),
                title: title?,
                reason: reason?,
                proposed_by: user,
            }))
        },
    )
    .await
}

pub(super) async fn prioritise(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "priority_set",
        |retreat, input| {
            let proposal = ProposalId::parse(input.get("proposal")).ok();
            if proposal.is_none() {
                input.fail("proposal", texts::get("error.choice"));
            }
            let priority = input.required("priority", Priority::parse);
            Some(RetreatCommand::PrioritiseTopic(PrioritiseTopic {
                retreat,
                proposal: proposal?,
                priority: priority?,
            }))
        },
    )
    .await
}

pub(super) async fn hold(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "retreat_held",
        |retreat, input| {
            let held_on = input.date("held_on");
            Some(RetreatCommand::Hold(HoldRetreat {
                retreat,
                held_on: held_on?,
            }))
        },
    )
    .await
}

pub(super) async fn decide(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(
        &state,
        &caller,
        &id,
        pairs,
        "decision_recorded",
        |retreat, input| {
            let text = input.required("decision_text", Text::parse);
            if text.as_ref().is_some_and(Text::is_empty) {
                input.fail("decision_text", texts::get("retreat.decision_missing"));
            }
            let proposal = if input.get("decision_proposal").is_empty() {
                Some(None)
            } else {
                ProposalId::parse(input.get("decision_proposal"))
                    .ok()
                    .map(Some)
            };
            let gathering = if input.get("gathering_title").is_empty() {
                Some(None)
            } else {
                let title = input.required("gathering_title", Title::parse);
                let kind = input.choice::<GatheringKind>("gathering_kind");
                let date = input.date("gathering_date");
                match (title, kind, date) {
                    (Some(title), Some(kind), Some(date)) => Some(Some(PlannedGathering {
                        gathering: GatheringId::from(Uuid::now_v7()),
                        kind,
                        title,
                        date,
                    })),
                    _ => None,
                }
            };
            Some(RetreatCommand::RecordDecision(RecordDecision {
                retreat,
                decision: DecisionId::from(Uuid::now_v7()),
                text: text?,
                proposal: proposal?,
                planned_milestones: Vec::new(),
                planned_gatherings: gathering?.into_iter().collect(),
            }))
        },
    )
    .await
}
