//! The command-line interface (clap): one enum variant per subcommand, each handled by a
//! function in its own module.

use std::path::PathBuf;

use chrono::NaiveDate;
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
    /// Legt ein Demo-Amt an: die Wirtschaftsförderung des Bezirksamts Pankow mit erfundenen
    /// Unternehmen, Ansprechpersonen, Besuchen, Kontakten, Anliegen, Kooperation,
    /// Veranstaltungen und Klausuren. Nur in ein leeres Datenverzeichnis.
    Demo {
        /// Datenverzeichnis, in das das Demo-Amt geschrieben wird.
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Startwert des Zufallsgenerators: derselbe Wert ergibt dasselbe Amt.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Anzahl der Unternehmen im Bezirk.
        #[arg(long, default_value_t = 1500)]
        orgs: usize,
        /// Anzahl der Jahre, die das Demo-Amt umfasst (endet mit dem laufenden Jahr).
        #[arg(long, default_value_t = 3)]
        years: u32,
        /// Stichtag „heute“ (JJJJ-MM-TT); was danach fällig ist, bleibt geplant. Standard: heute.
        #[arg(long, value_name = "DATUM")]
        stichtag: Option<NaiveDate>,
    },
    /// Ereignisprotokoll ansehen.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Zählt Ereignisse, Streams und Ereignisse je Typ.
    Stats {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Ausgabe als JSON statt als Tabelle.
        #[arg(long)]
        json: bool,
    },
    /// Zeigt die neuesten Ereignisse lesbar an.
    Tail {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Anzahl der Ereignisse.
        #[arg(short = 'n', long = "anzahl", default_value_t = 20)]
        count: usize,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Check { data } => {
            crate::data_dir::DataDir::open(&data)?;
            println!("Datenverzeichnis {} ist in Ordnung.", data.display());
            Ok(())
        }
        Command::Demo {
            data,
            seed,
            orgs,
            years,
            stichtag,
        } => {
            let today = stichtag.unwrap_or_else(|| chrono::Local::now().date_naive());
            let options = crate::demo::DemoOptions {
                seed,
                organizations: orgs,
                years,
                today,
            };
            crate::demo::run(&data, &options).await
        }
        Command::Events { command } => match command {
            EventsCommand::Stats { data, json } => crate::events::run_stats(&data, json).await,
            EventsCommand::Tail { data, count } => crate::events::run_tail(&data, count).await,
        },
    }
}
