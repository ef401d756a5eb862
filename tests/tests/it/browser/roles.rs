//! Who may open which page, generated from the UI's route table (`wifo_server::ui::route_specs`)
//! the way `http/matrix.rs` does it for the API: without a session every page but the public
//! ones redirects to the login page; with a session of a role the page does not list the answer
//! is 403; a listed role never gets 401/403 or a server error (it may get 404 or 422, the ids are
//! unknown and the forms empty). A form post without the session's CSRF token is refused.

use anyhow::{anyhow, ensure};
use reqwest::{StatusCode, header, redirect::Policy};
use uuid::Uuid;
use wifo_domain::values::Role;

use super::super::http::{TestApp, password, spawn_app, user_name};

/// A browser-like client that does not follow redirects, and its CSRF token.
async fn session(app: &TestApp, role: Option<Role>) -> anyhow::Result<(reqwest::Client, String)> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()?;
    let Some(role) = role else {
        return Ok((client, String::new()));
    };
    let answer: serde_json::Value = client
        .post(format!("{}/api/v1/session", app.address))
        .json(&serde_json::json!({"name": user_name(role), "password": password(role)}))
        .send()
        .await?
        .json()
        .await?;
    let csrf = answer["csrf_token"]
        .as_str()
        .ok_or_else(|| anyhow!("no csrf token: {answer}"))?
        .to_owned();
    Ok((client, csrf))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_admits_exactly_its_roles() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let specs = wifo_server::ui::route_specs();
    ensure!(
        specs.len() >= 30,
        "the page table has only {} routes",
        specs.len()
    );
    let mut callers = vec![(None, session(&app, None).await?)];
    for role in Role::ALL {
        callers.push((Some(role), session(&app, Some(role)).await?));
    }
    let mut failures = Vec::new();
    for spec in &specs {
        if spec.path == "/abmelden" {
            continue; // ends the session the other pages need; covered by the browser tests
        }
        let path = spec.path.replace("{id}", &Uuid::now_v7().to_string());
        for (role, (client, csrf)) in &callers {
            let request = if spec.method == reqwest::Method::GET {
                client.get(format!("{}{path}", app.address))
            } else {
                client
                    .post(format!("{}{path}", app.address))
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(format!("_csrf={csrf}"))
            };
            let status = request.send().await?.status();
            let public = spec.roles.is_empty();
            let allowed = public || role.is_some_and(|role| spec.roles.contains(&role));
            let verdict = if allowed {
                !(status == StatusCode::UNAUTHORIZED
                    || status == StatusCode::FORBIDDEN
                    || status.is_server_error())
            } else if role.is_none() {
                status == StatusCode::SEE_OTHER
            } else {
                status == StatusCode::FORBIDDEN
            };
            if !verdict {
                failures.push(format!(
                    "{} {} as {role:?}: {status}",
                    spec.method, spec.path
                ));
            }
        }
    }
    ensure!(
        failures.is_empty(),
        "{} calls broke the role rules:\n{}",
        failures.len(),
        failures.join("\n")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_post_without_the_sessions_csrf_token_is_refused_and_writes_nothing()
-> anyhow::Result<()> {
    let app = spawn_app().await?;
    let (client, csrf) = session(&app, Some(Role::Staff)).await?;
    let head = app.head().await?;
    for token in ["", "falsch"] {
        let status = client
            .post(format!("{}/organisationen/neu", app.address))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(format!(
                "_csrf={token}&name=Ohne+Token+GmbH&kind=company&city=Berlin"
            ))
            .send()
            .await?
            .status();
        ensure!(status == StatusCode::FORBIDDEN, "token {token:?}: {status}");
    }
    ensure!(
        app.head().await? == head,
        "a post without CSRF token was stored"
    );
    let status = client
        .post(format!("{}/organisationen/neu", app.address))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!(
            "_csrf={csrf}&name=Mit+Token+GmbH&kind=company&city=Berlin"
        ))
        .send()
        .await?
        .status();
    ensure!(status == StatusCode::SEE_OTHER, "with the token: {status}");
    Ok(())
}
