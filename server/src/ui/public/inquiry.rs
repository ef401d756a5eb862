//! The public inquiry form (`/anfrage`): what a business asks, without login. Abuse is kept out
//! here, before anything is decided: the limits of `crate::public_limit` (429 beyond the rate),
//! the body limit of the router, a honeypot field, and a CSRF token in a cookie that the form
//! must echo (double submit; the form has no session).
//! The checks of the fields, the routing and the append are `wifo_app::public_inquiry`.

use std::{net::SocketAddr, time::Duration};

use askama::Template;
use axum::{
    Extension, Form,
    extract::{ConnectInfo, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::Response,
};
use wifo_app::public_inquiry::{
    Entry, InquiryForm, SubmitError, data_protection_notice, serde_plain_name, submit as take,
};
use wifo_domain::submission::FoundVia;
use wifo_projections::queries::guide;

use crate::state::AppState;
use crate::ui::{
    form::{Choice, FormView, Input},
    pages::{self, Chrome},
    texts, today,
};

/// The cookie that carries the form's CSRF token.
const TOKEN_COOKIE: &str = "wifo_anfrage";
/// The field a person leaves empty and a bot fills.
const HONEYPOT: &str = "homepage";

#[derive(Template)]
#[template(path = "public_inquiry.html")]
struct FormPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    token: String,
    topics: Vec<Choice>,
    found_via: Vec<Choice>,
    notice: String,
}

#[derive(Template)]
#[template(path = "public_thanks.html")]
struct ThanksPage {
    page: Chrome,
    t: texts::Texts,
    reference: String,
}

fn page(state: &AppState, form: FormView, token: String, status: StatusCode) -> Response {
    let topics: Vec<(String, String)> =
        std::iter::once((String::new(), texts::get("form.choose").to_owned()))
            .chain(
                guide::guide(&state.projections.read())
                    .into_iter()
                    .map(|topic| (topic.code, topic.name)),
            )
            .collect();
    let found_via: Vec<(String, String)> =
        std::iter::once((String::new(), texts::get("form.choose").to_owned()))
            .chain(
                FoundVia::ALL
                    .into_iter()
                    .map(|via| (serde_plain_name(via), via.label().to_owned())),
            )
            .collect();
    let mut response = pages::render(
        &FormPage {
            page: Chrome::anonymous(texts::get("public.form_title")),
            t: texts::Texts,
            topics: form.options("topic", &topics),
            found_via: form.options("found_via", &found_via),
            form,
            token: token.clone(),
            notice: data_protection_notice(&state.office),
        },
        status,
    );
    let cookie = format!(
        "{TOKEN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/anfrage{}",
        if state.config.secure_cookies {
            "; Secure"
        } else {
            ""
        }
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn new_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

#[derive(serde::Deserialize, Default)]
pub(super) struct Preset {
    thema: Option<String>,
    quelle: Option<String>,
}

pub(super) async fn form(State(state): State<AppState>, Query(preset): Query<Preset>) -> Response {
    let mut values = vec![];
    if let Some(topic) = preset.thema {
        values.push(("topic", topic));
    }
    if preset.quelle.as_deref() == Some("flyer") {
        values.push(("found_via", serde_plain_name(FoundVia::Flyer)));
    }
    page(&state, FormView::with(&values), new_token(), StatusCode::OK)
}

/// The inquiry as typed into the form's fields — the public form's and the Bürgerbüro's, which
/// share their names (the Bürgerbüro's has no `found_via`).
pub(in crate::ui) fn inquiry_form(input: &Input) -> InquiryForm {
    InquiryForm {
        business: input.get("business").to_owned(),
        contact: input.get("contact").to_owned(),
        email: input.get("email").to_owned(),
        phone: input.get("phone").to_owned(),
        street: input.get("street").to_owned(),
        postal_code: input.get("postal_code").to_owned(),
        topic: input.get("topic").to_owned(),
        description: input.get("description").to_owned(),
        found_via: input.get("found_via").to_owned(),
        consent: input.checked("consent"),
    }
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == TOKEN_COOKIE)
        .map(|(_, value)| value.to_owned())
}

pub(super) async fn submit(
    State(state): State<AppState>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let kept = |input: &Input| input.view_without(&["_csrf", HONEYPOT]);
    let address = connect.map(|Extension(ConnectInfo(address))| address.ip());
    if let Some(address) = address
        && !state.submissions.admits(address)
    {
        return pages::render(
            &pages::MessagePage {
                page: Chrome::anonymous(texts::get("public.too_many_title")),
                t: texts::Texts,
                heading: texts::get("public.too_many_title").to_owned(),
                text: texts::get("public.too_many").to_owned(),
            },
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let token = input.get("_csrf").to_owned();
    if token.is_empty() || cookie_token(&headers).as_deref() != Some(token.as_str()) {
        let form = kept(&input).refused(texts::get("public.expired"));
        return page(&state, form, new_token(), StatusCode::BAD_REQUEST);
    }
    if !input.get(HONEYPOT).is_empty() {
        let form = kept(&input).refused(texts::get("public.refused"));
        return page(&state, form, token, StatusCode::UNPROCESSABLE_ENTITY);
    }
    if !state.submissions.admits_one_more() {
        let form = kept(&input).refused(texts::get("public.busy"));
        return page(&state, form, token, StatusCode::SERVICE_UNAVAILABLE);
    }
    let form = inquiry_form(&input);
    let Ok(Ok(_permit)) =
        tokio::time::timeout(Duration::from_secs(5), state.submissions.working.acquire()).await
    else {
        let form = kept(&input).refused(texts::get("public.busy"));
        return page(&state, form, token, StatusCode::SERVICE_UNAVAILABLE);
    };
    match take(&state.office, &form, today(), Entry::Public).await {
        Ok(reference) => pages::ok(&ThanksPage {
            page: Chrome::anonymous(texts::get("public.thanks_title")),
            t: texts::Texts,
            reference: reference.to_string(),
        }),
        Err(SubmitError::Invalid(errors)) => {
            for (field, message) in errors {
                input.fail(field, message);
            }
            page(
                &state,
                kept(&input),
                token,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(SubmitError::Failed(error)) => {
            tracing::error!(%error, "public inquiry not stored");
            let form = kept(&input).refused(texts::get("error.internal_text"));
            page(&state, form, token, StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}
