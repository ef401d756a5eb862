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
        /// Datenverzeichnis des Amtes (mit --store nur die lokalen Dateien dieser Instanz).
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Ereignisspeicher auf einem KurrentDB-Cluster statt im Datenverzeichnis, z. B.
        /// kurrentdb://host:2113?tls=false oder esdb://knoten1:2113,knoten2:2113,knoten3:2113
        /// (nur in Builds mit dem Feature `kurrentdb`).
        #[arg(long, env = "WIFO_STORE", value_name = "URL")]
        store: Option<String>,
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
        /// Stattdessen das Protokoll auf einem KurrentDB-Cluster prüfen (ohne Hash-Kette: die
        /// gibt es nur im eingebetteten Speicher).
        #[arg(long, value_name = "URL")]
        store: Option<String>,
    },
    /// Ereignisprotokoll ansehen.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    /// Kopiert das ganze Ereignisprotokoll in einen anderen Speicher (Datenverzeichnis oder
    /// KurrentDB) mit denselben Ids, derselben Reihenfolge, Typen und Metadaten und prüft die
    /// Kopie. Ein abgebrochener Lauf wird durch erneuten Aufruf fortgesetzt.
    Migrate {
        /// Quelle: Datenverzeichnis oder KurrentDB-Adresse (kurrentdb://host:2113?tls=false).
        #[arg(long, value_name = "VERZEICHNIS_ODER_URL")]
        from: String,
        /// Ziel: Datenverzeichnis oder KurrentDB-Adresse; leer oder eine frühere Teilkopie.
        #[arg(long, value_name = "VERZEICHNIS_ODER_URL")]
        to: String,
        /// Höchstens so viele Ereignisse in diesem Lauf kopieren (z. B. je Wartungsfenster).
        #[arg(long, value_name = "ANZAHL")]
        max_events: Option<u64>,
    },
    /// Berichte: Klausur-Statistik und Zwischenbericht für die Leitung.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Dateien einlesen: Organisationen, Regionen (LOR), Branchen (WZ 2008).
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Daten ausgeben: Tabellen als CSV/XLSX/JSON, Kalender als iCalendar, das Protokoll als JSONL.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
    },
    /// Sichert Ereignisprotokoll, Schlüssel und Zugänge in ein neues Verzeichnis (auch im
    /// laufenden Betrieb).
    Backup {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Zielverzeichnis (neu oder leer).
        out: PathBuf,
    },
    /// Stellt eine Sicherung in ein leeres Datenverzeichnis wieder her.
    Restore {
        /// Sicherungsverzeichnis (mit manifest.json).
        input: PathBuf,
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        /// Löschungen (DSGVO Art. 17) aus diesem späteren Datenverzeichnis oder dieser späteren
        /// Sicherung erneut anwenden; mehrfach möglich.
        #[arg(long = "erasures-from", value_name = "VERZEICHNIS")]
        erasures_from: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Organisationen aus CSV, XLSX oder ODS (IHK-Gewerbedaten, wifo-Export oder mit Zuordnungsdatei).
    Organizations {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        file: PathBuf,
        /// Zuordnungsdatei (TOML): Feld = "Spalte" oder "Vorlage {Spalte}".
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Nur prüfen und jede Zeile melden, nichts schreiben.
        #[arg(long)]
        dry_run: bool,
        /// Gültige Zeilen schreiben, fehlerhafte in DATEI.fehler.csv ausgeben.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Regionen aus der LOR-Datei (Bezirk → Prognoseraum → Bezirksregion → Planungsraum).
    Regions {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
    /// Branchen aus der WZ-2008-Liste (tabulatorgetrennt, ohne Kopfzeile).
    Sectors {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

/// Formats of a table export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Xlsx,
    Json,
}

/// Calendars of an iCalendar export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CalendarKind {
    Visits,
    Gatherings,
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Eine Tabelle (CSV, XLSX, JSON); XLSX ohne --table enthält alle Tabellen als Blätter.
    Table {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        #[arg(long, value_enum)]
        table: Option<crate::export::Table>,
        #[arg(long, value_enum, default_value = "csv")]
        format: TableFormat,
        #[arg(long)]
        out: PathBuf,
    },
    /// Besuche oder Veranstaltungen als iCalendar-Datei (.ics) für Outlook.
    Calendar {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        #[arg(long, value_enum)]
        of: CalendarKind,
        #[arg(long)]
        out: PathBuf,
    },
    /// Das ganze Ereignisprotokoll als JSON Lines, personenbezogene Daten entschlüsselt, soweit
    /// der Schlüssel noch existiert.
    Events {
        #[arg(long, env = "WIFO_DATA", default_value = "data")]
        data: PathBuf,
        #[arg(long)]
        out: PathBuf,
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
        /// Ereignisspeicher auf einem KurrentDB-Cluster (wie bei `serve --store`).
        #[arg(long, env = "WIFO_STORE", value_name = "URL")]
        store: Option<String>,
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
        Command::Import { command } => run_import(command).await,
        Command::Export { command } => crate::export_cli::run(command).await,
        Command::Backup { data, out } => {
            let manifest = crate::backup::backup(&data, &out)?;
            println!(
                "Sicherung in {}: {} Ereignisse bis Position {}, Hash-Kette {}…",
                out.display(),
                manifest.events,
                manifest.position,
                &manifest.last_hash[..16]
            );
            Ok(())
        }
        Command::Restore {
            input,
            data,
            erasures_from,
        } => {
            let restored = crate::backup::restore(&input, &data, &erasures_from).await?;
            println!(
                "Wiederhergestellt nach {}: {} Ereignisse bis Position {}; {} spätere Löschungen \
                 erneut angewendet.",
                data.display(),
                restored.manifest.events,
                restored.manifest.position,
                restored.erasures_reapplied
            );
            if erasures_from.is_empty() {
                println!(
                    "Hinweis: Löschungen nach dem Zeitpunkt der Sicherung sind nicht enthalten. \
                     Mit --erasures-from ALTES_DATENVERZEICHNIS erneut anwenden."
                );
            }
            crate::verify::run(&data)
        }
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
            store,
            listen,
            demo,
            demo_orgs,
            first_response_working_days,
            secure_cookies,
        } => {
            let today = chrono::Local::now().date_naive();
            let options = crate::serve::ServeOptions {
                data,
                store,
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
                store,
                name,
                role,
                display_name,
                password_stdin: _,
            } => {
                let mut password = String::new();
                std::io::stdin().read_line(&mut password)?;
                crate::serve::add_user(
                    &data,
                    store.as_deref(),
                    &name,
                    &role,
                    display_name.as_deref(),
                    &password,
                )
                .await
            }
        },
        Command::Token { command } => match command {
            TokenCommand::Create { data, user } => crate::serve::create_token(&data, &user),
        },
        Command::Projections { command } => match command {
            ProjectionsCommand::Rebuild { data } => crate::serve::rebuild(&data).await,
        },
        Command::Verify { data, store } => match store {
            Some(store) => crate::verify::run_store(&store).await,
            None => crate::verify::run(&data),
        },
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
        Command::Migrate {
            from,
            to,
            max_events,
        } => crate::migrate::run(&from, &to, max_events).await,
    }
}

async fn run_import(command: ImportCommand) -> anyhow::Result<()> {
    match command {
        ImportCommand::Organizations {
            data,
            file,
            mapping,
            dry_run,
            skip_invalid,
        } => {
            crate::import::cli::organizations(crate::import::cli::OrganizationImport {
                data,
                file,
                mapping,
                dry_run,
                skip_invalid,
            })
            .await
        }
        ImportCommand::Regions {
            data,
            file,
            dry_run,
        } => crate::import::cli::hierarchy(&data, &file, true, dry_run).await,
        ImportCommand::Sectors {
            data,
            file,
            dry_run,
        } => crate::import::cli::hierarchy(&data, &file, false, dry_run).await,
    }
}
