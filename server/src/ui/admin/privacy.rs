//! The data-protection requests of a person (`/verwaltung/datenschutz`): the access export
//! (DSGVO Art. 15) as a printable page, and the erasure (Art. 17) through
//! `privacy::erase_person`.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::{ids::PersonId, person::ErasureReason, personal::Erasable};
use wifo_projections::queries::personal::{locate, personal_data};
use wifo_store::CommandContext;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

#[derive(Template)]
#[template(path = "admin_privacy.html")]
struct PrivacyPage {
    page: Chrome,
    t: texts::Texts,
    person: String,
    found: bool,
    erased: bool,
    data: Vec<(String, String)>,
    links: Vec<(String, String, String)>,
    consents: Vec<(String, String)>,
    reasons: Vec<Choice>,
    form: FormView,
}

#[derive(Deserialize, Default)]
pub(super) struct PersonParams {
    #[serde(default)]
    person: String,
    ok: Option<String>,
}

pub(super) async fn privacy(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<PersonParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let mut page = PrivacyPage {
        page: Chrome::new(
            &caller,
            texts::get("nav.privacy"),
            "/verwaltung/datenschutz",
        )
        .with_notice(params.ok.as_deref()),
        t: texts::Texts,
        person: params.person.trim().to_owned(),
        found: false,
        erased: false,
        data: Vec::new(),
        links: Vec::new(),
        consents: Vec::new(),
        reasons: Vec::new(),
        form: FormView::with(&[
            ("person", params.person.trim().to_owned()),
            ("reason", "data_subject_request".into()),
        ]),
    };
    page.reasons = page.form.options(
        "reason",
        &enum_choices(&ErasureReason::ALL, ErasureReason::label),
    );
    if page.person.is_empty() {
        return Ok(pages::ok(&page));
    }
    let Ok(person) = PersonId::parse(&page.person) else {
        page.form = page.form.refused(texts::get("admin.person_unknown"));
        return Ok(pages::render(&page, StatusCode::NOT_FOUND));
    };
    let (location, record, names) = {
        let views = state.projections.read();
        let record = views.persons.get(&person).cloned();
        let names: Vec<(String, String, String)> = record
            .iter()
            .flat_map(|r| r.links.iter())
            .map(|(org, role)| {
                (
                    format!("/organisationen/{org}"),
                    views
                        .organizations
                        .get(org)
                        .and_then(|o| o.state.name.as_ref())
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    role.to_string(),
                )
            })
            .collect();
        (locate(&views, person), record, names)
    };
    let (Some((at, erased)), Some(record)) = (location, record) else {
        page.form = page.form.refused(texts::get("admin.person_unknown"));
        return Ok(pages::render(&page, StatusCode::NOT_FOUND));
    };
    page.found = true;
    page.erased = erased;
    page.links = names;
    page.consents = record
        .consents
        .iter()
        .map(|(purpose, since)| (purpose.label().to_owned(), german::date(*since)))
        .collect();
    page.data =
        match personal_data(at, erased, &*state.data.store_shared(), &state.data.codec).await {
            Some(Erasable::Known(data)) => vec![
                (texts::get("person.name").to_owned(), data.name.to_string()),
                (
                    texts::get("person.email").to_owned(),
                    data.email.map(|e| e.to_string()).unwrap_or_default(),
                ),
                (
                    texts::get("person.phone").to_owned(),
                    data.phone.map(|p| p.to_string()).unwrap_or_default(),
                ),
                (
                    texts::get("person.notes").to_owned(),
                    data.notes.to_string(),
                ),
            ],
            _ => vec![(
                texts::get("person.name").to_owned(),
                wifo_domain::personal::ERASED_LABEL.to_owned(),
            )],
        };
    Ok(pages::ok(&page))
}

pub(super) async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let mut input = Input::new(pairs);
    let Ok(person) = PersonId::parse(&id) else {
        return Err(PageError::not_found(
            &caller,
            texts::get("admin.person_unknown"),
        ));
    };
    if !state.projections.read().persons.contains_key(&person) {
        return Err(PageError::not_found(
            &caller,
            texts::get("admin.person_unknown"),
        ));
    }
    let Some(reason) = input.choice::<ErasureReason>("reason") else {
        return Err(PageError::not_found(&caller, texts::get("error.choice")));
    };
    let context = CommandContext::now(caller.user.as_str());
    match wifo_app::privacy::erase_person(&state.data, person, today(), reason, &context).await {
        Ok(position) => {
            state.office.remember(&caller, position);
            Ok(pages::done(
                &format!("/verwaltung/datenschutz?person={person}"),
                "person_erased",
            ))
        }
        Err(error) => Err(PageError::internal(&caller, "erasure failed", error)),
    }
}
