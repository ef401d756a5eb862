//! Leadership and press at a visit: recorded through the visit's own form, shown on its page
//! by name and in its history, answered by `GET /api/v1/visits/{id}`, counted in the
//! leadership report, corrected by sending the form again; an unknown leader is refused with a
//! German message and writes nothing.

use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{conduct_visit, post_form, problem, register_organization, spawn_app, today};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leadership_and_press_are_recorded_shown_counted_and_corrected() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let lead = app.login(Role::Lead).await?;
    let organization = register_organization(&staff, "Brauerei Besuch GmbH").await?;
    let visit = conduct_visit(&staff, &organization, false, 4).await?;

    let form = staff
        .get(&format!("/besuche/{visit}/oeffentlichkeit"))
        .await?
        .text()
        .await?;
    for name in ["Bezirksbürgermeister/in", "Senator/in", "Mit Presse"] {
        assert!(form.contains(name), "the form lacks „{name}“");
    }
    let (status, page) = post_form(
        &staff,
        &format!("/besuche/{visit}/oeffentlichkeit"),
        &[
            ("leadership", "bezirksbuergermeister"),
            ("leadership", "senator"),
            ("press", "ja"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("Leitung beim Besuch</dt><dd>Bezirksbürgermeister/in, Senator/in"),
        "{page}"
    );
    assert!(page.contains("Presse</dt><dd>ja"));
    assert!(page.contains("Leitung und Presse festgehalten"));

    let (answer, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(
        answer["state"]["leadership"],
        json!(["bezirksbuergermeister", "senator"])
    );
    assert_eq!(answer["state"]["press"], true);
    let year = today().format("%Y");
    let (report, _) = lead
        .read(&format!(
            "/api/v1/reports/leadership?from={year}-01-01&to={}",
            today()
        ))
        .await?;
    assert_eq!(report["visits"]["with_leadership"]["current"], 1);
    assert_eq!(report["visits"]["with_press"]["current"], 1);

    // An unknown leader is refused and changes nothing.
    let (status, refused) = problem(
        staff
            .post_json(
                &format!("/api/v1/visits/{visit}/publicity"),
                &json!({"leadership": ["kaiser"], "press": false}),
            )
            .await?,
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("kaiser")
    );
    let (unchanged, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(unchanged["state"]["press"], true);

    // Sending the form with nothing ticked corrects it.
    post_form(&staff, &format!("/besuche/{visit}/oeffentlichkeit"), &[]).await?;
    let (corrected, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(corrected["state"]["leadership"], json!([]));
    assert_eq!(corrected["state"]["press"], false);
    let history: Vec<&str> = corrected["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["type"].as_str())
        .collect();
    assert_eq!(
        history,
        [
            "VisitPlanned",
            "VisitConducted",
            "VisitPublicityRecorded",
            "VisitPublicityRecorded"
        ]
    );
    Ok(())
}
