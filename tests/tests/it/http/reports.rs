//! The report routes over HTTP: a visit written through the API shows up in the lead's Klausur
//! statistics at once (read your writes); the HTML answer is a complete page with its own
//! policy for inline styles and opens with the summary; CSV comes as a ZIP and XLSX as a
//! workbook whose first sheet is the „Übersicht“; bad parameters get a 400 problem; staff may
//! not read reports; the JSON shape is documented in the OpenAPI document.

use reqwest::{StatusCode, header};
use serde_json::json;
use wifo_domain::values::Role;

use super::{plan_visit, problem, register_organization, spawn_app, today, user_name};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_reads_the_klausur_statistics_in_every_format() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Bäckerei Report GmbH").await?;
    let visit = plan_visit(&staff, &organization, today()).await?;
    staff
        .write(
            &format!("/api/v1/visits/{visit}/conduct"),
            &json!({
                "organization": null,
                "conducted_on": today(),
                "duration_minutes": 45,
                "staff": [user_name(Role::Staff)],
                "participants": [],
                "topics": [],
                "findings": {"expansion_plans": true, "relocation_risk": false, "space_need_m2": null,
                    "workforce_need": null, "funding_interest": false, "location_satisfaction": null,
                    "issues_raised": []},
                "notes": "",
                "joint_partner": null,
            }),
        )
        .await?;
    let year = chrono::Datelike::year(&today());

    let lead = app.login(Role::Lead).await?;
    let (report, _) = lead
        .read(&format!("/api/v1/reports/klausur/{year}"))
        .await?;
    assert_eq!(report["kind"], "klausur");
    assert_eq!(report["visits"]["conducted"]["current"], 1);
    assert_eq!(report["visits"]["conducted"]["previous"], 0);

    let html = lead
        .get(&format!("/api/v1/reports/klausur/{year}?format=html"))
        .await?;
    assert_eq!(html.status(), StatusCode::OK);
    assert_eq!(
        html.headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let policy = html.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()?
        .to_owned();
    assert!(policy.contains("style-src 'unsafe-inline'") && policy.contains("default-src 'none'"));
    let page = html.text().await?;
    assert!(
        page.starts_with("<!DOCTYPE html>") && page.contains(&format!("Klausur-Statistik {year}"))
    );
    // The summary, then the contents, then the appendix.
    let summary = page.find("<h2>Zusammenfassung</h2>");
    let contents = page.find(">Inhalt</h2>");
    let appendix = page.find("<h2>Anhang</h2>");
    assert!(summary.is_some() && summary < contents && contents < appendix);

    let csv = lead
        .get(&format!("/api/v1/reports/klausur/{year}?format=csv"))
        .await?;
    assert_eq!(csv.headers()[header::CONTENT_TYPE], "application/zip");
    assert!(csv.bytes().await?.starts_with(b"PK"));
    let xlsx = lead
        .get(&format!("/api/v1/reports/klausur/{year}?format=xlsx"))
        .await?;
    assert!(
        xlsx.headers()[header::CONTENT_DISPOSITION]
            .to_str()?
            .contains(".xlsx")
    );
    let workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.bytes().await?.to_vec()))?;
    assert_eq!(
        calamine::Reader::sheet_names(&workbook)
            .first()
            .map(String::as_str),
        Some("Übersicht")
    );

    let planner = app.login(Role::Planner).await?;
    let (leadership, _) = planner
        .read(&format!(
            "/api/v1/reports/leadership?from=01.01.{year}&to={year}-12-31"
        ))
        .await?;
    assert_eq!(leadership["kind"], "leadership");
    assert_eq!(leadership["visits"]["conducted"]["current"], 1);

    // Bad input: a 400 problem with a German message, never a 500.
    for path in [
        "/api/v1/reports/klausur/zwanzig".to_owned(),
        format!("/api/v1/reports/klausur/{year}?format=pdf"),
        format!("/api/v1/reports/klausur/{year}?region=abc"),
        format!("/api/v1/reports/klausur/{year}?partner=kein-verband"),
        "/api/v1/reports/leadership?from=2025-13-01&to=2025-12-31".to_owned(),
        "/api/v1/reports/leadership?from=2025-12-31&to=2025-01-01".to_owned(),
        "/api/v1/reports/leadership".to_owned(),
    ] {
        let (status, body) = problem(lead.get(&path).await?).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {body}");
    }
    let (status, _) = problem(
        staff
            .get(&format!("/api/v1/reports/klausur/{year}"))
            .await?,
    )
    .await?;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Every top-level field of the answer is documented in the OpenAPI document.
    let (document, _) = app.anonymous()?.read("/api/v1/openapi.json").await?;
    let schema = &document["components"]["schemas"]["Report"]["properties"];
    for field in report
        .as_object()
        .map(|o| o.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        assert!(schema.get(&field).is_some(), "{field} undocumented");
    }
    let proposal = &document["components"]["schemas"]["AgendaProposal"]["properties"];
    for field in [
        "rank",
        "reason_kind",
        "subject",
        "reason",
        "score",
        "other_reason_kinds",
    ] {
        assert!(
            proposal.get(field).is_some(),
            "AgendaProposal.{field} undocumented"
        );
    }
    let operation = &document["paths"]["/api/v1/reports/klausur/{year}"]["get"];
    assert_eq!(
        operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Report"
    );
    Ok(())
}
