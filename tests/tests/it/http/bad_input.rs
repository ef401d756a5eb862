//! Bad input for every write route of the route table: malformed JSON, other JSON than an
//! object, wrong types, missing fields, unknown ids in the path and in reference fields,
//! impossible, implausible (year 0, before 1900, centuries ahead) and German-formatted dates,
//! a field the command does not have (422 naming it), a 10 MB body, invalid UTF-8, wrong content types and
//! bad `If-Match`/`Idempotency-Key` headers. Every answer must be a 4xx problem
//! (`application/problem+json` with `type`, `title`, `status`), never a 5xx, and the event log
//! must not grow by a single event over the whole corpus.

use anyhow::{Context, ensure};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};
use uuid::Uuid;
use wifo_domain::values::Role;
use wifo_server::http::{RouteSpec, route_specs};

use super::{
    Client, TestApp, add_person,
    bodies::{REFERENCE_FIELDS, Records, date_pointers, parse_as_command, template, wrong_type},
    fill, problem, raw, register_organization, spawn_app,
};

/// One bad request and what it must get.
#[derive(Debug)]
struct Case {
    label: String,
    path: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
    /// The statuses the cause allows; empty: any 4xx.
    expect: Vec<StatusCode>,
}

impl Case {
    fn json(label: impl Into<String>, path: &str, body: &Value, expect: &[StatusCode]) -> Self {
        Self {
            label: label.into(),
            path: path.to_owned(),
            content_type: Some("application/json"),
            body: body.to_string().into_bytes(),
            headers: Vec::new(),
            expect: expect.to_vec(),
        }
    }

    fn raw(label: &str, path: &str, body: &[u8], expect: &[StatusCode]) -> Self {
        Self {
            label: label.to_owned(),
            path: path.to_owned(),
            content_type: Some("application/json"),
            body: body.to_vec(),
            headers: Vec::new(),
            expect: expect.to_vec(),
        }
    }
}

/// Whether a route creates a new stream (so a valid body must never be sent unspoilt).
fn creates(spec: &RouteSpec) -> bool {
    !spec.path.contains('{')
        || matches!(
            spec.body,
            Some("DefineEntries" | "WriteGuideTopic" | "WriteGuideOffice")
        )
}

/// The id a corpus request puts into the path: unknown, but well-formed.
fn unknown_id(spec: &RouteSpec) -> String {
    if spec.path.starts_with("/api/v1/taxonomies/") {
        // Taxonomy streams are named by kind; a fresh office has topics and offices (its
        // defaults), but no regions.
        "regions".to_owned()
    } else if spec.path.starts_with("/api/v1/guide/topics/") {
        // The Handreichung is written per topic or office of the taxonomies: a default one.
        "foerderung".to_owned()
    } else if spec.path.starts_with("/api/v1/guide/offices/") {
        "ordnungsamt".to_owned()
    } else {
        Uuid::now_v7().to_string()
    }
}

fn with_pointer(body: &Value, pointer: &str, replacement: Value) -> Value {
    let mut spoilt = body.clone();
    if let Some(slot) = spoilt.pointer_mut(pointer) {
        *slot = replacement;
    }
    spoilt
}

fn cases(spec: &RouteSpec, records: &Records) -> anyhow::Result<Vec<Case>> {
    let body_type = spec.body.unwrap_or_default();
    let path = fill(spec.path, &unknown_id(spec));
    let bad = &[StatusCode::BAD_REQUEST][..];
    let any = &[][..];
    let mut cases = vec![
        Case::raw("malformed JSON", &path, br#"{"name": "#, bad),
        Case::raw("a JSON array", &path, b"[1, 2]", bad),
        Case::raw("JSON null", &path, b"null", bad),
        Case::raw("an empty body", &path, b"", bad),
        Case::raw("a wrong type", &path, br#"{"name": 5}"#, any),
        Case::raw("no fields", &path, b"{}", any),
        Case::raw("invalid UTF-8", &path, b"{\"name\": \"\xff\xfe\xfd\"}", bad),
    ];
    let template = template(body_type, records)
        .with_context(|| format!("no template for body type {body_type} of {}", spec.path))?;
    let domain_command = match parse_as_command(body_type, &template.body) {
        Some(parsed) => {
            parsed.map_err(|error| {
                anyhow::anyhow!("the template of {body_type} does not parse: {error}")
            })?;
            true
        }
        None => false,
    };
    let body = &template.body;
    let unsupported = &[StatusCode::UNSUPPORTED_MEDIA_TYPE][..];
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut case = Case::json(
            format!("content type {content_type:?}"),
            &path,
            body,
            unsupported,
        );
        case.content_type = content_type;
        cases.push(case);
    }
    if !creates(spec) {
        if domain_command || body_type == "Erasure" {
            // Commands that replace what the user saw ask for If-Match first (428).
            let unknown = [StatusCode::NOT_FOUND, StatusCode::PRECONDITION_REQUIRED];
            cases.push(Case::json(
                "an unknown id in the path",
                &path,
                body,
                &unknown,
            ));
            let mut with_revision = Case::json(
                "an unknown id in the path and If-Match",
                &path,
                body,
                &[StatusCode::NOT_FOUND],
            );
            with_revision.headers.push(("if-match", "\"0\"".to_owned()));
            cases.push(with_revision);
        } else {
            cases.push(Case::json("an unknown id in the path", &path, body, any));
        }
        cases.push(Case::json(
            "a malformed id in the path",
            &fill(spec.path, "kein-uuid"),
            body,
            any,
        ));
    }
    let fields: Vec<(String, Value)> = body
        .as_object()
        .map(|fields| fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    for (field, value) in &fields {
        if Some(field.as_str()) == template.id_field {
            continue;
        }
        let spoilt = with_pointer(body, &format!("/{field}"), wrong_type(value));
        cases.push(Case::json(
            format!("a wrong type in {field}"),
            &path,
            &spoilt,
            bad,
        ));
        if REFERENCE_FIELDS.contains(&field.as_str()) {
            let unknown = Value::String(Uuid::now_v7().to_string());
            let replacement = match value {
                Value::Array(_) => json!([unknown]),
                _ => unknown,
            };
            let spoilt = with_pointer(body, &format!("/{field}"), replacement);
            cases.push(Case::json(
                format!("an unknown id in {field}"),
                &path,
                &spoilt,
                &[StatusCode::NOT_FOUND],
            ));
        }
    }
    if let Some(fields) = body.as_object() {
        // A field the command does not have is named, never dropped.
        let mut unknown = fields.clone();
        unknown.insert("gibt_es_nicht".to_owned(), json!("2025-06-30"));
        cases.push(Case::json(
            "an unknown field",
            &path,
            &Value::Object(unknown),
            &[StatusCode::UNPROCESSABLE_ENTITY],
        ));
    }
    for pointer in date_pointers(body) {
        for date in ["31.02.2025", "2025-02-31", "30.06.2025", "2025-13-01"] {
            let spoilt = with_pointer(body, &pointer, json!(date));
            cases.push(Case::json(
                format!("date {date} at {pointer}"),
                &path,
                &spoilt,
                bad,
            ));
        }
    }
    // Well-formed but implausible: year 0, before 1900, centuries ahead (422; a command that
    // replaces what the user saw asks for If-Match first, 428; a record the path names that does
    // not exist is a 404 first).
    let implausible: &[StatusCode] = if creates(spec) {
        &[StatusCode::UNPROCESSABLE_ENTITY]
    } else {
        &[
            StatusCode::UNPROCESSABLE_ENTITY,
            StatusCode::PRECONDITION_REQUIRED,
            StatusCode::NOT_FOUND,
        ]
    };
    for pointer in date_pointers(body) {
        for date in ["0000-01-01", "1899-12-31", "2999-01-01"] {
            let spoilt = with_pointer(body, &pointer, json!(date));
            cases.push(Case::json(
                format!("implausible date {date} at {pointer}"),
                &path,
                &spoilt,
                implausible,
            ));
        }
    }
    if domain_command {
        let mut long_key = Case::json("a 201-character Idempotency-Key", &path, body, bad);
        long_key.headers.push(("idempotency-key", "k".repeat(201)));
        cases.push(long_key);
        let mut garbage = Case::json("If-Match: abc", &path, body, bad);
        garbage.headers.push(("if-match", "\"abc\"".to_owned()));
        cases.push(garbage);
        if creates(spec) {
            let mut stale = Case::json(
                "If-Match on a new stream",
                &path,
                body,
                &[StatusCode::PRECONDITION_FAILED],
            );
            stale.headers.push(("if-match", "\"7\"".to_owned()));
            cases.push(stale);
        }
    }
    Ok(cases)
}

/// The clients a route's corpus is sent with (session cookie, and API token for the hand-made
/// requests): the first of staff, planner, admin the route allows.
fn caller_for<'a>(
    spec: &RouteSpec,
    clients: &'a [(Role, Client, Client)],
    anonymous: &'a Client,
) -> (&'a Client, &'a Client) {
    clients
        .iter()
        .find(|(role, ..)| spec.roles.contains(role))
        .map(|(_, cookie, token)| (cookie, token))
        .unwrap_or((anonymous, anonymous))
}

/// A body of 10 MB, ten times the limit, sent as curl sends large bodies (`Expect:
/// 100-continue`), so the refusal can be read even when the server stops reading early.
async fn send_huge(app: &TestApp, token: &Client, spec: &RouteSpec) -> anyhow::Result<()> {
    let path = fill(spec.path, &unknown_id(spec));
    let (status, content_type, body) =
        raw::post_large_json(&app.address, &path, token.token(), 10 * 1024 * 1024).await?;
    ensure!(
        status == StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
        "answered {status} instead of 413: {body:.300}"
    );
    ensure!(
        content_type.starts_with("application/problem+json"),
        "413 with content type {content_type:?}"
    );
    let problem: Value = serde_json::from_str(&body)?;
    ensure!(
        problem["status"] == json!(413)
            && problem["title"].is_string()
            && problem["type"].is_string(),
        "413 problem {problem}"
    );
    Ok(())
}

async fn send(client: &Client, method: &Method, case: &Case) -> anyhow::Result<()> {
    let mut request = client
        .request(method.clone(), &case.path)
        .body(case.body.clone());
    if let Some(content_type) = case.content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    for (name, value) in &case.headers {
        request = request.header(*name, value);
    }
    let response = request.send().await?;
    let (status, body) = problem(response).await?;
    ensure!(status.is_client_error(), "answered {status}: {body}");
    ensure!(
        case.expect.is_empty() || case.expect.contains(&status),
        "answered {status} instead of {:?}: {body}",
        case.expect
    );
    Ok(())
}

async fn existing_records(app: &TestApp) -> anyhow::Result<Records> {
    let staff = app.login(Role::Staff).await?;
    Ok(Records {
        organization: register_organization(&staff, "Korpus Bäckerei GmbH").await?,
        other_organization: register_organization(&staff, "Korpus Verband e. V.").await?,
        person: add_person(&staff, "Korpus Person").await?,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_route_refuses_bad_input_with_a_problem_and_writes_nothing()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let records = existing_records(&app).await?;
    let mut clients = Vec::new();
    for role in [Role::Staff, Role::Planner, Role::Admin] {
        clients.push((role, app.login(role).await?, app.bearer(role)?));
    }
    let anonymous = app.anonymous()?;
    let head_before = app.head().await?;

    let mut failures = Vec::new();
    let mut sent = 0usize;
    for spec in route_specs().iter().filter(|spec| spec.body.is_some()) {
        let (client, token) = caller_for(spec, &clients, &anonymous);
        sent += 1;
        if let Err(error) = send_huge(&app, token, spec).await {
            failures.push(format!(
                "{} {} with 10 MB: {error:#}",
                spec.method, spec.path
            ));
        }
        for case in cases(spec, &records)? {
            sent += 1;
            if let Err(error) = send(client, &spec.method, &case).await {
                failures.push(format!(
                    "{} {} with {}: {error:#}",
                    spec.method, case.path, case.label
                ));
            }
        }
    }
    ensure!(
        failures.is_empty(),
        "{} of {sent} bad requests were not refused properly:\n{}",
        failures.len(),
        failures.join("\n")
    );
    ensure!(sent > 1000, "only {sent} bad requests: the corpus shrank");
    let head_after = app.head().await?;
    ensure!(
        head_after == head_before,
        "refused requests wrote events: log head {head_before} → {head_after}"
    );
    let metrics = anonymous.get("/metrics").await?.text().await?;
    ensure!(
        metrics.contains("wifo_http_server_errors_total 0\n"),
        "the server counted 5xx answers:\n{metrics}"
    );
    Ok(())
}

/// Regression: a reference nested in a list of objects (a gathering's attendance) was not
/// checked, so holding a gathering with an unknown organization wrote the event.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_organizations_in_a_gatherings_attendance_are_refused() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let records = existing_records(&app).await?;
    let planner = app.login(Role::Planner).await?;
    let gathering = super::id_of(
        &planner
            .write(
                "/api/v1/gatherings",
                &json!({"kind": "stammtisch", "title": "Stammtisch", "date": super::today(),
                        "venue": "Rathaus", "co_hosts": [], "milestone": null}),
            )
            .await?,
    )?;
    let head_before = app.head().await?;
    for attendance in [
        json!([{"organization": Uuid::now_v7().to_string(), "person": null}]),
        json!([{"organization": records.organization, "person": Uuid::now_v7().to_string()}]),
    ] {
        let response = planner
            .post_json(
                &format!("/api/v1/gatherings/{gathering}/hold"),
                &json!({"held_on": super::today(), "attendance": attendance, "other_attendees": 0}),
            )
            .await?;
        let (status, body) = problem(response).await?;
        ensure!(
            status == StatusCode::NOT_FOUND,
            "attendance {attendance}: {status} {body}"
        );
    }
    ensure!(
        app.head().await? == head_before,
        "a refused hold wrote events"
    );
    Ok(())
}
