//! The login and the browser-facing protections: five wrong passwords lock the name (and the
//! address) for a while, even against the right password; logging out makes the session cookie
//! worthless; every answer, success or problem, carries the security headers.

use anyhow::{anyhow, ensure};
use reqwest::{Method, StatusCode, header};
use serde_json::json;
use wifo_domain::values::Role;

use super::{password, problem, spawn_app, user_name};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_wrong_passwords_lock_the_login_even_for_the_right_one() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let client = app.anonymous()?;
    let name = user_name(Role::Staff);
    for attempt in 1..=5 {
        let response = client
            .post_json(
                "/api/v1/session",
                &json!({"name": name, "password": format!("falsch-{attempt}")}),
            )
            .await?;
        let (status, _) = problem(response).await?;
        ensure!(
            status == StatusCode::UNAUTHORIZED,
            "attempt {attempt}: {status}"
        );
    }
    let response = client
        .post_json(
            "/api/v1/session",
            &json!({"name": name, "password": password(Role::Staff)}),
        )
        .await?;
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let (status, body) = problem(response).await?;
    ensure!(
        status == StatusCode::TOO_MANY_REQUESTS,
        "sixth attempt: {status} {body}"
    );
    ensure!(
        retry_after.is_some_and(|seconds| seconds > 0 && seconds <= 15 * 60),
        "Retry-After {retry_after:?}"
    );
    // No cookie was set, so nothing is open.
    let (status, _) = problem(client.get("/api/v1/session").await?).await?;
    ensure!(
        status == StatusCode::UNAUTHORIZED,
        "session after a blocked login: {status}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logging_out_invalidates_the_session_cookie() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let staff = app.login(Role::Staff).await?;
    let cookie = {
        // The cookie as the browser holds it, to replay it after the logout.
        let login = app
            .anonymous()?
            .post_json(
                "/api/v1/session",
                &json!({"name": user_name(Role::Staff), "password": password(Role::Staff)}),
            )
            .await?;
        let set_cookie = login
            .headers()
            .get(header::SET_COOKIE)
            .and_then(|value| value.to_str().ok())
            .ok_or_else(|| anyhow!("login without Set-Cookie"))?
            .to_owned();
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
            ensure!(
                set_cookie.contains(attribute),
                "cookie {set_cookie} lacks {attribute}"
            );
        }
        let csrf = login.json::<serde_json::Value>().await?["csrf_token"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no CSRF token"))?;
        let pair = set_cookie.split(';').next().unwrap_or_default().to_owned();
        (pair, csrf)
    };
    let (me, _) = staff.read("/api/v1/session").await?;
    ensure!(me["user"] == json!(user_name(Role::Staff)), "{me}");

    let bare = reqwest::Client::new();
    let with_cookie = |method: Method, path: &str| {
        bare.request(method, format!("{}{path}", app.address))
            .header(header::COOKIE, &cookie.0)
            .header("x-csrf-token", &cookie.1)
    };
    let response = with_cookie(Method::GET, "/api/v1/session").send().await?;
    ensure!(
        response.status() == StatusCode::OK,
        "replayed cookie before logout"
    );
    let response = with_cookie(Method::DELETE, "/api/v1/session")
        .send()
        .await?;
    ensure!(
        response.status() == StatusCode::NO_CONTENT,
        "logout: {}",
        response.status()
    );
    for (method, path) in [
        (Method::GET, "/api/v1/session"),
        (Method::GET, "/api/v1/work"),
        (Method::POST, "/api/v1/organizations"),
    ] {
        let mut request = with_cookie(method.clone(), path);
        if method == Method::POST {
            request = request
                .json(&json!({"name": "Nach Abmeldung GmbH", "kind": "company", "profile": {}}));
        }
        let (status, _) = problem(request.send().await?).await?;
        ensure!(
            status == StatusCode::UNAUTHORIZED,
            "{method} {path} after logout: {status}"
        );
    }
    // Only that session ended: the other login of the same user still works.
    staff.read("/api/v1/session").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_the_security_headers() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let anonymous = app.anonymous()?;
    let staff = app.login(Role::Staff).await?;
    let answers = [
        ("health", anonymous.get("/healthz").await?),
        ("openapi", anonymous.get("/api/v1/openapi.json").await?),
        ("401", anonymous.get("/api/v1/work").await?),
        ("404 route", anonymous.get("/gibt-es-nicht").await?),
        ("200 read", staff.get("/api/v1/work").await?),
        (
            "400 write",
            staff.post_json("/api/v1/organizations", &json!({})).await?,
        ),
    ];
    for (label, response) in answers {
        let headers = response.headers();
        let value = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        ensure!(
            value("x-content-type-options") == "nosniff",
            "{label}: {headers:?}"
        );
        ensure!(value("x-frame-options") == "DENY", "{label}: {headers:?}");
        let policy = value("content-security-policy");
        ensure!(
            policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"),
            "{label}: CSP {policy:?}"
        );
        ensure!(
            value("referrer-policy") == "no-referrer",
            "{label}: {headers:?}"
        );
        ensure!(value("cache-control") == "no-store", "{label}: {headers:?}");
    }
    Ok(())
}

/// The attempt is counted before its password is checked, so a burst cannot slip past the
/// limit: of 200 wrong passwords sent at once for one name, at most five are checked (401);
/// the others are refused unchecked (429, or 503 while the two password checks are busy), and
/// the right password afterwards is refused as well.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_wrong_passwords_get_no_more_than_five_checks() -> anyhow::Result<()>
{
    let app = spawn_app().await?;
    let name = user_name(Role::Staff);
    let attempts = (0..200).map(|attempt| {
        let client = app.anonymous();
        async move {
            let response = client?
                .post_json(
                    "/api/v1/session",
                    &json!({"name": name, "password": format!("falsch-{attempt}")}),
                )
                .await?;
            anyhow::Ok(response.status())
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let mut checked = 0;
    let mut refused_unchecked = 0;
    for status in statuses {
        match status? {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                refused_unchecked += 1;
            }
            other => return Err(anyhow!("a wrong password answered {other}")),
        }
    }
    println!("200 concurrent wrong passwords: {checked} checked, {refused_unchecked} refused");
    ensure!(checked <= 5, "{checked} wrong passwords were checked");
    ensure!(checked + refused_unchecked == 200);
    let response = app
        .anonymous()?
        .post_json(
            "/api/v1/session",
            &json!({"name": name, "password": password(Role::Staff)}),
        )
        .await?;
    ensure!(
        response.status() == StatusCode::TOO_MANY_REQUESTS,
        "the right password after the burst: {}",
        response.status()
    );
    Ok(())
}
