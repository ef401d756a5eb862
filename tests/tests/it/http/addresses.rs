//! The address list as a staff member sends invitations from it: for a gathering, the invited
//! organizations' contact persons with mail only where the consent „Einladungen“ is in force —
//! the others listed with the reason (never given, withdrawn on a day) and without contact data —
//! for casework everyone with their data; the purpose must be named, every person listed is one
//! access-log entry with that purpose, and a planner may not open it.

use chrono::Months;
use reqwest::StatusCode;
use serde_json::{Value, json};
use uuid::Uuid;
use wifo_domain::values::Role;

use super::{Client, id_of, register_organization, spawn_app, today};

fn months_ago(months: u32) -> chrono::NaiveDate {
    today()
        .checked_sub_months(Months::new(months))
        .unwrap_or(today())
}

async fn linked_person(
    staff: &Client,
    organization: &str,
    name: &str,
    email: &str,
) -> anyhow::Result<String> {
    let answer = staff
        .write(
            "/api/v1/persons",
            &json!({"personal": {"name": name, "email": email, "phone": "030 1234567", "notes": ""}}),
        )
        .await?;
    let person = id_of(&answer)?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/link"),
            &json!({"organization": organization, "role": "Inhaberin"}),
        )
        .await?;
    Ok(person)
}

async fn consent(staff: &Client, person: &str, purpose: &str) -> anyhow::Result<()> {
    staff
        .write(
            &format!("/api/v1/persons/{person}/consents"),
            &json!({"purpose": purpose, "channel": "email", "source": "Messe", "given_on": months_ago(3)}),
        )
        .await?;
    Ok(())
}

fn lines(list: &Value) -> Vec<Value> {
    list["lines"].as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_list_gives_contact_data_only_where_consent_is_in_force() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let invited = register_organization(&staff, "Anschriften Schreinerei GmbH").await?;
    let other = register_organization(&staff, "Nicht eingeladen KG").await?;
    let anke = linked_person(
        &staff,
        &invited,
        "Anke Einladung",
        "anke@schreinerei.example",
    )
    .await?;
    let bodo = linked_person(&staff, &invited, "Bodo Ohne", "bodo@schreinerei.example").await?;
    let carla = linked_person(
        &staff,
        &invited,
        "Carla Widerruf",
        "carla@schreinerei.example",
    )
    .await?;
    let dieter = linked_person(
        &staff,
        &invited,
        "Dieter Newsletter",
        "dieter@schreinerei.example",
    )
    .await?;
    let emil = linked_person(&staff, &other, "Emil Fremd", "emil@kg.example").await?;
    consent(&staff, &anke, "invitations").await?;
    consent(&staff, &carla, "invitations").await?;
    staff
        .write(
            &format!("/api/v1/persons/{carla}/consents/withdraw"),
            &json!({"purpose": "invitations", "withdrawn_on": months_ago(1)}),
        )
        .await?;
    consent(&staff, &dieter, "newsletter").await?;
    let gathering = Uuid::new_v4().to_string();
    staff
        .write(
            "/api/v1/gatherings",
            &json!({"gathering": gathering, "kind": "stammtisch", "title": "Stammtisch Handwerk",
                "date": today(), "venue": "Rathaus", "co_hosts": [], "milestone": null}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/gatherings/{gathering}/invitations"),
            &json!({"gathering": gathering, "organizations": [invited], "persons": [], "invited_on": today()}),
        )
        .await?;

    let path = format!("/api/v1/address-lists?purpose=invitation&gathering={gathering}");
    let (list, _) = staff.read(&path).await?;
    let found = lines(&list);
    let people: Vec<&str> = found
        .iter()
        .map(|line| line["name"].as_str().unwrap_or_default())
        .collect();
    // Who may be written to first, then by name; Emil's organization was not invited.
    assert_eq!(
        people,
        [
            "Anke Einladung",
            "Bodo Ohne",
            "Carla Widerruf",
            "Dieter Newsletter"
        ],
        "{list}"
    );
    assert_eq!(list["may_contact"], 1);
    assert_eq!(list["withheld"], 3);
    assert_eq!(found[0]["email"], "anke@schreinerei.example");
    assert_eq!(found[0]["consent"]["status"], "given");
    for line in &found[1..] {
        assert_eq!(line["email"], Value::Null, "{line}");
        assert_eq!(line["phone"], Value::Null, "{line}");
    }
    assert_eq!(found[1]["consent"]["status"], "missing");
    assert_eq!(found[2]["consent"]["status"], "withdrawn");
    assert_eq!(found[2]["consent"]["on"], months_ago(1).to_string());
    assert_eq!(found[3]["consent"]["status"], "missing");

    // Every person listed is one entry with the purpose chosen.
    let officer = app.login(Role::DataProtection).await?;
    for person in [&anke, &bodo, &carla, &dieter] {
        let (log, _) = officer
            .read(&format!("/api/v1/privacy/access-log?person={person}"))
            .await?;
        let entries: Vec<Value> = log["entries"].as_array().cloned().unwrap_or_default();
        let from_list: Vec<&Value> = entries
            .iter()
            .filter(|entry| entry["route"] == "GET /api/v1/address-lists")
            .collect();
        assert_eq!(from_list.len(), 1, "{log}");
        assert_eq!(from_list[0]["purpose"], "invitation");
    }
    let (log, _) = officer
        .read(&format!("/api/v1/privacy/access-log?person={emil}"))
        .await?;
    assert_eq!(log["entries"].as_array().map(Vec::len), Some(0), "{log}");

    // For casework, everyone linked, with their data.
    let (list, _) = staff.read("/api/v1/address-lists?purpose=casework").await?;
    assert_eq!(lines(&list).len(), 5, "{list}");
    assert_eq!(list["may_contact"], 5);
    assert!(lines(&list).iter().all(|line| {
        line["email"]
            .as_str()
            .is_some_and(|mail| mail.contains('@'))
    }));

    // The page asks the purpose first and shows nobody until then; the download is the list.
    let page = staff.get("/anschriften").await?.text().await?;
    assert!(page.contains("Wozu dient die Liste?") && !page.contains("Anke Einladung"));
    let csv = staff
        .get(&format!(
            "/anschriften?zweck=invitation&veranstaltung={gathering}&format=csv"
        ))
        .await?
        .text()
        .await?;
    assert!(csv.contains("Anke Einladung;") && csv.contains("anke@schreinerei.example"));
    assert!(
        !csv.contains("bodo@schreinerei.example") && !csv.contains("carla@schreinerei.example")
    );
    assert!(
        csv.contains("Nicht anschreiben: keine Einwilligung"),
        "{csv}"
    );

    // Without a purpose the API says what is missing; a planner may not open the list.
    let response = staff.get("/api/v1/address-lists").await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await?.contains("wozu die Liste dient"));
    let planner = app.login(Role::Planner).await?;
    let response = planner.get(&path).await?;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    Ok(())
}
