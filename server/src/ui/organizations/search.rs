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
use wifo_app::export::{TableFormat, organizations_of, table_bytes};
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

/// A column heading that sorts by it; `aria_sort` for screen readers.
pub(super) struct SortLink {
    pub href: String,
    pub aria_sort: &'static str,
    pub arrow: &'static str,
}

/// One link of the pager.
pub(super) struct PageLink {
    pub label: String,
    pub href: Option<String>,
    pub current: bool,
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
    staff: Vec<Choice>,
    hits: Vec<Hit>,
    total: String,
    previous: Option<String>,
    next: Option<String>,
    pager: Vec<PageLink>,
    page_of: String,
    sort_name: SortLink,
    sort_region: SortLink,
    sort_contact: SortLink,
    csv_href: String,
    xlsx_href: String,
    may_register: bool,
}

/// The address of this list with `changes` applied (`seite`, `sortierung`, `absteigend`,
/// `format`); empty values are left out.
fn query_string(params: &SearchParams, changes: &[(&str, String)]) -> String {
    let pairs = [
        ("q", params.q.as_str()),
        ("art", params.art.as_str()),
        ("region", params.region.as_str()),
        ("branche", params.branche.as_str()),
        ("betreuung", params.betreuung.as_str()),
        ("ohne_kontakt", params.ohne_kontakt.as_str()),
        ("sortierung", params.sortierung.as_str()),
        ("absteigend", params.absteigend.as_str()),
    ];
    let mut query: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(key, _)| !changes.iter().any(|(changed, _)| changed == key))
        .map(|(key, value)| (*key, (*value).to_owned()))
        .chain(changes.iter().cloned())
        .filter(|(_, value)| !value.is_empty())
        .collect();
    query.sort_by_key(|(key, _)| *key);
    format!(
        "/organisationen?{}",
        serde_urlencoded::to_string(&query).unwrap_or_default()
    )
}

/// The heading link of column `value`: ascending first, descending on a second click.
fn sort_link(params: &SearchParams, value: &str) -> SortLink {
    let descending = params.absteigend == "1";
    let active = params.sortierung == value;
    let href = query_string(
        params,
        &[
            ("sortierung", value.to_owned()),
            (
                "absteigend",
                if active && !descending { "1" } else { "" }.to_owned(),
            ),
            ("seite", String::new()),
        ],
    );
    match (active, descending) {
        (true, false) => SortLink {
            href,
            aria_sort: "ascending",
            arrow: " ▲",
        },
        (true, true) => SortLink {
            href,
            aria_sort: "descending",
            arrow: " ▼",
        },
        (false, _) => SortLink {
            href,
            aria_sort: "none",
            arrow: "",
        },
    }
}

/// The first and last page, the current one and two on either side, with gaps between.
fn pager(params: &SearchParams, current: usize, last: usize) -> Vec<PageLink> {
    let mut links = Vec::new();
    let mut previous_shown = 0;
    for number in 1..=last {
        let near = number + 2 >= current && number <= current + 2;
        if number != 1 && number != last && !near {
            continue;
        }
        if number > previous_shown + 1 {
            links.push(PageLink {
                label: "…".to_owned(),
                href: None,
                current: false,
            });
        }
        links.push(PageLink {
            label: german::integer(number as i64),
            href: (number != current)
                .then(|| query_string(params, &[("seite", number.to_string())])),
            current: number == current,
        });
        previous_shown = number;
    }
    links
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
            previous: (page_number > 1)
                .then(|| query_string(&params, &[("seite", (page_number - 1).to_string())])),
            next: (page_number < last_page)
                .then(|| query_string(&params, &[("seite", (page_number + 1).to_string())])),
            pager: pager(&params, page_number, last_page),
            page_of: format!(
                "{} {} {} {}",
                texts::get("search.page"),
                german::integer(page_number as i64),
                texts::get("search.of"),
                german::integer(last_page as i64)
            ),
            sort_name: sort_link(&params, "name"),
            sort_region: sort_link(&params, "region"),
            sort_contact: sort_link(&params, "kontakt"),
            csv_href: query_string(
                &params,
                &[("format", "csv".to_owned()), ("seite", String::new())],
            ),
            xlsx_href: query_string(
                &params,
                &[("format", "xlsx".to_owned()), ("seite", String::new())],
            ),
            may_register: wifo_app::roles::STAFF.contains(&caller.role),
        },
        if input.is_valid() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        },
    ))
}

/// The file format a download asks for (`csv`, `xlsx`, as the exports name them); the page
/// for anything else.
fn download_format(format: &str) -> Option<TableFormat> {
    TableFormat::parse(format).filter(|format| *format != TableFormat::Json)
}
