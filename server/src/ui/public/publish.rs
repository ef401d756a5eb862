//! Publishing one's own contact details on the Ansprechpartner page, and withdrawing them. Only
//! the logged-in user's own publication can be changed here: the command names the caller.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::{
    public::{Public, PublicCommand, PublishContact, WithdrawContact},
    values::{Email, Phone},
};

use crate::state::AppState;
use crate::ui::{
    execute,
    form::{FormView, Input},
    pages::{self, Chrome, Notice},
    ready, refusal, texts,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "publication.html")]
struct PublicationPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    published: bool,
}

fn shown(
    state: &AppState,
    caller: &Caller,
    form: Option<FormView>,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let current = state
        .projections
        .read()
        .public
        .staff
        .get(caller.user.as_str())
        .cloned();
    let form = form.unwrap_or_else(|| {
        FormView::with(&[
            (
                "phone",
                current
                    .as_ref()
                    .and_then(|c| c.phone.as_ref())
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            (
                "email",
                current
                    .as_ref()
                    .and_then(|c| c.email.as_ref())
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ])
    });
    pages::render(
        &PublicationPage {
            page: Chrome::new(
                caller,
                texts::get("public.publish_title"),
                "/konto/veroeffentlichung",
            )
            .with_notice(notice),
            t: texts::Texts,
            form,
            published: current.is_some(),
        },
        status,
    )
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<Notice>,
) -> Response {
    if ready(&state, &caller).await.is_err() {
        return pages::unavailable(&caller, texts::get("error.unavailable_text"));
    }
    shown(&state, &caller, None, notice.ok.as_deref(), StatusCode::OK)
}

pub(super) async fn change(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let command = if input.get("action") == "withdraw" {
        PublicCommand::Withdraw(WithdrawContact {
            user: caller.user.clone(),
        })
    } else {
        let phone = input.optional("phone", Phone::parse);
        let email = input.optional("email", Email::parse);
        let (Some(phone), Some(email), true) = (phone, email, input.is_valid()) else {
            return shown(
                &state,
                &caller,
                Some(input.view()),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        };
        PublicCommand::Publish(PublishContact {
            user: caller.user.clone(),
            phone,
            email,
        })
    };
    match execute::<Public>(&state, &caller, command).await {
        Ok(()) => pages::done("/konto/veroeffentlichung", "saved"),
        Err(error) => shown(
            &state,
            &caller,
            Some(input.view().refused(refusal(error))),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}
