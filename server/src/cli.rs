//! The command-line interface (clap): one enum variant per subcommand, each handled by a
//! function in its own module.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "wifo",
    version,
    about = "Stakeholder-CRM für die Wirtschaftsförderung"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Prüft, ob das Datenverzeichnis geöffnet werden kann.
    Check {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Check { data } => {
            crate::data_dir::DataDir::open(&data)?;
            println!("Datenverzeichnis {} ist in Ordnung.", data.display());
            Ok(())
        }
    }
}
