//! The server `scripts/schemathesis.sh` probes: fills an empty data directory with a small demo
//! office (200 businesses, one year, fixed seed, so generated requests meet real records),
//! creates an API token for one user of each role and prints `token <role> <token>` per role,
//! then serves the whole router (the server's own `serve::open`, router and listener) on a free
//! port of 127.0.0.1, prints `listening <address>` and runs until it is killed.

use std::path::PathBuf;

use wifo_domain::values::{Role, UserName};

/// One login of the demo office per role.
const USERS: &[(Role, &str)] = &[
    (Role::Staff, "a.schneider"),
    (Role::Lead, "d.krause"),
    (Role::Planner, "s.richter"),
    (Role::Admin, "p.lehmann"),
    (Role::CitizensOffice, "b.weber"),
    (Role::DataProtection, "r.vogel"),
];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let data: PathBuf = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: api-fuzz-server EMPTY_DATA_DIR"))?
        .into();
    let options = wifo_demo::DemoOptions {
        seed: 7,
        organizations: 200,
        years: 1,
        today: chrono::Local::now().date_naive(),
    };
    let state = wifo_server::serve::open(
        &data,
        Some(&options),
        wifo_server::http::HttpConfig::default(),
    )
    .await?;
    for (role, login) in USERS {
        let token = state.auth.create_token(&UserName::parse(login)?)?;
        println!("token {} {token}", role.as_str());
    }
    let head = wifo_store::EventStore::head(&state.data.store).await?;
    state
        .projections
        .wait_for(head, std::time::Duration::from_secs(60))
        .await;
    let listener = wifo_server::listener::bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))?;
    println!("listening {}", listener.local_addr()?);
    let router = wifo_server::router::app(state.clone());
    wifo_server::listener::serve(
        listener,
        router,
        wifo_server::listener::ConnectionLimits::default(),
        std::future::pending(),
    )
    .await;
    Ok(())
}
