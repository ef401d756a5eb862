//! Data protection as the data-protection officer (role `datenschutz`) works it: the access log
//! gets exactly one entry per opening of a person's data — by page, by API, by each role — and
//! none for a planner's profile view; the retention review lists exactly who is due (a person
//! 37 months without contact, one whose consent was withdrawn 13 months ago; not one at 35
//! months, nor one contacted today) and erases the chosen in one step; the Art. 15 export holds
//! every event that names the person (counted by hand from the scenario) and the access log's
//! entries; after an erasure and a restart no file of the data directory holds the name or the
//! mail, while the access log still shows the accesses under the person's id.

use chrono::Months;
use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::{
    Client, Stop, TestApp, id_of, post_form, register_organization, spawn_app, start, today,
    user_name,
};

const NAME: &str = "Xaver Quellenbrink";
const MAIL: &str = "xaver.quellenbrink@beispiel-gmbh.example";

fn months_ago(months: u32) -> chrono::NaiveDate {
    today()
        .checked_sub_months(Months::new(months))
        .unwrap_or(today())
}

async fn person_added(
    staff: &Client,
    name: &str,
    email: &str,
    on: chrono::NaiveDate,
) -> anyhow::Result<String> {
    let answer = staff
        .write(
            "/api/v1/persons",
            &json!({"personal": {"name": name, "email": email, "phone": null, "notes": ""}, "changed_on": on}),
        )
        .await?;
    id_of(&answer)
}

async fn access_entries(officer: &Client, person: &str) -> anyhow::Result<Vec<Value>> {
    let (answer, _) = officer
        .read(&format!("/api/v1/privacy/access-log?person={person}"))
        .await?;
    Ok(answer["entries"].as_array().cloned().unwrap_or_default())
}

/// A person linked to an organization, with a consent, a contact and a visit she took part in:
/// six events name her (added, linked, consent, contact, visit planned, visit conducted).
async fn scenario(app: &TestApp) -> anyhow::Result<(String, String)> {
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Quellenbrink Feinmechanik GmbH").await?;
    let person = person_added(&staff, NAME, MAIL, months_ago(2)).await?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/link"),
            &json!({"organization": organization, "role": "Geschäftsführer"}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/consents"),
            &json!({"purpose": "invitations", "channel": "email", "source": "Messe 2026", "given_on": months_ago(1)}),
        )
        .await?;
    staff
        .write(
            "/api/v1/contacts",
            &json!({"organization": organization, "person": person, "channel": "phone",
                "contacted_on": today(), "topics": [], "summary": "Rückruf", "staff": user_name(Role::Staff)}),
        )
        .await?;
    let visit = staff
        .write(
            "/api/v1/visits",
            &json!({"organization": organization, "planned_on": today(), "staff": [user_name(Role::Staff)],
                "participants": [person], "purpose": "Kennenlernen", "joint_partner": null}),
        )
        .await?;
    let visit = id_of(&visit)?;
    staff
        .write(
            &format!("/api/v1/visits/{visit}/conduct"),
            &json!({"organization": organization, "conducted_on": today(), "duration_minutes": 45,
                "staff": [user_name(Role::Staff)], "participants": [person], "topics": [],
                "findings": {"expansion_plans": false, "relocation_risk": false,
                    "space_need_m2": null, "workforce_need": null, "funding_interest": false,
                    "location_satisfaction": 4, "issues_raised": []},
                "notes": "", "joint_partner": null}),
        )
        .await?;
    Ok((organization, person))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_opening_of_personal_data_writes_one_access_log_entry() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let (organization, person) = scenario(&app).await?;
    let officer = app.login(Role::DataProtection).await?;
    assert!(access_entries(&officer, &person).await?.is_empty());

    // The person's page as each role that sees personal data: one entry each.
    let mut expected = 0;
    for role in [Role::Staff, Role::Lead, Role::Admin] {
        let client = app.login(role).await?;
        let page = client.get(&format!("/personen/{person}")).await?;
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page.text().await?.contains(NAME));
        expected += 1;
        let entries = access_entries(&officer, &person).await?;
        assert_eq!(entries.len(), expected, "{role:?}: {entries:?}");
        assert_eq!(entries[0]["user"], user_name(role));
        assert_eq!(entries[0]["route"], "GET /personen/{id}");
        assert_eq!(entries[0]["purpose"], "casework");
    }
    // The organization's profile with the person on it, by page and by API: one entry each.
    let staff = app.login(Role::Staff).await?;
    assert!(
        staff
            .get(&format!("/organisationen/{organization}"))
            .await?
            .text()
            .await?
            .contains(NAME)
    );
    staff
        .read(&format!("/api/v1/organizations/{organization}"))
        .await?;
    staff.read(&format!("/api/v1/persons/{person}")).await?;
    expected += 3;
    let entries = access_entries(&officer, &person).await?;
    assert_eq!(entries.len(), expected);
    assert_eq!(entries[0]["route"], "GET /api/v1/persons/{id}");
    assert_eq!(entries[1]["route"], "GET /api/v1/organizations/{id}");
    assert_eq!(entries[2]["route"], "GET /organisationen/{id}");

    // A planner's profile view shows no personal data and writes nothing.
    let planner = app.login(Role::Planner).await?;
    let page = planner
        .get(&format!("/organisationen/{organization}"))
        .await?
        .text()
        .await?;
    assert!(!page.contains(NAME));
    planner
        .read(&format!("/api/v1/organizations/{organization}"))
        .await?;
    assert_eq!(access_entries(&officer, &person).await?.len(), expected);

    // The officer's access export: one entry with its purpose.
    let page = officer
        .get(&format!("/verwaltung/datenschutz?person={person}"))
        .await?
        .text()
        .await?;
    assert!(page.contains(NAME) && page.contains(MAIL), "{page}");
    expected += 1;
    let entries = access_entries(&officer, &person).await?;
    assert_eq!(entries.len(), expected);
    assert_eq!(entries[0]["purpose"], "access_request");
    assert_eq!(entries[0]["role"], "datenschutz");

    // The log's page and the chain.
    let (log, _) = officer.read("/api/v1/privacy/access-log").await?;
    assert_eq!(log["verified"], json!(expected));
    let page = officer
        .get(&format!("/datenschutz/zugriffe?person={person}"))
        .await?
        .text()
        .await?;
    assert!(page.contains("Prüfsummenkette bestätigt"), "{page}");
    assert!(!page.contains(NAME));

    // Only the officer and admins read it; the officer sees no business statistics.
    assert_eq!(
        staff.get("/api/v1/privacy/access-log").await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        planner.get("/datenschutz/zugriffe").await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        officer.get("/leitung").await?.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        officer
            .get(&format!("/organisationen/{organization}"))
            .await?
            .status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_retention_review_lists_exactly_who_is_due_and_erases_the_chosen() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Fristen Bäckerei KG").await?;
    let old = person_added(
        &staff,
        "Anna Altbestand",
        "anna@fristen.example",
        months_ago(37),
    )
    .await?;
    let middle = person_added(
        &staff,
        "Bernd Mittel",
        "bernd@fristen.example",
        months_ago(35),
    )
    .await?;
    let withdrawn = person_added(
        &staff,
        "Clara Widerruf",
        "clara@fristen.example",
        months_ago(20),
    )
    .await?;
    staff
        .write(
            &format!("/api/v1/persons/{withdrawn}/consents"),
            &json!({"purpose": "newsletter", "channel": "email", "source": "Website", "given_on": months_ago(20)}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/persons/{withdrawn}/consents/withdraw"),
            &json!({"purpose": "newsletter", "withdrawn_on": months_ago(13)}),
        )
        .await?;
    let contacted = person_added(
        &staff,
        "Dora Kontakt",
        "dora@fristen.example",
        months_ago(40),
    )
    .await?;
    staff
        .write(
            "/api/v1/contacts",
            &json!({"organization": organization, "person": contacted, "channel": "phone",
                "contacted_on": today(), "topics": [], "summary": "Nachfrage", "staff": user_name(Role::Staff)}),
        )
        .await?;

    let officer = app.login(Role::DataProtection).await?;
    let (review, _) = officer.read("/api/v1/privacy/retention").await?;
    let due: Vec<(String, String)> = review["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|case| {
            (
                case["person"].as_str().unwrap_or_default().to_owned(),
                case["rule"]["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        due,
        vec![
            (old.clone(), "no_contact".to_owned()),
            (withdrawn.clone(), "consent_withdrawn".to_owned())
        ],
        "{review}"
    );
    assert_eq!(review["periods"]["persons_without_contact_months"], 36);

    // The page lists the same two without a name; erasing Anna and Bernd erases Anna only.
    let page = officer
        .get("/datenschutz/aufbewahrung")
        .await?
        .text()
        .await?;
    assert!(page.contains(&old) && page.contains(&withdrawn) && !page.contains(&middle));
    assert!(!page.contains("Anna Altbestand"));
    let (status, page) = post_form(
        &officer,
        "/datenschutz/aufbewahrung",
        &[("person", &old), ("person", &middle)],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("was nicht mehr fällig war"), "{page}");
    let (record, _) = officer
        .read(&format!("/api/v1/persons/{old}/export"))
        .await?;
    assert_eq!(record["erased"], true);
    let erasure = record["events"]
        .as_array()
        .and_then(|events| events.last())
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(erasure["event_type"], "PersonErased");
    assert_eq!(erasure["payload"]["reason"], "retention_period_expired");
    let (record, _) = officer
        .read(&format!("/api/v1/persons/{middle}/export"))
        .await?;
    assert_eq!(record["erased"], false);
    let (review, _) = officer.read("/api/v1/privacy/retention").await?;
    assert_eq!(review["cases"].as_array().map(Vec::len), Some(1));

    // Nothing chosen is refused in German.
    let (status, page) = post_form(&officer, "/datenschutz/aufbewahrung", &[]).await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("mindestens eine Person"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_export_holds_every_event_naming_the_person_and_erasure_leaves_no_trace()
-> anyhow::Result<()> {
    let directory = tempfile::tempdir()?;
    let app = start(directory.path(), true).await?;
    let (_, person) = scenario(&app).await?;
    let officer = app.login(Role::DataProtection).await?;

    let (export, _) = officer
        .read(&format!("/api/v1/persons/{person}/export"))
        .await?;
    assert_eq!(export["personal"]["name"], NAME);
    let types: Vec<&str> = export["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|event| event["event_type"].as_str())
        .collect();
    assert_eq!(
        types,
        vec![
            "PersonAdded",
            "PersonLinked",
            "ConsentRecorded",
            "ContactLogged",
            "VisitPlanned",
            "VisitConducted"
        ]
    );
    assert_eq!(export["events"][0]["occurred_on"], json!(months_ago(2)));
    assert_eq!(
        export["links"][0]["organization_name"],
        "Quellenbrink Feinmechanik GmbH"
    );
    assert_eq!(export["consents"][0]["purpose"], "invitations");
    assert_eq!(export["access_log"][0]["purpose"], "access_request");
    let html = officer
        .get(&format!("/api/v1/persons/{person}/export?format=html"))
        .await?;
    assert!(
        html.headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"))
    );
    let html = html.text().await?;
    assert!(html.contains("Auskunft nach Art. 15 DSGVO") && html.contains(MAIL));
    assert!(
        html.contains("Ereignisse, die die Person nennen: 6"),
        "{html}"
    );

    // Erased, then restarted: no file holds the name or the mail; the log still shows the
    // accesses, under the id.
    officer
        .write(
            &format!("/api/v1/persons/{person}/erase"),
            &json!({"reason": "data_subject_request", "erased_on": today()}),
        )
        .await?;
    app.stop(Stop::Graceful).await?;
    let app = start(directory.path(), false).await?;
    let officer = app.login(Role::DataProtection).await?;
    let entries = access_entries(&officer, &person).await?;
    assert_eq!(entries.len(), 2, "{entries:?}");
    let traces =
        crate::erasure::files_containing(directory.path(), &[NAME.as_bytes(), MAIL.as_bytes()])?;
    assert!(traces.is_empty(), "{traces:?}");
    let (export, _) = officer
        .read(&format!("/api/v1/persons/{person}/export"))
        .await?;
    assert_eq!(export["erased"], true);
    assert_eq!(export["personal"], Value::Null);
    assert!(!export.to_string().contains(NAME));
    let staff = app.login(Role::Staff).await?;
    let (search, _) = staff.read("/api/v1/organizations?q=Xaver").await?;
    assert_eq!(search["total"], 0, "{search}");
    app.stop(Stop::Graceful).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_records_of_processing_name_the_configured_periods() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let officer = app.login(Role::DataProtection).await?;
    let landing = officer.get("/").await?;
    assert!(landing.url().path().ends_with("/verwaltung/datenschutz"));
    let page = officer
        .get("/datenschutz/verzeichnis")
        .await?
        .text()
        .await?;
    assert!(
        page.contains("Löschung 36 Monate nach dem letzten Kontakt"),
        "{page}"
    );
    assert!(page.contains("Löschung nach 12 Monaten"));
    let (answer, _) = officer.read("/api/v1/privacy/processing").await?;
    assert_eq!(answer["activities"].as_array().map(Vec::len), Some(5));
    Ok(())
}
