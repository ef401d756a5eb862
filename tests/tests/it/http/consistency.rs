//! What a user sees right after a write: their own writes are in every read that follows (the
//! views are fed asynchronously, so the server waits for the caller's last position), without
//! the client sleeping. And the history: renames and moves are kept with old and new value, the
//! profile as of a day before the organization existed is 404, and `If-Match` guards edits.
//! (The profile as of a past day with older master data is covered in
//! `projections/src/views/tests.rs`, where events can carry past dates.)

use anyhow::{anyhow, ensure};
use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::{Client, etag_revision, plan_visit, problem, register_organization, spawn_app, today};

/// Rounds of write-then-read; each could catch the views one event behind.
const ROUNDS: usize = 15;

fn directory_ids(page: &Value) -> Vec<&str> {
    page["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["id"].as_str())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_reads_their_own_writes_immediately() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    for round in 0..ROUNDS {
        let name = format!("Sofort Sichtbar {round} GmbH");
        let id = register_organization(&staff, &name).await?;

        let (profile, revision) = staff.read(&format!("/api/v1/organizations/{id}")).await?;
        ensure!(
            profile["name"] == json!(name),
            "round {round}: profile {profile}"
        );
        ensure!(
            revision == Some(0),
            "round {round}: ETag revision {revision:?}"
        );

        let query = format!("/api/v1/organizations?q=Sofort%20Sichtbar%20{round}");
        let (page, _) = staff.read(&query).await?;
        ensure!(
            directory_ids(&page) == [id.as_str()],
            "round {round}: the directory search found {page}"
        );

        let visit = plan_visit(&staff, &id, today() + Duration::days(2)).await?;
        let (work, _) = staff.read("/api/v1/work").await?;
        let planned: Vec<&str> = work["visits"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|due| due["visit"].as_str())
            .collect();
        ensure!(
            planned.contains(&visit.as_str()),
            "round {round}: the work list lacks visit {visit}: {work}"
        );
        let entry = work["visits"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|due| due["visit"] == json!(visit))
            .ok_or_else(|| anyhow!("visit {visit} vanished"))?;
        ensure!(
            entry["organization_name"] == json!(name),
            "work entry {entry}"
        );
        ensure!(
            entry["planned_on"] == json!((today() + Duration::days(2)).to_string()),
            "work entry {entry}"
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_user_waits_for_a_written_position_and_is_refused_one_never_written()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let lead = app.login(Role::Lead).await?;
    let answer = staff
        .write(
            "/api/v1/organizations",
            &json!({
                "name": "Wartemarke GmbH",
                "kind": "company",
                "profile": {"legal_form": "GmbH", "sector": "10.71"},
                "address": {"street": "Hauptstraße 1", "postal_code": "13187", "city": "Berlin"},
                "region": "03100101",
                "external_id": null,
            }),
        )
        .await?;
    let position = answer["position"]
        .as_u64()
        .ok_or_else(|| anyhow!("no position in {answer}"))?;
    let (page, _) = lead
        .read(&format!(
            "/api/v1/organizations?q=Wartemarke&wait_for={position}"
        ))
        .await?;
    ensure!(
        directory_ids(&page).len() == 1,
        "the lead waiting for position {position} found {page}"
    );
    // A position far beyond the log's head: no wait would help, so 422 at once, not 503.
    let never = position + 1_000_000;
    let (status, body) = problem(
        lead.get(&format!("/api/v1/organizations?wait_for={never}"))
            .await?,
    )
    .await?;
    ensure!(
        status == StatusCode::UNPROCESSABLE_ENTITY,
        "wait_for={never} answered {status}: {body}"
    );
    let detail = body["detail"].as_str().unwrap_or_default();
    ensure!(
        detail.contains(&never.to_string()) && detail.contains("noch nicht geschrieben"),
        "detail {detail:?}"
    );
    Ok(())
}

async fn post_with_if_match(
    client: &Client,
    path: &str,
    if_match: Option<u64>,
    body: &Value,
) -> anyhow::Result<reqwest::Response> {
    let mut request = client.request(Method::POST, path).json(body);
    if let Some(revision) = if_match {
        request = request.header("if-match", format!("\"{revision}\""));
    }
    Ok(request.send().await?)
}

/// The `Changed` timeline entries of one field, oldest first, as (old, new).
fn changes(profile: &Value, field: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = profile["timeline"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["item"]["art"] == json!("changed"))
        .filter(|entry| entry["item"]["field"] == json!(field))
        .map(|entry| {
            (
                entry["item"]["old"].as_str().unwrap_or_default().to_owned(),
                entry["item"]["new"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.reverse();
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renames_and_moves_keep_their_history_and_need_the_current_revision() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let id = register_organization(&staff, "Alte Mühle GmbH").await?;
    let path = format!("/api/v1/organizations/{id}");
    let (_, revision) = staff.read(&path).await?;
    let revision = revision.ok_or_else(|| anyhow!("profile without ETag"))?;

    let rename = json!({"name": "Neue Mühle GmbH"});
    let response = post_with_if_match(&staff, &format!("{path}/rename"), None, &rename).await?;
    let (status, _) = problem(response).await?;
    ensure!(
        status == StatusCode::PRECONDITION_REQUIRED,
        "rename without If-Match: {status}"
    );
    let response = post_with_if_match(
        &staff,
        &format!("{path}/rename"),
        Some(revision + 1),
        &rename,
    )
    .await?;
    let (status, body) = problem(response).await?;
    ensure!(
        status == StatusCode::PRECONDITION_FAILED,
        "rename with a future revision: {status}"
    );
    ensure!(
        body["aktuelleRevision"] == json!(revision),
        "412 problem {body}"
    );

    let response =
        post_with_if_match(&staff, &format!("{path}/rename"), Some(revision), &rename).await?;
    ensure!(
        response.status() == StatusCode::OK,
        "rename: {}",
        response.status()
    );
    ensure!(
        etag_revision(&response) == Some(revision + 1),
        "rename ETag"
    );
    staff
        .write(
            &format!("{path}/relocate"),
            &json!({"address": {"street": "Mühlenweg 7", "postal_code": "10115", "city": "Berlin"}, "region": "01100101"}),
        )
        .await?;

    let (now, revision_now) = staff.read(&path).await?;
    ensure!(now["name"] == json!("Neue Mühle GmbH"), "profile {now}");
    ensure!(now["region"] == json!("01100101"), "profile {now}");
    ensure!(
        now["address"]["postal_code"] == json!("10115"),
        "profile {now}"
    );
    ensure!(revision_now == Some(revision + 2), "ETag {revision_now:?}");
    ensure!(
        changes(&now, "Name") == [("Alte Mühle GmbH".to_owned(), "Neue Mühle GmbH".to_owned())],
        "name history {:?}",
        changes(&now, "Name")
    );
    ensure!(
        changes(&now, "Region") == [("03100101".to_owned(), "01100101".to_owned())],
        "region history {:?}",
        changes(&now, "Region")
    );
    let registered = now["timeline"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|entry| entry["item"]["art"] == json!("registered"))
        .ok_or_else(|| anyhow!("no registration in the timeline: {now}"))?;
    ensure!(
        registered["item"]["name"] == json!("Alte Mühle GmbH"),
        "{registered}"
    );

    // Everything happened today: as of today is the current state, as of yesterday nothing.
    let (as_of_today, _) = staff.read(&format!("{path}?as_of={}", today())).await?;
    ensure!(
        as_of_today["name"] == json!("Neue Mühle GmbH"),
        "{as_of_today}"
    );
    ensure!(
        as_of_today["as_of"] == json!(today().to_string()),
        "{as_of_today}"
    );
    let yesterday = today() - Duration::days(1);
    let response = staff.get(&format!("{path}?as_of={yesterday}")).await?;
    let (status, _) = problem(response).await?;
    ensure!(status == StatusCode::NOT_FOUND, "as of yesterday: {status}");

    // The directory finds the organization by its former name too, and lists it under its
    // new one.
    let (page, _) = staff
        .read("/api/v1/organizations?q=Alte%20M%C3%BChle")
        .await?;
    ensure!(
        directory_ids(&page) == [id.as_str()]
            && page["entries"][0]["name"] == json!("Neue Mühle GmbH"),
        "not found by the former name, or listed under it: {page}"
    );
    let (page, _) = staff
        .read("/api/v1/organizations?q=Neue%20M%C3%BChle")
        .await?;
    ensure!(
        directory_ids(&page) == [id.as_str()],
        "new name not found: {page}"
    );
    Ok(())
}
