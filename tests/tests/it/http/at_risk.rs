//! The at-risk list through the API and the pages: a visit that found a relocation risk puts
//! its business on `GET /api/v1/at-risk` and on `/gefaehrdet`, counted on „Meine Woche“ and on
//! the lead's dashboard, downloadable as CSV; completing the visit's follow-up takes it off. A
//! calm visit puts nothing there.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::{conduct_visit, register_organization, spawn_app, today, user_name};

fn names(answer: &Value) -> Vec<String> {
    answer["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| {
            entry["organization_name"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visit_with_a_red_flag_lists_its_business_until_a_follow_up_is_completed()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let lead = app.login(Role::Lead).await?;
    let planner = app.login(Role::Planner).await?;
    let risky = register_organization(&staff, "Druckerei Gefahr KG").await?;
    let calm = register_organization(&staff, "Bäckerei Ruhig GmbH").await?;
    let visit = conduct_visit(&staff, &risky, true, 4).await?;
    conduct_visit(&staff, &calm, false, 4).await?;

    let (answer, _) = staff.read("/api/v1/at-risk").await?;
    assert_eq!(names(&answer), ["Druckerei Gefahr KG"]);
    assert_eq!(answer["entries"][0]["visit"], visit.as_str());
    assert_eq!(
        answer["entries"][0]["reasons"],
        json!([{"kind": "relocation_risk"}])
    );
    assert_eq!(answer["entries"][0]["open_follow_up"], Value::Null);
    let (mine, _) = staff
        .read(&format!("/api/v1/at-risk?user={}", user_name(Role::Lead)))
        .await?;
    assert!(names(&mine).is_empty(), "the lead visited nothing");
    assert_eq!(
        planner.get("/api/v1/at-risk").await?.status(),
        StatusCode::FORBIDDEN
    );

    let page = lead.get("/gefaehrdet").await?.text().await?;
    assert!(page.contains("Druckerei Gefahr KG"), "{page}");
    assert!(page.contains("Abwanderungsgefahr"));
    assert!(page.contains("keine – bitte Wiedervorlage anlegen"));
    assert!(!page.contains("Bäckerei Ruhig GmbH"));
    let week = staff.get("/woche").await?.text().await?;
    assert!(week.contains("Gefährdete Betriebe, für die Sie zuständig sind: 1"));
    let dashboard = lead.get("/leitung").await?.text().await?;
    assert!(dashboard.contains("Gefährdete Betriebe heute: 1"));
    let csv = lead.get("/gefaehrdet?format=csv&mitarbeiter=").await?;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await?;
    assert!(
        csv.contains("Druckerei Gefahr KG") && csv.contains("Abwanderungsgefahr"),
        "{csv}"
    );

    let follow_up = uuid::Uuid::now_v7().to_string();
    staff
        .write(
            &format!("/api/v1/visits/{visit}/follow-ups"),
            &json!({"follow_up": follow_up, "task": "Gewerbeflächen anbieten",
                "assignee": user_name(Role::Staff), "due_on": today()}),
        )
        .await?;
    let (open, _) = staff.read("/api/v1/at-risk").await?;
    assert_eq!(
        open["entries"][0]["open_follow_up"][0],
        user_name(Role::Staff)
    );
    let page = lead.get("/gefaehrdet").await?.text().await?;
    assert!(page.contains("offen bei"), "{page}");

    staff
        .write(
            &format!("/api/v1/visits/{visit}/follow-ups/complete"),
            &json!({"follow_up": follow_up, "completed_on": today()}),
        )
        .await?;
    let (done, _) = staff.read("/api/v1/at-risk").await?;
    assert!(names(&done).is_empty(), "{done}");
    Ok(())
}
