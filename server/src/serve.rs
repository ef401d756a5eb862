//! `wifo serve`: opens the data directory (filling it with the demo office first if asked and
//! empty), brings the views up to date from their snapshot, and serves the API until SIGTERM or
//! Ctrl-C. On shutdown in-flight requests finish, the views are snapshotted and the store's
//! writer drains, so nothing is half-written.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use wifo_app::{auth::AuthStore, data_dir::DataDir};
use wifo_demo::DemoOptions;
use wifo_store::EventStore;

use crate::router::app;
use crate::state::{AppState, HttpConfig};

#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub data: PathBuf,
    /// A KurrentDB connection string: the log and the person keys are on the cluster, `data`
    /// holds only the instance's local files. `None`: the embedded log in `data`.
    pub store: Option<String>,
    pub listen: SocketAddr,
    pub demo: Option<DemoOptions>,
    pub config: HttpConfig,
    pub limits: crate::listener::ConnectionLimits,
}

/// Everything `serve` opens, for tests that start the server in-process.
pub async fn open(
    data: &Path,
    demo_options: Option<&DemoOptions>,
    config: HttpConfig,
) -> anyhow::Result<AppState> {
    open_data(DataDir::open(data)?, demo_options, config).await
}

/// Opens a data directory whose event log is at `store` (a directory or a KurrentDB
/// connection string; a directory must be `data` itself).
pub async fn open_store(
    data: &Path,
    store: &str,
    demo_options: Option<&DemoOptions>,
    config: HttpConfig,
) -> anyhow::Result<AppState> {
    let opened = DataDir::open_at(data, Some(store)).await?;
    open_data(opened, demo_options, config).await
}

/// Everything `serve` opens, from an opened data directory.
pub async fn open_data(
    data: DataDir,
    demo_options: Option<&DemoOptions>,
    config: HttpConfig,
) -> anyhow::Result<AppState> {
    let auth = Arc::new(AuthStore::open(&data.path)?);
    if let Some(options) = demo_options
        && data.store.head().await?.0 == 0
    {
        eprintln!("Leeres Datenverzeichnis: lege das Demo-Amt an …");
        wifo_demo::generate(&data, options, true).await?;
        wifo_demo::set_demo_passwords(&data, &auth).await?;
    }
    let defaults = wifo_app::setup::record_default_taxonomies(&data).await?;
    if defaults > 0 {
        tracing::info!(
            events = defaults,
            "Neues Amt: Standard-Themen und -Ämter angelegt"
        );
    }
    let projections = wifo_app::views::start(&data).await?;
    Ok(AppState::new(data, projections, auth, config))
}

pub async fn run(options: ServeOptions) -> anyhow::Result<()> {
    let state = match &options.store {
        Some(store) => {
            open_store(
                &options.data,
                store,
                options.demo.as_ref(),
                options.config.clone(),
            )
            .await?
        }
        None => open(&options.data, options.demo.as_ref(), options.config.clone()).await?,
    };
    let listener = crate::listener::bind(options.listen)
        .with_context(|| format!("Adresse {} ist nicht verfügbar", options.listen))?;
    let address = listener.local_addr()?;
    eprintln!("wifo läuft auf http://{address}");
    if options.demo.is_some() {
        let users = state
            .projections
            .read()
            .users
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!(
            "Demo-Anmeldung: Benutzer {users}; Passwort „{}“",
            wifo_demo::DEMO_PASSWORD
        );
        eprintln!(
            "  z. B. curl -c cookies -H 'Content-Type: application/json' -d '{{\"name\":\"a.schneider\",\"password\":\"{}\"}}' http://{address}/api/v1/session",
            wifo_demo::DEMO_PASSWORD
        );
    }
    tokio::spawn(purge_access_log(state.clone()));
    let router = app(state.clone());
    crate::listener::serve(listener, router, options.limits, shutdown_signal()).await;
    eprintln!("Beende: schreibe Snapshot der Ansichten …");
    finish(&state).await;
    Ok(())
}

/// Keeps the access log to its retention period: at start and then every hour, entries older
/// than `access_log_months` are deleted (the chain keeps its anchor).
async fn purge_access_log(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        let months = state.office.retention.access_log_months;
        let cutoff = chrono::Utc::now()
            .checked_sub_months(chrono::Months::new(months))
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
        match state.data.access.purge_before(cutoff) {
            Ok(0) => {}
            Ok(deleted) => {
                tracing::info!(deleted, months, "Zugriffsprotokoll: alte Einträge gelöscht")
            }
            Err(error) => {
                tracing::warn!(%error, "Zugriffsprotokoll: Löschen alter Einträge fehlgeschlagen")
            }
        }
    }
}

/// The end of a graceful shutdown: let the views apply what was written last (at most 5 s),
/// snapshot them, and drain the store's writer.
pub async fn finish(state: &AppState) {
    match state.data.store.head().await {
        Ok(head) => {
            if !state
                .projections
                .wait_for(head, std::time::Duration::from_secs(5))
                .await
            {
                tracing::warn!(%head, "views did not catch up before the snapshot");
            }
        }
        Err(error) => tracing::warn!(%error, "log head unknown at shutdown"),
    }
    if let Err(error) = state.projections.save_snapshot() {
        tracing::warn!(%error, "snapshot at shutdown failed");
    }
    state.data.store.close();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
