//! The search of organizations (`/organisationen`): free text (names, former names, address,
//! external id, contact persons; ranked) and filters (kind, region, sector, account manager
//! chosen by display name, months without contact), 50 hits a page with numbered pages, columns
//! sorted by a click on their heading, and the whole filtered list as a download
//! (`&format=csv|xlsx`).

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;
use wifo_app::export::{organizations_of, table_bytes};
use wifo_domain::german;
use wifo_domain::{
    organization::OrganizationKind,
    values::{RegionCode, UserName, WzCode},
};
use wifo_projections::queries::directory::{
    DirectoryQuery, DirectorySort, directory, directory_ids,
};

use crate::respond::attachment;
use crate::state::AppState;
use crate::ui::{
    choices::{staff_choices, taxonomy_choices, with_empty},
    error::PageError,
    form::{Choice, FormView, Input, enum_choices},
    listing::{ListAddress, Pager, SortLink, download_format, page_number},
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
    /// `name`, `region`, `kontakt` or `treffer`; empty: best match first when searching.
    #[serde(default)]
    sortierung: String,
    /// `1`: descending.
    #[serde(default)]
    absteigend: String,
    /// `csv` or `xlsx`: the whole filtered list as a file instead of the page.
    #[serde(default)]
    format: String,
}

/// The sortable columns: parameter value and order.
const SORTS: [(&str, DirectorySort); 4] = [
    ("name", DirectorySort::Name),
    ("region", DirectorySort::Region),
    ("kontakt", DirectorySort::LastContact),
    ("treffer", DirectorySort::Relevance),
];

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
    staff: Vec<Choice>,
    hits: Vec<Hit>,
    total: String,
    pager: Pager,
    sort_name: SortLink,
    sort_region: SortLink,
    sort_contact: SortLink,
    may_register: bool,
}

/// The address of this list as it was opened.
fn address(params: &SearchParams) -> ListAddress {
    ListAddress::new(
        "/organisationen",
        vec![
            ("q", params.q.clone()),
            ("art", params.art.clone()),
            ("region", params.region.clone()),
            ("branche", params.branche.clone()),
            ("betreuung", params.betreuung.clone()),
            ("ohne_kontakt", params.ohne_kontakt.clone()),
            ("sortierung", params.sortierung.clone()),
            ("absteigend", params.absteigend.clone()),
        ],
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
    let page_number = page_number(&params.seite);
    let text = Some(params.q.clone()).filter(|text| !text.trim().is_empty());
    let sort = SORTS
        .iter()
        .find(|(value, _)| *value == params.sortierung)
        .map(|(_, sort)| *sort)
        .unwrap_or_else(|| DirectorySort::default_for(text.as_deref()));
    let query = DirectoryQuery {
        text,
        kind,
        sector,
        region,
        account_manager,
        no_contact_months,
        sort,
        descending: params.absteigend == "1",
        page: page_number,
        per_page: PER_PAGE,
        today: Some(today()),
        ..DirectoryQuery::default()
    };
    if let (Some(format), true) = (download_format(&params.format), input.is_valid()) {
        let bytes = {
            let views = state.projections.read();
            let sheet = organizations_of(&views, &directory_ids(&views, &query));
            table_bytes(std::slice::from_ref(&sheet), format)
        }
        .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!("organisationen.{}", format.extension()),
            bytes,
        ));
    }
    let (result, regions, staff) = {
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
            staff_choices(&views, texts::get("search.all_staff")),
        )
    };
    let ((hits, total), region_choices) = (result, regions);
    let form = input.view();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let page_number = page_number.min(last_page);
    let list = address(&params);
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
            staff: form.options("betreuung", &staff),
            form,
            hits,
            total: german::integer(total as i64),
            pager: list.pager(page_number, last_page),
            sort_name: list.sort_link("name"),
            sort_region: list.sort_link("region"),
            sort_contact: list.sort_link("kontakt"),
            may_register: wifo_app::roles::STAFF.contains(&caller.role),
        },
        if input.is_valid() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
    ))
}
