//! The lead's workplace: the dashboard with this year's key figures against last year's
//! (visits, contacts, inquiries and first-response times, milestones achieved vs planned,
//! gatherings and attendance, coverage per Bezirksregion), two SVG charts, the drill-down lists
//! behind the figures, the cooperation board, and links to the analytics reports.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    http::Method,
    response::Response,
    routing::get,
};
use chrono::{Datelike, Months};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::{
    contact::{ContactState, ContactStatus},
    ids::{ContactId, InquiryId, VisitId},
    inquiry::InquiryState,
    values::RegionLevel,
    visit::{VisitState, VisitStatus},
};
use wifo_projections::queries::{
    board::cooperation_board, coverage::region_coverage, dashboard::year_figures,
};

use super::{
    LEADS, chart, page,
    pages::{self, Chrome},
    ready, texts, today,
};
use crate::{
    auth::Caller,
    http::{AppState, REPORT_READERS, Route},
};

/// How many rows a drill-down list shows at most.
const LIST_LIMIT: usize = 500;

#[derive(Deserialize, Default)]
pub struct YearParams {
    jahr: Option<i32>,
    #[serde(default)]
    was: String,
}

pub struct FigureRow {
    pub label: String,
    pub current: String,
    pub previous: String,
    pub change: String,
    pub href: Option<String>,
}

pub struct CoverageRow {
    pub name: String,
    pub businesses: String,
    pub current: String,
    pub previous: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    page: Chrome,
    t: texts::Texts,
    year: i32,
    previous_year: i32,
    figures: Vec<FigureRow>,
    visits_chart: String,
    contacts_chart: String,
    coverage: Vec<CoverageRow>,
    report_href: String,
}

fn change(current: f64, previous: f64) -> String {
    if previous == 0.0 {
        return "–".to_owned();
    }
    german::signed_percent((current - previous) * 100.0 / previous)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
];

async fn dashboard(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<YearParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let day = today();
    let year = params
        .jahr
        .filter(|year| (2000..=2100).contains(year))
        .unwrap_or(day.year());
    let target = state.config.first_response_working_days;
    let (now, before, coverage_now, coverage_before) = {
        let views = state.projections.read();
        let year_ago = day.checked_sub_months(Months::new(12)).unwrap_or(day);
        (
            year_figures(&views, year, target),
            year_figures(&views, year - 1, target),
            region_coverage(&views, RegionLevel::Bezirksregion, day),
            region_coverage(&views, RegionLevel::Bezirksregion, year_ago),
        )
    };
    let list = |what: &str| Some(format!("/leitung/liste?was={what}&jahr={year}"));
    let count_row =
        |label: &'static str, current: usize, previous: usize, href: Option<String>| FigureRow {
            label: texts::get(label).to_owned(),
            current: german::integer(current as i64),
            previous: german::integer(previous as i64),
            change: change(current as f64, previous as f64),
            href,
        };
    let median = |value: Option<f64>| {
        value
            .map(|days| german::decimal(days, 1))
            .unwrap_or_else(|| "–".to_owned())
    };
    let figures = vec![
        count_row("dash.visits", now.visits, before.visits, list("besuche")),
        count_row(
            "dash.contacts",
            now.contacts,
            before.contacts,
            list("kontakte"),
        ),
        count_row(
            "dash.inquiries",
            now.inquiries,
            before.inquiries,
            list("anliegen"),
        ),
        FigureRow {
            label: texts::get("dash.first_response").to_owned(),
            current: median(now.median_first_response_days),
            previous: median(before.median_first_response_days),
            change: match (
                now.median_first_response_days,
                before.median_first_response_days,
            ) {
                (Some(current), Some(previous)) => change(current, previous),
                _ => "–".to_owned(),
            },
            href: None,
        },
        FigureRow {
            label: format!(
                "{} ({} {target} {})",
                texts::get("dash.in_target"),
                texts::get("dash.within"),
                texts::get("dash.working_days")
            ),
            current: german::percent(now.answered_in_target, now.inquiries_answered),
            previous: german::percent(before.answered_in_target, before.inquiries_answered),
            change: "–".to_owned(),
            href: None,
        },
        FigureRow {
            label: texts::get("dash.milestones").to_owned(),
            current: format!(
                "{} / {}",
                german::integer(now.milestones_achieved as i64),
                german::integer(now.milestones_planned as i64)
            ),
            previous: format!(
                "{} / {}",
                german::integer(before.milestones_achieved as i64),
                german::integer(before.milestones_planned as i64)
            ),
            change: change(
                now.milestones_achieved as f64,
                before.milestones_achieved as f64,
            ),
            href: Some("/kooperationen".to_owned()),
        },
        count_row(
            "dash.gatherings",
            now.gatherings_held,
            before.gatherings_held,
            None,
        ),
        count_row("dash.attendance", now.attendance, before.attendance, None),
    ];
    let this_year = year.to_string();
    let last_year = (year - 1).to_string();
    let visits_chart = chart::paired_bars(
        "chart-visits",
        texts::get("dash.visits_chart"),
        &MONTHS,
        (&this_year, &now.visits_per_month),
        (&last_year, &before.visits_per_month),
    );
    let contacts_chart = chart::paired_bars(
        "chart-contacts",
        texts::get("dash.contacts_chart"),
        &MONTHS,
        (&this_year, &now.contacts_per_month),
        (&last_year, &before.contacts_per_month),
    );
    let coverage = coverage_now
        .iter()
        .map(|region| CoverageRow {
            name: region.name.clone(),
            businesses: german::integer(region.businesses as i64),
            current: german::percent(region.contacted_12_months, region.businesses),
            previous: coverage_before
                .iter()
                .find(|earlier| earlier.region == region.region)
                .map(|earlier| german::percent(earlier.contacted_12_months, earlier.businesses))
                .unwrap_or_else(|| "–".to_owned()),
        })
        .collect();
    pages::ok(&DashboardPage {
        page: Chrome::new(&caller, texts::get("dash.title"), "/leitung"),
        t: texts::Texts,
        year,
        previous_year: year - 1,
        figures,
        visits_chart,
        contacts_chart,
        coverage,
        report_href: format!(
            "/api/v1/reports/leadership?from={}-01-01&to={}-12-31",
            year, year
        ),
    })
}

// ---------------------------------------------------------------------------------------------
// Drill-down

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

async fn drill_down(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<YearParams>,
) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let year = params
        .jahr
        .filter(|year| (2000..=2100).contains(year))
        .unwrap_or(today().year());
    let views = state.projections.read();
    let name = |id: &wifo_domain::ids::OrganizationId| {
        views
            .organizations
            .get(id)
            .and_then(|r| r.state.name.as_ref())
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
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
                        .filter_map(|(_, v)| {
                            let organization = v.organization?;
                            Some((
                                format!("/organisationen/{organization}"),
                                vec![
                                    v.conducted_on.map(german::date).unwrap_or_default(),
                                    name(&organization),
                                    v.staff
                                        .iter()
                                        .map(|s| s.to_string())
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                    v.topics
                                        .iter()
                                        .map(|c| c.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", "),
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
                                        .map(ToString::to_string)
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
                                String::new(),
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
            _ => return pages::not_found(Some(&caller), texts::get("dash.unknown_list")),
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
    pages::ok(&page)
}

// ---------------------------------------------------------------------------------------------
// Cooperation board

pub struct CooperationView {
    pub title: String,
    pub partners: String,
    pub term: String,
    pub achieved: usize,
    pub planned: usize,
    pub milestones: Vec<(String, String, String, bool)>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    page: Chrome,
    t: texts::Texts,
    cooperations: Vec<CooperationView>,
}

async fn board(State(state): State<AppState>, Extension(caller): Extension<Caller>) -> Response {
    if let Err(response) = ready(&state, &caller).await {
        return response;
    }
    let day = today();
    let views = state.projections.read();
    let cooperations = cooperation_board(&views, day, 90)
        .into_iter()
        .map(|card| CooperationView {
            title: card.title.clone(),
            partners: card
                .partners
                .iter()
                .filter_map(|id| {
                    views
                        .organizations
                        .get(id)
                        .and_then(|r| r.state.name.as_ref())
                        .map(|n| n.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
            term: format!(
                "{} – {}",
                german::optional_date(card.valid_from),
                german::optional_date(card.valid_until)
            ),
            achieved: card.achieved,
            planned: card.planned,
            milestones: card
                .milestones
                .iter()
                .map(|m| {
                    let status = match m.status {
                        wifo_domain::cooperation::MilestoneStatus::Planned => {
                            texts::get("board.planned").to_owned()
                        }
                        wifo_domain::cooperation::MilestoneStatus::Achieved { on } => {
                            format!("{} {}", texts::get("board.achieved"), german::date(on))
                        }
                        wifo_domain::cooperation::MilestoneStatus::Cancelled { on } => {
                            format!("{} {}", texts::get("board.cancelled"), german::date(on))
                        }
                    };
                    let overdue =
                        matches!(m.status, wifo_domain::cooperation::MilestoneStatus::Planned)
                            && m.due < day;
                    (german::date(m.due), m.title.clone(), status, overdue)
                })
                .collect(),
        })
        .collect();
    let page = BoardPage {
        page: Chrome::new(&caller, texts::get("nav.board"), "/kooperationen"),
        t: texts::Texts,
        cooperations,
    };
    drop(views);
    pages::ok(&page)
}

pub fn routes() -> Vec<Route> {
    vec![
        page(
            Method::GET,
            "/leitung",
            LEADS,
            "Kennzahlen des Jahres gegen das Vorjahr",
            get(dashboard),
        ),
        page(
            Method::GET,
            "/leitung/liste",
            LEADS,
            "Liste hinter einer Kennzahl",
            get(drill_down),
        ),
        page(
            Method::GET,
            "/kooperationen",
            REPORT_READERS,
            "Kooperationen und Meilensteine",
            get(board),
        ),
    ]
}
