//! The next steps on an inquiry, each a form of its page: take it over, refer it to an office,
//! record the office's answer, answer and close it. A refused step shows the page again with
//! the message at its date field or above the form.

use axum::{
    Extension, Form,
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use uuid::Uuid;
use wifo_domain::{
    ids::{InquiryId, ReferralId},
    inquiry::{
        AnswerInquiry, AnswerReferral, AssignInquiry, CloseInquiry, Inquiry, InquiryCommand,
        InquiryOutcome, ReferInquiry, ReopenInquiry,
    },
    values::{Code, Text},
};

use super::handle::inquiry_page;
use crate::state::AppState;
use crate::ui::{error::PageError, execute, form::Input, pages, ready, refusal, texts, today};
use wifo_app::auth::Caller;

/// One step on an inquiry: read the form, build the commands, execute them in order.
async fn step(
    state: &AppState,
    caller: &Caller,
    id: &str,
    pairs: Vec<(String, String)>,
    which: &str,
    build: impl FnOnce(InquiryId, &mut Input) -> Option<Vec<InquiryCommand>>,
) -> Result<Response, PageError> {
    ready(state, caller).await?;
    let Ok(id) = InquiryId::parse(id) else {
        return Err(PageError::not_found(caller, texts::get("inquiry.unknown")));
    };
    let mut input = Input::new(pairs);
    let commands = build(id, &mut input);
    let Some(commands) = commands.filter(|_| input.is_valid()) else {
        return inquiry_page(
            state,
            caller,
            id,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    for command in commands {
        if let Err(error) = execute::<Inquiry>(state, caller, command).await {
            let message = refusal(error);
            let view = if message.contains("Datum") || message.contains("vor") {
                input.fail(&format!("{which}_date"), message);
                input.view()
            } else {
                input.view().refused(message)
            };
            return inquiry_page(
                state,
                caller,
                id,
                view,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    }
    let notice = match which {
        "assign" => "inquiry_assigned",
        "refer" => "inquiry_referred",
        "referral" => "referral_answered",
        "reopen" => "inquiry_reopened",
        _ => "inquiry_closed",
    };
    if which == "answer" {
        Ok(pages::done("/anliegen", notice))
    } else {
        Ok(pages::done(&format!("/anliegen/{id}"), notice))
    }
}

pub(super) async fn assign(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let user = caller.user.clone();
    step(&state, &caller, &id, pairs, "assign", |inquiry, _| {
        Some(vec![InquiryCommand::Assign(AssignInquiry {
            inquiry,
            assignee: user,
            assigned_on: today(),
        })])
    })
    .await
}

pub(super) async fn refer(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(&state, &caller, &id, pairs, "refer", |inquiry, input| {
        let office = input.required("office", Code::parse);
        let referred_on = input.date("refer_date");
        let note = input.required("note", Text::parse);
        Some(vec![InquiryCommand::Refer(ReferInquiry {
            inquiry,
            referral: ReferralId::from(Uuid::now_v7()),
            office: office?,
            referred_on: referred_on?,
            note: note?,
        })])
    })
    .await
}

pub(super) async fn answer_referral(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(&state, &caller, &id, pairs, "referral", |inquiry, input| {
        let referral = ReferralId::parse(input.get("referral")).ok();
        let answered_on = input.date("referral_date");
        let answer = input.required("office_answer", Text::parse);
        if answer.as_ref().is_some_and(Text::is_empty) {
            input.fail("office_answer", texts::get("inquiry.answer_missing"));
        }
        Some(vec![InquiryCommand::AnswerReferral(AnswerReferral {
            inquiry,
            referral: referral?,
            answered_on: answered_on?,
            answer: answer?,
        })])
    })
    .await
}

pub(super) async fn answer_and_close(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(&state, &caller, &id, pairs, "answer", |inquiry, input| {
        let answered_on = input.date("answer_date");
        let answer = input.required("answer", Text::parse);
        if answer.as_ref().is_some_and(Text::is_empty) {
            input.fail("answer", texts::get("inquiry.answer_missing"));
        }
        let outcome = input.choice::<InquiryOutcome>("outcome");
        let answered_on = answered_on?;
        Some(vec![
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on,
                answer: answer?,
            }),
            InquiryCommand::Close(CloseInquiry {
                inquiry,
                closed_on: answered_on,
                outcome: outcome?,
            }),
        ])
    })
    .await
}

pub(super) async fn reopen(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    step(&state, &caller, &id, pairs, "reopen", |inquiry, input| {
        let reopened_on = input.date("reopen_date");
        let reason = input.required("reason", Text::parse);
        if reason.as_ref().is_some_and(Text::is_empty) {
            input.fail("reason", texts::get("inquiry.reason_missing"));
        }
        Some(vec![InquiryCommand::Reopen(ReopenInquiry {
            inquiry,
            reopened_on: reopened_on?,
            reason: reason?,
        })])
    })
    .await
}
