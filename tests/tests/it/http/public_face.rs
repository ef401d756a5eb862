//! The public face without login, as a business meets it: the Handreichung shows the public
//! topic with its office and the staff member who published their details, and nothing that is
//! not public; the inquiry form's submission lands in the responsible staff member's queue with
//! its source and the reference number the sender saw, and the sender's mail is in no file in
//! plaintext; refused submissions (honeypot, no consent, HTML, a 1 MB body, a flood from one
//! address) write nothing; a withdrawn publication takes the person off the public pages.

use anyhow::{anyhow, ensure};
use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::{ids::InquiryId, submission::Reference, values::Role};

use super::{Client, TestApp, post_form, spawn_app, user_name};

const SENDER_MAIL: &str = "aylin.demir@naehstube-public.example";

/// The hidden token of the form the page just set in its cookie.
fn token_of(html: &str) -> anyhow::Result<String> {
    let start = html
        .find(r#"name="_csrf" value=""#)
        .ok_or_else(|| anyhow!("no token in the form"))?
        + r#"name="_csrf" value=""#.len();
    let end = html[start..]
        .find('"')
        .ok_or_else(|| anyhow!("unterminated token"))?;
    Ok(html[start..start + end].to_owned())
}

fn fields<'a>(token: &'a str, description: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("_csrf", token),
        ("business", "Nähstube Aylin"),
        ("contact", "Aylin Demir"),
        ("email", SENDER_MAIL),
        ("phone", ""),
        ("street", ""),
        ("postal_code", "13187"),
        ("topic", "foerderung"),
        ("description", description),
        ("found_via", "order_office_brochure"),
        ("consent", "ja"),
        ("homepage", ""),
    ]
}

async fn send(client: &Client, pairs: &[(&str, &str)]) -> anyhow::Result<(StatusCode, String)> {
    let response = client
        .request(reqwest::Method::POST, "/anfrage")
        .form(pairs)
        .send()
        .await?;
    Ok((response.status(), response.text().await?))
}

async fn inquiries(app: &TestApp) -> usize {
    app.state.projections.read().inquiries.len()
}

pub(super) async fn publish_the_guide(app: &TestApp) -> anyhow::Result<()> {
    let admin = app.login(Role::Admin).await?;
    admin
        .write(
            "/api/v1/guide/topics/foerderung",
            &json!({
                "guidance": "Zuschüsse und Darlehen für kleine Betriebe: wir beraten kostenlos.",
                "offices": ["ordnungsamt"],
                "responsible": [{"region": null, "staff": user_name(Role::Staff)}],
                "public": true,
            }),
        )
        .await?;
    admin
        .write(
            "/api/v1/guide/topics/gruendung",
            &json!({"guidance": "Noch in Abstimmung.", "offices": [], "responsible": [], "public": false}),
        )
        .await?;
    admin
        .write(
            "/api/v1/guide/offices/ordnungsamt",
            &json!({"address": "Rathausstraße 1\n13187 Berlin", "phone": "030 90295-0", "email": null, "website": null, "hours": "", "public": true}),
        )
        .await?;
    let staff = app.login(Role::Staff).await?;
    let (status, body) = post_form(
        &staff,
        "/konto/veroeffentlichung",
        &[
            ("action", "publish"),
            ("email", "staff@bezirk.example"),
            ("phone", ""),
        ],
    )
    .await?;
    ensure!(
        status.is_success(),
        "publishing answered {status}: {body:.300}"
    );
    // Visitors have no session whose writes a page would wait for.
    app.settled().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_business_asks_through_the_guide_and_reaches_the_responsible_person() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    publish_the_guide(&app).await?;
    let visitor = app.anonymous()?;
    let staff_name = app
        .state
        .projections
        .read()
        .names()
        .staff(user_name(Role::Staff));

    let guide = visitor.get("/themen").await?.text().await?;
    ensure!(
        guide.contains("Förderung"),
        "the guide lacks the topic: {guide:.500}"
    );
    ensure!(
        guide.contains("Ordnungsamt") && guide.contains("030 90295-0"),
        "the office is missing"
    );
    ensure!(guide.contains(&staff_name), "the staff member is missing");
    ensure!(
        !guide.contains("Noch in Abstimmung"),
        "a topic not public is shown"
    );
    let people = visitor.get("/ansprechpartner").await?.text().await?;
    ensure!(
        people.contains("staff@bezirk.example"),
        "the published mail is missing"
    );
    let (guide_json, _) = visitor.read("/api/v1/guide").await?;
    ensure!(
        guide_json["topics"].as_array().map(Vec::len) == Some(1),
        "{guide_json}"
    );

    let form = visitor
        .get("/anfrage?thema=foerderung")
        .await?
        .text()
        .await?;
    let token = token_of(&form)?;
    let before = inquiries(&app).await;
    let (status, thanks) = send(
        &visitor,
        &fields(&token, "Gibt es Zuschüsse für eine neue Nähmaschine?"),
    )
    .await?;
    ensure!(
        status == StatusCode::OK,
        "submission answered {status}: {thanks:.800}"
    );
    let reference = thanks
        .split("id=\"vorgangsnummer\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .ok_or_else(|| anyhow!("no reference on the thanks page"))?
        .to_owned();

    let staff = app.login(Role::Staff).await?;
    let (queue, _) = staff
        .read(&format!(
            "/api/v1/inquiry-queue?assignee={}",
            user_name(Role::Staff)
        ))
        .await?;
    let entries: Vec<&Value> = queue["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["topics"] == json!(["foerderung"]))
        .collect();
    ensure!(entries.len() == 1, "the queue holds {queue}");
    ensure!(
        entries[0]["source"] == json!("public_order_office"),
        "{}",
        entries[0]
    );
    let id = InquiryId::parse(entries[0]["inquiry"].as_str().unwrap_or_default())
        .map_err(|error| anyhow!("{error}"))?;
    ensure!(
        Reference::of(id).to_string() == reference,
        "reference {reference} vs {id}"
    );
    ensure!(inquiries(&app).await == before + 1);

    let found =
        crate::erasure::files_containing(&app.state.office.data.path, &[SENDER_MAIL.as_bytes()])?;
    ensure!(
        found.is_empty(),
        "the sender's mail is readable in {found:?}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_submissions_write_nothing_and_a_flood_is_answered_429() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    publish_the_guide(&app).await?;
    let visitor = app.anonymous()?;
    let token = token_of(&visitor.get("/anfrage").await?.text().await?)?;
    let before = inquiries(&app).await;

    let mut trap = fields(&token, "Hallo");
    trap.retain(|(name, _)| *name != "homepage");
    trap.push(("homepage", "http://spam.example"));
    let (status, _) = send(&visitor, &trap).await?;
    ensure!(
        status == StatusCode::UNPROCESSABLE_ENTITY,
        "honeypot: {status}"
    );

    let mut no_consent = fields(&token, "Hallo");
    no_consent.retain(|(name, _)| *name != "consent");
    let (status, page) = send(&visitor, &no_consent).await?;
    ensure!(
        status == StatusCode::UNPROCESSABLE_ENTITY,
        "no consent: {status}"
    );
    ensure!(
        page.contains("Einwilligung"),
        "no German message: {page:.500}"
    );

    let (status, page) = send(&visitor, &fields(&token, "<script>alert(1)</script>")).await?;
    ensure!(status == StatusCode::UNPROCESSABLE_ENTITY, "HTML: {status}");
    ensure!(page.contains("ohne HTML"), "no German message about HTML");

    let big = "a".repeat(1024 * 1024);
    let (status, _) = send(&visitor, &fields(&token, &big)).await?;
    ensure!(status == StatusCode::PAYLOAD_TOO_LARGE, "1 MB: {status}");

    let mut statuses = Vec::new();
    for _ in 0..30 {
        statuses.push(send(&visitor, &fields(&token, "Noch einmal")).await?.0);
    }
    let limited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    // A burst of 5 per address: the four refused posts above (the 1 MB one never reached the
    // form) used 3, so 2 of the 30 pass the limit, 28 are turned away.
    ensure!(limited == 28, "{limited} of 30 answered 429: {statuses:?}");
    ensure!(
        inquiries(&app).await == before + 2,
        "{} inquiries were written",
        inquiries(&app).await - before
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_withdrawn_publication_takes_the_person_off_the_public_pages() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    publish_the_guide(&app).await?;
    let visitor = app.anonymous()?;
    ensure!(
        visitor
            .get("/ansprechpartner")
            .await?
            .text()
            .await?
            .contains("staff@bezirk.example")
    );
    let staff = app.login(Role::Staff).await?;
    staff
        .write("/api/v1/me/publication/withdraw", &json!({}))
        .await?;
    app.settled().await?;
    let people = visitor.get("/ansprechpartner").await?.text().await?;
    ensure!(
        !people.contains("staff@bezirk.example"),
        "still shown after withdrawal"
    );
    let guide = visitor.get("/themen").await?.text().await?;
    ensure!(
        !guide.contains("staff@bezirk.example"),
        "the guide still shows the mail"
    );
    Ok(())
}
