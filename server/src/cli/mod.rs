//! The command-line interface (clap): the top-level subcommands and where each is handled, one
//! file per group — `serve.rs` (serve, demo), `accounts.rs` (user, token), `ops.rs` (check,
//! verify, events, projections, backup, restore, migrate), `import.rs`, `export.rs`,
//! `report.rs`. Shared arguments live in `args.rs` and are flattened into each command.

mod accounts;
mod args;
mod export;
mod import;
mod ops;
mod progress;
mod report;
mod serve;

use clap::{Parser, Subcommand};

/// The `wifo` command line.
#[derive(Debug, Parser)]
#[command(
    name = "wifo",
    version,
    about = "Stakeholder-CRM für die Wirtschaftsförderung"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Prüft, ob das Datenverzeichnis geöffnet werden kann.
    Check(ops::Check),
    /// Legt ein Demo-Amt an: die Wirtschaftsförderung des Bezirksamts Pankow mit erfundenen
    /// Unternehmen, Ansprechpersonen, Besuchen, Kontakten, Anliegen, Kooperation,
    /// Veranstaltungen und Klausuren. Nur in ein leeres Datenverzeichnis.
    Demo(serve::Demo),
    /// Startet den Server (JSON-API unter /api/v1 und die Weboberfläche).
    Serve(serve::Serve),
    /// Benutzerverwaltung.
    User {
        #[command(subcommand)]
        command: accounts::UserCommand,
    },
    /// API-Tokens für Schnittstellen.
    Token {
        #[command(subcommand)]
        command: accounts::TokenCommand,
    },
    /// Ansichten (Projektionen) verwalten.
    Projections {
        #[command(subcommand)]
        command: ops::ProjectionsCommand,
    },
    /// Prüft das Ereignisprotokoll: Integrität, Lücken, Hash-Kette, Lesbarkeit jedes Ereignisses.
    Verify(ops::Verify),
    /// Ereignisprotokoll ansehen.
    Events {
        #[command(subcommand)]
        command: ops::EventsCommand,
    },
    /// Kopiert das ganze Ereignisprotokoll in einen anderen Speicher (Datenverzeichnis,
    /// PostgreSQL oder KurrentDB) mit denselben Ids, derselben Reihenfolge, Typen und Metadaten und prüft die
    /// Kopie. Ein abgebrochener Lauf wird durch erneuten Aufruf fortgesetzt.
    Migrate(ops::Migrate),
    /// Berichte: Klausur-Statistik und Zwischenbericht für die Leitung.
    Report {
        #[command(subcommand)]
        command: report::ReportCommand,
    },
    /// Dateien einlesen: Organisationen, Regionen (LOR), Branchen (WZ 2008).
    Import {
        #[command(subcommand)]
        command: import::ImportCommand,
    },
    /// Daten ausgeben: Tabellen als CSV/XLSX/JSON, Kalender als iCalendar, das Protokoll als JSONL.
    Export {
        #[command(subcommand)]
        command: export::ExportCommand,
    },
    /// Sichert Ereignisprotokoll, Schlüssel und Zugänge in ein neues Verzeichnis (auch im
    /// laufenden Betrieb).
    Backup(ops::Backup),
    /// Stellt eine Sicherung in ein leeres Datenverzeichnis wieder her.
    Restore(ops::Restore),
}

/// Runs one command line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Check(command) => command.run(),
        Command::Demo(command) => command.run().await,
        Command::Serve(command) => command.run().await,
        Command::User { command } => command.run().await,
        Command::Token { command } => command.run(),
        Command::Projections { command } => command.run().await,
        Command::Verify(command) => command.run().await,
        Command::Events { command } => command.run().await,
        Command::Migrate(command) => command.run().await,
        Command::Report { command } => command.run().await,
        Command::Import { command } => command.run().await,
        Command::Export { command } => command.run().await,
        Command::Backup(command) => command.run(),
        Command::Restore(command) => command.run().await,
    }
}
