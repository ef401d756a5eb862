//! Erasing the sender of a public-form inquiry on request (`/datenschutz/absender`, DSGVO
//! Art. 17): the data-protection officer enters the reference the sender quotes (`WF-…`) and a
//! reason; `privacy::senders::erase_sender` writes `InquirySenderErased` and deletes the
//! sender's key. The inquiry's topic, text and dates stay.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_app::{
    auth::Caller,
    privacy::senders::{erase_sender, find_by_reference},
};
use wifo_domain::person::ErasureReason;
use wifo_store::CommandContext;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    texts, today,
};

#[derive(Template)]
#[template(path = "privacy_senders.html")]
struct SendersPage {
    page: Chrome,
    t: texts::Texts,
    reasons: Vec<Choice>,
    form: FormView,
}

fn render(caller: &Caller, form: FormView, notice: Option<&str>, status: StatusCode) -> Response {
    pages::render(
        &SendersPage {
            page: Chrome::new(
                caller,
                texts::get("privacy.senders_title"),
                "/datenschutz/absender",
            )
            .with_notice(notice),
            t: texts::Texts,
            reasons: form.options(
                "reason",
                &enum_choices(&ErasureReason::ALL, ErasureReason::label),
            ),
            form,
        },
        status,
    )
}

pub(super) async fn show(
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    let form = FormView::with(&[("reason", "data_subject_request".into())]);
    render(&caller, form, notice.ok.as_deref(), StatusCode::OK)
}

pub(super) async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut input = Input::new(pairs);
    let reference = input.get("reference").trim().to_owned();
    let reason = input.choice::<ErasureReason>("reason");
    let refuse = |message: &str| {
        let form = FormView::with(&[
            ("reference", reference.clone()),
            ("reason", "data_subject_request".into()),
        ])
        .refused(message);
        Ok(render(
            &caller,
            form,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ))
    };
    let Some(reason) = reason else {
        return refuse(texts::get("error.choice"));
    };
    let found = find_by_reference(&state.projections.read(), &reference);
    let Some(inquiry) = found else {
        return refuse(texts::get("privacy.reference_unknown"));
    };
    let context = CommandContext::now(caller.user.as_str());
    match erase_sender(&state.data, inquiry, today(), reason, &context).await {
        Ok(position) => {
            state.office.remember(&caller, position);
            Ok(pages::done("/datenschutz/absender", "sender_erased"))
        }
        Err(error) => Err(PageError::internal(&caller, "sender erasure", error)),
    }
}
