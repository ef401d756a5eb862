//! The drill-down lists behind the dashboard's figures (`/leitung/liste?was=…&jahr=…`): the
//! year's visits, contacts or inquiries, newest first, at most 500 rows.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use chrono::Datelike;
use wifo_domain::german;
use wifo_domain::{
    contact::{ContactState, ContactStatus},
    ids::{ContactId, InquiryId, VisitId},
    inquiry::InquiryState,
    visit::{VisitState, VisitStatus},
};

use super::dashboard::YearParams;
use crate::state::AppState;
use crate::ui::{
    error::PageError,
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

/// How many rows a drill-down list shows at most.
const LIST_LIMIT: usize = 500;

/// A row of a drill-down list: the link of its organization cell and the cells.
type Row = (String, Vec<String>);

fn count<T>(items: impl IntoIterator<Item = T>, keep: impl Fn(&T) -> bool) -> usize {
    items.into_iter().filter(|item| keep(item)).count()
}

/// The newest `LIST_LIMIT` items that `keep` accepts, newest first: only the rows shown are
/// formatted, so a year of a large office's contacts costs one pass, not one row each.
/// Items of one date come newest id first (ids are time-ordered UUIDv7).
fn newest<T, K: Ord>(
    items: impl IntoIterator<Item = T>,
    keep: impl Fn(&T) -> bool,
    date: impl Fn(&T) -> K,
) -> Vec<T> {
    let mut found: Vec<T> = items.into_iter().filter(|item| keep(item)).collect();
    if found.len() > LIST_LIMIT {
        found.select_nth_unstable_by(LIST_LIMIT, |a, b| date(b).cmp(&date(a)));
        found.truncate(LIST_LIMIT);
    }
    found.sort_by_key(|item| std::cmp::Reverse(date(item)));
    found
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    page: Chrome,
    t: texts::Texts,
    heading: String,
    columns: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
    total: String,
    shown: String,
    back: String,
}

pub(super) async fn drill_down(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<YearParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
    let year = params
        .jahr
        .filter(|year| (2000..=2100).contains(year))
        .unwrap_or(today().year());
    let views = state.projections.read();
    let names = views.names();
    let name = |id: &wifo_domain::ids::OrganizationId| names.organization(id);
    let (heading, columns, total, rows): (&str, Vec<&str>, usize, Vec<Row>) =
        match params.was.as_str() {
            "besuche" => {
                let conducted = |(_, v): &(&VisitId, &VisitState)| {
                    v.status == VisitStatus::Conducted
                        && v.organization.is_some()
                        && v.conducted_on.is_some_and(|d| d.year() == year)
                };
                (
                    "dash.visits",
                    vec!["col.date", "col.organization", "col.staff", "col.topics"],
                    count(&views.visits, conducted),
                    newest(&views.visits, conducted, |(id, v)| (v.conducted_on, **id))
                        .into_iter()
                        .filter_map(|(id, v)| {
                            let organization = v.organization?;
                            Some((
                                format!("/besuche/{id}"),
                                vec![
                                    v.conducted_on.map(german::date).unwrap_or_default(),
                                    name(&organization),
                                    names.staff_list(&v.staff),
                                    names.topics(&v.topics),
                                ],
                            ))
                        })
                        .collect(),
                )
            }
            "kontakte" => {
                let logged = |(_, c): &(&ContactId, &ContactState)| {
                    c.status == ContactStatus::Logged
                        && c.organization.is_some()
                        && c.contacted_on.is_some_and(|d| d.year() == year)
                };
                (
                    "dash.contacts",
                    vec![
                        "col.date",
                        "col.organization",
                        "contact.channel",
                        "col.staff",
                    ],
                    count(&views.contacts, logged),
                    newest(&views.contacts, logged, |(id, c)| (c.contacted_on, **id))
                        .into_iter()
                        .filter_map(|(_, c)| {
                            let organization = c.organization?;
                            Some((
                                format!("/organisationen/{organization}"),
                                vec![
                                    c.contacted_on.map(german::date).unwrap_or_default(),
                                    name(&organization),
                                    c.channel.map(|x| x.label().to_owned()).unwrap_or_default(),
                                    c.staff
                                        .as_ref()
                                        .map(|staff| names.staff(staff.as_str()))
                                        .unwrap_or_default(),
                                ],
                            ))
                        })
                        .collect(),
                )
            }
            "anliegen" => {
                let received = |(_, i): &(&InquiryId, &InquiryState)| {
                    i.received_on.is_some_and(|d| d.year() == year)
                };
                (
                    "dash.inquiries",
                    vec![
                        "col.date",
                        "col.organization",
                        "col.source",
                        "dash.first_response_days",
                    ],
                    count(&views.inquiries, received),
                    newest(&views.inquiries, received, |(id, i)| (i.received_on, **id))
                        .into_iter()
                        .map(|(id, i)| {
                            (
                                format!("/anliegen/{id}"),
                                vec![
                                    i.received_on.map(german::date).unwrap_or_default(),
                                    i.organization.as_ref().map(name).unwrap_or_else(|| {
                                        texts::get("inquiry.anonymous").to_owned()
                                    }),
                                    i.source.map(|x| x.label().to_owned()).unwrap_or_default(),
                                    wifo_projections::queries::work::first_response_working_days(
                                        &views, *id,
                                    )
                                    .map(|d| d.to_string())
                                    .unwrap_or_else(|| "–".to_owned()),
                                ],
                            )
                        })
                        .collect(),
                )
            }
            _ => {
                return Err(PageError::not_found(
                    &caller,
                    texts::get("dash.unknown_list"),
                ));
            }
        };
    let page = ListPage {
        page: Chrome::new(&caller, format!("{} {year}", texts::get(heading)), ""),
        t: texts::Texts,
        heading: format!("{} {year}", texts::get(heading)),
        columns: columns
            .into_iter()
            .map(|key| texts::get(key).to_owned())
            .collect(),
        shown: german::integer(rows.len() as i64),
        rows,
        total: german::integer(total as i64),
        back: format!("/leitung?jahr={year}"),
    };
    drop(views);
    Ok(pages::ok(&page))
}
