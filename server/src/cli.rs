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
    /// Startet den Server (JSON-API unter /api/v1).
    Serve {
        /// Datenverzeichnis des Amtes.
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Adresse und Port, an denen der Server lauscht.
        #[arg(long, env = "WIFO_LISTEN", default_value = "127.0.0.1:8080")]
        listen: std::net::SocketAddr,
        /// Ein leeres Datenverzeichnis zuerst mit dem Demo-Amt füllen.
        #[arg(long)]
        demo: bool,
        /// Anzahl der Unternehmen des Demo-Amts (mit --demo).
        #[arg(long, default_value_t = 1500)]
        demo_orgs: usize,
        /// Erstantwort-Ziel für Anliegen in Berliner Arbeitstagen.
        #[arg(long, env = "WIFO_ERSTANTWORT_ARBEITSTAGE", default_value_t = 2)]
        first_response_working_days: u32,
        /// Cookies nur über HTTPS senden (hinter einem TLS-Proxy einschalten).
        #[arg(long, env = "WIFO_SECURE_COOKIES")]
        secure_cookies: bool,
    },
    /// Benutzerverwaltung.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API-Tokens für Schnittstellen.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Ansichten (Projektionen) verwalten.
    Projections {
        #[command(subcommand)]
        command: ProjectionsCommand,
    },
    /// Prüft das Ereignisprotokoll: Integrität, Lücken, Hash-Kette, Lesbarkeit jedes Ereignisses.
    Verify {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
    },
    /// Ereignisprotokoll ansehen.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    /// Berichte: Klausur-Statistik und Zwischenbericht für die Leitung.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
}

/// Optionen, die beide Berichte haben.
#[derive(Debug, clap::Args)]
pub struct ReportOptions {
    #[arg(long, env = "WIFO_DATA", default_value = "data")]
    data: PathBuf,
    /// Nur diese Partnerorganisation (ID): ihre Kooperationen, ihre Mitglieder und gemeinsame Besuche.
    #[arg(long, value_name = "ORG")]
    partner: Option<String>,
    /// Nur diese Region und darunter (LOR-Schlüssel, z. B. 0310 oder 03100101).
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// html, json, csv, xlsx oder parquet. CSV und Parquet: ein Ordner, oder ein ZIP-Archiv,
    /// wenn --out auf .zip endet.
    #[arg(long, default_value = "html")]
    format: String,
    /// Zieldatei oder -ordner.
    #[arg(long, value_name = "PFAD")]
    out: PathBuf,
    /// Abdeckung zusätzlich nur für Betriebe ab so vielen Beschäftigten.
    #[arg(long, value_name = "N")]
    min_employees: Option<u32>,
    /// Ziel für die Erstantwort auf Anliegen, in Kalendertagen.
    #[arg(long, default_value_t = 3)]
    first_response_days: u32,
    /// Ziel für den Abschluss von Anliegen, in Kalendertagen.
    #[arg(long, default_value_t = 30)]
    close_days: u32,
}

impl ReportOptions {
    fn into_args(self) -> crate::report::ReportArgs {
        crate::report::ReportArgs {
            data: self.data,
            partner: self.partner,
            region: self.region,
            format: self.format,
            out: self.out,
            min_employees: self.min_employees,
            first_response_days: self.first_response_days,
            close_days: self.close_days,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Klausur-Statistik eines Kalenderjahres mit Vorjahresvergleich und Themenvorschlägen.
    Klausur {
        /// Berichtsjahr, z. B. 2025.
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        options: ReportOptions,
    },
    /// Zwischenbericht für die Bezirksverordnetenversammlung über einen beliebigen Zeitraum.
    Leadership {
        /// Erster Tag (21.11.2026 oder 2026-11-21).
        #[arg(long, value_parser = crate::report::parse_date)]
        from: NaiveDate,
        /// Letzter Tag (21.11.2026 oder 2026-11-21).
        #[arg(long, value_parser = crate::report::parse_date)]
        to: NaiveDate,
        #[command(flatten)]
        options: ReportOptions,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Legt einen Benutzer an; das Passwort wird von der Standardeingabe gelesen.
    Add {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Anmeldename (a–z, 0–9, Punkt, Bindestrich).
        #[arg(long)]
        name: String,
        /// staff, lead, planner oder admin.
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

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Erzeugt ein API-Token für einen Benutzer und gibt es einmalig aus.
    Create {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        #[arg(long)]
        user: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProjectionsCommand {
    /// Baut alle Ansichten aus dem Protokoll neu auf und schreibt den Snapshot.
    Rebuild {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
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
        Command::Serve {
            data,
            listen,
            demo,
            demo_orgs,
            first_response_working_days,
            secure_cookies,
        } => {
            let today = chrono::Local::now().date_naive();
            let options = crate::serve::ServeOptions {
                data,
                listen,
                demo: demo.then_some(crate::demo::DemoOptions {
                    seed: 42,
                    organizations: demo_orgs,
                    years: 3,
                    today,
                }),
                config: crate::http::HttpConfig {
                    first_response_working_days,
                    secure_cookies,
                    ..crate::http::HttpConfig::default()
                },
            };
            crate::serve::run(options).await
        }
        Command::User { command } => match command {
            UserCommand::Add {
                data,
                name,
                role,
                display_name,
                password_stdin: _,
            } => {
                let mut password = String::new();
                std::io::stdin().read_line(&mut password)?;
                crate::serve::add_user(&data, &name, &role, display_name.as_deref(), &password)
                    .await
            }
        },
        Command::Token { command } => match command {
            TokenCommand::Create { data, user } => crate::serve::create_token(&data, &user),
        },
        Command::Projections { command } => match command {
            ProjectionsCommand::Rebuild { data } => crate::serve::rebuild(&data).await,
        },
        Command::Verify { data } => crate::verify::run(&data),
        Command::Events { command } => match command {
            EventsCommand::Stats { data, json } => crate::events::run_stats(&data, json).await,
            EventsCommand::Tail { data, count } => crate::events::run_tail(&data, count).await,
        },
        Command::Report { command } => match command {
            ReportCommand::Klausur { year, options } => {
                crate::report::klausur(year, options.into_args()).await
            }
            ReportCommand::Leadership { from, to, options } => {
                crate::report::leadership(from, to, options.into_args()).await
            }
        },
    }
}
