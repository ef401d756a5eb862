//! The web UI in a real headless Chromium, driven through chromedriver (WebDriver, `fantoccini`)
//! against the in-process server with a small demo office. On every page a test visits,
//! axe-core (from `tests/browser/node_modules`, installed by `npm ci --prefix tests/browser`)
//! must find no violation of impact serious or critical; every test saves a screenshot into
//! `artifacts/screenshots/`. `roles.rs` checks every page × role without a browser.

mod duplicates;
mod flows;
mod import;
mod public;
mod reports;
mod roles;
mod tablet;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use anyhow::{Context, anyhow, ensure};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use wifo_domain::values::Role;

use super::http::{TestApp, password, spawn_demo_app, user_name};

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// A small demo office up to today: 150 businesses over two years.
pub(crate) async fn demo_app() -> anyhow::Result<TestApp> {
    let options = wifo_demo::DemoOptions {
        seed: 7,
        organizations: 150,
        years: 2,
        today: chrono::Local::now().date_naive(),
    };
    spawn_demo_app(&options).await
}

/// chromedriver and the browser session it drives; the driver is killed on drop.
pub(crate) struct Browser {
    pub client: Client,
    pub base: String,
    driver: Child,
    _profile: tempfile::TempDir,
    axe: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile.
    pub(crate) async fn start(app: &TestApp) -> anyhow::Result<Self> {
        let axe_path = root().join("tests/browser/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&axe_path).with_context(|| {
            format!(
                "{} fehlt: bitte `npm ci --prefix tests/browser` ausführen (scripts/test.sh tut es)",
                axe_path.display()
            )
        })?;
        let port = free_port()?;
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("chromedriver fehlt: `apt-get install -y chromium chromium-driver` (scripts/test.sh tut es)")?;
        let profile = tempfile::tempdir()?;
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=de-DE", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Ok(Self {
                        client,
                        base: app.address.clone(),
                        driver,
                        _profile: profile,
                        axe,
                    });
                }
                Err(error) => {
                    last_error = Some(error);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        Err(anyhow!("chromedriver did not start: {last_error:?}"))
    }

    /// Opens `path` and checks the page.
    pub(crate) async fn open(&self, path: &str) -> anyhow::Result<()> {
        self.client.goto(&format!("{}{path}", self.base)).await?;
        self.audit().await
    }

    /// Runs axe-core on the current page: no serious or critical violation.
    pub(crate) async fn audit(&self) -> anyhow::Result<()> {
        self.client.execute(&self.axe, vec![]).await?;
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, {resultTypes: ['violations']}).then(result => done(
                   result.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))
                 )).catch(error => done(['axe failed: ' + error]));",
                vec![],
            )
            .await?;
        let violations: Vec<String> = serde_json::from_value(found)?;
        let url = self.client.current_url().await?;
        ensure!(
            violations.is_empty(),
            "axe-core on {url}: {}",
            violations.join("\n")
        );
        Ok(())
    }

    pub(crate) async fn login(&self, role: Role) -> anyhow::Result<()> {
        self.login_as(user_name(role), &password(role)).await
    }

    /// Logs in a user of the demo office (password `wifo-demo-2026`) or a test user.
    pub(crate) async fn login_as(&self, name: &str, password: &str) -> anyhow::Result<()> {
        self.open("/anmelden").await?;
        self.fill("#f-name", name).await?;
        self.fill("#f-password", password).await?;
        self.submit("form[action='/anmelden'] button").await
    }

    pub(crate) async fn logout(&self) -> anyhow::Result<()> {
        self.submit("form.logout button").await
    }

    /// Types into a field after clearing it.
    pub(crate) async fn fill(&self, css: &str, text: &str) -> anyhow::Result<()> {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Sets a date field (the browser's date widget does not take typed ISO text in every
    /// locale).
    pub(crate) async fn set_value(&self, css: &str, value: &str) -> anyhow::Result<()> {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?;
        self.client
            .execute(
                "arguments[0].value = arguments[1];",
                vec![serde_json::to_value(&field)?, Value::String(value.into())],
            )
            .await?;
        Ok(())
    }

    pub(crate) async fn select(&self, css: &str, value: &str) -> anyhow::Result<()> {
        self.client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?
            .select_by_value(value)
            .await?;
        Ok(())
    }

    pub(crate) async fn click(&self, css: &str) -> anyhow::Result<()> {
        self.client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?
            .click()
            .await?;
        Ok(())
    }

    /// Clicks a submit button and checks the page that follows.
    pub(crate) async fn submit(&self, css: &str) -> anyhow::Result<()> {
        self.click(css).await?;
        self.audit().await
    }

    pub(crate) async fn text(&self, css: &str) -> anyhow::Result<String> {
        Ok(self
            .client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?
            .text()
            .await?)
    }

    pub(crate) async fn value(&self, css: &str) -> anyhow::Result<String> {
        Ok(self
            .client
            .find(Locator::Css(css))
            .await
            .with_context(|| css.to_owned())?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub(crate) async fn path(&self) -> anyhow::Result<String> {
        Ok(self.client.current_url().await?.path().to_owned())
    }

    /// Saves a PNG of the current page into `artifacts/screenshots/{name}.png`.
    pub(crate) async fn screenshot(&self, name: &str) -> anyhow::Result<()> {
        let folder = root().join("artifacts/screenshots");
        std::fs::create_dir_all(&folder)?;
        let png = self.client.screenshot().await?;
        ensure!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        std::fs::write(folder.join(format!("{name}.png")), png)?;
        Ok(())
    }

    pub(crate) async fn close(self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        Ok(())
    }
}
