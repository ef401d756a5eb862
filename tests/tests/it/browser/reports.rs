//! The reports in the browser: the planner opens last year's Klausur statistics from the
//! retreat page and the lead the leadership report — each one self-contained German page that
//! axe-core finds accessible, opening with a summary (key figures, four to six SVG charts, at
//! most ten agenda proposals) no higher than two A4 pages, then the contents and the appendix;
//! the visits figure equals the conducted visits of that year counted in the views.

use anyhow::ensure;
use chrono::Datelike;
use fantoccini::Locator;
use wifo_domain::values::Role;

use super::{Browser, demo_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_planner_and_the_lead_read_their_reports_in_the_browser() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let year = chrono::Local::now().year() - 1;
    let conducted = app
        .state
        .projections
        .read()
        .visits
        .values()
        .filter(|visit| visit.conducted_on.is_some_and(|day| day.year() == year))
        .count();
    ensure!(conducted > 0, "the demo has no visit in {year}");

    let browser = Browser::start(&app).await?;
    browser.login(Role::Planner).await?;
    browser
        .open(&format!("/api/v1/reports/klausur/{year}?format=html"))
        .await?;
    ensure!(browser.text("h1").await? == format!("Klausur-Statistik {year}"));
    let first_figure = browser.text(".figure .value").await?;
    ensure!(
        first_figure == wifo_domain::german::integer(conducted as i64),
        "visits figure {first_figure}, counted in the views {conducted}"
    );
    let headings = browser.text("body").await?;
    for heading in [
        "Zusammenfassung",
        "Themenvorschläge für das nächste Jahr",
        "Inhalt",
        "Anhang",
        "Betriebsbesuche",
        "Anliegen",
    ] {
        ensure!(headings.contains(heading), "no „{heading}“ in the report");
    }
    let charts = browser
        .client
        .find_all(Locator::Css("#zusammenfassung svg[role=img]"))
        .await?;
    ensure!(
        (4..=6).contains(&charts.len()),
        "{} charts in the summary",
        charts.len()
    );
    let proposals = browser
        .client
        .find_all(Locator::Css("#zusammenfassung ol.agenda li"))
        .await?;
    ensure!(
        proposals.len() <= wifo_analytics::agenda::MAX_PROPOSALS,
        "{} proposals",
        proposals.len()
    );
    // The page is as wide as A4's printable width (182 mm), so its summary's height on screen
    // is what it takes on paper: at most two pages of 267 mm.
    let measured = browser
        .client
        .execute(
            "const page = document.createElement('div'); page.style.height = '267mm'; document.body.appendChild(page); const height = page.getBoundingClientRect().height; page.remove(); return [document.getElementById('zusammenfassung').getBoundingClientRect().height, height];",
            vec![],
        )
        .await?;
    let (summary, page) = (
        measured[0].as_f64().unwrap_or(f64::MAX),
        measured[1].as_f64().unwrap_or(0.0),
    );
    ensure!(
        summary <= 2.0 * page,
        "the summary is {summary:.0} px high, two A4 pages {:.0} px",
        2.0 * page
    );
    browser.screenshot("bericht-klausur").await?;
    browser.open("/klausur").await?;
    browser.logout().await?;

    browser.login(Role::Lead).await?;
    browser
        .open(&format!(
            "/api/v1/reports/leadership?from=01.01.{year}&to=30.06.{year}&format=html"
        ))
        .await?;
    let meta = browser.text(".meta").await?;
    ensure!(
        meta.contains(&format!("Zeitraum 01.01.{year} bis 30.06.{year}")),
        "leadership report scope: {meta}"
    );
    browser.screenshot("bericht-leitung").await?;
    browser.close().await
}
