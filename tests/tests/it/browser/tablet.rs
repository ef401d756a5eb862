//! The staff workplace on a 768 px tablet: the organization page and the form to log a
//! conducted visit fit the width without horizontal scrolling, and a visit is logged with three
//! actions (open the form, tick a finding, save) because date, duration and staff are
//! prefilled.

use anyhow::{anyhow, ensure};
use wifo_domain::{organization::Status, values::Role};

use super::{Browser, demo_app};

async fn fits_the_width(browser: &Browser) -> anyhow::Result<()> {
    let widths = browser
        .client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await?;
    let widths: Vec<i64> = serde_json::from_value(widths)?;
    ensure!(
        widths.len() == 2 && widths[1] <= 768 && widths[0] <= widths[1],
        "page {} is {:?} px wide (content, window)",
        browser.path().await?,
        widths
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_768_px_tablet_a_visit_is_logged_in_three_actions_without_scrolling_sideways()
-> anyhow::Result<()> {
    let app = demo_app().await?;
    let organization = app
        .state
        .projections
        .read()
        .organizations
        .iter()
        .find(|(_, record)| record.state.status == Status::Active)
        .map(|(id, _)| *id)
        .ok_or_else(|| anyhow!("the demo has no active organization"))?;
    let browser = Browser::start(&app).await?;
    browser.client.set_window_size(768, 1024).await?;
    browser.login(Role::Staff).await?;
    fits_the_width(&browser).await?;
    browser
        .open(&format!("/organisationen/{organization}"))
        .await?;
    fits_the_width(&browser).await?;
    let before = browser.text("ol.timeline").await.unwrap_or_default();

    browser.click("a[href$='/besuche/erfassen']").await?;
    browser.audit().await?;
    fits_the_width(&browser).await?;
    ensure!(
        !browser.value("#f-date").await?.is_empty(),
        "no prefilled date"
    );
    browser.click("#f-relocation_risk").await?;
    browser.submit("main form button[type=submit]").await?;
    ensure!(
        browser.path().await? == format!("/organisationen/{organization}"),
        "after saving: {}",
        browser.path().await?
    );
    let timeline = browser.text("ol.timeline").await?;
    ensure!(
        timeline.matches("Betriebsbesuch durchgeführt").count()
            > before.matches("Betriebsbesuch durchgeführt").count(),
        "timeline: {timeline}"
    );
    browser.screenshot("tablet-besuch").await?;
    browser.close().await
}
