//! Changing a planned visit from its page: another day (`/besuche/{id}/verschieben`, dated by
//! the day it was moved) or a cancellation with its reason (`/besuche/{id}/absagen`). A refused
//! date or an empty reason shows next to its field, with the values kept.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    german,
    ids::VisitId,
    values::{Text, TimeOfDay},
    visit::{CancelVisit, RescheduleVisit, Visit, VisitCommand},
};

use super::record::record_page;
use crate::state::AppState;
use crate::ui::{
    error::PageError, form::FormView, form::Input, pages, ready, refusal, texts, today,
};
use wifo_app::auth::Caller;

/// Today in the date fields, the current plan in the reschedule fields.
pub(super) fn defaults(
    planned: Option<(Option<chrono::NaiveDate>, Option<TimeOfDay>)>,
) -> FormView {
    let day = german::iso(today());
    let (planned_on, planned_at) = planned.unwrap_or_default();
    FormView::with(&[
        ("rescheduled_on", day.clone()),
        ("cancelled_on", day),
        (
            "planned_on",
            planned_on.map(german::iso).unwrap_or_default(),
        ),
        (
            "planned_at",
            planned_at.map(|time| time.to_string()).unwrap_or_default(),
        ),
    ])
}

/// One change of a planned visit, as read from its form.
struct Change {
    command: Option<VisitCommand>,
    /// The day the change happened, where it is not a field of the command.
    dated: Option<(&'static str, chrono::NaiveDate)>,
    /// The field a refusal is shown at.
    date_field: &'static str,
    notice: &'static str,
}

async fn change(
    state: &AppState,
    caller: &Caller,
    id: &str,
    mut input: Input,
    change: Change,
) -> Result<Response, PageError> {
    let Change {
        command,
        dated,
        date_field,
        notice,
    } = change;
    ready(state, caller).await?;
    let id = VisitId::parse(id)
        .map_err(|_| PageError::not_found(caller, texts::get("visit.unknown")))?;
    let Some(command) = command.filter(|_| input.is_valid()) else {
        return record_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if let Err(error) = state
        .office
        .execute_on::<Visit>(caller, &command, None, dated)
        .await
    {
        input.fail(date_field, refusal(error));
        return record_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    Ok(pages::done(&format!("/besuche/{id}"), notice))
}

pub(super) async fn reschedule(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut input = Input::new(pairs);
    let planned_on = input.date("planned_on");
    let planned_at = input.optional("planned_at", TimeOfDay::parse);
    let rescheduled_on = input.date("rescheduled_on");
    let command = match (VisitId::parse(&id), planned_on, planned_at) {
        (Ok(visit), Some(planned_on), Some(planned_at)) => {
            Some(VisitCommand::Reschedule(RescheduleVisit {
                visit,
                planned_on,
                planned_at,
            }))
        }
        _ => None,
    };
    let dated = rescheduled_on.map(|day| (texts::get("visit.rescheduled_on"), day));
    let command = command.filter(|_| dated.is_some());
    let reschedule = Change {
        command,
        dated,
        date_field: "planned_on",
        notice: "visit_rescheduled",
    };
    change(&state, &caller, &id, input, reschedule).await
}

pub(super) async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut input = Input::new(pairs);
    let cancelled_on = input.date("cancelled_on");
    let reason = input.required("reason", Text::parse);
    if reason.as_ref().is_some_and(Text::is_empty) {
        input.fail("reason", texts::get("inquiry.reason_missing"));
    }
    let command = match (VisitId::parse(&id), cancelled_on, reason) {
        (Ok(visit), Some(cancelled_on), Some(reason)) => Some(VisitCommand::Cancel(CancelVisit {
            visit,
            cancelled_on,
            reason,
        })),
        _ => None,
    };
    let cancel = Change {
        command,
        dated: None,
        date_field: "cancelled_on",
        notice: "visit_cancelled",
    };
    change(&state, &caller, &id, input, cancel).await
}
