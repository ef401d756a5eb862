//! The command forms as a user fills them in: a planner starts a cooperation with partners typed
//! by name, plans, moves (dated earlier) and reaches a milestone, plans a gathering, invites,
//! records an answer and the attendance; staff change a profile on the revision they saw,
//! correct a person's data and a contact, record a consent; an admin locks a user out and lets
//! them in again. Each page and the API answer show what the form recorded; refused input stays
//! in the form next to its field, and nothing is written.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::{Client, id_of, register_organization, spawn_app, today, user_name};

/// Posts a form; answers the status, the address it ended on (after the redirect) and the page.
pub(super) async fn send(
    client: &Client,
    path: &str,
    fields: &[(&str, &str)],
) -> anyhow::Result<(StatusCode, String, String)> {
    let mut pairs: Vec<(&str, &str)> = fields.to_vec();
    let token = client.csrf.clone().unwrap_or_default();
    pairs.push(("_csrf", &token));
    let response = client
        .request(reqwest::Method::POST, path)
        .form(&pairs)
        .send()
        .await?;
    let status = response.status();
    let url = response.url().path().to_owned();
    Ok((status, url, response.text().await?))
}

/// The last segment of a path (the id of the record page a form returned to).
fn last_segment(path: &str) -> String {
    path.rsplit('/').next().unwrap_or_default().to_owned()
}

pub(super) async fn page(client: &Client, path: &str) -> anyhow::Result<String> {
    let response = client.get(path).await?;
    anyhow::ensure!(
        response.status() == StatusCode::OK,
        "{path}: {}",
        response.status()
    );
    Ok(response.text().await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_planner_runs_a_cooperation_and_a_gathering_from_the_forms() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let planner = app.login(Role::Planner).await?;
    let kaya = register_organization(&staff, "Bäckerei Kaya GmbH").await?;
    let verein = register_organization(&staff, "Gewerbeverein Pankow").await?;
    // The views hold both before the planner types their names.
    staff
        .read(&format!("/api/v1/organizations/{verein}"))
        .await?;

    // The board offers the two forms that start something.
    let board = page(&planner, "/kooperationen").await?;
    assert!(board.contains("href=\"/kooperationen/neu\""));
    assert!(board.contains("href=\"/veranstaltungen/neu\""));

    let (status, url, shown) = send(
        &planner,
        "/kooperationen/neu",
        &[
            ("title", "Ausbildungsbündnis Pankow"),
            ("partners", "bäckerei kaya gmbh\nGewerbeverein Pankow\n"),
            ("signed_on", "15.01.2025"),
            ("valid_from", "15.01.2025"),
            ("valid_until", "31.12.2026"),
            ("goals", "Zehn Praktikumsplätze\nEin Aktionstag"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    assert!(url.starts_with("/kooperationen/"), "{url}");
    let cooperation = last_segment(&url);
    for text in [
        "Gespeichert.",
        "Ausbildungsbündnis Pankow",
        "Bäckerei Kaya GmbH",
        "Gewerbeverein Pankow",
        "Zehn Praktikumsplätze",
        "15.01.2025",
    ] {
        assert!(shown.contains(text), "the page lacks {text}");
    }
    // The page links the forms on it.
    assert!(shown.contains(&format!(
        "href=\"/kooperationen/{cooperation}/meilenstein\""
    )));

    let (status, _, shown) = send(
        &planner,
        &format!("/kooperationen/{cooperation}/meilenstein"),
        &[
            ("title", "Aktionstag Ausbildung"),
            ("kind", "gathering"),
            ("due", "30.06.2025"),
            ("changed_on", "20.01.2025"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    let (answer, _) = planner
        .read(&format!("/api/v1/cooperations/{cooperation}"))
        .await?;
    let milestone = answer["state"]["milestones"]
        .as_object()
        .and_then(|milestones| milestones.keys().next().cloned())
        .ok_or_else(|| anyhow::anyhow!("no milestone: {answer}"))?;
    // The reschedule form offers it by title and due date.
    let form = page(
        &planner,
        &format!("/kooperationen/{cooperation}/meilenstein-verschieben"),
    )
    .await?;
    assert!(form.contains("Aktionstag Ausbildung (30.06.2025)"));
    let (status, _, shown) = send(
        &planner,
        &format!("/kooperationen/{cooperation}/meilenstein-verschieben"),
        &[
            ("milestone", &milestone),
            ("due", "15.09.2025"),
            ("reason", "Die Schulferien liegen dazwischen."),
            ("rescheduled_on", "10.03.2025"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    assert!(shown.contains("Die Schulferien liegen dazwischen."));
    let (status, _, _) = send(
        &planner,
        &format!("/kooperationen/{cooperation}/meilenstein-erreicht"),
        &[("milestone", &milestone), ("achieved_on", "15.09.2025")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let (answer, _) = planner
        .read(&format!("/api/v1/cooperations/{cooperation}"))
        .await?;
    let reached = &answer["state"]["milestones"][&milestone];
    assert_eq!(reached["due"], "2025-09-15");
    assert_eq!(reached["original_due"], "2025-06-30");
    assert_eq!(reached["times_rescheduled"], 1);
    assert_eq!(reached["status"], json!({"Achieved": {"on": "2025-09-15"}}));
    // The reschedule is dated when it happened, not when it was typed.
    let moved = answer["history"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["type"] == "MilestoneRescheduled")
        .ok_or_else(|| anyhow::anyhow!("no reschedule in the history"))?;
    assert_eq!(moved["occurred_on"], "2025-03-10");

    // A gathering: planned, guests invited by name, an answer, the attendance.
    let (status, url, shown) = send(
        &planner,
        "/veranstaltungen/neu",
        &[
            ("kind", "stammtisch"),
            ("title", "Unternehmerstammtisch Buch"),
            ("date", "12.03.2025"),
            ("venue", "Rathaus Pankow"),
            ("co_hosts", "Gewerbeverein Pankow"),
            ("changed_on", "01.02.2025"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    let gathering = last_segment(&url);
    for (form, fields) in [
        (
            "einladen",
            vec![
                ("organizations", "Bäckerei Kaya GmbH"),
                ("invited_on", "15.02.2025"),
            ],
        ),
        (
            "anmeldung",
            vec![
                ("organization", "Bäckerei Kaya GmbH"),
                ("attending", "ja"),
                ("registered_on", "20.02.2025"),
            ],
        ),
        (
            "durchgefuehrt",
            vec![
                ("held_on", "12.03.2025"),
                ("attendance", kaya.as_str()),
                ("other_attendees", "3"),
            ],
        ),
    ] {
        let (status, _, shown) = send(
            &planner,
            &format!("/veranstaltungen/{gathering}/{form}"),
            &fields,
        )
        .await?;
        assert_eq!(status, StatusCode::OK, "{form}: {shown:.3000}");
    }
    let (answer, _) = planner
        .read(&format!("/api/v1/gatherings/{gathering}"))
        .await?;
    let state = &answer["state"];
    assert_eq!(state["invited_organizations"], json!([kaya]));
    assert_eq!(state["registrations"][0]["organization"], kaya);
    assert_eq!(state["registrations"][0]["attending"], true);
    assert_eq!(
        state["attendance"],
        json!([{"organization": kaya, "person": null}])
    );
    assert_eq!(state["other_attendees"], 3);
    let shown = page(&planner, &format!("/veranstaltungen/{gathering}")).await?;
    assert!(shown.contains("Bäckerei Kaya GmbH"));
    assert!(shown.contains("Rathaus Pankow"));

    // The lead reads the cooperation without forms and may not open one.
    let lead = app.login(Role::Lead).await?;
    let shown = page(&lead, &format!("/kooperationen/{cooperation}")).await?;
    assert!(!shown.contains("/meilenstein\""));
    assert_eq!(
        lead.get("/kooperationen/neu").await?.status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_form_keeps_its_values_names_the_field_and_writes_nothing() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let planner = app.login(Role::Planner).await?;
    let kaya = register_organization(&staff, "Bäckerei Kaya GmbH").await?;
    staff.read(&format!("/api/v1/organizations/{kaya}")).await?;
    let head = app.head().await?;
    let tomorrow = (today() + chrono::Duration::days(1))
        .format("%d.%m.%Y")
        .to_string();

    // A partner the CRM does not know, and no title.
    let (status, _, shown) = send(
        &planner,
        "/kooperationen/neu",
        &[
            ("title", ""),
            ("partners", "Bäckerei Kaya GmbH\nGibt Es Nicht GmbH"),
            ("signed_on", "15.01.2025"),
            ("valid_from", "15.01.2025"),
            ("valid_until", "31.12.2026"),
            ("goals", "Zehn Praktikumsplätze"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("id=\"e-partners\""), "{shown:.3000}");
    assert!(shown.contains("„Gibt Es Nicht GmbH“ ist keine erfasste Organisation"));
    assert!(
        shown.contains("Zehn Praktikumsplätze"),
        "the goals are lost"
    );

    // Every value right but the title: the API's refusal stands at the title.
    let (status, _, shown) = send(
        &planner,
        "/kooperationen/neu",
        &[
            ("title", ""),
            ("partners", "Bäckerei Kaya GmbH"),
            ("signed_on", "15.01.2025"),
            ("valid_from", "15.01.2025"),
            ("valid_until", "31.12.2026"),
            ("goals", ""),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("id=\"e-title\""), "{shown:.3000}");

    // Signed tomorrow: implausible, said above the form, the typed day kept.
    let (status, _, shown) = send(
        &planner,
        "/kooperationen/neu",
        &[
            ("title", "Ausbildungsbündnis"),
            ("partners", "Bäckerei Kaya GmbH"),
            ("signed_on", &tomorrow),
            ("valid_from", "15.01.2025"),
            ("valid_until", "31.12.2026"),
            ("goals", ""),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("in der Zukunft"), "{shown:.3000}");
    assert!(shown.contains(&format!("value=\"{tomorrow}\"")));

    assert_eq!(app.head().await?, head, "a refused form wrote something");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_correct_a_profile_a_person_and_a_contact_on_what_they_saw() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Druckerei Kaya").await?;
    // Everything below happens today: the records began today.
    let day = today().format("%d.%m.%Y").to_string();
    let iso = today().to_string();

    // The profile form starts with what is recorded and the revision it shows.
    let form = page(&staff, &format!("/organisationen/{organization}/profil")).await?;
    assert!(form.contains("value=\"GmbH\""), "{form:.3000}");
    assert!(form.contains("name=\"_revision\" value=\"0\""));
    fn change<'a>(legal_form: &'a str, day: &'a str) -> Vec<(&'a str, &'a str)> {
        vec![
            ("_revision", "0"),
            ("kind", "company"),
            ("profile.legal_form", legal_form),
            ("profile.sector", "18.12"),
            ("profile.size_class", ""),
            ("profile.founded_year", "1998"),
            ("profile.website", ""),
            ("changed_on", day),
        ]
    }
    let path = format!("/organisationen/{organization}/profil");
    let (status, _, shown) = send(&staff, &path, &change("UG (haftungsbeschränkt)", &day)).await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    // A second change on the same revision: someone changed it meanwhile.
    let (status, _, shown) = send(&staff, &path, &change("KG", &day)).await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        shown.contains("von jemand anderem geändert"),
        "{shown:.3000}"
    );
    let (answer, _) = staff
        .read(&format!("/api/v1/organizations/{organization}"))
        .await?;
    let profile = &answer["profile"];
    assert_eq!(profile["legal_form"], "UG (haftungsbeschränkt)", "{answer}");
    assert_eq!(profile["founded_year"], 1998);

    // A person: data corrected, a consent recorded.
    let person = id_of(
        &staff
            .write(
                "/api/v1/persons",
                &json!({"personal": {"name": "Sabine Kaya", "email": "s.kaya@example.org",
                    "phone": null, "notes": ""}}),
            )
            .await?,
    )?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/link"),
            &json!({"organization": organization, "role": "Inhaberin"}),
        )
        .await?;
    let form = page(&staff, &format!("/personen/{person}/aendern")).await?;
    assert!(form.contains("value=\"Sabine Kaya\""));
    assert!(form.contains("value=\"s.kaya@example.org\""));
    let (status, _, shown) = send(
        &staff,
        &format!("/personen/{person}/aendern"),
        &[
            ("personal.name", "Sabine Kaya"),
            ("personal.email", "sabine@druckerei-kaya.de"),
            ("personal.phone", "030 1234567"),
            ("personal.notes", "Ansprechpartnerin für Ausbildung"),
            ("changed_on", &day),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    assert!(shown.contains("sabine@druckerei-kaya.de"));
    let (status, _, shown) = send(
        &staff,
        &format!("/personen/{person}/einwilligung"),
        &[
            ("purpose", "invitations"),
            ("channel", "email"),
            ("source", "Antwort auf die Einladung"),
            ("given_on", &day),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    assert!(shown.contains("Antwort auf die Einladung"));

    // A contact corrected: the form starts with what was logged; the person stays.
    let contact = id_of(
        &staff
            .write(
                "/api/v1/contacts",
                &json!({"organization": organization, "person": person, "channel": "phone",
                    "contacted_on": iso, "topics": [], "summary": "Fragt nach Fördermitteln",
                    "staff": user_name(Role::Staff)}),
            )
            .await?,
    )?;
    let form = page(&staff, &format!("/kontakte/{contact}/berichtigen")).await?;
    assert!(form.contains("Fragt nach Fördermitteln"));
    let (status, _, shown) = send(
        &staff,
        &format!("/kontakte/{contact}/berichtigen"),
        &[
            ("organization", &organization),
            ("person", &person),
            ("channel", "phone"),
            ("contacted_on", &day),
            ("summary", "Fragt nach dem Förderprogramm GRW"),
            ("staff", user_name(Role::Staff)),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.3000}");
    assert!(shown.contains("Fragt nach dem Förderprogramm GRW"));
    let (answer, _) = staff.read(&format!("/api/v1/contacts/{contact}")).await?;
    assert_eq!(answer["state"]["person"], Value::String(person));
    assert_eq!(
        answer["state"]["summary"],
        "Fragt nach dem Förderprogramm GRW"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_locks_a_user_out_and_lets_them_in_again() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let admin = app.login(Role::Admin).await?;
    let users = page(&admin, "/verwaltung").await?;
    assert!(users.contains("action=\"/verwaltung/benutzer/sperren\""));
    let (status, _, shown) = send(
        &admin,
        "/verwaltung/benutzer/sperren",
        &[("user", user_name(Role::Planner))],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("Der Benutzer ist gesperrt."));
    assert!(
        app.login(Role::Planner).await.is_err(),
        "a locked user logged in"
    );
    let (status, _, _) = send(
        &admin,
        "/verwaltung/benutzer/entsperren",
        &[("user", user_name(Role::Planner))],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    app.login(Role::Planner).await?;
    Ok(())
}
