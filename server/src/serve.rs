//! `wifo serve`: opens the data directory (filling it with the demo office first if asked and
//! empty), brings the views up to date from their snapshot, and serves the API until SIGTERM or
//! Ctrl-C. On shutdown in-flight requests finish, the views are snapshotted and the store's
//! writer drains, so nothing is half-written.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use wifo_domain::values::UserName;
use wifo_projections::Projections;
use wifo_store::EventStore;

use crate::{
    auth::AuthStore,
    data_dir::DataDir,
    demo::{self, DemoOptions},
    http::{AppState, HttpConfig, app},
};

/// Password of every demo user, printed at start.
pub const DEMO_PASSWORD: &str = "wifo-demo-2026";

/// File name of the views snapshot inside the data directory.
pub const SNAPSHOT_FILE: &str = "views.snapshot";

#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub data: PathBuf,
    /// A KurrentDB connection string: the log and the person keys are on the cluster, `data`
    /// holds only the instance's local files. `None`: the embedded log in `data`.
    pub store: Option<String>,
    pub listen: SocketAddr,
    pub demo: Option<DemoOptions>,
    pub config: HttpConfig,
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
        demo::generate(&data, options, true).await?;
        set_demo_passwords(&data, &auth).await?;
    }
    let started = Instant::now();
    let (projections, startup) = Projections::start(
        data.store_shared(),
        data.codec.clone(),
        Some(data.path.join(SNAPSHOT_FILE)),
    )
    .await?;
    tracing::info!(
        from_snapshot = ?startup.from_snapshot,
        replayed = startup.replayed_events,
        position = %startup.position,
        millis = started.elapsed().as_millis() as u64,
        "views ready"
    );
    Ok(AppState::new(data, projections, auth, config))
}

/// Gives every user of the demo office the demo password.
async fn set_demo_passwords(data: &DataDir, auth: &AuthStore) -> anyhow::Result<()> {
    let mut after = wifo_store::Position::START;
    loop {
        let page = data.store.read_all(after, 4096).await?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for recorded in page
            .iter()
            .filter(|event| event.event_type == "UserCreated")
        {
            if let wifo_domain::user::UserEvent::Created { user, role, .. } =
                data.codec.decode(recorded)?
            {
                auth.set_credentials(&user, DEMO_PASSWORD, role)?;
            }
        }
    }
    Ok(())
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
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
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
        eprintln!("Demo-Anmeldung: Benutzer {users}; Passwort „{DEMO_PASSWORD}“");
        eprintln!(
            "  z. B. curl -c cookies -H 'Content-Type: application/json' -d '{{\"name\":\"a.schneider\",\"password\":\"{DEMO_PASSWORD}\"}}' http://{address}/api/v1/session"
        );
    }
    let router = app(state.clone());
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    eprintln!("Beende: schreibe Snapshot der Ansichten …");
    finish(&state).await;
    Ok(())
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

/// `wifo user add`: creates a user with the password read from stdin.
pub async fn add_user(
    data: &Path,
    store: Option<&str>,
    name: &str,
    role: &str,
    display_name: Option<&str>,
    password: &str,
) -> anyhow::Result<()> {
    let user = UserName::parse(name)?;
    let role = wifo_domain::values::Role::parse(role)?;
    let display = wifo_domain::values::Title::parse(display_name.unwrap_or(user.as_str()))?;
    let data = DataDir::open_at(data, store).await?;
    let auth = AuthStore::open(&data.path)?;
    let context = wifo_store::CommandContext::now("admin-cli");
    crate::accounts::add_user(
        &data,
        &auth,
        &user,
        &display,
        role,
        password.trim_end_matches(['\r', '\n']),
        &context,
    )
    .await
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    println!("Benutzer {user} ({}) angelegt.", role.label());
    Ok(())
}

/// `wifo token create`: prints a new API token for a user.
pub fn create_token(data: &Path, name: &str) -> anyhow::Result<()> {
    let user = UserName::parse(name)?;
    let auth = AuthStore::open(data)?;
    println!("{}", auth.create_token(&user)?);
    Ok(())
}

/// `wifo projections rebuild`: replays the whole log into fresh views and writes the snapshot.
pub async fn rebuild(data: &Path) -> anyhow::Result<()> {
    let data = DataDir::open_existing(data)?;
    let head = data.store.head().await?;
    let bar = indicatif::ProgressBar::new(head.0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {wide_bar} {pos}/{len} Ereignisse ({per_sec}, noch {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("Ansichten neu aufbauen");
    let started = Instant::now();
    let mut views = wifo_projections::Views::default();
    let mut applied = 0u64;
    wifo_projections::replay(
        data.store_shared(),
        &data.codec,
        wifo_store::Position::START,
        |recorded, event| {
            views.apply(recorded, &event);
            applied += 1;
            if applied.is_multiple_of(4096) {
                bar.set_position(recorded.position.0);
            }
        },
    )
    .await?;
    bar.finish_and_clear();
    wifo_projections::snapshot::save(&data.path.join(SNAPSHOT_FILE), &views)?;
    println!(
        "{applied} Ereignisse in {:.1} s angewendet; Snapshot {} geschrieben.",
        started.elapsed().as_secs_f64(),
        data.path.join(SNAPSHOT_FILE).display()
    );
    Ok(())
}
