//! The search of organizations (`/organisationen`): free text and filters (kind, region, sector,
//! account manager, months without contact), 50 hits a page with links to the pages before and
//! after.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::{
    organization::OrganizationKind,
    values::{RegionCode, UserName, WzCode},
};
use wifo_projections::queries::directory::{DirectoryQuery, directory};

use crate::state::AppState;
use crate::ui::{
    choices::{taxonomy_choices, with_empty},
    error::PageError,
    form::{Choice, FormView, Input, enum_choices},
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

const PER_PAGE: usize = 50;

#[derive(Deserialize, Default)]
pub(super) struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    art: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    branche: String,
    #[serde(default)]
    betreuung: String,
    #[serde(default)]
    ohne_kontakt: String,
    #[serde(default)]
    seite: String,
}

pub(super) struct Hit {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub region: String,
    pub account_manager: String,
    pub last_contact: String,
}

#[derive(Template)]
#[template(path = "organizations.html")]
struct SearchPage {
    page: Chrome,
    t: texts::Texts,
    form: FormView,
    kinds: Vec<Choice>,
    regions: Vec<Choice>,
    hits: Vec<Hit>,
    total: String,
    previous: Option<String>,
    next: Option<String>,
    may_register: bool,
}

fn query_string(params: &SearchParams, page: usize) -> String {
    let pairs = [
        ("q", params.q.as_str()),
        ("art", params.art.as_str()),
        ("region", params.region.as_str()),
        ("branche", params.branche.as_str()),
        ("betreuung", params.betreuung.as_str()),
        ("ohne_kontakt", params.ohne_kontakt.as_str()),
    ];
    let mut query: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| (*key, (*value).to_owned()))
        .collect();
    query.push(("seite", page.to_string()));
    format!(
        "/organisationen?{}",
        serde_urlencoded::to_string(&query).unwrap_or_default()
    )
}

pub(super) async fn search(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<SearchParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let mut input = Input::new(vec![
        ("q".into(), params.q.clone()),
        ("art".into(), params.art.clone()),
        ("region".into(), params.region.clone()),
        ("branche".into(), params.branche.clone()),
        ("betreuung".into(), params.betreuung.clone()),
        ("ohne_kontakt".into(), params.ohne_kontakt.clone()),
    ]);
    let kind = if params.art.is_empty() {
        None
    } else {
        input.choice::<OrganizationKind>("art")
    };
    let region = input.optional("region", RegionCode::parse).flatten();
    let sector = input.optional("branche", WzCode::parse).flatten();
    let account_manager = input.optional("betreuung", UserName::parse).flatten();
    let no_contact_months = input.count("ohne_kontakt").flatten();
    let page_number = params.seite.parse::<usize>().unwrap_or(1).max(1);
    let query = DirectoryQuery {
        text: Some(params.q.clone()).filter(|text| !text.trim().is_empty()),
        kind,
        sector,
        region,
        account_manager,
        no_contact_months,
        page: page_number,
        per_page: PER_PAGE,
        today: Some(today()),
        ..DirectoryQuery::default()
    };
    let (result, regions) = {
        let views = state.projections.read();
        let result = if input.is_valid() {
            Some(directory(&views, &query))
        } else {
            None
        };
        let region_names = |code: &RegionCode| {
            views
                .taxonomies
                .get("regions")
                .and_then(|taxonomy| taxonomy.entries.get(code.as_str()))
                .map(|entry| entry.name.clone())
                .unwrap_or_else(|| code.as_str().to_owned())
        };
        let hits: Vec<Hit> = result
            .iter()
            .flat_map(|page| page.entries.iter())
            .map(|entry| Hit {
                href: format!("/organisationen/{}", entry.id),
                name: entry.name.clone(),
                kind: entry
                    .kind
                    .map(|kind| kind.label().to_owned())
                    .unwrap_or_default(),
                address: entry
                    .address
                    .as_ref()
                    .map(|address| address.to_string())
                    .unwrap_or_default(),
                region: entry.region.as_ref().map(region_names).unwrap_or_default(),
                account_manager: entry
                    .account_manager
                    .as_ref()
                    .map(|name| views.names().staff(name.as_str()))
                    .unwrap_or_default(),
                last_contact: german::optional_date(entry.last_contact),
            })
            .collect();
        let total = result.as_ref().map(|page| page.total).unwrap_or(0);
        (
            (hits, total),
            taxonomy_choices(&views, "regions", texts::get("search.all_regions")),
        )
    };
    let ((hits, total), region_choices) = (result, regions);
    let form = input.view();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    Ok(pages::render(
        &SearchPage {
            page: Chrome::new(&caller, texts::get("search.title"), "/organisationen"),
            t: texts::Texts,
            kinds: form.options(
                "art",
                &with_empty(
                    texts::get("search.all_kinds"),
                    enum_choices(&OrganizationKind::ALL, OrganizationKind::label),
                ),
            ),
            regions: form.options("region", &region_choices),
            form,
            hits,
            total: german::integer(total as i64),
            previous: (page_number > 1).then(|| query_string(&params, page_number - 1)),
            next: (page_number < last_page).then(|| query_string(&params, page_number + 1)),
            may_register: wifo_app::roles::STAFF.contains(&caller.role),
        },
        if input.is_valid() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
    ))
}
