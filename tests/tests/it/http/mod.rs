//! The HTTP API end to end: the real server on a random port of 127.0.0.1 with a temporary data
//! directory, driven through `reqwest` the way a browser (session cookie plus CSRF token) or a
//! script (bearer token) drives it. `spawn_app()` starts it with one user of each role;
//! `TestApp::stop` shuts it down as `wifo serve` does, so a test can start it again on the same
//! directory. Tracing output appears only when `TEST_LOG` is set (`TEST_LOG=debug`).

mod accounts;
mod actions;
mod addresses;
mod at_risk;
mod audience;
mod bad_input;
mod bodies;
mod calendar;
mod citizens_office;
mod concurrency;
mod consistency;
mod disk_full;
mod flood;
mod flyer;
mod forms;
mod lists;
mod matrix;
mod openapi;
mod privacy;
mod public_face;
mod publicity;
mod raw;
mod records;
mod regions;
mod reminders;
mod reports;
mod restart;
mod search;
mod security;
mod senders;
mod uploads;

use std::path::Path;
use std::time::Duration;
use wifo_server::listener::ConnectionLimits;

use anyhow::{Context, anyhow, ensure};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};
use wifo_domain::values::{Role, Title, UserName};
use wifo_server::http::{AppState, HttpConfig};
use wifo_server::router::app;
use wifo_store::{CommandContext, EventStore, Position};

/// Login name of the test user with `role` (`staff`, `lead`, `planner`, `admin`).
pub(crate) fn user_name(role: Role) -> &'static str {
    role.as_str()
}

/// Password of the test user with `role`.
pub(crate) fn password(role: Role) -> String {
    format!("{}-passwort-2026", role.as_str())
}

/// A running server and what a test needs to talk to it and look behind it.
#[derive(Debug)]
pub(crate) struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    pub state: AppState,
    temporary: Option<tempfile::TempDir>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

/// How a test stops a server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// As `wifo serve` on SIGTERM: requests finish, the views are snapshotted, the store drains.
    Graceful,
    /// As after a kill: no snapshot is written (the store is still closed, so the next server in
    /// this process can open the same file; every committed event is on disk either way).
    WithoutSnapshot,
}

/// A server on a fresh temporary data directory with one user of each role.
pub(crate) async fn spawn_app() -> anyhow::Result<TestApp> {
    let directory = tempfile::tempdir()?;
    let mut app = start(directory.path(), true).await?;
    app.temporary = Some(directory);
    Ok(app)
}

/// A server on `data`; `create_users` on first start only (users live in the data directory).
pub(crate) async fn start(data: &Path, create_users: bool) -> anyhow::Result<TestApp> {
    start_with(data, create_users, None, ConnectionLimits::default()).await
}

/// As `spawn_app`, with the listener's limits given.
pub(crate) async fn spawn_app_with(limits: ConnectionLimits) -> anyhow::Result<TestApp> {
    let directory = tempfile::tempdir()?;
    let mut app = start_with(directory.path(), true, None, limits).await?;
    app.temporary = Some(directory);
    Ok(app)
}

/// A server on a fresh temporary data directory filled with a demo office first, plus one
/// user of each role.
pub(crate) async fn spawn_demo_app(options: &wifo_demo::DemoOptions) -> anyhow::Result<TestApp> {
    let directory = tempfile::tempdir()?;
    let mut app = start_with(
        directory.path(),
        true,
        Some(options),
        ConnectionLimits::default(),
    )
    .await?;
    app.temporary = Some(directory);
    Ok(app)
}

/// As `start`, with a demo office written into an empty data directory first.
async fn start_with(
    data: &Path,
    create_users: bool,
    demo: Option<&wifo_demo::DemoOptions>,
    limits: ConnectionLimits,
) -> anyhow::Result<TestApp> {
    init_tracing();
    let state = wifo_server::serve::open(data, demo, HttpConfig::default()).await?;
    if create_users {
        let context = CommandContext::now("test-setup");
        for role in Role::ALL {
            wifo_app::accounts::add_user(
                &state.data,
                &state.auth,
                &UserName::parse(user_name(role))?,
                &Title::parse(role.label())?,
                role,
                &password(role),
                &context,
            )
            .await
            .with_context(|| format!("creating the {} user", role.as_str()))?;
        }
    }
    // The first request must find the users in the views.
    let head = state.data.store.head().await?;
    ensure!(
        state
            .projections
            .wait_for(head, Duration::from_secs(10))
            .await,
        "the views did not reach {head} after start"
    );
    let listener = wifo_server::listener::bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))?;
    let address = format!("http://{}", listener.local_addr()?);
    let (shutdown, signal) = tokio::sync::oneshot::channel::<()>();
    let router = app(state.clone());
    let server = tokio::spawn(async move {
        wifo_server::listener::serve(listener, router, limits, async {
            let _ = signal.await;
        })
        .await;
        Ok::<(), std::io::Error>(())
    });
    Ok(TestApp {
        address,
        state,
        temporary: None,
        shutdown: Some(shutdown),
        server: Some(server),
    })
}

fn init_tracing() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(filter) = std::env::var("TEST_LOG") else {
            return;
        };
        let filter = match filter.trim() {
            "" | "1" | "true" => "info".to_owned(),
            directives => directives.to_owned(),
        };
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_test_writer()
            .try_init();
    });
}

impl TestApp {
    /// Stops the server; the data directory stays (a `spawn_app` one until the value drops).
    pub(crate) async fn stop(mut self, how: Stop) -> anyhow::Result<Option<tempfile::TempDir>> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(server) = self.server.take() {
            tokio::time::timeout(Duration::from_secs(10), server)
                .await
                .context("the server did not shut down within 10 s")???;
        }
        if how == Stop::Graceful {
            wifo_server::serve::finish(&self.state).await;
        } else {
            self.state.data.store.close();
        }
        Ok(self.temporary.take())
    }

    /// Newest position of the event log.
    pub(crate) async fn head(&self) -> anyhow::Result<Position> {
        Ok(self.state.data.store.head().await?)
    }

    /// Waits (at most 5 s) until the views hold every event written so far: for reads that no
    /// session's read-your-writes covers (a visitor's public page, a list of another user's work).
    pub(crate) async fn settled(&self) -> anyhow::Result<()> {
        let head = self.head().await?;
        for _ in 0..500 {
            if self.state.projections.read().position.0 >= head.0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Err(anyhow!("the views did not reach position {}", head.0))
    }

    /// A client without credentials.
    pub(crate) fn anonymous(&self) -> anyhow::Result<Client> {
        Ok(Client {
            http: reqwest::Client::builder().cookie_store(true).build()?,
            base: self.address.clone(),
            csrf: None,
            bearer: None,
        })
    }

    /// A client logged in with a session cookie, sending the CSRF token on every request.
    pub(crate) async fn login(&self, role: Role) -> anyhow::Result<Client> {
        let mut client = self.anonymous()?;
        let response = client
            .post_json(
                "/api/v1/session",
                &json!({"name": user_name(role), "password": password(role)}),
            )
            .await?;
        ensure!(
            response.status() == StatusCode::OK,
            "login as {} answered {}",
            role.as_str(),
            response.status()
        );
        let session: Value = response.json().await?;
        let csrf = session["csrf_token"]
            .as_str()
            .ok_or_else(|| anyhow!("login answer without csrf_token: {session}"))?;
        client.csrf = Some(csrf.to_owned());
        Ok(client)
    }

    /// A client with an API token (`Authorization: Bearer`), as scripts use it.
    pub(crate) fn bearer(&self, role: Role) -> anyhow::Result<Client> {
        let token = self
            .state
            .auth
            .create_token(&UserName::parse(user_name(role))?)?;
        Ok(Client {
            http: reqwest::Client::builder().build()?,
            base: self.address.clone(),
            csrf: None,
            bearer: Some(token),
        })
    }
}

/// One caller of the API.
#[derive(Clone, Debug)]
pub(crate) struct Client {
    http: reqwest::Client,
    base: String,
    csrf: Option<String>,
    bearer: Option<String>,
}

impl Client {
    /// A request to `path` (starting with `/`) with this client's credentials.
    pub(crate) fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(csrf) = &self.csrf {
            request = request.header("x-csrf-token", csrf);
        }
        if let Some(token) = &self.bearer {
            request = request.bearer_auth(token);
        }
        request
    }

    /// The API token of a `TestApp::bearer` client.
    pub(crate) fn token(&self) -> Option<&str> {
        self.bearer.as_deref()
    }

    /// The same session without its CSRF token (the cookie stays).
    pub(crate) fn without_csrf(&self) -> Client {
        Client {
            csrf: None,
            ..self.clone()
        }
    }

    pub(crate) async fn get(&self, path: &str) -> anyhow::Result<reqwest::Response> {
        Ok(self.request(Method::GET, path).send().await?)
    }

    pub(crate) async fn post_json(
        &self,
        path: &str,
        body: &Value,
    ) -> anyhow::Result<reqwest::Response> {
        Ok(self.request(Method::POST, path).json(body).send().await?)
    }

    /// A GET that must answer 200: the JSON body and the `ETag` revision, if any.
    pub(crate) async fn read(&self, path: &str) -> anyhow::Result<(Value, Option<u64>)> {
        let response = self.get(path).await?;
        let status = response.status();
        let revision = etag_revision(&response);
        let body = response.text().await?;
        ensure!(
            status == StatusCode::OK,
            "GET {path} answered {status}: {body}"
        );
        Ok((serde_json::from_str(&body)?, revision))
    }

    /// A POST that must succeed (2xx): the JSON answer (`id`, `revision`, …).
    pub(crate) async fn write(&self, path: &str, body: &Value) -> anyhow::Result<Value> {
        let response = self.post_json(path, body).await?;
        let status = response.status();
        let text = response.text().await?;
        ensure!(
            status.is_success(),
            "POST {path} answered {status}: {text}\nbody: {body}"
        );
        Ok(serde_json::from_str(&text)?)
    }

    /// A POST with `If-Match: "revision"` that must succeed.
    pub(crate) async fn write_if_match(
        &self,
        path: &str,
        revision: u64,
        body: &Value,
    ) -> anyhow::Result<Value> {
        let response = self
            .request(Method::POST, path)
            .header(header::IF_MATCH, format!("\"{revision}\""))
            .json(body)
            .send()
            .await?;
        let status = response.status();
        let text = response.text().await?;
        ensure!(
            status.is_success(),
            "POST {path} (If-Match {revision}) answered {status}: {text}"
        );
        Ok(serde_json::from_str(&text)?)
    }
}

/// The revision in an `ETag: "N"` header.
pub(crate) fn etag_revision(response: &reqwest::Response) -> Option<u64> {
    response
        .headers()
        .get(header::ETAG)?
        .to_str()
        .ok()?
        .trim_matches('"')
        .parse()
        .ok()
}

/// Checks that an answer is an RFC 9457 problem (`application/problem+json` with `type`, `title`
/// and a `status` equal to the HTTP status) and returns the status and the problem.
pub(crate) async fn problem(response: reqwest::Response) -> anyhow::Result<(StatusCode, Value)> {
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response.text().await?;
    ensure!(
        content_type.starts_with("application/problem+json"),
        "{status} with content type {content_type:?} instead of application/problem+json: {text:.300}"
    );
    let body: Value = serde_json::from_str(&text)
        .with_context(|| format!("{status}: problem body is not JSON: {text:.300}"))?;
    ensure!(
        body["type"].as_str().is_some_and(|kind| !kind.is_empty()),
        "{status}: problem without type: {body}"
    );
    ensure!(
        body["title"]
            .as_str()
            .is_some_and(|title| !title.is_empty()),
        "{status}: problem without title: {body}"
    );
    ensure!(
        body["status"].as_u64() == Some(u64::from(status.as_u16())),
        "{status}: problem status {} differs: {body}",
        body["status"]
    );
    Ok((status, body))
}

/// A route path with every `{param}` replaced by `id`.
pub(crate) fn fill(path: &str, id: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') && segment.ends_with('}') {
                id
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Today as the views date events (UTC day of the commit).
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Registers an organization as `client` (staff or admin) and returns its id.
pub(crate) async fn register_organization(client: &Client, name: &str) -> anyhow::Result<String> {
    let answer = client
        .write(
            "/api/v1/organizations",
            &json!({
                "name": name,
                "kind": "company",
                "profile": {"legal_form": "GmbH", "sector": "10.71"},
                "address": {"street": "Hauptstraße 1", "postal_code": "13187", "city": "Berlin"},
                "region": "03100101",
                "external_id": null,
            }),
        )
        .await?;
    id_of(&answer)
}

/// Adds a person as `client` and returns the id.
pub(crate) async fn add_person(client: &Client, name: &str) -> anyhow::Result<String> {
    let answer = client
        .write(
            "/api/v1/persons",
            &json!({"personal": {"name": name, "email": "kontakt@example.org", "phone": null, "notes": ""}}),
        )
        .await?;
    id_of(&answer)
}

/// Plans a visit of `organization` by the staff user on `date` and returns its id.
pub(crate) async fn plan_visit(
    client: &Client,
    organization: &str,
    date: chrono::NaiveDate,
) -> anyhow::Result<String> {
    let answer = client
        .write(
            "/api/v1/visits",
            &json!({
                "organization": organization,
                "planned_on": date,
                "staff": [user_name(Role::Staff)],
                "participants": [],
                "purpose": "Kennenlernen",
                "joint_partner": null,
            }),
        )
        .await?;
    id_of(&answer)
}

/// Plans and conducts a visit of `organization` today by the staff user, with a relocation risk
/// or not and a location satisfaction, and returns its id.
pub(crate) async fn conduct_visit(
    staff: &Client,
    organization: &str,
    relocation_risk: bool,
    satisfaction: u8,
) -> anyhow::Result<String> {
    let visit = plan_visit(staff, organization, today()).await?;
    staff
        .write(
            &format!("/api/v1/visits/{visit}/conduct"),
            &json!({"organization": organization, "conducted_on": today(), "duration_minutes": 60,
                "staff": [user_name(Role::Staff)], "participants": [], "topics": [],
                "findings": {"expansion_plans": false, "relocation_risk": relocation_risk,
                    "space_need_m2": null, "workforce_need": null, "funding_interest": false,
                    "location_satisfaction": satisfaction, "issues_raised": []},
                "notes": "", "joint_partner": null}),
        )
        .await?;
    Ok(visit)
}

/// The `id` of a creation answer.
pub(crate) fn id_of(answer: &Value) -> anyhow::Result<String> {
    answer["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("answer without id: {answer}"))
}

/// A form post of the web UI with the session's CSRF token.
pub(crate) async fn post_form(
    client: &Client,
    path: &str,
    fields: &[(&str, &str)],
) -> anyhow::Result<(StatusCode, String)> {
    let mut pairs: Vec<(&str, &str)> = fields.to_vec();
    let token = client.csrf.clone().unwrap_or_default();
    pairs.push(("_csrf", &token));
    let response = client
        .request(reqwest::Method::POST, path)
        .form(&pairs)
        .send()
        .await?;
    Ok((response.status(), response.text().await?))
}
