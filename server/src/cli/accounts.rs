//! `wifo user add` and `wifo token create`: accounts from the command line, through the same
//! account service as the admin pages.

use wifo_app::{auth::AuthStore, data_dir::DataDir};
use wifo_domain::values::{Role, Title, UserName};

use super::args::{DataArg, StoreArg};

#[derive(Debug, clap::Subcommand)]
pub(super) enum UserCommand {
    /// Legt einen Benutzer an; das Passwort wird von der Standardeingabe gelesen.
    Add {
        #[command(flatten)]
        data: DataArg,
        #[command(flatten)]
        store: StoreArg,
        /// Anmeldename (a–z, 0–9, Punkt, Bindestrich).
        #[arg(long)]
        name: String,
        /// staff, lead, planner, admin, buergerbuero oder datenschutz.
        #[arg(long)]
        role: String,
        /// Angezeigter Name (Standard: der Anmeldename).
        #[arg(long)]
        display_name: Option<String>,
        /// Passwort von der Standardeingabe lesen (Pflicht, damit es nicht in der Shell-Historie steht).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

impl UserCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        let UserCommand::Add {
            data,
            store,
            name,
            role,
            display_name,
            password_stdin: _,
        } = self;
        let mut password = String::new();
        std::io::stdin().read_line(&mut password)?;
        let user = UserName::parse(&name)?;
        let role = Role::parse(&role)?;
        let display = Title::parse(display_name.as_deref().unwrap_or(user.as_str()))?;
        let data = DataDir::open_at(&data.path, store.url.as_deref()).await?;
        let auth = AuthStore::open(&data.path)?;
        let context = wifo_store::CommandContext::now("admin-cli");
        wifo_app::accounts::add_user(
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
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum TokenCommand {
    /// Erzeugt ein API-Token für einen Benutzer und gibt es einmalig aus.
    Create {
        #[command(flatten)]
        data: DataArg,
        #[arg(long)]
        user: String,
    },
}

impl TokenCommand {
    pub(super) fn run(self) -> anyhow::Result<()> {
        let TokenCommand::Create { data, user } = self;
        let user = UserName::parse(&user)?;
        let auth = AuthStore::open(&data.path)?;
        println!("{}", auth.create_token(&user)?);
        Ok(())
    }
}
