//! Everything recorded can be read again: an inquiry's description, the note sent with its
//! referral, the office's answer and the reply come back from `GET /api/v1/inquiries/{id}` and
//! stand on its page; a conducted visit's findings and notes come back from
//! `GET /api/v1/visits/{id}` and stand on `/besuche/{id}`, and its old form address leads there.
//! Nothing is silently dropped or invented: a misspelt field and a visit conducted after today
//! are refused without writing; a fresh office has the default topics and offices once.

use reqwest::StatusCode;
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::{
    Stop, id_of, post_form, problem, register_organization, spawn_app, start, today, user_name,
};

/// The history entries of a record answer as (type, a text field of the event).
fn history(answer: &Value, text_field: &str) -> Vec<(String, String)> {
    answer["history"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| {
            let kind = entry["type"].as_str().unwrap_or_default().to_owned();
            let text = entry["event"]
                .as_object()
                .and_then(|variant| variant.values().next())
                .and_then(|fields| fields[text_field].as_str())
                .unwrap_or_default()
                .to_owned();
            (kind, text)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_text_of_an_inquiry_can_be_read_again() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Bäckerei Verlauf GmbH").await?;
    let day = today();
    let inquiry = id_of(
        &staff
            .write(
                "/api/v1/inquiries",
                &json!({"organization": organization, "channel": "mail", "source": "citizens_office",
                    "topics": [], "description": "Wir suchen 250 m² Lagerfläche in Pankow.",
                    "received_on": day, "received_by": user_name(Role::Staff)}),
            )
            .await?,
    )?;
    let referral = uuid::Uuid::now_v7().to_string();
    let path = |verb: &str| format!("/api/v1/inquiries/{inquiry}/{verb}");
    staff
        .write(
            &path("refer"),
            &json!({"referral": referral, "office": "bauamt", "referred_on": day,
                "note": "Bitte Nutzungsänderung prüfen."}),
        )
        .await?;
    staff
        .write(
            &path("referral-answers"),
            &json!({"referral": referral, "answered_on": day,
                "answer": "Genehmigungsfähig mit Auflagen."}),
        )
        .await?;
    staff
        .write(
            &path("answer"),
            &json!({"answered_on": day, "answer": "Antrag bitte bis Monatsende stellen."}),
        )
        .await?;

    let (answer, _) = staff.read(&format!("/api/v1/inquiries/{inquiry}")).await?;
    let kinds: Vec<String> = history(&answer, "description")
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "InquiryReceived",
            "InquiryReferred",
            "ReferralAnswered",
            "InquiryAnswered"
        ]
    );
    let entries = answer["history"].as_array().cloned().unwrap_or_default();
    let field = |index: usize, name: &str| {
        entries[index]["event"]
            .as_object()
            .and_then(|variant| variant.values().next())
            .and_then(|fields| fields[name].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        field(0, "description"),
        "Wir suchen 250 m² Lagerfläche in Pankow."
    );
    assert_eq!(field(1, "note"), "Bitte Nutzungsänderung prüfen.");
    assert_eq!(field(2, "answer"), "Genehmigungsfähig mit Auflagen.");
    assert_eq!(field(3, "answer"), "Antrag bitte bis Monatsende stellen.");
    assert_eq!(entries[0]["recorded_by"], user_name(Role::Staff));

    // The page shows the same texts, with the office by name.
    let page = staff
        .get(&format!("/anliegen/{inquiry}"))
        .await?
        .text()
        .await?;
    for text in [
        "Wir suchen 250 m² Lagerfläche in Pankow.",
        "Bitte Nutzungsänderung prüfen.",
        "Genehmigungsfähig mit Auflagen.",
        "Antrag bitte bis Monatsende stellen.",
        "Weitergeleitet an Bauamt (Bau- und Wohnungsaufsicht)",
    ] {
        assert!(page.contains(text), "the inquiry page lacks „{text}“");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conducted_visit_has_a_page_with_every_finding() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Druckerei Befund KG").await?;
    let visit = super::plan_visit(&staff, &organization, today()).await?;
    staff
        .write(
            &format!("/api/v1/visits/{visit}/conduct"),
            &json!({"organization": organization, "conducted_on": today(), "duration_minutes": 75,
                "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
                "findings": {"expansion_plans": true, "relocation_risk": false, "space_need_m2": 250,
                    "workforce_need": 3, "funding_interest": true, "location_satisfaction": 2,
                    "issues_raised": ["Parkplätze für Lieferverkehr fehlen"]},
                "notes": "Neue Halle ab Frühjahr gesucht.", "joint_partner": null}),
        )
        .await?;

    let (answer, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    let kinds: Vec<String> = history(&answer, "notes")
        .into_iter()
        .map(|(kind, _)| kind)
        .collect();
    assert_eq!(kinds, ["VisitPlanned", "VisitConducted"]);
    assert_eq!(
        history(&answer, "notes")[1].1,
        "Neue Halle ab Frühjahr gesucht."
    );
    assert_eq!(answer["state"]["findings"]["space_need_m2"], 250);

    let page = staff.get(&format!("/besuche/{visit}")).await?;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await?;
    for text in [
        "Druckerei Befund KG",
        "Erweiterungspläne</dt><dd>ja",
        "Abwanderungsgefahr</dt><dd>nein",
        "Zusätzlicher Flächenbedarf in m²</dt><dd>250",
        "Offene Stellen, die nicht besetzt werden können</dt><dd>3",
        "Interesse an Förderung</dt><dd>ja",
        "unzufrieden (2 von 5)",
        "Parkplätze für Lieferverkehr fehlen",
        "Neue Halle ab Frühjahr gesucht.",
        "Besuch durchgeführt",
    ] {
        assert!(page.contains(text), "the visit page lacks „{text}“");
    }
    // The conducted visit's form address leads to its page instead of a second log.
    let form = staff.get(&format!("/besuche/{visit}/durchfuehren")).await?;
    assert_eq!(form.url().path(), format!("/besuche/{visit}"));
    // A planner reads the page too.
    let planner = app.login(Role::Planner).await?;
    assert_eq!(
        planner.get(&format!("/besuche/{visit}")).await?.status(),
        StatusCode::OK
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_misspelt_field_and_a_visit_after_today_are_refused_without_writing() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Tischlerei Zukunft").await?;
    let visit = super::plan_visit(&staff, &organization, today()).await?;
    let head = app.head().await?;
    let body = |date: Value, extra: Option<(&str, Value)>| {
        let mut body = json!({"organization": organization, "conducted_on": date, "duration_minutes": 60,
            "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
            "findings": {"expansion_plans": false, "relocation_risk": false, "space_need_m2": null,
                "workforce_need": null, "funding_interest": false, "location_satisfaction": null,
                "issues_raised": []},
            "notes": "", "joint_partner": null});
        if let Some((field, value)) = extra {
            body[field] = value;
        }
        body
    };
    let path = format!("/api/v1/visits/{visit}/conduct");

    let (status, refused) = problem(
        staff
            .post_json(
                &path,
                &body(
                    json!(today()),
                    Some(("durchgefuehrt_am", json!("2026-01-01"))),
                ),
            )
            .await?,
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("„durchgefuehrt_am“"),
        "{refused}"
    );

    let tomorrow = today() + chrono::Duration::days(1);
    let (status, refused) =
        problem(staff.post_json(&path, &body(json!(tomorrow), None)).await?).await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("liegt in der Zukunft"),
        "{refused}"
    );
    // A 40,000-character legal form is held to the same limit as on the form.
    let (status, refused) = problem(
        staff
            .post_json(
                "/api/v1/organizations",
                &json!({"name": "Lange Rechtsform GmbH", "kind": "company",
                    "profile": {"legal_form": "G".repeat(40_000), "sector": null},
                    "address": null, "region": null, "external_id": null}),
            )
            .await?,
    )
    .await?;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        refused["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("Rechtsform ist zu lang (höchstens 100 Zeichen)"),
        "{refused}"
    );
    assert_eq!(app.head().await?, head, "nothing was written");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_office_has_the_default_topics_and_offices_once() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let admin = app.login(Role::Admin).await?;
    let (topics, _) = admin.read("/api/v1/taxonomies/topics").await?;
    assert_eq!(
        topics["entries"]["energie.kosten"]["name"],
        "Energiekosten und Energieeffizienz"
    );
    let (offices, _) = admin.read("/api/v1/taxonomies/offices").await?;
    assert_eq!(
        offices["entries"]["bauamt"]["name"],
        "Bauamt (Bau- und Wohnungsaufsicht)"
    );
    let head = app.head().await?;
    let directory = app.stop(Stop::Graceful).await?;
    let directory = directory.ok_or_else(|| anyhow::anyhow!("no temporary directory"))?;
    let again = start(directory.path(), false).await?;
    assert_eq!(again.head().await?, head, "a second start records nothing");
    again.stop(Stop::Graceful).await?;
    Ok(())
}

/// An organization moved on 2025-07-01, entered today: its visit of 2025-05-10 counts in the old
/// Planungsraum, its visit of 2025-09-15 in the new one; the profile as of 30 June shows the old
/// address, and the timeline dates the move by the day it happened.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_entered_late_counts_from_the_day_it_happened() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = id_of(
        &staff
            .write(
                "/api/v1/organizations",
                &json!({"name": "Café Umzug", "kind": "company", "profile": {"legal_form": null, "sector": null},
                    "address": {"street": "Breite Straße 24", "postal_code": "13187", "city": "Berlin"},
                    "region": "03100101", "external_id": null, "registered_on": "2024-01-15"}),
            )
            .await?,
    )?;
    staff
        .write(
            &format!("/api/v1/organizations/{organization}/relocate"),
            &json!({"address": {"street": "Florastraße 1", "postal_code": "13187", "city": "Berlin"},
                "region": "03100204", "relocated_on": "2025-07-01"}),
        )
        .await?;
    for day in ["2025-05-10", "2025-09-15"] {
        staff
            .write(
                "/api/v1/visits/conducted",
                &json!({"organization": organization, "conducted_on": day, "duration_minutes": 30,
                    "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
                    "findings": {"expansion_plans": false, "relocation_risk": false, "space_need_m2": null,
                        "workforce_need": null, "funding_interest": false, "location_satisfaction": null,
                        "issues_raised": []},
                    "notes": "", "joint_partner": null}),
            )
            .await?;
    }
    let lead = app.login(Role::Lead).await?;
    let (report, _) = lead.read("/api/v1/reports/klausur/2025").await?;
    let per_region: Vec<(String, u64)> = report["visits"]["per_region"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|line| line["level"] == "Planungsraum")
        .map(|line| {
            (
                line["key"].as_str().unwrap_or_default().to_owned(),
                line["current"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(
        per_region.contains(&("03100101".to_owned(), 1)),
        "{per_region:?}"
    );
    assert!(
        per_region.contains(&("03100204".to_owned(), 1)),
        "{per_region:?}"
    );

    let (before, _) = staff
        .read(&format!(
            "/api/v1/organizations/{organization}?as_of=2025-06-30"
        ))
        .await?;
    assert_eq!(before["region"], "03100101", "{before}");
    let (after, _) = staff
        .read(&format!(
            "/api/v1/organizations/{organization}?as_of=2025-07-01"
        ))
        .await?;
    assert_eq!(after["region"], "03100204");
    // Before its registration date it did not exist.
    let missing = staff
        .get(&format!(
            "/api/v1/organizations/{organization}?as_of=2024-01-14"
        ))
        .await?;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    // Known yesterday, nothing of it was entered yet.
    let yesterday = today() - chrono::Duration::days(1);
    let unknown = staff
        .get(&format!(
            "/api/v1/organizations/{organization}?known_on={yesterday}"
        ))
        .await?;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    // A move „tomorrow“ cannot have happened yet.
    let tomorrow = today() + chrono::Duration::days(1);
    let (status, _) = problem(
        staff
            .post_json(
                &format!("/api/v1/organizations/{organization}/relocate"),
                &json!({"address": {"street": "Damerowstraße 3", "postal_code": "13187", "city": "Berlin"},
                    "region": "03100101", "relocated_on": tomorrow}),
            )
            .await?,
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_on_the_new_forms_is_refused_next_to_its_field_with_the_values_kept()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Formular Prüf GmbH").await?;
    let visit = super::plan_visit(&staff, &organization, today()).await?;
    let head = app.head().await?;
    let tomorrow = (today() + chrono::Duration::days(1)).to_string();

    // A move dated tomorrow: refused at „Geändert am“, the typed street kept.
    let (status, page) = post_form(
        &staff,
        &format!("/organisationen/{organization}/bearbeiten"),
        &[
            ("name", "Formular Prüf GmbH"),
            ("street", "Damerowstraße 3"),
            ("postal_code", "13187"),
            ("city", "Berlin"),
            ("region", ""),
            ("account_manager", ""),
            ("changed_on", &tomorrow),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("id=\"e-changed_on\""),
        "the message is not at its field"
    );
    assert!(page.contains("liegt in der Zukunft"), "{page:.2000}");
    assert!(
        page.contains("value=\"Damerowstraße 3\""),
        "the typed street is lost"
    );

    // A visit cancelled without a reason; a visit moved to no day.
    let (status, page) = post_form(
        &staff,
        &format!("/besuche/{visit}/absagen"),
        &[("cancelled_on", &today().to_string()), ("reason", "")],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-reason\""), "{page:.2000}");
    let (status, page) = post_form(
        &staff,
        &format!("/besuche/{visit}/verschieben"),
        &[
            ("planned_on", "31.02.2026"),
            ("rescheduled_on", &today().to_string()),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-planned_on\""), "{page:.2000}");
    assert!(
        page.contains("value=\"31.02.2026\""),
        "the typed date is lost"
    );
    assert_eq!(app.head().await?, head, "nothing was written");

    // And the good cases write: the visit moved, then the organization's account manager.
    let next_week = (today() + chrono::Duration::days(7)).to_string();
    let (status, _) = post_form(
        &staff,
        &format!("/besuche/{visit}/verschieben"),
        &[
            ("planned_on", &next_week),
            ("rescheduled_on", &today().to_string()),
        ],
    )
    .await?;
    assert!(status.is_redirection() || status.is_success(), "{status}");
    let (answer, _) = staff.read(&format!("/api/v1/visits/{visit}")).await?;
    assert_eq!(answer["state"]["planned_on"], next_week);
    Ok(())
}

/// A milestone rescheduled on 2025-01-08 but entered today counts as rescheduled in 2025; the
/// cooperation's page shows the milestone with its first due date and the reason it moved.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reschedule_entered_late_counts_in_the_year_it_happened() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let association = register_organization(&staff, "Wirtschaftskreis Spät e. V.").await?;
    let cooperation = id_of(
        &staff
            .write(
                "/api/v1/cooperations",
                &json!({"title": "Standortpartnerschaft Spät", "partners": [association],
                    "signed_on": "2024-11-01", "valid_from": "2024-11-01", "valid_until": "2026-12-31",
                    "goals": ["Leerstand senken"]}),
            )
            .await?,
    )?;
    let milestone = uuid::Uuid::now_v7().to_string();
    let planned = staff
        .write(
            &format!("/api/v1/cooperations/{cooperation}/milestones"),
            &json!({"milestone": milestone, "title": "Unternehmerfrühstück", "kind": "gathering",
                "due": "2025-01-15", "changed_on": "2024-11-05"}),
        )
        .await?;
    let revision = planned["revision"].as_u64().unwrap_or(0);
    staff
        .write_if_match(
            &format!("/api/v1/cooperations/{cooperation}/milestones/reschedule"),
            revision,
            &json!({"milestone": milestone, "due": "2025-03-12", "reason": "Saal belegt",
                "rescheduled_on": "2025-01-08"}),
        )
        .await?;

    let lead = app.login(Role::Lead).await?;
    let (report, _) = lead.read("/api/v1/reports/klausur/2025").await?;
    let agreement = &report["cooperations"]["agreements"][0];
    assert_eq!(agreement["title"], "Standortpartnerschaft Spät");
    assert_eq!(agreement["rescheduled"]["current"], 1, "{agreement}");
    assert_eq!(agreement["planned"]["current"], 1, "{agreement}");

    let page = staff
        .get(&format!("/kooperationen/{cooperation}"))
        .await?
        .text()
        .await?;
    for text in [
        "Unternehmerfrühstück",
        "15.01.2025",
        "12.03.2025",
        "Saal belegt",
        "Wirtschaftskreis Spät e. V.",
        "Leerstand senken",
    ] {
        assert!(page.contains(text), "the cooperation page lacks „{text}“");
    }
    Ok(())
}

/// A person's page shows the data, the organization and role, the consent and its source; a
/// planner, who sees no personal data, may not open it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_persons_page_shows_links_and_consents() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let organization = register_organization(&staff, "Kanzlei Person GmbH").await?;
    let person = super::add_person(&staff, "Erika Beispiel").await?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/link"),
            &json!({"organization": organization, "role": "Geschäftsführerin"}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/consents"),
            &json!({"purpose": "invitations", "channel": "email", "source": "Stammtisch im März",
                "given_on": today()}),
        )
        .await?;
    let page = staff.get(&format!("/personen/{person}")).await?;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await?;
    for text in [
        "Erika Beispiel",
        "kontakt@example.org",
        "Kanzlei Person GmbH",
        "Geschäftsführerin",
        "Einladungen zu Veranstaltungen",
        "Stammtisch im März",
    ] {
        assert!(page.contains(text), "the person page lacks „{text}“");
    }
    let planner = app.login(Role::Planner).await?;
    assert_eq!(
        planner.get(&format!("/personen/{person}")).await?.status(),
        StatusCode::FORBIDDEN
    );
    Ok(())
}
