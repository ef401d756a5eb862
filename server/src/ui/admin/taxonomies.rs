//! The taxonomies (`/verwaltung/taxonomien/{kind}`: topics, offices, regions, sectors): the
//! entries of one, the form to define an entry, and the form to rename, retire or reactivate
//! one with the day the change takes effect (`…/{kind}/eintrag`).

use askama::Template;
use axum::{
    Extension, Form,
    extract::{Path, Query, State},
    http::StatusCode,
    response::Response,
};
use wifo_domain::taxonomy::{
    DefineEntries, Entry, ReactivateEntry, RenameEntry, RetireEntry, Taxonomy, TaxonomyCommand,
    TaxonomyKind,
};

use crate::state::AppState;
use crate::ui::{
    error::PageError,
    execute,
    form::{FormView, Input},
    pages::{self, Chrome},
    ready, refusal, texts,
};
use wifo_app::auth::Caller;

pub(super) struct EntryLine {
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
    /// `(code, "name – code")` of every entry, for the change form.
    codes: Vec<crate::ui::form::Choice>,
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
    let entries: Vec<EntryLine> = state
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
    let choices: Vec<(String, String)> = entries
        .iter()
        .map(|entry: &EntryLine| {
            (
                entry.code.clone(),
                format!("{} – {}", entry.name, entry.code),
            )
        })
        .collect();
    pages::render(
        &TaxonomyPage {
            codes: form.options("entry", &choices),
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

pub(super) async fn taxonomy(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
    Query(notice): Query<pages::Notice>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let kind = parse_kind(&caller, &kind)?;
    Ok(taxonomy_page(
        &state,
        &caller,
        kind,
        FormView::with(&[("changed_on", wifo_domain::german::iso(crate::ui::today()))]),
        notice.ok.as_deref(),
        StatusCode::OK,
    ))
}

pub(super) async fn define(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let kind = parse_kind(&caller, &kind)?;
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
        return Ok(taxonomy_page(
            &state,
            &caller,
            kind,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
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
    Ok(match execute::<Taxonomy>(&state, &caller, command).await {
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
    })
}

/// Renames, retires or reactivates one entry (`action`), dated by `changed_on`.
pub(super) async fn change(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(kind): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let kind = parse_kind(&caller, &kind)?;
    let mut input = Input::new(pairs);
    let code = input.get("entry").to_owned();
    let new_name = input.get("new_name").trim().to_owned();
    let action = input.get("action").to_owned();
    let changed_on = input.date("changed_on");
    if code.is_empty() {
        input.fail("entry", texts::get("admin.code_missing"));
    }
    let command = match action.as_str() {
        "rename" if new_name.is_empty() => {
            input.fail("new_name", texts::get("admin.name_missing"));
            None
        }
        "rename" => Some(TaxonomyCommand::Rename(RenameEntry {
            taxonomy: kind,
            code: code.clone(),
            name: new_name,
        })),
        "retire" => Some(TaxonomyCommand::Retire(RetireEntry {
            taxonomy: kind,
            code: code.clone(),
        })),
        "reactivate" => Some(TaxonomyCommand::Reactivate(ReactivateEntry {
            taxonomy: kind,
            code: code.clone(),
        })),
        _ => {
            input.fail("action", texts::get("admin.action_missing"));
            None
        }
    };
    let (Some(command), Some(changed_on), true) = (command, changed_on, input.is_valid()) else {
        return Ok(taxonomy_page(
            &state,
            &caller,
            kind,
            input.view(),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let dated = Some((texts::get("org.changed_on"), changed_on));
    Ok(
        match state
            .office
            .execute_on::<Taxonomy>(&caller, &command, None, dated)
            .await
        {
            Ok(_) => pages::done(
                &format!("/verwaltung/taxonomien/{}", kind.as_str()),
                "entry_changed",
            ),
            Err(error) => {
                input.fail("entry", refusal(error));
                taxonomy_page(
                    &state,
                    &caller,
                    kind,
                    input.view(),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
            }
        },
    )
}

/// The taxonomy an address names, or the 404 page.
fn parse_kind(caller: &Caller, kind: &str) -> Result<TaxonomyKind, PageError> {
    TaxonomyKind::parse(kind)
        .map_err(|_| PageError::not_found(caller, texts::get("admin.unknown_taxonomy")))
}
