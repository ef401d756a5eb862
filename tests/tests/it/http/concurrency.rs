//! Two people at once: both load a visit and reschedule it with the revision they saw; exactly
//! one wins and the other learns the current revision (412), so nobody silently overwrites a
//! change they never saw. And retries: a request sent twice with the same `Idempotency-Key`
//! is stored once and answered the same way; the same key with another body is refused (422).

use anyhow::{anyhow, ensure};
use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::json;
use wifo_domain::values::Role;
use wifo_store::{Direction, EventStore};

use super::{Client, etag_revision, plan_visit, problem, register_organization, spawn_app, today};

async fn reschedule(
    client: &Client,
    visit: &str,
    revision: u64,
    date: chrono::NaiveDate,
) -> anyhow::Result<reqwest::Response> {
    Ok(client
        .request(Method::POST, &format!("/api/v1/visits/{visit}/reschedule"))
        .header("if-match", format!("\"{revision}\""))
        .json(&json!({"planned_on": date}))
        .send()
        .await?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_concurrent_reschedules_on_the_same_revision_exactly_one_wins() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let first = app.login(Role::Staff).await?;
    let second = app.login(Role::Admin).await?;
    let organization = register_organization(&first, "Gleichzeitig GmbH").await?;
    // Several rounds on one visit: each starts from the winner of the last.
    let visit = plan_visit(&first, &organization, today() + Duration::days(3)).await?;
    for round in 0..5i64 {
        let path = format!("/api/v1/visits/{visit}");
        let (_, seen_first) = first.read(&path).await?;
        let (_, seen_second) = second.read(&path).await?;
        let revision = seen_first.ok_or_else(|| anyhow!("visit without ETag"))?;
        ensure!(
            seen_second == Some(revision),
            "both must see the same revision"
        );
        let date_first = today() + Duration::days(10 + 2 * round);
        let date_second = today() + Duration::days(11 + 2 * round);
        let (answer_first, answer_second) = tokio::join!(
            reschedule(&first, &visit, revision, date_first),
            reschedule(&second, &visit, revision, date_second)
        );
        let (answer_first, answer_second) = (answer_first?, answer_second?);
        let (winner, loser, winning_date) = match (answer_first.status(), answer_second.status()) {
            (StatusCode::OK, StatusCode::PRECONDITION_FAILED) => {
                (answer_first, answer_second, date_first)
            }
            (StatusCode::PRECONDITION_FAILED, StatusCode::OK) => {
                (answer_second, answer_first, date_second)
            }
            (a, b) => anyhow::bail!("round {round}: answers {a} and {b}, expected 200 and 412"),
        };
        ensure!(
            etag_revision(&winner) == Some(revision + 1),
            "winner's ETag"
        );
        ensure!(etag_revision(&loser) == Some(revision + 1), "loser's ETag");
        let (_, body) = problem(loser).await?;
        ensure!(
            body["aktuelleRevision"] == json!(revision + 1),
            "round {round}: 412 problem {body}"
        );
        let (state, now) = first.read(&path).await?;
        ensure!(now == Some(revision + 1), "round {round}: revision {now:?}");
        ensure!(
            state["state"]["planned_on"] == json!(winning_date.to_string()),
            "round {round}: the winner's date is not the visit's: {state}"
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeated_idempotency_key_stores_once_and_answers_the_same() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let body = json!({"name": "Einmalig GmbH", "kind": "company", "profile": {}, "address": null, "region": null, "external_id": null});
    let send = |body: serde_json::Value| {
        staff
            .request(Method::POST, "/api/v1/organizations")
            .header("idempotency-key", "anlage-einmalig-1")
            .json(&body)
            .send()
    };
    let head_before = app.head().await?;

    let first = send(body.clone()).await?;
    ensure!(
        first.status() == StatusCode::CREATED,
        "first: {}",
        first.status()
    );
    ensure!(
        first.headers().get("idempotent-replayed").is_none(),
        "first is no replay"
    );
    let first_etag = etag_revision(&first);
    let first_body: serde_json::Value = first.json().await?;

    let second = send(body.clone()).await?;
    ensure!(
        second.status() == StatusCode::CREATED,
        "replay: {}",
        second.status()
    );
    ensure!(
        second
            .headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok())
            == Some("true"),
        "the replay is not marked: {:?}",
        second.headers()
    );
    ensure!(etag_revision(&second) == first_etag, "replay ETag");
    let second_body: serde_json::Value = second.json().await?;
    ensure!(first_body == second_body, "{first_body} vs {second_body}");

    let id = super::id_of(&first_body)?;
    let stream = app
        .state
        .data
        .store
        .read_stream(&format!("organization-{id}"), 0, Direction::Forward, 100)
        .await?;
    ensure!(
        stream.len() == 1,
        "the stream holds {} events",
        stream.len()
    );
    let head_after = app.head().await?;
    ensure!(
        head_after.0 == head_before.0 + 1,
        "log {head_before} → {head_after}"
    );

    let mut changed = body.clone();
    changed["name"] = json!("Zweimalig GmbH");
    let (status, problem_body) = problem(send(changed).await?).await?;
    ensure!(
        status == StatusCode::UNPROCESSABLE_ENTITY,
        "same key, other body: {status} {problem_body}"
    );
    ensure!(
        app.head().await? == head_after,
        "the mismatching request wrote"
    );
    let (page, _) = staff.read("/api/v1/organizations?q=einmalig").await?;
    ensure!(page["total"] == json!(1), "directory {page}");
    Ok(())
}

/// Regression: record reads took the `ETag` from the log but the state from the views, which
/// may not have applied another user's write yet; a client could then send `If-Match` with a
/// revision whose change it never saw and overwrite it unnoticed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_records_etag_never_names_a_change_its_state_does_not_show() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let reader = app.login(Role::Staff).await?;
    let writer = app.login(Role::Admin).await?;
    let organization = register_organization(&reader, "Etag und Stand GmbH").await?;
    let visit = plan_visit(&reader, &organization, today() + Duration::days(3)).await?;
    let path = format!("/api/v1/visits/{visit}");
    for round in 0..20i64 {
        let (_, revision) = writer.read(&path).await?;
        let revision = revision.ok_or_else(|| anyhow!("visit without ETag"))?;
        let date = today() + Duration::days(20 + round);
        let answer = reschedule(&writer, &visit, revision, date).await?;
        ensure!(
            answer.status() == StatusCode::OK,
            "round {round}: {}",
            answer.status()
        );
        // Another user, straight after the write: whatever the views show must be what the
        // ETag names.
        let (state, seen) = reader.read(&path).await?;
        if seen == Some(revision + 1) {
            ensure!(
                state["state"]["planned_on"] == json!(date.to_string()),
                "round {round}: ETag {seen:?} but the state before it: {state}"
            );
        } else {
            ensure!(seen == Some(revision), "round {round}: ETag {seen:?}");
        }
    }
    Ok(())
}
