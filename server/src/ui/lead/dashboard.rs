//! The lead's dashboard (`/leitung`): this year's key figures against last year's (visits,
//! contacts, inquiries and first-response times, milestones achieved vs planned, gatherings and
//! attendance, coverage per Bezirksregion), two SVG charts, links to the drill-down lists behind
//! the figures and to the analytics report.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use chrono::{Datelike, Months};
use serde::Deserialize;
use wifo_domain::german;
use wifo_domain::values::RegionLevel;
use wifo_projections::queries::{coverage::region_coverage, dashboard::year_figures};

use crate::state::AppState;
use crate::ui::{
    chart,
    error::PageError,
    pages::{self, Chrome},
    ready, texts, today,
};
use wifo_app::auth::Caller;

#[derive(Deserialize, Default)]
pub(super) struct YearParams {
    pub(super) jahr: Option<i32>,
    #[serde(default)]
    pub(super) was: String,
}

pub(super) struct FigureRow {
    pub label: String,
    pub current: String,
    pub previous: String,
    pub change: String,
    pub href: Option<String>,
}

pub(super) struct CoverageRow {
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

pub(super) async fn dashboard(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(params): Query<YearParams>,
) -> Result<Response, PageError> {
    ready(&state, &caller).await?;
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
    Ok(pages::ok(&DashboardPage {
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
    }))
}
