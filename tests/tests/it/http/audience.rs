//! Gatherings with topics and offices, an invitation list built by audience and the topics
//! raised turned into inquiries: the agenda form, the preview of `/veranstaltungen/{id}/zielgruppe`
//! (members of an association; businesses with a recent inquiry on a topic), the one-command
//! invitation, the directory's `member_of` and `inquiry_topic` filters over the API, and the
//! prefilled inquiry form a held gathering links per topic.

use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{id_of, post_form, register_organization, spawn_app, today, user_name};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_audience_is_previewed_then_invited_with_one_command() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let member = register_organization(&staff, "Bäckerei Mitglied GmbH").await?;
    let asker = register_organization(&staff, "Druckerei Frage KG").await?;
    register_organization(&staff, "Café Außen").await?;
    let association = id_of(
        &staff
            .write(
                "/api/v1/organizations",
                &json!({"name": "Geschäftsstraße Breite Straße e. V.", "kind": "association",
                    "profile": {}, "address": null, "region": "03100101", "external_id": null}),
            )
            .await?,
    )?;
    staff
        .write(
            &format!("/api/v1/organizations/{member}/memberships"),
            &json!({"association": association, "since": "2025-01-01"}),
        )
        .await?;
    staff
        .write(
            "/api/v1/inquiries",
            &json!({"organization": asker, "channel": "mail", "source": "direct",
                "topics": ["fachkraefte.ausbildung"], "description": "Ausbildungsplätze",
                "received_on": today(), "received_by": user_name(Role::Staff)}),
        )
        .await?;
    let gathering = id_of(
        &staff
            .write(
                "/api/v1/gatherings",
                &json!({"kind": "industry_dialogue", "title": "Gewerbe trifft Ämter",
                    "date": today(), "venue": "Rathaus Pankow", "co_hosts": [association],
                    "milestone": null}),
            )
            .await?,
    )?;

    // The agenda through its form; the page names topics and offices.
    let (status, _) = post_form(
        &staff,
        &format!("/veranstaltungen/{gathering}/themen"),
        &[("topics", "fachkraefte"), ("offices", "ordnungsamt")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let page = staff
        .get(&format!("/veranstaltungen/{gathering}"))
        .await?
        .text()
        .await?;
    assert!(page.contains("Fachkräfte und Ausbildung"), "{page}");
    assert!(page.contains("Ordnungsamt"));
    assert!(page.contains(&format!("/veranstaltungen/{gathering}/zielgruppe")));

    // Preview: the members of the association, then those who asked about Fachkräfte.
    let audience = format!("/veranstaltungen/{gathering}/zielgruppe");
    let preview = staff
        .get(&format!("{audience}?verband={association}"))
        .await?
        .text()
        .await?;
    assert!(preview.contains("Gefundene Organisationen: 1"), "{preview}");
    assert!(preview.contains("Bäckerei Mitglied GmbH"));
    assert!(!preview.contains("Druckerei Frage KG"));
    let preview = staff
        .get(&format!("{audience}?thema=fachkraefte"))
        .await?
        .text()
        .await?;
    assert!(preview.contains("Gefundene Organisationen: 1"), "{preview}");
    assert!(preview.contains("Druckerei Frage KG"), "a sub-topic counts");
    let (answer, _) = staff
        .read(&format!("/api/v1/organizations?member_of={association}"))
        .await?;
    assert_eq!(answer["total"], 1);
    let (answer, _) = staff
        .read("/api/v1/organizations?inquiry_topic=fachkraefte&inquiry_months=1")
        .await?;
    assert_eq!(answer["total"], 1);
    assert_eq!(
        staff
            .get("/api/v1/organizations?inquiry_topic=Fach%20Kräfte")
            .await?
            .status(),
        StatusCode::BAD_REQUEST
    );

    // Nothing chosen: refused, nothing invited. Then one command invites the members.
    let (status, body) = post_form(&staff, &audience, &[]).await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("mindestens ein Merkmal"), "{body}");
    let (status, _) = post_form(&staff, &audience, &[("verband", &association)]).await?;
    assert_eq!(status, StatusCode::OK);
    app.settled().await?;
    let (record, _) = staff
        .read(&format!("/api/v1/gatherings/{gathering}"))
        .await?;
    assert_eq!(
        record["state"]["invited_organizations"],
        json!([member]),
        "{record}"
    );
    assert_eq!(record["state"]["topics"], json!(["fachkraefte"]));
    let preview = staff
        .get(&format!("{audience}?verband={association}"))
        .await?
        .text()
        .await?;
    assert!(preview.contains("davon bereits eingeladen: 1"), "{preview}");

    // Held: each topic becomes an inquiry (or a reminder at the co-host) from a prefilled form.
    staff
        .write(
            &format!("/api/v1/gatherings/{gathering}/hold"),
            &json!({"held_on": today(), "attendance": [{"organization": member, "person": null}],
                "other_attendees": 4}),
        )
        .await?;
    let page = staff
        .get(&format!("/veranstaltungen/{gathering}"))
        .await?
        .text()
        .await?;
    let start = page
        .find("/anliegen/neu?thema=fachkraefte")
        .expect("a link per topic raised");
    let link = &page[start..start + page[start..].find('"').expect("end of link")];
    let link = link.replace("&#38;", "&");
    let form = staff.get(&link).await?.text().await?;
    assert!(
        form.contains("Thema aus der Veranstaltung „Gewerbe trifft Ämter“"),
        "{form}"
    );
    assert!(form.contains("value=\"fachkraefte\" selected"), "{form}");
    assert!(page.contains(&format!(
        "/wiedervorlagen/neu?zu=organisation&#38;id={association}"
    )));
    Ok(())
}
