//! Who may call what, generated from the route table (`wifo_server::http::route_specs()`): every
//! route is called without login, with a session of each role (cookie plus CSRF token) and with
//! an API token of each role. A role the route does not list must get 401 (no login) or 403,
//! never an answer; a listed role must never get 401/403 (it may get 400/404/409/412/428,
//! because the body is empty and the ids are unknown). A new route is covered the day it is
//! added. The OpenAPI document must list exactly the routes of the table.

use std::collections::BTreeSet;

use anyhow::{anyhow, ensure};
use reqwest::{Method, StatusCode, header};
use uuid::Uuid;
use wifo_domain::values::Role;
use wifo_server::http::{RouteSpec, route_specs};

use super::{Client, TestApp, fill, spawn_app};

/// The table has 84 routes today; far fewer means routes were lost from it.
const FEWEST_ROUTES: usize = 60;

fn path_for(spec: &RouteSpec) -> String {
    let id = if spec.path.starts_with("/api/v1/taxonomies/") {
        "topics".to_owned()
    } else {
        Uuid::now_v7().to_string()
    };
    fill(spec.path, &id)
}

async fn call(client: &Client, spec: &RouteSpec) -> anyhow::Result<StatusCode> {
    let mut request = client.request(spec.method.clone(), &path_for(spec));
    if spec.method != Method::GET {
        request = request
            .header(header::CONTENT_TYPE, "application/json")
            .body("{}");
    }
    Ok(request.send().await?.status())
}

/// Who calls, and whether the route allows it.
enum Caller {
    Nobody,
    Role(Role),
}

fn verdict(spec: &RouteSpec, caller: &Caller, status: StatusCode) -> Result<(), String> {
    let public = spec.roles.is_empty();
    let allowed = match caller {
        Caller::Nobody => public,
        Caller::Role(role) => public || spec.roles.contains(role),
    };
    if allowed {
        if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
            return Err(format!("allowed, but got {status}"));
        }
        if status.is_server_error() {
            return Err(format!("allowed, got the server error {status}"));
        }
        if public && spec.method == Method::GET && !status.is_success() {
            return Err(format!("public read, but got {status}"));
        }
        return Ok(());
    }
    let refused = match caller {
        Caller::Nobody => StatusCode::UNAUTHORIZED,
        Caller::Role(_) => StatusCode::FORBIDDEN,
    };
    if status == refused {
        Ok(())
    } else {
        Err(format!("not allowed, expected {refused}, got {status}"))
    }
}

async fn check_route(
    app: &TestApp,
    spec: &RouteSpec,
    callers: &[(String, Caller, Client)],
) -> anyhow::Result<Vec<String>> {
    let mut failures = Vec::new();
    for (label, caller, client) in callers {
        // Logging out ends the session the other routes still need: use a throwaway one.
        let throwaway;
        let client = match (
            spec.method == Method::DELETE && spec.path == "/api/v1/session",
            caller,
        ) {
            (true, Caller::Role(role)) if label.starts_with("cookie") => {
                throwaway = app.login(*role).await?;
                &throwaway
            }
            _ => client,
        };
        let status = call(client, spec).await?;
        if let Err(problem) = verdict(spec, caller, status) {
            failures.push(format!(
                "{} {} as {label}: {problem}",
                spec.method, spec.path
            ));
        }
    }
    Ok(failures)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_admits_exactly_its_roles() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let specs = route_specs();
    ensure!(
        specs.len() >= FEWEST_ROUTES,
        "the route table has only {} routes",
        specs.len()
    );
    let mut callers = vec![("no login".to_owned(), Caller::Nobody, app.anonymous()?)];
    for role in Role::ALL {
        callers.push((
            format!("cookie {}", role.as_str()),
            Caller::Role(role),
            app.login(role).await?,
        ));
        callers.push((
            format!("token {}", role.as_str()),
            Caller::Role(role),
            app.bearer(role)?,
        ));
    }
    let mut failures = Vec::new();
    for spec in &specs {
        failures.extend(check_route(&app, spec, &callers).await?);
    }
    ensure!(
        failures.is_empty(),
        "{} of {} calls broke the role rules:\n{}",
        failures.len(),
        specs.len() * callers.len(),
        failures.join("\n")
    );
    Ok(())
}

/// A cookie session proves that its own page sent a write only with the session's CSRF token;
/// an API token (no cookie) needs none.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cookie_writes_need_the_csrf_token_of_their_session() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let (other_session, _) = app
        .login(Role::Staff)
        .await?
        .read("/api/v1/session")
        .await?;
    let other_token = other_session["csrf_token"]
        .as_str()
        .ok_or_else(|| anyhow!("session without csrf_token: {other_session}"))?;
    let body = serde_json::json!({"name": "CSRF GmbH", "kind": "company", "profile": {}});
    let head = app.head().await?;
    let without_token = staff.without_csrf();
    for csrf in [None, Some("falsch"), Some(other_token)] {
        let mut request = without_token
            .request(Method::POST, "/api/v1/organizations")
            .json(&body);
        if let Some(token) = csrf {
            request = request.header("x-csrf-token", token);
        }
        let (status, problem) = super::problem(request.send().await?).await?;
        ensure!(
            status == StatusCode::FORBIDDEN,
            "CSRF token {csrf:?}: {status} {problem}"
        );
    }
    ensure!(
        app.head().await? == head,
        "a write without CSRF token was stored"
    );
    staff.write("/api/v1/organizations", &body).await?;
    app.bearer(Role::Staff)?
        .write("/api/v1/organizations", &body)
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_lists_every_route_of_the_table() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let (document, _) = app.anonymous()?.read("/api/v1/openapi.json").await?;
    let paths = document["paths"]
        .as_object()
        .ok_or_else(|| anyhow!("no paths in the OpenAPI document"))?;
    let mut listed = BTreeSet::new();
    for (path, operations) in paths {
        for (method, operation) in operations.as_object().into_iter().flatten() {
            listed.insert((method.to_uppercase(), path.clone()));
            ensure!(
                operation["summary"].as_str().is_some_and(|s| !s.is_empty()),
                "{method} {path} has no summary"
            );
        }
    }
    let mut expected = BTreeSet::new();
    for spec in route_specs() {
        let key = (spec.method.as_str().to_owned(), spec.path.to_owned());
        let operation = &paths[spec.path][spec.method.as_str().to_lowercase()];
        let roles: Vec<&str> = spec.roles.iter().map(|role| role.as_str()).collect();
        ensure!(
            operation["x-wifo-roles"] == serde_json::json!(roles),
            "{} {}: roles {} in the document, {roles:?} in the table",
            spec.method,
            spec.path,
            operation["x-wifo-roles"]
        );
        expected.insert(key);
    }
    ensure!(
        listed == expected,
        "document and table differ: only in the document {:?}, only in the table {:?}",
        listed.difference(&expected).collect::<Vec<_>>(),
        expected.difference(&listed).collect::<Vec<_>>()
    );
    Ok(())
}
