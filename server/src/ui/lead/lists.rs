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
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use wifo_app::export::table_bytes;
use wifo_domain::{
    contact::ContactStatus,
    german,
    ids::{ContactId, InquiryId, OrganizationId, VisitId},
    visit::VisitStatus,
};
use wifo_exchange::export::{Cell, Sheet};
use wifo_projections::{
    Views,
    queries::{names::Names, work::first_response_working_days},
};

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

/// One record of a list: which one, and its day (the first column, the default order).
#[derive(Clone, Copy)]
enum Item {
    Visit(VisitId),
    Contact(ContactId),
    Inquiry(InquiryId),
}

/// One list: its heading, file name, columns (sort value, text key) and records. Only the
/// records shown (or downloaded) are turned into cells, so a year of a large office's contacts
/// costs one pass and a sort by day, not one formatted line each.
struct List {
    heading: &'static str,
    file: &'static str,
    columns: [(&'static str, &'static str); 4],
    items: Vec<(NaiveDate, Item)>,
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

/// The records of list `was` for `year`, or `None` for a list that does not exist.
fn list(views: &Views, was: &str, year: i32) -> Option<List> {
    let of_year = |day: Option<NaiveDate>| day.filter(|day| day.year() == year);
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
            items: views
                .visits
                .iter()
                .filter(|(_, visit)| {
                    visit.status == VisitStatus::Conducted && visit.organization.is_some()
                })
                .filter_map(|(id, visit)| Some((of_year(visit.conducted_on)?, Item::Visit(*id))))
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
            items: views
                .contacts
                .iter()
                .filter(|(_, contact)| {
                    contact.status == ContactStatus::Logged && contact.organization.is_some()
                })
                .filter_map(|(id, contact)| {
                    Some((of_year(contact.contacted_on)?, Item::Contact(*id)))
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
            items: views
                .inquiries
                .iter()
                .filter_map(|(id, inquiry)| {
                    Some((of_year(inquiry.received_on)?, Item::Inquiry(*id)))
                })
                .collect(),
        }),
        _ => None,
    }
}

/// The link and the cells of one record.
fn line(views: &Views, names: &Names<'_>, day: NaiveDate, item: Item) -> (String, Vec<Cell>) {
    let organization = |id: Option<OrganizationId>| {
        id.map_or_else(
            || Cell::text(texts::get("inquiry.anonymous")),
            |id| Cell::text(names.organization(&id)),
        )
    };
    match item {
        Item::Visit(id) => {
            let visit = views.visits.get(&id);
            (
                format!("/besuche/{id}"),
                vec![
                    Cell::Date(day),
                    organization(visit.and_then(|visit| visit.organization)),
                    Cell::text(
                        visit
                            .map(|visit| names.staff_list(&visit.staff))
                            .unwrap_or_default(),
                    ),
                    Cell::text(
                        visit
                            .map(|visit| names.topics(&visit.topics))
                            .unwrap_or_default(),
                    ),
                ],
            )
        }
        Item::Contact(id) => {
            let contact = views.contacts.get(&id);
            (
                format!("/kontakte/{id}"),
                vec![
                    Cell::Date(day),
                    organization(contact.and_then(|contact| contact.organization)),
                    Cell::optional(
                        contact
                            .and_then(|contact| contact.channel)
                            .map(|channel| channel.label()),
                    ),
                    Cell::optional(
                        contact
                            .and_then(|contact| contact.staff.as_ref())
                            .map(|staff| names.staff(staff.as_str())),
                    ),
                ],
            )
        }
        Item::Inquiry(id) => {
            let inquiry = views.inquiries.get(&id);
            (
                format!("/anliegen/{id}"),
                vec![
                    Cell::Date(day),
                    organization(inquiry.and_then(|inquiry| inquiry.organization)),
                    Cell::optional(
                        inquiry
                            .and_then(|inquiry| inquiry.source)
                            .map(|source| source.label()),
                    ),
                    first_response_working_days(views, id)
                        .map_or(Cell::Empty, |days| Cell::Integer(i64::from(days))),
                ],
            )
        }
    }
}

/// The id of a record, the last tie-breaker of every order.
fn id_of(item: &Item) -> uuid::Uuid {
    match item {
        Item::Visit(id) => id.as_uuid(),
        Item::Contact(id) => id.as_uuid(),
        Item::Inquiry(id) => id.as_uuid(),
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
    let views = state.projections.read();
    let names = views.names();
    let Some(mut list) = list(&views, &params.was, year) else {
        return Err(PageError::not_found(
            &caller,
            texts::get("dash.unknown_list"),
        ));
    };
    // Newest first unless a heading sorts otherwise; ties by day, then by record.
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
    if column == 0 {
        list.items.sort_by(|a, b| {
            let order = a.0.cmp(&b.0).then_with(|| id_of(&a.1).cmp(&id_of(&b.1)));
            if descending { order.reverse() } else { order }
        });
    } else {
        let mut keyed: Vec<(Cell, (NaiveDate, Item))> = list
            .items
            .into_iter()
            .map(|(day, item)| {
                let (_, mut cells) = line(&views, &names, day, item);
                (cells.swap_remove(column), (day, item))
            })
            .collect();
        keyed.sort_by(|a, b| {
            let order = compare(&a.0, &b.0)
                .then_with(|| a.1.0.cmp(&b.1.0))
                .then_with(|| id_of(&a.1.1).cmp(&id_of(&b.1.1)));
            if descending { order.reverse() } else { order }
        });
        list.items = keyed.into_iter().map(|(_, item)| item).collect();
    }
    if let Some(format) = download_format(&params.format) {
        let header: Vec<&str> = list
            .columns
            .iter()
            .map(|(_, key)| texts::get(key))
            .collect();
        let mut sheet = Sheet::new(texts::get(list.heading), &header);
        sheet.rows = list
            .items
            .iter()
            .map(|(day, item)| line(&views, &names, *day, *item).1)
            .collect();
        drop(views);
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
    let total = list.items.len();
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
            .items
            .iter()
            .skip((current - 1) * PER_PAGE)
            .take(PER_PAGE)
            .map(|(day, item)| {
                let (href, cells) = line(&views, &names, *day, *item);
                (href, cells.iter().map(Cell::display).collect())
            })
            .collect(),
        total: german::integer(total as i64),
        pager: address.pager(current, last_page),
        back: format!("/leitung?jahr={year}"),
    };
    drop(views);
    Ok(pages::ok(&page))
}
