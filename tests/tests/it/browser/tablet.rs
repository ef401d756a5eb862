//! The staff workplace on a 768 px tablet: the organization page and the form to log a
//! conducted visit fit the width without horizontal scrolling, and a visit is logged with three
//! actions (open the form, tick a finding, save) because date, duration and staff are
//! prefilled.

use anyhow::{anyhow, ensure};
use wifo_domain::{organization::Status, values::Role};

use super::{Browser, demo_app};

pub(super) async fn fits_the_width(browser: &Browser) -> anyhow::Result<()> {
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

/// Pages a role reaches from its landing page by following links, breadth first, at most
/// `limit`: every list, record page and form the role's navigation leads to. Downloads, the
/// logout and the API (but for the HTML reports) are left out.
async fn reachable_pages(browser: &Browser, limit: usize) -> anyhow::Result<Vec<String>> {
    let mut seen: Vec<String> = vec![browser.path().await?];
    let mut queue = std::collections::VecDeque::from(seen.clone());
    let mut kinds: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut pages = Vec::new();
    while let Some(path) = queue.pop_front() {
        if pages.len() >= limit {
            break;
        }
        browser.open(&path).await?;
        pages.push(path);
        let links: Vec<String> = serde_json::from_value(
            browser
                .client
                .execute(
                    "return Array.from(document.querySelectorAll('main a[href], header a[href]'))
                       .map(a => a.getAttribute('href'));",
                    vec![],
                )
                .await?,
        )?;
        for link in links {
            let downloadable = link.contains("format=csv")
                || link.contains("format=xlsx")
                || link.contains("format=json")
                || link.ends_with(".ics");
            let api = link.starts_with("/api/") && !link.contains("format=html");
            if !link.starts_with('/') || downloadable || api || link == "/abmelden" {
                continue;
            }
            // One page of each kind of record (`/besuche/…`, `/anliegen/…`), not all of them.
            let kind: String = link
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .split('/')
                .map(|part| {
                    if part.len() == 36 && part.contains('-') {
                        "{id}"
                    } else {
                        part
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            if !seen.contains(&link) && kinds.insert(kind) {
                seen.push(link.clone());
                queue.push_back(link);
            }
        }
    }
    Ok(pages)
}

/// No page of any role scrolls sideways on a 768 px tablet: every page each role reaches from
/// its navigation (one of each kind, up to 60 per role) keeps its content within the window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_of_any_role_is_wider_than_a_768_px_tablet() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.client.set_window_size(768, 1024).await?;
    let mut too_wide = Vec::new();
    let mut measured = 0;
    for role in Role::ALL {
        browser.login(role).await?;
        for page in reachable_pages(&browser, 60).await? {
            browser.open(&page).await?;
            measured += 1;
            if let Err(error) = fits_the_width(&browser).await {
                too_wide.push(format!("{role:?}: {error}"));
            }
        }
        browser.logout().await?;
    }
    println!("{measured} pages measured at 768 px");
    ensure!(measured >= 40, "only {measured} pages reached");
    ensure!(too_wide.is_empty(), "{}", too_wide.join("\n"));
    browser.close().await
}
