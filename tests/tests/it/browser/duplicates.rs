//! Duplicates in the browser: registering an organization under the name and address of one
//! that exists shows the likely duplicate with its reason and writes nothing until the user
//! ticks „trotzdem erfassen“; the merge list then offers the pair, and merging it leaves one
//! active organization.

use anyhow::{anyhow, ensure};
use wifo_domain::{organization::Status, values::Role};

use super::{Browser, demo_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_likely_duplicate_is_shown_at_entry_and_merged_from_the_list() -> anyhow::Result<()> {
    let app = demo_app().await?;
    let (existing, name, street, postal_code) = {
        let views = app.state.projections.read();
        views
            .organizations
            .iter()
            .filter(|(_, record)| record.state.status == Status::Active)
            .find_map(|(id, record)| {
                let address = record.state.address.as_ref()?;
                (!address.street.is_empty()).then(|| {
                    (
                        *id,
                        record
                            .state
                            .name
                            .as_ref()
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                        address.street.to_string(),
                        address.postal_code.as_str().to_owned(),
                    )
                })
            })
            .ok_or_else(|| anyhow!("the demo has no organization with an address"))?
    };
    let browser = Browser::start(&app).await?;
    browser.login(Role::Staff).await?;
    browser.open("/organisationen/neu").await?;
    // Another spelling of the same: upper case and a legal form at the end.
    let typed = format!("{} GmbH", name.to_uppercase());
    browser.fill("#f-name", &typed).await?;
    browser.fill("#f-street", &street).await?;
    browser.fill("#f-postal_code", &postal_code).await?;
    let head = app.head().await?;
    browser.submit("main form button[type=submit]").await?;
    let warning = browser.text("#dubletten").await?;
    ensure!(
        warning.contains(&name) && warning.contains("gleicher Name und gleiche Straße"),
        "warning: {warning}"
    );
    ensure!(
        app.head().await? == head,
        "the warned registration wrote something"
    );
    ensure!(
        browser.value("#f-name").await? == typed,
        "the typed name was lost"
    );
    browser.screenshot("dublette-warnung").await?;

    browser.click("#f-confirm_duplicate").await?;
    browser.submit("main form button[type=submit]").await?;
    let registered = browser.path().await?;
    ensure!(
        registered.starts_with("/organisationen/0"),
        "after confirming: {registered}"
    );

    browser.open("/organisationen/dubletten").await?;
    let pairs = browser.text("#paare").await?;
    ensure!(pairs.contains(&typed), "merge list: {pairs}");
    browser
        .submit(&format!(
            "form:has(input[name='survivor'][value='{existing}']) button"
        ))
        .await?;
    ensure!(
        browser.text(".notice").await? == "Die Dublette ist zusammengeführt.",
        "after merging: {}",
        browser.text("main").await?
    );
    let merged = registered.trim_start_matches("/organisationen/");
    let merged_status = app
        .state
        .projections
        .read()
        .organizations
        .iter()
        .find(|(id, _)| id.to_string() == merged)
        .map(|(_, record)| record.state.status.clone());
    ensure!(
        merged_status == Some(Status::MergedInto { survivor: existing }),
        "status of the duplicate: {merged_status:?}"
    );
    browser.screenshot("dubletten-liste").await?;
    browser.close().await
}
