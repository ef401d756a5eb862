//! A child process for the crash test of idempotent retries: serves the API of the data
//! directory given (the server's own `serve::open`, router and listener) on a free port of
//! 127.0.0.1 and prints `listening <address>`, until it is killed. With `--setup` it first
//! creates the staff user `staff` with an API token and one organization, and prints
//! `token <token>` and `organization <id>`.

use std::path::PathBuf;

use wifo_domain::{
    ids::OrganizationId,
    organization::{Organization, OrganizationCommand, OrganizationKind, RegisterOrganization},
    values::{OrganizationName, Role, Title, UserName},
};
use wifo_store::CommandContext;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let data: PathBuf = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: crash-server DATA_DIR [--setup]"))?
        .into();
    let setup = args.next().as_deref() == Some("--setup");
    let state =
        wifo_server::serve::open(&data, None, wifo_server::http::HttpConfig::default()).await?;
    if setup {
        let context = CommandContext::now("setup");
        let user = UserName::parse("staff")?;
        wifo_app::accounts::add_user(
            &state.data,
            &state.auth,
            &user,
            &Title::parse("Sachbearbeitung")?,
            Role::Staff,
            "ein-langes-passwort",
            &context,
        )
        .await?;
        let organization = OrganizationId::from_uuid(uuid::Uuid::now_v7());
        state
            .data
            .handler
            .execute::<Organization>(
                &OrganizationCommand::Register(RegisterOrganization {
                    organization,
                    name: OrganizationName::parse("Bäckerei Absturz GmbH")?,
                    kind: OrganizationKind::Company,
                    profile: Default::default(),
                    address: None,
                    region: None,
                    external_id: None,
                }),
                &context,
                None,
            )
            .await?;
        println!("token {}", state.auth.create_token(&user)?);
        println!("organization {organization}");
    }
    let head = wifo_store::EventStore::head(&state.data.store).await?;
    state
        .projections
        .wait_for(head, std::time::Duration::from_secs(30))
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
