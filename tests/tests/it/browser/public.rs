//! The public face in a real browser, without login, on the demo office: the Handreichung, its
//! flyer, the Ansprechpartner and the inquiry form pass axe and fit a 768 px tablet; a business
//! sends an inquiry from a topic's page and sees its reference, and the inquiry is in the queue
//! of the person the topic's responsibility names.

use anyhow::{anyhow, ensure};
use wifo_domain::{ids::InquiryId, submission::Reference};

use super::{Browser, demo_app, tablet::fits_the_width};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_business_reads_the_guide_and_sends_an_inquiry_without_login() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let browser = Browser::start(&app).await?;
    browser.client.set_window_size(768, 1024).await?;
    for (path, name) in [
        ("/themen", "oeffentlich-themen"),
        ("/themen/flyer", "oeffentlich-flyer"),
        ("/ansprechpartner", "oeffentlich-ansprechpartner"),
        ("/themen/nachfolge", "oeffentlich-thema"),
    ] {
        browser.open(path).await?;
        browser.audit().await?;
        fits_the_width(&browser).await?;
        browser.screenshot(name).await?;
    }
    // The demo's succession topic is answered by a.schneider, who published her details.
    let topic = browser.text("main").await?;
    ensure!(topic.contains("Anja Schneider"), "topic page: {topic:.600}");

    browser.click("a.button[href^='/anfrage']").await?;
    browser.audit().await?;
    fits_the_width(&browser).await?;
    browser.fill("#f-business", "Schneiderei Nadelöhr").await?;
    browser.fill("#f-contact", "Rosa Kowalski").await?;
    browser.fill("#f-email", "rosa@nadeloehr.example").await?;
    browser.fill("#f-postal_code", "13187").await?;
    browser
        .fill(
            "#f-description",
            "Ich möchte meinen Betrieb in zwei Jahren übergeben.",
        )
        .await?;
    browser.select("#f-found_via", "website").await?;
    browser.click("#f-consent").await?;
    browser.submit("main form button[type=submit]").await?;
    let reference = browser.text("#vorgangsnummer").await?;
    browser.audit().await?;
    browser.screenshot("oeffentlich-danke").await?;

    let routed = {
        let views = app.state.projections.read();
        views
            .inquiries
            .iter()
            .find(|(id, state)| state.submitted && Reference::of(**id).to_string() == reference)
            .map(|(id, state)| (*id, state.assignee.clone()))
    };
    let (id, assignee): (InquiryId, _) =
        routed.ok_or_else(|| anyhow!("no submitted inquiry has the reference {reference}"))?;
    ensure!(
        assignee.as_ref().map(|login| login.as_str()) == Some("a.schneider"),
        "inquiry {id} went to {assignee:?}"
    );
    browser.close().await
}
