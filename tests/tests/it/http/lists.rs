//! The lists behind the lead's figures: every conducted visit of the year and no other — a
//! visit of the year before, a planned one and a contact are not in it — newest first, sorted
//! by a column heading, 50 a page, and the download holds exactly the list in the order shown.

use chrono::{Datelike, Duration, NaiveDate};
use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{Client, plan_visit, register_organization, spawn_app, today, user_name};

async fn conduct(staff: &Client, organization: &str, day: NaiveDate) -> anyhow::Result<()> {
    staff
        .write(
            "/api/v1/visits/conducted",
            &json!({"organization": organization, "conducted_on": day, "duration_minutes": 30,
                    "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
                    "findings": {"expansion_plans": false, "relocation_risk": false, "space_need_m2": null,
                                 "workforce_need": null, "funding_interest": false,
                                 "location_satisfaction": null, "issues_raised": []},
                    "notes": "", "joint_partner": null}),
        )
        .await?;
    Ok(())
}

/// The data lines of a CSV download (after the header), as cells.
fn csv_lines(text: &str) -> Vec<Vec<String>> {
    text.trim_start_matches('\u{feff}')
        .split("\r\n")
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            line.split(';')
                .map(|cell| cell.trim_matches('"').to_owned())
                .collect()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_behind_a_figure_is_sorted_paged_and_downloaded_as_shown() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let lead = app.login(Role::Lead).await?;
    let year = today().year();
    // Days of this year that are not after today: 1 January, 2 January, today.
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let second = first + Duration::days(1);
    let anton = register_organization(&staff, "Anton Bau GmbH").await?;
    let zora = register_organization(&staff, "Zora Optik").await?;
    let mia = register_organization(&staff, "Mia Café").await?;
    conduct(&staff, &zora, first).await?;
    conduct(&staff, &anton, today()).await?;
    conduct(&staff, &mia, second.min(today())).await?;
    // Not in the list: last year's visit and a planned one.
    conduct(&staff, &anton, first - Duration::days(1)).await?;
    plan_visit(&staff, &mia, today() + Duration::days(3)).await?;
    staff.read("/api/v1/work").await?;

    let base = format!("/leitung/liste?was=besuche&jahr={year}");
    let csv = lead.get(&format!("{base}&format=csv")).await?;
    assert_eq!(csv.status(), StatusCode::OK);
    let lines = csv_lines(&csv.text().await?);
    let organizations: Vec<&str> = lines.iter().map(|cells| cells[1].as_str()).collect();
    // Newest first: today (Anton), 2 January (Mia), 1 January (Zora). On 1 or 2 January the
    // days coincide; ties go by the organization's cell's link, so only check the set then.
    if today() > second {
        assert_eq!(organizations, ["Anton Bau GmbH", "Mia Café", "Zora Optik"]);
    } else {
        assert_eq!(organizations.len(), 3, "{organizations:?}");
    }
    // Sorted by organization, descending on the second click: the download follows.
    let csv = lead
        .get(&format!("{base}&sortierung=organisation&format=csv"))
        .await?
        .text()
        .await?;
    let by_name: Vec<String> = csv_lines(&csv)
        .into_iter()
        .map(|cells| cells[1].clone())
        .collect();
    assert_eq!(by_name, ["Anton Bau GmbH", "Mia Café", "Zora Optik"]);
    let csv = lead
        .get(&format!(
            "{base}&sortierung=organisation&absteigend=1&format=csv"
        ))
        .await?
        .text()
        .await?;
    let by_name: Vec<String> = csv_lines(&csv)
        .into_iter()
        .map(|cells| cells[1].clone())
        .collect();
    assert_eq!(by_name, ["Zora Optik", "Mia Café", "Anton Bau GmbH"]);

    let page = lead.get(&base).await?.text().await?;
    assert!(page.contains("Treffer: 3"), "{page}");
    assert!(
        page.contains("aria-sort=\"descending\""),
        "the day column sorts newest first"
    );
    assert!(page.contains("Seite 1 von 1"));
    assert!(page.contains("format=xlsx"));
    let xlsx = lead.get(&format!("{base}&format=xlsx")).await?;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await?.starts_with(b"PK"), "not an XLSX file");
    // Staff may not open the lead's lists.
    assert_eq!(staff.get(&base).await?.status(), StatusCode::FORBIDDEN);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_downloads_exactly_the_open_inquiries_it_shows() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let mut inquiries = Vec::new();
    for name in ["Anton Bau GmbH", "Mia Café", "Zora Optik"] {
        let organization = register_organization(&staff, name).await?;
        let answer = staff
            .write(
                "/api/v1/inquiries",
                &json!({"organization": organization, "channel": "mail", "source": "direct",
                        "topics": [], "description": "Frage", "received_on": today(),
                        "received_by": user_name(Role::Staff)}),
            )
            .await?;
        inquiries.push(super::id_of(&answer)?);
    }
    // Mia's inquiry is answered and closed: it leaves the queue and the download.
    staff
        .write(
            &format!("/api/v1/inquiries/{}/answer", inquiries[1]),
            &json!({"answered_on": today(), "answer": "Erledigt"}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/inquiries/{}/close", inquiries[1]),
            &json!({"closed_on": today(), "outcome": "solved"}),
        )
        .await?;
    staff.read("/api/v1/work").await?;
    let page = staff.get("/anliegen").await?.text().await?;
    assert!(page.contains("format=csv"), "no download on the queue");
    let csv = staff.get("/anliegen?format=csv").await?;
    assert_eq!(csv.status(), StatusCode::OK);
    let mut names: Vec<String> = csv_lines(&csv.text().await?)
        .into_iter()
        .map(|cells| cells[1].clone())
        .collect();
    names.sort();
    assert_eq!(names, ["Anton Bau GmbH", "Zora Optik"]);
    Ok(())
}
