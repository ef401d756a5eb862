//! The administration: users and their roles, the taxonomies (topics, offices, regions,
//! sectors), and the data-protection requests of a person — the access export (DSGVO Art. 15)
//! as a printable page and the erasure (Art. 17) through `privacy::erase_person`. The import
//! page is linked from the navigation and lives elsewhere.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::{Method, StatusCode},
    response::Response,
    routing::{get, post},
};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::{
    ids::PersonId,
    person::ErasureReason,
    personal::Erasable,
    taxonomy::{DefineEntries, Entry, Taxonomy, TaxonomyCommand, TaxonomyKind},
    user::{ChangeUserRole, UserCommand, UserStatus},
    values::{Role, Title, UserName},
};
use wifo_projections::queries::personal::{locate, personal_data};
use wifo_store::CommandContext;

use super::{
    ADMINS, execute,
    form::{Choice, FormView, Input, enum_choices},
    page,
    pages::{self, Chrome},
    ready, refusal, remember, texts, today,
};
use crate::{
    accounts::{AccountError, add_user, change_user},
    auth::Caller,
    http::{AppState, Route},
};

pub struct UserLine {
    pub name: String,
    pub display_name: String,
    pub role: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    page: Chrome,
    t: texts::Texts,
    users: Vec<UserLine>,
    form: FormView,
    roles: Vec<Choice>,
    role_change: Vec<Choice>,
    user_choices: Vec<Choice>,
}

fn role_choices() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|role| (role.as_str().to_owned(), role.label().to_owned()))
        .collect()
}

fn users_page(
    state: &AppState,
    caller: &Caller,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let users: Vec<UserLine> = state
        .projections
        .read()
        .users
        .iter()
        .map(|(name, user)| UserLine {
            name: name.clone(),
            display_name: user
                .display_name
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default(),
            role: user.role.map(|r| r.label().to_owned()).unwrap_or_default(),
            active: user.status == UserStatus::Active,
        })
        .collect();
    let names: Vec<(String, String)> = users
        .iter()
        .map(|u| (u.name.clone(), u.name.clone()))
        .collect();
    pages::render(
        &UsersPage {
            page: Chrome::new(caller, texts::get("nav.users"), "/verwaltung").with_notice(notice),
            t: texts::Texts,
            users,
            roles: form.options("role", &role_choices()),
            role_change: form.options("new_role", &role_choices()),
            user_choices: form.options("user", &names),
            form,
        },
        status,
    )
}

async fn users(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    users_page(
        &state,
        &caller,
        FormView::with(&[("role", "staff".into())]),
        notice.ok.as_deref(),
        StatusCode::OK,
    )
}

fn account_refusal(error: AccountError) -> String {
    match error {
        AccountError::Rejected(error) => refusal(error),
        AccountError::Other(error) => {
            tracing::error!(%error, "account change failed");
            texts::get("error.internal_text").to_owned()
        }
        other => other.to_string(),
    }
}

async fn create_user(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let name = input.required("name", UserName::parse);
    let display_name = input.required("display_name", Title::parse);
    let role = input.required("role", Role::parse);
    let password = input.get("password").to_owned();
    let (Some(name), Some(display_name), Some(role)) = (name, display_name, role) else {
        return users_page(
            &state,
            &caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let context = CommandContext::now(caller.user.as_str());
    match add_user(
        &state.data,
        &state.auth,
        &name,
        &display_name,
        role,
        &password,
        &context,
    )
    .await
    {
        Ok(outcome) => {
            remember(&state, &caller, outcome.position);
            pages::done("/verwaltung", "user_created")
        }
        Err(AccountError::WeakPassword) => {
            input.fail("password", AccountError::WeakPassword.to_string());
            users_page(
                &state,
                &caller,
                input.view(),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(error) => users_page(
            &state,
            &caller,
            input.view().refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

async fn change_role(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let user = input.required("user", UserName::parse);
    let role = input.required("new_role", Role::parse);
    let (Some(user), Some(role)) = (user, role) else {
        return users_page(
            &state,
            &caller,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let context = CommandContext::now(caller.user.as_str());
    match change_user(
        &state.data,
        &state.auth,
        UserCommand::ChangeRole(ChangeUserRole { user, role }),
        &context,
    )
    .await
    {
        Ok(outcome) => {
            remember(&state, &caller, outcome.position);
            pages::done("/verwaltung", "role_changed")
        }
        Err(error) => users_page(
            &state,
            &caller,
            input.view().refused(account_refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Taxonomies

pub struct EntryLine {
    pub code: String,
    pub name: String,
    pub parent: String,
    pub retired: bool,
}

#[derive(Template)]
#[template(path = "admin_taxonomy.html")]
struct TaxonomyPage {
    page: Chrome,
    t: texts::Texts,
    kind: String,
    label: String,
    kinds: Vec<(String, String, bool)>,
    entries: Vec<EntryLine>,
    form: FormView,
}

fn taxonomy_page(
    state: &AppState,
    caller: &Caller,
    kind: TaxonomyKind,
    form: FormView,
    notice: Option<&str>,
    status: StatusCode,
) -> Response {
    let entries = state
        .projections
        .read()
        .taxonomies
        .get(kind.as_str())
        .map(|taxonomy| {
            taxonomy
                .entries
                .iter()
                .map(|(code, entry)| EntryLine {
                    code: code.clone(),
                    name: entry.name.clone(),
                    parent: entry.parent.clone().unwrap_or_default(),
                    retired: entry.retired,
                })
                .collect()
        })
        .unwrap_or_default();
    pages::render(
        &TaxonomyPage {
            page: Chrome::new(caller, kind.label(), "/verwaltung/taxonomien/topics")
                .with_notice(notice),
            t: texts::Texts,
            kind: kind.as_str().to_owned(),
            label: kind.label().to_owned(),
            kinds: TaxonomyKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), k.label().to_owned(), *k == kind))
                .collect(),
            entries,
            form,
        },
        status,
    )
}

async fn taxonomy(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    match TaxonomyKind::parse(&kind) {
        Ok(kind) => taxonomy_page(
            &state,
            &caller,
            kind,
            FormView::default(),
            notice.ok.as_deref(),
            StatusCode::OK,
        ),
        Err(_) => pages::not_found(Some(&caller), texts::get("admin.unknown_taxonomy")),
    }
}

async fn define(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Ok(kind) = TaxonomyKind::parse(&kind) else {
        return pages::not_found(Some(&caller), texts::get("admin.unknown_taxonomy"));
    };
    let mut input = Input::new(pairs);
    let code = input.get("code").to_owned();
    let name = input.get("name").to_owned();
    let parent = input.get("parent").to_owned();
    if code.is_empty() {
        input.fail("code", texts::get("admin.code_missing"));
    }
    if name.is_empty() {
        input.fail("name", texts::get("admin.name_missing"));
    }
    if !input.is_valid() {
        return taxonomy_page(
            &state,
            &caller,
            kind,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    let command = TaxonomyCommand::Define(DefineEntries {
        taxonomy: kind,
        entries: vec![Entry::new(
            &code,
            &name,
            (!parent.is_empty()).then_some(parent.as_str()),
        )],
        skip_existing: false,
    });
    match execute::<Taxonomy>(&state, &caller, command).await {
        Ok(()) => pages::done(
            &format!("/verwaltung/taxonomien/{}", kind.as_str()),
            "entry_defined",
        ),
        Err(error) => taxonomy_page(
            &state,
            &caller,
            kind,
            input.view().refused(refusal(error)),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Data protection

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
pub struct PersonParams {
    #[serde(default)]
    person: String,
    ok: Option<String>,
}

async fn privacy(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<PersonParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
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
        return pages::ok(&page);
    }
    let Ok(person) = PersonId::parse(&page.person) else {
        page.form = page.form.refused(texts::get("admin.person_unknown"));
        return pages::render(&page, StatusCode::NOT_FOUND);
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
        return pages::render(&page, StatusCode::NOT_FOUND);
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
    pages::ok(&page)
}

async fn erase(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = Input::new(pairs);
    let Ok(person) = PersonId::parse(&id) else {
        return pages::not_found(Some(&caller), texts::get("admin.person_unknown"));
    };
    if !state.projections.read().persons.contains_key(&person) {
        return pages::not_found(Some(&caller), texts::get("admin.person_unknown"));
    }
    let Some(reason) = input.choice::<ErasureReason>("reason") else {
        return pages::not_found(Some(&caller), texts::get("error.choice"));
    };
    let context = CommandContext::now(caller.user.as_str());
    match crate::privacy::erase_person(&state.data, person, today(), reason, &context).await {
        Ok(position) => {
            remember(&state, &caller, position);
            pages::done(
                &format!("/verwaltung/datenschutz?person={person}"),
                "person_erased",
            )
        }
        Err(error) => {
            tracing::error!(%error, "erasure failed");
            pages::unavailable(&caller, texts::get("error.internal_text"))
        }
    }
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/verwaltung",
            ADMINS,
            "Benutzer und Rollen",
            get(users),
        ),
        page(
            Method::POST,
            "/verwaltung/benutzer",
            ADMINS,
            "Benutzer anlegen",
            post(create_user),
        ),
        page(
            Method::POST,
            "/verwaltung/rollen",
            ADMINS,
            "Rolle ändern",
            post(change_role),
        ),
        page(
            Method::GET,
            "/verwaltung/taxonomien/{id}",
            ADMINS,
            "Klassifikation ansehen",
            get(taxonomy),
        ),
        page(
            Method::POST,
            "/verwaltung/taxonomien/{id}",
            ADMINS,
            "Eintrag anlegen",
            post(define),
        ),
        page(
            Method::GET,
            "/verwaltung/datenschutz",
            ADMINS,
            "Auskunft über eine Person (Art. 15 DSGVO)",
            get(privacy),
        ),
        page(
            Method::POST,
            "/verwaltung/datenschutz/{id}/loeschen",
            ADMINS,
            "Personenbezogene Daten löschen (Art. 17 DSGVO)",
            post(erase),
        ),
    ]
}
