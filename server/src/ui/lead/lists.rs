//! The lists behind the dashboard's figures (`/leitung/liste?was=besuche|kontakte|anliegen&jahr=`):
//! the year's conducted visits, logged contacts or received inquiries — every one, 50 a page
//! with numbered pages, newest first unless a column heading sorts otherwise — and the whole
//! list, in the order shown, as a download for German Excel (`&format=csv|xlsx`).

use std::cmp::Ordering;

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use chrono::Datelike;
use serde::Deserialize;
use wifo_app::export::table_bytes;
use wifo_domain::{contact::ContactStatus, german, visit::VisitStatus};
use wifo_exchange::export::{Cell, Sheet};
use wifo_projections::{Views, queries::work::first_response_working_days};

use crate::respond::attachment;
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    listing::{ListAddress, Pager, SortLink, download_format, page_number},
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

/// Rows a page shows.
const PER_PAGE: usize = 50;

#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    jahr: Option<i32>,
    #[serde(default)]
    was: String,
    #[serde(default)]
    seite: String,
    #[serde(default)]
    sortierung: String,
    #[serde(default)]
    absteigend: String,
    #[serde(default)]
    format: String,
}

/// One line: the link of its organization cell and its cells.
struct Line {
    href: String,
    cells: Vec<Cell>,
}

/// One list: its heading, file name, columns (sort value, text key) and lines.
struct List {
    heading: &'static str,
    file: &'static str,
    columns: [(&'static str, &'static str); 4],
    lines: Vec<Line>,
}

/// A column heading as the template shows it.
struct Column {
    label: String,
    sort: SortLink,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    columns: Vec<Column>,
    rows: Vec<(String, Vec<String>)>,
    total: String,
    pager: Pager,
    back: String,
}

/// The lines of list `was` for `year`, or `None` for a list that does not exist.
fn list(views: &Views, was: &str, year: i32) -> Option<List> {
    let names = views.names();
    let organization = |id: &wifo_domain::ids::OrganizationId| Cell::text(names.organization(id));
    match was {
        "besuche" => Some(List {
            heading: "dash.visits",
            file: "besuche",
            columns: [
                ("datum", "col.date"),
                ("organisation", "col.organization"),
                ("mitarbeiter", "col.staff"),
                ("themen", "col.topics"),
            ],
            lines: views
                .visits
                .iter()
                .filter(|(_, visit)| visit.status == VisitStatus::Conducted)
                .filter_map(|(id, visit)| {
                    let day = visit.conducted_on.filter(|day| day.year() == year)?;
                    let at = visit.organization?;
                    Some(Line {
                        href: format!("/besuche/{id}"),
                        cells: vec![
                            Cell::Date(day),
                            organization(&at),
                            Cell::text(names.staff_list(&visit.staff)),
                            Cell::text(names.topics(&visit.topics)),
                        ],
                    })
                })
                .collect(),
        }),
        "kontakte" => Some(List {
            heading: "dash.contacts",
            file: "kontakte",
            columns: [
                ("datum", "col.date"),
                ("organisation", "col.organization"),
                ("kanal", "contact.channel"),
                ("mitarbeiter", "col.staff"),
            ],
            lines: views
                .contacts
                .iter()
                .filter(|(_, contact)| contact.status == ContactStatus::Logged)
                .filter_map(|(id, contact)| {
                    let day = contact.contacted_on.filter(|day| day.year() == year)?;
                    let at = contact.organization?;
                    Some(Line {
                        href: format!("/kontakte/{id}"),
                        cells: vec![
                            Cell::Date(day),
                            organization(&at),
                            Cell::optional(contact.channel.map(|channel| channel.label())),
                            Cell::optional(
                                contact
                                    .staff
                                    .as_ref()
                                    .map(|staff| names.staff(staff.as_str())),
                            ),
                        ],
                    })
                })
                .collect(),
        }),
        "anliegen" => Some(List {
            heading: "dash.inquiries",
            file: "anliegen",
            columns: [
                ("datum", "col.date"),
                ("organisation", "col.organization"),
                ("quelle", "col.source"),
                ("erstantwort", "dash.first_response_days"),
            ],
            lines: views
                .inquiries
                .iter()
                .filter_map(|(id, inquiry)| {
                    let day = inquiry.received_on.filter(|day| day.year() == year)?;
                    Some(Line {
                        href: format!("/anliegen/{id}"),
                        cells: vec![
                            Cell::Date(day),
                            inquiry.organization.as_ref().map_or_else(
                                || Cell::text(texts::get("inquiry.anonymous")),
                                organization,
                            ),
                            Cell::optional(inquiry.source.map(|source| source.label())),
                            first_response_working_days(views, *id)
                                .map_or(Cell::Empty, |days| Cell::Integer(i64::from(days))),
                        ],
                    })
                })
                .collect(),
        }),
        _ => None,
    }
}

/// Orders two cells of one column: days and numbers by value, texts alphabetically ignoring
/// case; empty cells last.
fn compare(a: &Cell, b: &Cell) -> Ordering {
    match (a, b) {
        (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
        (Cell::Integer(a), Cell::Integer(b)) => a.cmp(b),
        (Cell::Empty, Cell::Empty) => Ordering::Equal,
        (Cell::Empty, _) => Ordering::Greater,
        (_, Cell::Empty) => Ordering::Less,
        _ => a.display().to_lowercase().cmp(&b.display().to_lowercase()),
    }
}

pub(super) async fn drill_down(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<ListParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let year = params
        .jahr
        .filter(|year| (2000..=2100).contains(year))
        .unwrap_or(today().year());
    let Some(mut list) = list(&state.projections.read(), &params.was, year) else {
        return Err(PageError::not_found(
            &caller,
            texts::get("dash.unknown_list"),
        ));
    };
    // Newest first unless a heading sorts otherwise; ties in the order of the first column.
    let (sort, descending) = if params.sortierung.is_empty() {
        ("datum".to_owned(), true)
    } else {
        (params.sortierung.clone(), params.absteigend == "1")
    };
    let column = list
        .columns
        .iter()
        .position(|(value, _)| *value == sort)
        .unwrap_or(0);
    list.lines.sort_by(|a, b| {
        let order = compare(&a.cells[column], &b.cells[column])
            .then_with(|| compare(&a.cells[0], &b.cells[0]))
            .then_with(|| a.href.cmp(&b.href));
        if descending { order.reverse() } else { order }
    });
    if let Some(format) = download_format(&params.format) {
        let header: Vec<&str> = list
            .columns
            .iter()
            .map(|(_, key)| texts::get(key))
            .collect();
        let mut sheet = Sheet::new(texts::get(list.heading), &header);
        sheet.rows = list.lines.into_iter().map(|line| line.cells).collect();
        let bytes = table_bytes(std::slice::from_ref(&sheet), format)
            .map_err(|error| PageError::internal(&caller, "Export", error))?;
        return Ok(attachment(
            format.media_type(),
            &format!("{}-{year}.{}", list.file, format.extension()),
            bytes,
        ));
    }
    let address = ListAddress::new(
        "/leitung/liste",
        vec![
            ("was", params.was.clone()),
            ("jahr", year.to_string()),
            ("sortierung", sort),
            ("absteigend", if descending { "1" } else { "" }.to_owned()),
        ],
    );
    let total = list.lines.len();
    let last_page = total.div_ceil(PER_PAGE).max(1);
    let current = page_number(&params.seite).min(last_page);
    let heading = format!("{} {year}", texts::get(list.heading));
    let page = ListPage {
        page: Chrome::new(&caller, &heading, ""),
        t: texts::Texts,
        heading,
        columns: list
            .columns
            .iter()
            .map(|(value, key)| Column {
                label: texts::get(key).to_owned(),
                sort: address.sort_link(value),
            })
            .collect(),
        rows: list
            .lines
            .into_iter()
            .skip((current - 1) * PER_PAGE)
            .take(PER_PAGE)
            .map(|line| (line.href, line.cells.iter().map(Cell::display).collect()))
            .collect(),
        total: german::integer(total as i64),
        pager: address.pager(current, last_page),
        back: format!("/leitung?jahr={year}"),
    };
    Ok(pages::ok(&page))
}
