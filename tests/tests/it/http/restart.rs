//! Restarts: the views a server shows after starting from its snapshot (plus replaying what came
//! after it) must equal the views of a full rebuild from the log, both after a clean shutdown
//! (snapshot written) and after a kill (snapshot stale). Compared as the API's JSON: directory,
//! a profile, the work list, the inquiry queue, the cooperation board and the region coverage.

use std::collections::BTreeMap;

use anyhow::{Context, ensure};
use chrono::Duration;
use serde_json::{Value, json};
use wifo_app::files::SNAPSHOT_FILE;
use wifo_domain::values::Role;

use super::{
    Client, Stop, TestApp, add_person, id_of, plan_visit, register_organization, start, today,
    user_name,
};

/// Writes one batch through the API: organizations, a person linked to one, a visit with a
/// follow-up, a contact, an inquiry assigned to staff and a cooperation. Returns the id of the
/// first organization.
async fn write_batch(app: &TestApp, label: &str) -> anyhow::Result<String> {
    let staff = app.login(Role::Staff).await?;
    let planner = app.login(Role::Planner).await?;
    let staff_name = user_name(Role::Staff);
    let organization = register_organization(&staff, &format!("{label} Hauptbetrieb GmbH")).await?;
    let partner = register_organization(&staff, &format!("{label} Partner e. K.")).await?;
    let person = add_person(&staff, &format!("{label} Ansprechperson")).await?;
    staff
        .write(
            &format!("/api/v1/persons/{person}/link"),
            &json!({"organization": organization, "role": "Inhaberin"}),
        )
        .await?;
    staff
        .write(
            &format!("/api/v1/organizations/{organization}/tags"),
            &json!({"tag": format!("{label}-Tag")}),
        )
        .await?;
    plan_visit(&staff, &organization, today() + Duration::days(1)).await?;
    let conducted = id_of(
        &staff
            .write(
                "/api/v1/visits/conducted",
                &json!({"organization": partner, "conducted_on": today(), "duration_minutes": 45,
                        "staff": [staff_name], "participants": [person], "topics": [],
                        "findings": {"expansion_plans": true, "relocation_risk": false, "space_need_m2": null,
                                     "workforce_need": 2, "funding_interest": false, "location_satisfaction": 4,
                                     "issues_raised": []},
                        "notes": format!("{label} Besuch"), "joint_partner": null}),
            )
            .await?,
    )?;
    staff
        .write(
            &format!("/api/v1/visits/{conducted}/follow-ups"),
            &json!({"follow_up": uuid::Uuid::now_v7(), "task": format!("{label}: Unterlagen senden"),
                    "assignee": staff_name, "due_on": today() + Duration::days(2)}),
        )
        .await?;
    staff
        .write(
            "/api/v1/contacts",
            &json!({"organization": partner, "person": null, "channel": "phone", "contacted_on": today(),
                    "topics": [], "summary": format!("{label} Anruf"), "staff": staff_name}),
        )
        .await?;
    let inquiry = id_of(
        &staff
            .write(
                "/api/v1/inquiries",
                &json!({"organization": organization, "channel": "mail", "source": "direct", "topics": [],
                        "description": format!("{label} Anfrage"), "received_on": today(), "received_by": staff_name}),
            )
            .await?,
    )?;
    let (_, revision) = staff.read(&format!("/api/v1/inquiries/{inquiry}")).await?;
    staff
        .write_if_match(
            &format!("/api/v1/inquiries/{inquiry}/assign"),
            revision.context("inquiry without ETag")?,
            &json!({"assignee": staff_name, "assigned_on": today()}),
        )
        .await?;
    planner
        .write(
            "/api/v1/cooperations",
            &json!({"title": format!("{label} Kooperation"), "partners": [organization, partner],
                    "signed_on": today(), "valid_from": today(), "valid_until": today() + Duration::days(365), "goals": []}),
        )
        .await?;
    Ok(organization)
}

/// What the comparison reads, by name.
async fn views(
    client: &Client,
    organizations: &[String],
) -> anyhow::Result<BTreeMap<String, Value>> {
    let mut paths = vec![
        "/api/v1/organizations?per_page=1000&include_closed=true".to_owned(),
        "/api/v1/work?horizon_days=30".to_owned(),
        "/api/v1/inquiry-queue".to_owned(),
        "/api/v1/cooperation-board".to_owned(),
        "/api/v1/coverage?level=bezirk".to_owned(),
    ];
    paths.extend(
        organizations
            .iter()
            .map(|id| format!("/api/v1/organizations/{id}")),
    );
    let mut read = BTreeMap::new();
    for path in paths {
        let (body, _) = client.read(&path).await.with_context(|| path.clone())?;
        read.insert(path, body);
    }
    Ok(read)
}

/// The log position a snapshot file reflects.
fn snapshot_position(path: &std::path::Path) -> Option<wifo_store::Position> {
    wifo_projections::snapshot::load(path).map(|views| views.position)
}

fn ensure_same(
    label: &str,
    seen: &BTreeMap<String, Value>,
    rebuilt: &BTreeMap<String, Value>,
) -> anyhow::Result<()> {
    for (path, expected) in rebuilt {
        ensure!(
            seen.get(path) == Some(expected),
            "{label}: {path} differs from the full rebuild\nseen:    {}\nrebuilt: {expected}",
            seen.get(path).map(Value::to_string).unwrap_or_default()
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn views_after_a_restart_equal_a_full_rebuild_with_and_without_a_snapshot()
-> anyhow::Result<()> {
    let directory = tempfile::tempdir()?;
    let data = directory.path();
    let snapshot = data.join(SNAPSHOT_FILE);

    // 1. Write, shut down cleanly: the snapshot holds batch one.
    let first = start(data, true).await?;
    let mut organizations = vec![write_batch(&first, "Eins").await?];
    let first_head = first.head().await?;
    first.stop(Stop::Graceful).await?;
    ensure!(
        snapshot_position(&snapshot) == Some(first_head),
        "the clean shutdown did not snapshot the views at {first_head}"
    );

    // 2. Start from that snapshot, write more, read the live views, then die without a snapshot.
    let second = start(data, false).await?;
    organizations.push(write_batch(&second, "Zwei").await?);
    let live = views(&second.login(Role::Staff).await?, &organizations).await?;
    let log_head = second.head().await?;
    second.stop(Stop::WithoutSnapshot).await?;
    ensure!(
        snapshot_position(&snapshot) == Some(first_head) && first_head < log_head,
        "the snapshot must be stale after the kill ({first_head} < {log_head})"
    );

    // 3. Start from the stale snapshot (batch one) and replay batch two; then stop cleanly.
    let third = start(data, false).await?;
    ensure!(
        third.state.projections.position() == log_head,
        "third start did not catch up"
    );
    let after_kill = views(&third.login(Role::Staff).await?, &organizations).await?;
    third.stop(Stop::Graceful).await?;

    // 4. Start from the fresh snapshot, replaying nothing.
    let fourth = start(data, false).await?;
    let from_snapshot = views(&fourth.login(Role::Staff).await?, &organizations).await?;
    fourth.stop(Stop::Graceful).await?;

    // 5. The reference: no snapshot, everything replayed from the log.
    std::fs::remove_file(&snapshot)?;
    let fifth = start(data, false).await?;
    let rebuilt = views(&fifth.login(Role::Staff).await?, &organizations).await?;
    fifth.stop(Stop::Graceful).await?;

    // The reference must hold both batches, or the comparison proves nothing.
    let directory_names: Vec<&str> = rebuilt
        .values()
        .filter_map(|view| view["entries"].as_array())
        .flatten()
        .filter_map(|entry| entry["name"].as_str())
        .collect();
    for name in ["Eins Hauptbetrieb GmbH", "Zwei Partner e. K."] {
        ensure!(
            directory_names.contains(&name),
            "{name} missing: {directory_names:?}"
        );
    }
    let work = &rebuilt["/api/v1/work?horizon_days=30"];
    ensure!(
        work["follow_ups"].as_array().map(Vec::len) == Some(2)
            && work["visits"].as_array().map(Vec::len) == Some(2),
        "work list of the rebuild: {work}"
    );
    ensure!(
        rebuilt["/api/v1/inquiry-queue"]["entries"]
            .as_array()
            .map(Vec::len)
            == Some(2),
        "inquiry queue of the rebuild: {}",
        rebuilt["/api/v1/inquiry-queue"]
    );

    ensure_same("live after a restart from a snapshot", &live, &rebuilt)?;
    ensure_same("after a kill (stale snapshot)", &after_kill, &rebuilt)?;
    ensure_same("after a clean restart", &from_snapshot, &rebuilt)?;
    Ok(())
}
