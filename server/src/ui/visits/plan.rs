//! Planning a visit to an organization (`/organisationen/{id}/besuche/neu`): date and purpose,
//! with the caller as the staff member.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::{
    ids::VisitId,
    values::{Text, TimeOfDay},
    visit::{PlanVisit, Visit, VisitCommand},
};

use super::visit_form::{Mode, defaults, target_of_organization, visit_page};
use crate::state::AppState;
use crate::ui::{error::PageError, execute, form::Input, pages, ready, refusal, texts};
use wifo_app::auth::Caller;

pub(super) async fn plan_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let target = target_of_organization(&state, &id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("org.unknown")))?;
    Ok(visit_page(
        &state,
        &caller,
        &target,
        Mode::Plan,
        defaults(Mode::Plan),
        StatusCode::OK,
    ))
}

pub(super) async fn plan(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let target = target_of_organization(&state, &id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("org.unknown")))?;
    let mut input = Input::new(pairs);
    let date = input.date("date");
    let planned_at = input.optional("time", TimeOfDay::parse);
    let purpose = input.required("purpose", Text::parse);
    let (Some(planned_on), Some(planned_at), Some(purpose)) = (date, planned_at, purpose) else {
        return Ok(visit_page(
            &state,
            &caller,
            &target,
            Mode::Plan,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let command = VisitCommand::Plan(PlanVisit {
        visit: VisitId::from(Uuid::now_v7()),
        organization: target.organization,
        planned_on,
        planned_at,
        staff: vec![caller.user.clone()],
        participants: Vec::new(),
        purpose,
        joint_partner: None,
    });
    Ok(match execute::<Visit>(&state, &caller, command).await {
        Ok(()) => pages::done(
            &format!("/organisationen/{}", target.organization),
            "visit_planned",
        ),
        Err(error) => visit_page(
            &state,
            &caller,
            &target,
            Mode::Plan,
            input.view().refused(refusal(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    })
}
