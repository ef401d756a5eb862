//! The lead's dashboard (`/leitung`): the key figures of the running year up to today against
//! the same days a year earlier (a past year whole against its previous year), as
//! `wifo_analytics::key_figures` defines them for the reports too (visits,
//! contacts, inquiries and first-response times, milestones achieved vs planned, gatherings and
//! attendance, coverage per Bezirksregion), two SVG charts, links to the drill-down lists behind
//! the figures and to the analytics report, and how many businesses are on the at-risk list
//! today, linked to it.

use askama::Template;
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use chrono::Datelike;
use serde::Deserialize;
use wifo_analytics::{
    ReportRequest,
    model::{Count, KeyedCount, Period},
};
use wifo_domain::german;
use wifo_projections::queries::at_risk::at_risk;

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
    /// `01.01.–02.12.2026` and the same days a year earlier.
    period: String,
    previous_period: String,
    figures: Vec<FigureRow>,
    visits_chart: String,
    contacts_chart: String,
    coverage: Vec<CoverageRow>,
    report_href: String,
    /// Businesses on the at-risk list today (`/gefaehrdet`).
    at_risk: String,
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

/// Months `1..=12` of a per-month line list as (current, previous) counts.
fn months(lines: &[KeyedCount]) -> ([usize; 12], [usize; 12]) {
    let mut current = [0; 12];
    let mut previous = [0; 12];
    for line in lines {
        let month = line
            .key
            .get(5..7)
            .and_then(|month| month.parse::<usize>().ok())
            .filter(|month| (1..=12).contains(month));
        if let Some(month) = month {
            current[month - 1] = line.count.current as usize;
            previous[month - 1] = line.count.previous as usize;
        }
    }
    (current, previous)
}

/// `01.01.–02.12.2026`.
fn period_text(period: Period) -> String {
    german::period(period.from, period.to)
}

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
    let mut request = ReportRequest::of_year(year, day)
        .map_err(|_| PageError::not_found(&caller, texts::get("dash.title")))?;
    request.options.first_response_target_working_days = state.config.first_response_working_days;
    let (projections, cache) = (state.projections.clone(), state.dashboard.clone());
    let shown = tokio::task::spawn_blocking(move || cache.get(&projections, &request, day))
        .await
        .map_err(|error| PageError::internal(&caller, "Kennzahlen", error))?
        .map_err(|error| PageError::internal(&caller, "Kennzahlen", error))?;
    let (now, coverage_now, coverage_before) =
        (&shown.figures, &shown.coverage, &shown.coverage_year_ago);
    let list = |what: &str| Some(format!("/leitung/liste?was={what}&jahr={year}"));
    let count_row = |label: &'static str, count: Count, href: Option<String>| FigureRow {
        label: texts::get(label).to_owned(),
        current: german::integer(count.current as i64),
        previous: german::integer(count.previous as i64),
        change: change(count.current as f64, count.previous as f64),
        href,
    };
    let median = |value: Option<f64>| {
        value
            .map(|days| german::decimal(days, 1))
            .unwrap_or_else(|| "–".to_owned())
    };
    let share = |part: u64, whole: u64| german::percent(part as usize, whole as usize);
    let first = &now.first_response;
    let within = |percent: Option<f64>, measured: u64| {
        percent.map_or(0, |percent| {
            (percent * measured as f64 / 100.0).round() as u64
        })
    };
    let milestones = |achieved: u64, due: u64| {
        format!(
            "{} {} {} {}",
            german::integer(achieved as i64),
            texts::get("dash.of"),
            german::integer(due as i64),
            texts::get("dash.achieved")
        )
    };
    let figures = vec![
        count_row("dash.visits", now.visits, list("besuche")),
        count_row("dash.contacts", now.contacts, list("kontakte")),
        count_row("dash.inquiries", now.inquiries, list("anliegen")),
        FigureRow {
            label: texts::get("dash.first_response").to_owned(),
            current: median(first.median_days.current),
            previous: median(first.median_days.previous),
            change: match (first.median_days.current, first.median_days.previous) {
                (Some(current), Some(previous)) => change(current, previous),
                _ => "–".to_owned(),
            },
            href: None,
        },
        FigureRow {
            label: format!(
                "{} ({} {} {})",
                texts::get("dash.in_target"),
                texts::get("dash.within"),
                first.target_days,
                texts::get("dash.working_days")
            ),
            current: share(
                within(first.within_target_percent.current, first.measured.current),
                first.measured.current,
            ),
            previous: share(
                within(
                    first.within_target_percent.previous,
                    first.measured.previous,
                ),
                first.measured.previous,
            ),
            change: "–".to_owned(),
            href: None,
        },
        FigureRow {
            label: texts::get("dash.milestones").to_owned(),
            current: milestones(now.milestones_achieved.current, now.milestones_due.current),
            previous: milestones(
                now.milestones_achieved.previous,
                now.milestones_due.previous,
            ),
            change: change(
                now.milestones_achieved.current as f64,
                now.milestones_achieved.previous as f64,
            ),
            href: Some("/kooperationen".to_owned()),
        },
        count_row("dash.gatherings", now.gatherings, None),
        count_row("dash.attendance", now.attendance, None),
    ];
    let this_year = period_text(now.period);
    let last_year = period_text(now.previous_period);
    let (visits_now, visits_before) = months(&now.visits_per_month);
    let (contacts_now, contacts_before) = months(&now.contacts_per_month);
    let visits_chart = chart::paired_bars(
        "chart-visits",
        texts::get("dash.visits_chart"),
        &MONTHS,
        (&this_year, &visits_now),
        (&last_year, &visits_before),
    );
    let contacts_chart = chart::paired_bars(
        "chart-contacts",
        texts::get("dash.contacts_chart"),
        &MONTHS,
        (&this_year, &contacts_now),
        (&last_year, &contacts_before),
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
        period: this_year,
        previous_period: last_year,
        figures,
        visits_chart,
        contacts_chart,
        coverage,
        report_href: format!(
            "/api/v1/reports/leadership?from={}&to={}&format=html",
            now.period.from, now.period.to
        ),
        at_risk: german::integer(at_risk(&state.projections.read(), day, None).len() as i64),
    }))
}
