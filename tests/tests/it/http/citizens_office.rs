//! The Bürgerbüro role: it enters an inquiry for a business at its counter on its own page, the
//! inquiry lands in the responsible staff member's queue with the source „Bürgerbüro“ and the
//! Bürgerbüro user as receiver, and the Bürgerbüro follows its status by reference — answered
//! once staff answered. It reads nothing else of the CRM, over the pages or the API.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::{ids::InquiryId, submission::Reference, values::Role};

use super::{post_form, public_face::publish_the_guide, spawn_app, today, user_name};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_buergerbuero_enters_an_inquiry_and_follows_its_status_and_reads_nothing_else()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    publish_the_guide(&app).await?;
    let office = app.login(Role::CitizensOffice).await?;

    let landing = office.get("/").await?;
    assert!(
        landing.url().path().ends_with("/buergerbuero"),
        "{}",
        landing.url()
    );
    let (status, page) = post_form(
        &office,
        "/buergerbuero",
        &[
            ("business", "Blumen Krüger"),
            ("contact", "Sabine Krüger"),
            ("email", "info@blumen-krueger-test.example"),
            ("postal_code", "13189"),
            ("topic", "foerderung"),
            (
                "description",
                "Gibt es einen Zuschuss für ein neues Kühlhaus?",
            ),
            ("consent", "ja"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    let reference = page
        .split("Aktenzeichen für den Betrieb: <strong>")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
        .to_owned();
    assert!(reference.starts_with("WF-"), "{page}");
    assert!(page.contains("eingegangen"));

    // In the responsible staff member's queue, from the Bürgerbüro, received by its user.
    let staff = app.login(Role::Staff).await?;
    let (queue, _) = staff
        .read(&format!(
            "/api/v1/inquiry-queue?assignee={}",
            user_name(Role::Staff)
        ))
        .await?;
    let entry = queue["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["source"] == json!("citizens_office"))
        .cloned()
        .unwrap_or(Value::Null);
    let id = InquiryId::parse(entry["inquiry"].as_str().unwrap_or_default())
        .map_err(|error| anyhow::anyhow!("{error}: {queue}"))?;
    assert_eq!(Reference::of(id).to_string(), reference);
    let (record, _) = staff.read(&format!("/api/v1/inquiries/{id}")).await?;
    assert_eq!(
        record["state"]["received_by"],
        user_name(Role::CitizensOffice)
    );

    // Answered by staff: the Bürgerbüro sees it, by page and API.
    staff
        .write(
            &format!("/api/v1/inquiries/{id}/answer"),
            &json!({"answered_on": today(), "answer": "Ja, das Förderprogramm passt."}),
        )
        .await?;
    app.settled().await?;
    let (list, _) = office.read("/api/v1/citizens-office/inquiries").await?;
    assert_eq!(list["entries"][0]["reference"], reference.as_str());
    assert_eq!(list["entries"][0]["status"]["state"], "answered");
    let page = office.get("/buergerbuero").await?.text().await?;
    assert!(page.contains(&format!("beantwortet am {}", today().format("%d.%m.%Y"))));

    // Over the API the same checks: no consent, nothing written.
    let before = app.head().await?;
    let refused = office
        .post_json(
            "/api/v1/citizens-office/inquiries",
            &json!({"business": "Kiosk Nord", "contact_person": "Ali Kaya", "email": "",
                "phone": "030 1234567", "postal_code": "13187", "topic": "foerderung",
                "description": "Frage", "consent": false}),
        )
        .await?;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.head().await?, before);
    let accepted = office
        .post_json(
            "/api/v1/citizens-office/inquiries",
            &json!({"business": "Kiosk Nord", "contact_person": "Ali Kaya",
                "phone": "030 1234567", "postal_code": "13187", "topic": "foerderung",
                "description": "Frage zur Förderung", "consent": true}),
        )
        .await?;
    assert_eq!(accepted.status(), StatusCode::CREATED);

    // Nothing else of the CRM.
    for path in [
        "/api/v1/organizations",
        "/api/v1/inquiry-queue",
        "/api/v1/work",
    ] {
        assert_eq!(
            office.get(path).await?.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    for path in [
        "/organisationen",
        "/anliegen",
        "/woche",
        "/konto/veroeffentlichung",
    ] {
        assert_eq!(
            office.get(path).await?.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    assert_eq!(
        staff.get("/buergerbuero").await?.status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}
