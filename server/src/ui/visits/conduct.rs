//! Logging a visit as conducted, planned (`/besuche/{id}/durchfuehren`, from "Meine Woche") or
//! not (`/organisationen/{id}/besuche/erfassen`): one page with today's date, an hour and the
//! caller as defaults, so on a tablet only the findings need touching, and the follow-up the
//! visit leaves, if one is entered.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use uuid::Uuid;
use wifo_domain::{
    ids::{FollowUpId, VisitId},
    values::{Code, Text, Title},
    visit::{
        ConductVisit, CreateFollowUp, Findings, Satisfaction, Visit, VisitCommand, VisitStatus,
    },
};

use super::visit_form::{
    Mode, Target, defaults, target_of_organization, target_of_visit, visit_page,
};
use crate::state::AppState;
use crate::ui::{error::PageError, execute, form::Input, pages, ready, refusal, texts};
use wifo_app::auth::Caller;

pub(super) async fn conduct_unplanned_form(
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
        Mode::Conduct,
        defaults(Mode::Conduct),
        StatusCode::OK,
    ))
}

pub(super) async fn conduct_planned_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    // A visit that was already conducted or cancelled is shown, never logged a second time.
    let planned = VisitId::parse(&id).ok().and_then(|visit| {
        state
            .projections
            .read()
            .visits
            .get(&visit)
            .map(|found| found.status == VisitStatus::Planned)
    });
    if planned == Some(false) {
        return Ok(axum::response::Redirect::to(&format!("/besuche/{id}")).into_response());
    }
    let target = target_of_visit(&state, &id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("visit.unknown")))?;
    Ok(visit_page(
        &state,
        &caller,
        &target,
        Mode::Conduct,
        defaults(Mode::Conduct),
        StatusCode::OK,
    ))
}

/// Reads the conducted-visit form and executes it (and the follow-up, if one was entered).
async fn conduct(
    state: &AppState,
    caller: &Caller,
    target: Target,
    pairs: Vec<(String, String)>,
) -> Response {
    let mut input = Input::new(pairs);
    let conducted_on = input.date("date");
    let duration = input.count("duration_minutes").flatten();
    if duration.is_none() && input.error("duration_minutes").is_none() {
        input.fail("duration_minutes", texts::get("visit.duration_missing"));
    }
    let topics: Vec<Code> = input
        .all("topic")
        .into_iter()
        .filter_map(|code| Code::parse(code).ok())
        .collect();
    let space_need_m2 = input.count("space_need_m2");
    let workforce_need = input.count("workforce_need");
    let satisfaction = input.optional("satisfaction", Satisfaction::parse);
    let mut issues = Vec::new();
    for line in input
        .get("issues")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
    {
        match Title::parse(&line) {
            Ok(title) => issues.push(title),
            Err(error) => input.fail("issues", error.to_string()),
        }
    }
    let notes = input.required("notes", Text::parse);
    let follow_up_task = input.optional("follow_up_task", Title::parse);
    let follow_up_due = if input.get("follow_up_task").is_empty() {
        None
    } else {
        input.date("follow_up_due")
    };
    let findings = Findings {
        expansion_plans: input.checked("expansion_plans"),
        relocation_risk: input.checked("relocation_risk"),
        funding_interest: input.checked("funding_interest"),
        space_need_m2: space_need_m2.flatten(),
        workforce_need: workforce_need.flatten(),
        location_satisfaction: satisfaction.flatten(),
        issues_raised: issues,
    };
    let (Some(conducted_on), Some(duration_minutes), Some(notes), Some(follow_up_task), true) = (
        conducted_on,
        duration,
        notes,
        follow_up_task,
        input.is_valid(),
    ) else {
        return visit_page(
            state,
            caller,
            &target,
            Mode::Conduct,
            input.view(),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let visit = target
        .visit
        .unwrap_or_else(|| VisitId::from(Uuid::now_v7()));
    let command = VisitCommand::Conduct(ConductVisit {
        visit,
        organization: Some(target.organization),
        conducted_on,
        duration_minutes,
        staff: vec![caller.user.clone()],
        participants: Vec::new(),
        topics,
        findings,
        notes,
        joint_partner: None,
    });
    let mut result = execute::<Visit>(state, caller, command).await;
    if result.is_ok()
        && let (Some(task), Some(due_on)) = (follow_up_task, follow_up_due)
    {
        result = execute::<Visit>(
            state,
            caller,
            VisitCommand::CreateFollowUp(CreateFollowUp {
                visit,
                follow_up: FollowUpId::from(Uuid::now_v7()),
                task,
                assignee: caller.user.clone(),
                due_on,
            }),
        )
        .await;
    }
    match result {
        Ok(()) => pages::done(
            &format!("/organisationen/{}", target.organization),
            "visit_conducted",
        ),
        Err(error) => {
            let message = refusal(error);
            let mut view = input.view();
            if message.contains("Dauer") {
                input.fail("duration_minutes", message);
                view = input.view();
            } else if message.contains("Wiedervorlage") {
                input.fail("follow_up_due", message);
                view = input.view();
            } else {
                view = view.refused(message);
            }
            visit_page(
                state,
                caller,
                &target,
                Mode::Conduct,
                view,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub(super) async fn conduct_unplanned(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let target = target_of_organization(&state, &id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("org.unknown")))?;
    Ok(conduct(&state, &caller, target, pairs).await)
}

pub(super) async fn conduct_planned(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let target = target_of_visit(&state, &id)
        .ok_or_else(|| PageError::not_found(&caller, texts::get("visit.unknown")))?;
    Ok(conduct(&state, &caller, target, pairs).await)
}
