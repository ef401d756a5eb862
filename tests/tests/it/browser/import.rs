//! The import upload of the administration in the browser: the IHK sample from
//! `../shared/data/` gives a dry run of 30 new rows with the repaired region codes noted and
//! nothing written, then 30 organizations; a truncated copy lists its broken row with the line
//! number and the German reason, is refused as a whole, and with „Fehlerhafte Zeilen
//! überspringen“ writes the valid rows and offers the error file.

use std::path::PathBuf;

use anyhow::ensure;
use fantoccini::Locator;
use wifo_domain::values::Role;

use super::{Browser, demo_app};

fn ihk_sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/ihk-berlin-gewerbedaten-sample-2023-03.csv")
}

fn active_organizations(app: &super::TestApp) -> usize {
    app.state.projections.read().organizations.len()
}

async fn upload(browser: &Browser, file: &std::path::Path) -> anyhow::Result<()> {
    browser.open("/verwaltung/import").await?;
    let path = std::fs::canonicalize(file)?;
    browser
        .client
        .find(Locator::Css("#f-datei"))
        .await?
        .send_keys(&path.to_string_lossy())
        .await?;
    browser
        .submit("form[action='/verwaltung/import'] button")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_uploads_the_ihk_sample_sees_the_dry_run_and_imports_it() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let before = active_organizations(&app);
    let head = app.head().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Admin).await?;
    upload(&browser, &ihk_sample()).await?;
    ensure!(
        browser.path().await?.starts_with("/verwaltung/import/"),
        "after the upload: {}",
        browser.path().await?
    );
    let summary = browser.text("#zusammenfassung").await?;
    ensure!(
        summary == "30 Zeilen – 30 neu, 0 Dubletten, 0 fehlerhaft",
        "summary: {summary}"
    );
    let rows = browser.text("#zeilen tbody").await?;
    ensure!(
        rows.contains("Regionsschlüssel „3601142“ als „03601142“ gelesen"),
        "rows: {rows}"
    );
    ensure!(app.head().await? == head, "the dry run wrote something");
    browser.screenshot("verwaltung-import-probelauf").await?;

    browser
        .submit("form[action^='/verwaltung/import/'] button[type=submit]")
        .await?;
    let result = browser.text("#ergebnis").await?;
    ensure!(
        result.starts_with("30 Organisationen angelegt"),
        "result: {result}"
    );
    ensure!(active_organizations(&app) == before + 30);
    // Reloading the result page (or sending the form again) writes nothing twice.
    browser.client.refresh().await?;
    ensure!(active_organizations(&app) == before + 30);
    browser.screenshot("verwaltung-import-ergebnis").await?;

    // The same file again: every row is a duplicate of what was just imported.
    upload(&browser, &ihk_sample()).await?;
    let summary = browser.text("#zusammenfassung").await?;
    ensure!(
        summary == "30 Zeilen – 0 neu, 30 Dubletten, 0 fehlerhaft",
        "second summary: {summary}"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_row_is_listed_refused_and_skipped_only_when_asked() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let dir = tempfile::tempdir()?;
    let ihk = std::fs::read(ihk_sample())?;
    // Cut in the middle of the 20th line: that row lacks fields, the 18 rows before are whole.
    let truncated = dir.path().join("gewerbe-abgeschnitten.csv");
    std::fs::write(&truncated, &ihk[..ihk.len() * 3 / 5])?;
    let before = active_organizations(&app);
    let browser = Browser::start(&app).await?;
    browser.login(Role::Admin).await?;
    upload(&browser, &truncated).await?;
    let summary = browser.text("#zusammenfassung").await?;
    ensure!(
        summary == "19 Zeilen – 18 neu, 0 Dubletten, 1 fehlerhaft",
        "summary: {summary}"
    );
    // The broken row comes first, with its line and the reason.
    let first = browser.text("#zeilen tbody tr:first-child").await?;
    ensure!(
        first.starts_with("20 Fehler") && first.contains("ist die Datei abgeschnitten?"),
        "first row: {first}"
    );
    browser.screenshot("verwaltung-import-fehler").await?;

    let head = app.head().await?;
    browser
        .submit("form[action^='/verwaltung/import/'] button[type=submit]")
        .await?;
    let problem = browser.text(".problem").await?;
    ensure!(problem.contains("Nichts geschrieben"), "refusal: {problem}");
    ensure!(
        app.head().await? == head,
        "the refused import wrote something"
    );

    browser.click("#f-skip_invalid").await?;
    browser
        .submit("form[action^='/verwaltung/import/'] button[type=submit]")
        .await?;
    let result = browser.text("#ergebnis").await?;
    ensure!(
        result.starts_with("18 Organisationen angelegt")
            && result.contains("1 fehlerhafte Zeilen übersprungen"),
        "result: {result}"
    );
    ensure!(active_organizations(&app) == before + 18);
    let link = browser
        .client
        .find(Locator::Css("a[href$='/fehler.csv']"))
        .await?
        .attr("href")
        .await?
        .unwrap_or_default();
    ensure!(link.ends_with("/fehler.csv"), "error file link: {link}");
    browser.close().await
}
