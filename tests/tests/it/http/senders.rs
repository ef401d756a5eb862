//! The senders of public-form inquiries as the data-protection officer erases them: the
//! retention review lists exactly the inquiries closed more than 24 months ago and still closed
//! (not one closed 23 months ago, not one reopened since, not one taken by phone), erasing from
//! it erases only those still due — the key is gone, the inquiry page says so and shows no
//! name — and a sender asking for erasure is erased by the reference they were shown.

use chrono::Months;
use reqwest::StatusCode;
use serde_json::json;
use uuid::Uuid;
use wifo_domain::{
    ids::InquiryId,
    inquiry::{Inquiry, InquiryCommand, SubmitInquiry},
    submission::{FoundVia, Reference, SenderData, Submission},
    values::{Email, OrganizationName, PersonName, PostalCode, Role, Title},
};
use wifo_store::CommandContext;

use super::{TestApp, post_form, spawn_app, today};

fn months_ago(months: u32) -> chrono::NaiveDate {
    today()
        .checked_sub_months(Months::new(months))
        .unwrap_or(today())
}

/// A public-form inquiry received on `received_on` from `business`, sealed with `sender`.
async fn submitted(
    app: &TestApp,
    business: &str,
    sender: Uuid,
    received_on: chrono::NaiveDate,
) -> anyhow::Result<InquiryId> {
    let inquiry = InquiryId::from(Uuid::new_v4());
    let command = InquiryCommand::Submit(Box::new(SubmitInquiry {
        inquiry,
        submission: Submission {
            reference: Reference::of(inquiry),
            found_via: FoundVia::Flyer,
            postal_code: PostalCode::parse("13187")?,
            sender,
            consent_notice: Title::parse("Datenschutzhinweis (Stand 2024)")?,
        },
        personal: SenderData {
            business: OrganizationName::parse(business)?,
            contact_person: PersonName::parse("Ina Absenderin")?,
            email: Some(Email::parse("ina@absender.example")?),
            phone: None,
            street: None,
        },
        topic: None,
        description: wifo_domain::values::Text::parse("Gibt es Zuschüsse für einen Laden?")?,
        received_on,
        assignee: None,
        entered_by: None,
    }));
    app.state
        .data
        .handler
        .execute::<Inquiry>(&command, &CommandContext::now("online-formular"), None)
        .await?;
    Ok(inquiry)
}

async fn close(
    staff: &super::Client,
    inquiry: &str,
    closed_on: chrono::NaiveDate,
) -> anyhow::Result<()> {
    staff
        .write(
            &format!("/api/v1/inquiries/{inquiry}/close"),
            &json!({"inquiry": inquiry, "closed_on": closed_on, "outcome": "solved"}),
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn senders_of_inquiries_closed_more_than_24_months_ago_are_due_and_erased()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let (old, recent, reopened) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
    let due = submitted(&app, "Laden Fristablauf", old, months_ago(30)).await?;
    let young = submitted(&app, "Laden Jungfrist", recent, months_ago(30)).await?;
    let again = submitted(&app, "Laden Wiederauf", reopened, months_ago(30)).await?;
    close(&staff, &due.to_string(), months_ago(25)).await?;
    close(&staff, &young.to_string(), months_ago(23)).await?;
    close(&staff, &again.to_string(), months_ago(26)).await?;
    staff
        .write(
            &format!("/api/v1/inquiries/{again}/reopen"),
            &json!({"inquiry": again, "reopened_on": months_ago(24), "reason": "Nachfrage"}),
        )
        .await?;
    let phone = staff
        .write(
            "/api/v1/inquiries",
            &json!({"inquiry": Uuid::new_v4(), "organization": null, "channel": "phone", "source": "direct",
                "topics": [], "description": "Telefonische Frage", "received_on": months_ago(30),
                "received_by": super::user_name(Role::Staff)}),
        )
        .await?;
    let phone = super::id_of(&phone)?;
    close(&staff, &phone, months_ago(26)).await?;

    let officer = app.login(Role::DataProtection).await?;
    let (review, _) = officer.read("/api/v1/privacy/retention").await?;
    assert_eq!(review["periods"]["closed_inquiries_months"], 24);
    let senders = review["senders"].as_array().cloned().unwrap_or_default();
    assert_eq!(senders.len(), 1, "{review}");
    assert_eq!(senders[0]["inquiry"], due.to_string());
    assert_eq!(senders[0]["reference"], Reference::of(due).to_string());
    assert_eq!(senders[0]["closed_on"], months_ago(25).to_string());

    // The page lists its reference without the business; erasing it and the young one erases
    // only the one due.
    let page = officer
        .get("/datenschutz/aufbewahrung")
        .await?
        .text()
        .await?;
    assert!(page.contains(Reference::of(due).as_str()), "{page}");
    assert!(!page.contains(Reference::of(young).as_str()));
    assert!(!page.contains("Laden Fristablauf"));
    let (status, page) = post_form(
        &officer,
        "/datenschutz/aufbewahrung",
        &[
            ("inquiry", &due.to_string()),
            ("inquiry", &young.to_string()),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("was nicht mehr fällig war"), "{page}");
    assert!(app.state.data.keys.key(old)?.is_none());
    assert!(app.state.data.keys.key(recent)?.is_some());
    assert!(app.state.data.keys.key(reopened)?.is_some());

    let page = staff.get(&format!("/anliegen/{due}")).await?.text().await?;
    assert!(page.contains("Absenderdaten gelöscht"), "{page}");
    assert!(page.contains("Aufbewahrungsfrist abgelaufen"));
    assert!(!page.contains("Laden Fristablauf") && !page.contains("Ina Absenderin"));
    let page = staff
        .get(&format!("/anliegen/{young}"))
        .await?
        .text()
        .await?;
    assert!(page.contains("Laden Jungfrist"), "{page}");

    let (review, _) = officer.read("/api/v1/privacy/retention").await?;
    assert_eq!(review["senders"].as_array().map(Vec::len), Some(0));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sender_asking_for_erasure_is_erased_by_the_reference_they_were_shown()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let sender = Uuid::new_v4();
    let inquiry = submitted(&app, "Laden Auskunft", sender, today()).await?;
    let officer = app.login(Role::DataProtection).await?;

    let (status, page) = post_form(
        &officer,
        "/datenschutz/absender",
        &[
            ("reference", "WF-0000-0000"),
            ("reason", "data_subject_request"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("kein Anliegen aus dem Online-Formular"),
        "{page}"
    );
    assert!(app.state.data.keys.key(sender)?.is_some());

    // Typed in lower case with blanks around, as a sender may quote it on the phone.
    let typed = format!(" {} ", Reference::of(inquiry).as_str().to_lowercase());
    let (status, page) = post_form(
        &officer,
        "/datenschutz/absender",
        &[("reference", &typed), ("reason", "data_subject_request")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Die Absenderdaten sind gelöscht."), "{page}");
    assert!(app.state.data.keys.key(sender)?.is_none());

    // The API does the same, and saying it again changes nothing; staff may not.
    let path = format!("/api/v1/inquiries/{inquiry}/erase-sender");
    let body = json!({"reason": "data_subject_request"});
    let answer = officer.write(&path, &body).await?;
    assert_eq!(answer["erased"], true);
    let staff = app.login(Role::Staff).await?;
    let response = staff.post_json(&path, &body).await?;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let page = staff
        .get(&format!("/anliegen/{inquiry}"))
        .await?
        .text()
        .await?;
    assert!(page.contains("Antrag der betroffenen Person"), "{page}");
    assert!(!page.contains("Laden Auskunft"));
    Ok(())
}
