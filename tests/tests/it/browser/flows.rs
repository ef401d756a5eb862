//! What people do in the browser, end to end, each test with its own server, demo office and
//! Chromium: staff register a business and log a visit, take an inquiry through to its answer,
//! the lead's figures move, the planner records a retreat decision, and a broken form answers in
//! German next to the field with the typed values kept.

use anyhow::ensure;
use fantoccini::Locator;
use wifo_domain::values::Role;

use super::{Browser, demo_app};

/// The first value of a select other than the empty one.
async fn first_option(browser: &Browser, css: &str) -> anyhow::Result<String> {
    let script = format!(
        "return Array.from(document.querySelectorAll(\"{css} option\")).map(o => o.value).filter(v => v !== '')[0] || '';"
    );
    Ok(browser
        .client
        .execute(&script, vec![])
        .await?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

fn number(text: &str) -> anyhow::Result<i64> {
    Ok(text.trim().replace('.', "").parse()?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_register_an_organization_log_a_visit_and_see_it_on_the_timeline()
-> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Staff).await?;
    ensure!(
        browser.path().await? == "/woche",
        "staff land on {}",
        browser.path().await?
    );
    browser.open("/organisationen/neu").await?;
    browser
        .fill("#f-name", "Backstube Browsertest GmbH")
        .await?;
    browser.fill("#f-street", "Florastraße 12").await?;
    browser.fill("#f-postal_code", "13187").await?;
    // Known to the office for a hundred days already.
    let known_since = chrono::Local::now().date_naive() - chrono::Duration::days(100);
    browser
        .set_value(
            "#f-registered_on",
            &known_since.format("%Y-%m-%d").to_string(),
        )
        .await?;
    browser.submit("main form button[type=submit]").await?;
    let organization = browser.path().await?;
    ensure!(
        organization.starts_with("/organisationen/0"),
        "after registering: {organization}"
    );
    ensure!(browser.text("h1").await? == "Backstube Browsertest GmbH");
    browser.click("a[href$='/besuche/erfassen']").await?;
    browser.audit().await?;
    browser.click("#f-expansion_plans").await?;
    browser.fill("#f-notes", "Neue Backstraße geplant").await?;
    browser.submit("main form button[type=submit]").await?;
    ensure!(
        browser.path().await? == organization,
        "after the visit: {}",
        browser.path().await?
    );
    let timeline = browser.text("ol.timeline").await?;
    ensure!(
        timeline.contains("Betriebsbesuch durchgeführt – Erweiterungspläne"),
        "timeline: {timeline}"
    );
    browser.screenshot("staff-organisation-verlauf").await?;
    // The timeline entry opens the visit's own page with everything recorded, printable.
    browser.click("ol.timeline a[href^='/besuche/']").await?;
    ensure!(
        browser.path().await?.starts_with("/besuche/0"),
        "the timeline entry opens {}",
        browser.path().await?
    );
    browser.audit().await?;
    let facts = browser.text("main").await?;
    for (label, value) in [("Erweiterungspläne", "ja"), ("Abwanderungsgefahr", "nein")] {
        ensure!(
            facts.contains(&format!("{label}\n{value}"))
                || facts.contains(&format!("{label}\t{value}"))
                || facts.contains(&format!("{label} {value}")),
            "the visit page lacks „{label}: {value}“: {facts}"
        );
    }
    for text in [
        "Backstube Browsertest GmbH",
        "Neue Backstraße geplant",
        "Verlauf",
    ] {
        ensure!(
            facts.contains(text),
            "the visit page lacks „{text}“: {facts}"
        );
    }
    ensure!(
        browser
            .client
            .find(Locator::Css("button[data-print]:not([hidden])"))
            .await
            .is_ok(),
        "the print button is shown"
    );
    browser.screenshot("besuch-seite").await?;
    // A move entered with the day it happened: the timeline shows both days.
    browser.open(&format!("{organization}/bearbeiten")).await?;
    browser.audit().await?;
    browser.fill("#f-street", "Damerowstraße 3").await?;
    let earlier = chrono::Local::now().date_naive() - chrono::Duration::days(40);
    browser
        .set_value("#f-changed_on", &earlier.format("%Y-%m-%d").to_string())
        .await?;
    browser.submit("main form button[type=submit]").await?;
    ensure!(
        browser.path().await? == organization,
        "after the move: {}",
        browser.path().await?
    );
    let timeline = browser.text("ol.timeline").await?;
    ensure!(
        timeline.contains(&earlier.format("%d.%m.%Y").to_string())
            && timeline.contains("erfasst am"),
        "the move with both days: {timeline}"
    );
    browser
        .screenshot("organisation-umzug-nachgetragen")
        .await?;
    browser.logout().await?;
    // A demo account manager has a week full of work: the README's screenshot.
    browser
        .login_as("a.schneider", wifo_demo::DEMO_PASSWORD)
        .await?;
    ensure!(browser.path().await? == "/woche");
    browser.screenshot("staff-meine-woche").await?;
    browser.open("/organisationen?ohne_kontakt=12").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_take_an_inquiry_refer_it_answer_it_and_it_leaves_the_queue() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Staff).await?;
    browser.open("/anliegen/neu").await?;
    browser.select("#f-source", "citizens_office").await?;
    browser
        .fill(
            "#f-description",
            "Frage zur Sondernutzung des Gehwegs für Außengastronomie",
        )
        .await?;
    browser.submit("main form button[type=submit]").await?;
    let inquiry = browser.path().await?;
    ensure!(
        inquiry.starts_with("/anliegen/0"),
        "after taking it: {inquiry}"
    );
    browser.open("/anliegen").await?;
    ensure!(
        browser
            .client
            .find(Locator::Css(&format!("a[href='{inquiry}']")))
            .await
            .is_ok(),
        "the new inquiry is not in the queue"
    );
    browser.open(&inquiry).await?;
    let office = first_option(&browser, "#f-office").await?;
    browser.select("#f-office", &office).await?;
    browser
        .fill("#f-note", "Bitte Genehmigungsfähigkeit prüfen")
        .await?;
    browser
        .submit("form[action$='/weiterleiten'] button")
        .await?;
    browser
        .fill("#f-office_answer", "Genehmigung mit Auflagen möglich")
        .await?;
    browser
        .submit("form[action$='/amtsantwort'] button")
        .await?;
    ensure!(
        !browser
            .text("#weiterleitungen + table")
            .await?
            .contains("ausstehend"),
        "the office's answer is not recorded"
    );
    browser
        .fill(
            "#f-answer",
            "Antrag beim Straßen- und Grünflächenamt stellen; Auflagen liegen bei",
        )
        .await?;
    browser
        .submit("form[action$='/abschliessen'] button")
        .await?;
    ensure!(
        browser.path().await? == "/anliegen",
        "after closing: {}",
        browser.path().await?
    );
    ensure!(
        browser
            .client
            .find(Locator::Css(&format!("a[href='{inquiry}']")))
            .await
            .is_err(),
        "the closed inquiry is still in the queue"
    );
    browser.screenshot("staff-anliegen-erledigt").await?;
    // Every text recorded stands on the inquiry's page, in its history.
    browser.open(&inquiry).await?;
    browser.audit().await?;
    let history = browser.text("ol.history").await?;
    for text in [
        "Frage zur Sondernutzung des Gehwegs für Außengastronomie",
        "Bitte Genehmigungsfähigkeit prüfen",
        "Genehmigung mit Auflagen möglich",
        "Antrag beim Straßen- und Grünflächenamt stellen; Auflagen liegen bei",
    ] {
        ensure!(
            history.contains(text),
            "the history lacks „{text}“: {history}"
        );
    }
    browser.screenshot("anliegen-verlauf").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_leads_visit_figure_grows_by_the_visit_staff_log() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let organization = {
        let views = app.state.projections.read();
        views
            .organizations
            .iter()
            .find(|(_, record)| {
                record.state.name.is_some()
                    && record.state.status == wifo_domain::organization::Status::Active
            })
            .map(|(id, _)| *id)
            .ok_or_else(|| anyhow::anyhow!("the demo has no organization"))?
    };
    let browser = Browser::start(&app).await?;
    browser.login(Role::Lead).await?;
    ensure!(
        browser.path().await? == "/leitung",
        "the lead lands on {}",
        browser.path().await?
    );
    let figure = "#kennzahlen tbody tr:first-child td[data-figure=current]";
    let before = number(&browser.text(figure).await?)?;
    browser.logout().await?;
    browser.login(Role::Staff).await?;
    browser
        .open(&format!("/organisationen/{organization}/besuche/erfassen"))
        .await?;
    browser.fill("#f-notes", "Besuch für die Kennzahl").await?;
    browser.submit("main form button[type=submit]").await?;
    browser.logout().await?;
    browser.login(Role::Lead).await?;
    let after = number(&browser.text(figure).await?)?;
    ensure!(
        after == before + 1,
        "visits this year: {before} before, {after} after one more"
    );
    browser.click("#kennzahlen tbody tr:first-child a").await?;
    browser.audit().await?;
    ensure!(browser.path().await? == "/leitung/liste");
    browser.logout().await?;
    browser
        .login_as("d.krause", wifo_demo::DEMO_PASSWORD)
        .await?;
    browser.screenshot("leitung-kennzahlen").await?;
    browser.open("/kooperationen").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_planner_records_a_retreat_decision_that_plans_a_gathering() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Planner).await?;
    ensure!(
        browser.path().await? == "/klausur",
        "the planner lands on {}",
        browser.path().await?
    );
    let partner = first_option(&browser, "#f-partner").await?;
    browser.select("#f-partner", &partner).await?;
    let year: i32 = browser.value("#f-year").await?.parse()?;
    browser.fill("#f-title", "Klausur Browsertest").await?;
    browser.submit("form[action='/klausur'] button").await?;
    ensure!(
        browser.path().await?.starts_with("/klausur/0"),
        "after scheduling: {}",
        browser.path().await?
    );
    browser
        .fill("#f-proposal_title", "Fachkräftesicherung")
        .await?;
    browser
        .fill("#f-reason", "Viele Betriebe finden keine Auszubildenden")
        .await?;
    browser
        .submit("form[action$='/vorschlaege'] button")
        .await?;
    browser
        .submit("form[action$='/prioritaeten'] button")
        .await?;
    ensure!(
        browser
            .text("#vorschlaege + table tbody")
            .await?
            .contains("1 Fachkräftesicherung")
    );
    browser
        .submit("form[action$='/stattgefunden'] button")
        .await?;
    browser
        .fill(
            "#f-decision_text",
            "Fachtag zur Fachkräftesicherung im Frühjahr",
        )
        .await?;
    browser.select("#f-gathering_kind", "topic_day").await?;
    browser
        .fill("#f-gathering_title", "Fachtag Fachkräfte")
        .await?;
    browser
        .set_value("#f-gathering_date", &format!("{}-03-17", year + 1))
        .await?;
    browser
        .submit("form[action$='/beschluesse'] button")
        .await?;
    let decisions = browser.text("ol.decisions").await?;
    ensure!(
        decisions.contains("Fachtag zur Fachkräftesicherung im Frühjahr"),
        "decisions: {decisions}"
    );
    ensure!(
        decisions.contains(&format!("Fachtag Fachkräfte (17.03.{})", year + 1)),
        "decisions: {decisions}"
    );
    browser.screenshot("planung-klausur").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_form_shows_the_german_error_at_the_field_and_keeps_the_typed_values()
-> anyhow::Result<()> {
    let app = demo_app().await?;
    let head = app.head().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Staff).await?;
    browser.open("/organisationen/neu").await?;
    browser.fill("#f-name", "Kaffeerösterei Müller").await?;
    browser.fill("#f-street", "Breite Straße 3").await?;
    browser.fill("#f-postal_code", "1318").await?;
    browser.submit("main form button[type=submit]").await?;
    ensure!(browser.path().await? == "/organisationen/neu");
    let error = browser.text("#e-postal_code").await?;
    ensure!(
        error == "PLZ: „1318“ ist ungültig, erwartet fünf Ziffern",
        "error: {error}"
    );
    ensure!(browser.value("#f-name").await? == "Kaffeerösterei Müller");
    ensure!(browser.value("#f-street").await? == "Breite Straße 3");
    ensure!(browser.value("#f-postal_code").await? == "1318");
    let invalid = browser
        .client
        .find(Locator::Css("#f-postal_code"))
        .await?
        .attr("aria-invalid")
        .await?;
    ensure!(invalid.as_deref() == Some("true"));
    ensure!(
        app.head().await? == head,
        "the refused form wrote something"
    );
    browser.screenshot("formular-fehler").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_sees_a_persons_data_and_erases_it() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let person = {
        let views = app.state.projections.read();
        views
            .persons
            .iter()
            .find(|(_, record)| !record.erased && !record.links.is_empty())
            .map(|(id, _)| *id)
            .ok_or_else(|| anyhow::anyhow!("the demo has no person"))?
    };
    let browser = Browser::start(&app).await?;
    browser.login(Role::Admin).await?;
    ensure!(
        browser.path().await? == "/verwaltung",
        "the admin lands on {}",
        browser.path().await?
    );
    browser.open("/verwaltung/taxonomien/offices").await?;
    ensure!(browser.text("h1").await?.contains("Ämter"));
    browser
        .open(&format!("/verwaltung/datenschutz?person={person}"))
        .await?;
    let access = browser.text("#h-auskunft + p + dl").await?;
    ensure!(!access.contains("gelöscht"), "before erasure: {access}");
    browser.submit("form[action$='/loeschen'] button").await?;
    let access = browser.text("#h-auskunft + p + dl").await?;
    ensure!(
        access.contains("Name\ngelöscht") || access.contains("Name gelöscht"),
        "after erasure: {access}"
    );
    ensure!(
        app.state
            .projections
            .read()
            .persons
            .get(&person)
            .is_some_and(|record| record.erased)
    );
    browser.screenshot("verwaltung-datenschutz").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_renames_a_topic_and_the_pages_show_the_new_name() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.login(Role::Admin).await?;
    browser.open("/anliegen/neu").await?;
    let before = browser.text("#f-topic").await?;
    ensure!(
        before.contains("Förderung und Finanzierung"),
        "the topic before: {before}"
    );
    browser.open("/verwaltung/taxonomien/topics").await?;
    browser.audit().await?;
    browser.select("#f-entry", "foerderung").await?;
    browser.click("input[name=action][value=rename]").await?;
    browser
        .fill("#f-new_name", "Fördermittel und Zuschüsse")
        .await?;
    browser.submit("form[action$='/eintrag'] button").await?;
    ensure!(
        browser.path().await? == "/verwaltung/taxonomien/topics",
        "after renaming: {}",
        browser.path().await?
    );
    browser.open("/anliegen/neu").await?;
    let after = browser.text("#f-topic").await?;
    ensure!(
        after.contains("Fördermittel und Zuschüsse")
            && !after.contains("Förderung und Finanzierung"),
        "the topic after: {after}"
    );
    browser.close().await
}
