//! Passwords and the rule that keeps an office administrable, as users meet them: an admin sets
//! a new password for a colleague from `/verwaltung` (the colleague's sessions end, only the new
//! password logs in); a user changes their own password from `/konto` and over the API (wrong
//! current password, a mismatched repetition and a short password are refused at their field
//! and never echoed; the other sessions end, the one used stays); an admin can neither lock
//! themselves out nor take away their own administration role.

use reqwest::StatusCode;
use serde_json::json;
use wifo_domain::values::Role;

use super::{
    Client, TestApp,
    actions::{page, send},
    password, spawn_app, user_name,
};

const NEW_PASSWORD: &str = "Sommerfest-2027!";

async fn login_status(app: &TestApp, role: Role, password: &str) -> anyhow::Result<StatusCode> {
    Ok(app
        .anonymous()?
        .post_json(
            "/api/v1/session",
            &json!({"name": user_name(role), "password": password}),
        )
        .await?
        .status())
}

async fn still_logged_in(client: &Client) -> anyhow::Result<bool> {
    let status = client.get("/api/v1/organizations").await?.status();
    anyhow::ensure!(
        status == StatusCode::OK || status == StatusCode::UNAUTHORIZED,
        "unexpected {status}"
    );
    Ok(status == StatusCode::OK)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_sets_a_new_password_and_the_old_one_and_its_sessions_end() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let admin = app.login(Role::Admin).await?;
    let planner = app.login(Role::Planner).await?;
    let users = page(&admin, "/verwaltung").await?;
    assert!(users.contains("action=\"/verwaltung/passwort\""));
    // The colleague is chosen by display name with the login beside it.
    assert!(users.contains(&format!(
        "{} ({})",
        Role::Planner.label(),
        user_name(Role::Planner)
    )));

    // Too short: refused at the field, the typed password not sent back, nothing changed.
    let (status, _, shown) = send(
        &admin,
        "/verwaltung/passwort",
        &[
            ("reset_user", user_name(Role::Planner)),
            ("new_password", "kurz"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("Das Passwort muss mindestens 10 Zeichen lang sein"));
    assert!(!shown.contains("value=\"kurz\""));
    assert!(still_logged_in(&planner).await?);

    let (status, _, shown) = send(
        &admin,
        "/verwaltung/passwort",
        &[
            ("reset_user", user_name(Role::Planner)),
            ("new_password", NEW_PASSWORD),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.2000}");
    assert!(shown.contains("Das Passwort ist neu gesetzt"));
    assert!(
        !still_logged_in(&planner).await?,
        "the planner's session outlived the reset"
    );
    assert_eq!(
        login_status(&app, Role::Planner, &password(Role::Planner)).await?,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login_status(&app, Role::Planner, NEW_PASSWORD).await?,
        StatusCode::OK
    );
    // The admin's own session is untouched.
    assert!(still_logged_in(&admin).await?);

    // Over the API, the same; an unknown user is a refusal, not a new account.
    let response = admin
        .post_json(
            "/api/v1/users/gibt.es.nicht/password",
            &json!({"password": NEW_PASSWORD}),
        )
        .await?;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let text = response.text().await?;
    assert!(text.contains("Den Benutzer gibt es nicht"), "{text}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_changes_their_own_password_and_their_other_sessions_end() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let here = app.login(Role::Staff).await?;
    let elsewhere = app.login(Role::Staff).await?;
    let account = page(&here, "/konto").await?;
    assert!(account.contains(Role::Staff.label()));
    assert!(account.contains("action=\"/konto/passwort\""));

    // The form: a mismatched repetition and a wrong current password, each at its field.
    let (status, _, shown) = send(
        &here,
        "/konto/passwort",
        &[
            ("current_password", &password(Role::Staff)),
            ("new_password", NEW_PASSWORD),
            ("repeat_password", "Sommerfest-2028!"),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("id=\"e-repeat_password\""));
    assert!(shown.contains("Die beiden neuen Passwörter stimmen nicht überein."));
    assert!(!shown.contains(NEW_PASSWORD), "a password was sent back");
    let (status, _, shown) = send(
        &here,
        "/konto/passwort",
        &[
            ("current_password", "falsch-falsch-falsch"),
            ("new_password", NEW_PASSWORD),
            ("repeat_password", NEW_PASSWORD),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("id=\"e-current_password\""));
    assert!(shown.contains("Das bisherige Passwort stimmt nicht"));
    assert!(still_logged_in(&elsewhere).await?);

    // The API refuses the same wrong password with a problem.
    let response = here
        .post_json(
            "/api/v1/me/password",
            &json!({"current_password": "falsch-falsch-falsch", "new_password": NEW_PASSWORD}),
        )
        .await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let (status, _, shown) = send(
        &here,
        "/konto/passwort",
        &[
            ("current_password", &password(Role::Staff)),
            ("new_password", NEW_PASSWORD),
            ("repeat_password", NEW_PASSWORD),
        ],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{shown:.2000}");
    assert!(shown.contains("Ihr Passwort ist geändert."));
    assert!(still_logged_in(&here).await?, "the session used ended");
    assert!(
        !still_logged_in(&elsewhere).await?,
        "the other session outlived the change"
    );
    assert_eq!(
        login_status(&app, Role::Staff, &password(Role::Staff)).await?,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login_status(&app, Role::Staff, NEW_PASSWORD).await?,
        StatusCode::OK
    );

    // Back to the first one over the API, the same password twice is refused.
    let same = here
        .post_json(
            "/api/v1/me/password",
            &json!({"current_password": NEW_PASSWORD, "new_password": NEW_PASSWORD}),
        )
        .await?;
    assert_eq!(same.status(), StatusCode::BAD_REQUEST);
    here.write(
        "/api/v1/me/password",
        &json!({"current_password": NEW_PASSWORD, "new_password": password(Role::Staff)}),
    )
    .await?;
    assert_eq!(
        login_status(&app, Role::Staff, &password(Role::Staff)).await?,
        StatusCode::OK
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_cannot_lock_themselves_out() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let admin = app.login(Role::Admin).await?;
    let head = app.head().await?;
    let me = user_name(Role::Admin);
    let response = admin
        .post_json(&format!("/api/v1/users/{me}/deactivate"), &json!({}))
        .await?;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let text = response.text().await?;
    assert!(text.contains("nicht selbst sperren"), "{text}");
    let response = admin
        .post_json(
            &format!("/api/v1/users/{me}/role"),
            &json!({"role": "lead"}),
        )
        .await?;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    // The form says the same above the form.
    let (status, _, shown) = send(&admin, "/verwaltung/benutzer/sperren", &[("user", me)]).await?;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shown.contains("nicht selbst sperren"));
    assert_eq!(app.head().await?, head, "a refused change wrote an event");
    assert!(still_logged_in(&admin).await?);
    // Another account, the admin deactivates as before.
    admin
        .write(
            &format!("/api/v1/users/{}/deactivate", user_name(Role::Lead)),
            &json!({}),
        )
        .await?;
    Ok(())
}
