//! A person's data-protection requests (`/verwaltung/datenschutz`, the data-protection officer
//! and admins): find the person by name (the in-memory name index; nothing is decrypted for the
//! list) or by id, then the access export (DSGVO Art. 15) as a printable page — everything of
//! `privacy::access_report::AccessReport`, the JSON download beside it — and the erasure
//! (Art. 17) through `privacy::erase_person`. The API's `?format=html` answers the same page.

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;
use wifo_app::{auth::Caller, privacy::access_report::AccessReport};
use wifo_domain::{german, ids::PersonId, person::ErasureReason, personal::ERASED_LABEL};
use wifo_projections::queries::personal::find_persons;
use wifo_store::CommandContext;

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    ready, texts, today,
};

/// What the report shows, in German, ready for the template.
struct ReportView {
    person: String,
    erased: bool,
    produced: String,
    data: Vec<(String, String)>,
    /// (href, organization, role)
    links: Vec<(String, String, String)>,
    /// (purpose, day)
    consents: Vec<(String, String)>,
    withdrawn: Vec<(String, String)>,
    /// (occurred, recorded, type, stream, actor, content)
    events: Vec<[String; 6]>,
    /// (when, user, role, route, purpose)
    accesses: Vec<[String; 5]>,
}

/// A moment as `21.11.2026 14:05` in local time.
pub(super) fn local(moment: chrono::DateTime<chrono::Utc>) -> String {
    german::date_time(moment.with_timezone(&chrono::Local).naive_local())
}

fn view(report: &AccessReport) -> ReportView {
    let data = match &report.personal {
        Some(data) => vec![
            (texts::get("person.name").to_owned(), data.name.to_string()),
            (
                texts::get("person.email").to_owned(),
                data.email
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            (
                texts::get("person.phone").to_owned(),
                data.phone
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
            (
                texts::get("person.notes").to_owned(),
                data.notes.to_string(),
            ),
        ],
        None => vec![(
            texts::get("person.name").to_owned(),
            ERASED_LABEL.to_owned(),
        )],
    };
    let consent = |line: &wifo_app::privacy::access_report::ConsentLine| {
        (line.purpose_label.clone(), german::date(line.on))
    };
    ReportView {
        person: report.person.to_string(),
        erased: report.erased,
        produced: local(report.produced_at),
        data,
        links: report
            .links
            .iter()
            .map(|link| {
                (
                    format!("/organisationen/{}", link.organization),
                    link.organization_name.clone(),
                    link.role.clone(),
                )
            })
            .collect(),
        consents: report.consents.iter().map(consent).collect(),
        withdrawn: report.withdrawn_consents.iter().map(consent).collect(),
        events: report
            .events
            .iter()
            .map(|event| {
                [
                    german::date(event.occurred_on),
                    local(event.recorded_at),
                    event.event_type.clone(),
                    event.stream.clone(),
                    event.actor.clone(),
                    event.payload.to_string(),
                ]
            })
            .collect(),
        accesses: report
            .access_log
            .iter()
            .map(|entry| {
                [
                    local(entry.at),
                    entry.user.clone(),
                    entry.role.label().to_owned(),
                    entry.route.clone(),
                    entry.purpose.label().to_owned(),
                ]
            })
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "privacy_access.html")]
struct AccessPage {
    page: Chrome,
    t: texts::Texts,
    query: String,
    /// Persons found by name: (id, organizations).
    matches: Vec<(String, String)>,
    searched: bool,
    report: Option<ReportView>,
    reasons: Vec<Choice>,
    form: FormView,
}

/// The printable access export of `report` for `caller` (also the API's `?format=html`).
pub(crate) fn report_page(caller: &Caller, report: &AccessReport) -> Response {
    let form = FormView::with(&[("reason", "data_subject_request".into())]);
    pages::ok(&AccessPage {
        page: Chrome::new(
            caller,
            texts::get("admin.access_title"),
            "/verwaltung/datenschutz",
        ),
        t: texts::Texts,
        query: report.person.to_string(),
        matches: Vec::new(),
        searched: false,
        report: Some(view(report)),
        reasons: form.options(
            "reason",
            &enum_choices(&ErasureReason::ALL, ErasureReason::label),
        ),
        form,
    })
}

#[derive(Deserialize, Default)]
pub(super) struct PersonParams {
    #[serde(default)]
    person: String,
    #[serde(default)]
    suche: String,
    ok: Option<String>,
}

pub(super) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<PersonParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let form = FormView::with(&[
        ("suche", params.suche.trim().to_owned()),
        ("reason", "data_subject_request".into()),
    ]);
    let mut page = AccessPage {
        page: Chrome::new(
            &caller,
            texts::get("nav.privacy"),
            "/verwaltung/datenschutz",
        )
        .with_notice(params.ok.as_deref()),
        t: texts::Texts,
        query: params.suche.trim().to_owned(),
        matches: Vec::new(),
        searched: false,
        report: None,
        reasons: form.options(
            "reason",
            &enum_choices(&ErasureReason::ALL, ErasureReason::label),
        ),
        form,
    };
    let person = params.person.trim();
    if person.is_empty() {
        if !page.query.is_empty() {
            page.searched = true;
            let views = state.projections.read();
            let names = views.names();
            page.matches = match PersonId::parse(&page.query) {
                Ok(id) if views.persons.contains_key(&id) => vec![id],
                _ => find_persons(&views, &page.query, 50),
            }
            .into_iter()
            .map(|id| {
                let organizations = views
                    .persons
                    .get(&id)
                    .map(|record| names.organizations(record.links.keys()))
                    .unwrap_or_default();
                (id.to_string(), organizations)
            })
            .collect();
        }
        return Ok(pages::ok(&page));
    }
    let unknown = |mut page: AccessPage| {
        page.form = page.form.refused(texts::get("admin.person_unknown"));
        Ok(pages::render(&page, StatusCode::NOT_FOUND))
    };
    let Ok(id) = PersonId::parse(person) else {
        return unknown(page);
    };
    let report = wifo_app::privacy::access_report::access_report(
        &state.data,
        &state.projections,
        &caller,
        id,
        "GET /verwaltung/datenschutz",
    )
    .await
    .map_err(|error| PageError::internal(&caller, "access report", error))?;
    let Some(report) = report else {
        return unknown(page);
    };
    page.query = report.person.to_string();
    page.report = Some(view(&report));
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
