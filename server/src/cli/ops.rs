//! The operations commands: `check`, `verify`, `events stats|tail`, `projections rebuild`,
//! `backup`, `restore` and `migrate`. Each opens the data directory through `wifo-app` and
//! prints what it found.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use wifo_app::data_dir::DataDir;

use super::args::{DataArg, StoreArg};

#[derive(Debug, clap::Args)]
pub(super) struct Check {
    #[command(flatten)]
    data: DataArg,
}

impl Check {
    pub(super) fn run(self) -> anyhow::Result<()> {
        DataDir::open(&self.data.path)?;
        println!(
            "Datenverzeichnis {} ist in Ordnung.",
            self.data.path.display()
        );
        Ok(())
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Verify {
    #[command(flatten)]
    data: DataArg,
    // With --store: the log in PostgreSQL (with the hash chain, as for a file) or on a
    // KurrentDB cluster (without it: the server checks its own chunk files).
    #[command(flatten)]
    store: StoreArg,
}

impl Verify {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        match self.store.url {
            Some(store) => wifo_app::verify::run_store(&store).await?,
            None => wifo_app::verify::run(&self.data.path)?,
        }
        Ok(())
    }
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum EventsCommand {
    /// Zählt Ereignisse, Streams und Ereignisse je Typ.
    Stats {
        #[command(flatten)]
        data: DataArg,
        /// Ausgabe als JSON statt als Tabelle.
        #[arg(long)]
        json: bool,
    },
    /// Zeigt die neuesten Ereignisse lesbar an.
    Tail {
        #[command(flatten)]
        data: DataArg,
        /// Anzahl der Ereignisse.
        #[arg(short = 'n', long = "anzahl", default_value_t = 20)]
        count: usize,
    },
}

impl EventsCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        match self {
            EventsCommand::Stats { data, json } => {
                let data = DataDir::open_existing(&data.path)?;
                let stats = wifo_app::events::stats(&data).await?;
                if json {
                    print_out(&format!("{}\n", serde_json::to_string_pretty(&stats)?))
                } else {
                    print_out(&wifo_app::events::stats_table(&stats))
                }
            }
            EventsCommand::Tail { data, count } => {
                let data = DataDir::open_existing(&data.path)?;
                let mut out = String::new();
                for entry in wifo_app::events::tail(&data, count).await? {
                    let _ = writeln!(out, "{}", wifo_app::events::format_tail_entry(&entry));
                }
                print_out(&out)
            }
        }
    }
}

/// Writes to stdout; a closed pipe (`wifo events tail | head`) is not an error.
fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

#[derive(Debug, clap::Subcommand)]
pub(super) enum ProjectionsCommand {
    /// Baut alle Ansichten aus dem Protokoll neu auf und schreibt den Snapshot.
    Rebuild {
        #[command(flatten)]
        data: DataArg,
    },
}

impl ProjectionsCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        let ProjectionsCommand::Rebuild { data } = self;
        let data = DataDir::open_existing(&data.path)?;
        let bar = super::progress::bar("Ansichten neu aufbauen", "Ereignisse");
        let started = Instant::now();
        let applied =
            wifo_app::views::rebuild(&data, |progress| super::progress::show(&bar, progress))
                .await?;
        bar.finish_and_clear();
        println!(
            "{applied} Ereignisse in {:.1} s angewendet; Snapshot {} geschrieben.",
            started.elapsed().as_secs_f64(),
            data.path.join(wifo_app::files::SNAPSHOT_FILE).display()
        );
        Ok(())
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Backup {
    #[command(flatten)]
    data: DataArg,
    /// Zielverzeichnis (neu oder leer).
    out: PathBuf,
}

impl Backup {
    pub(super) fn run(self) -> anyhow::Result<()> {
        let manifest = wifo_app::backup::backup(&self.data.path, &self.out)?;
        println!(
            "Sicherung in {}: {} Ereignisse bis Position {}, Hash-Kette {}…",
            self.out.display(),
            manifest.events,
            manifest.position,
            &manifest.last_hash[..16]
        );
        Ok(())
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Restore {
    /// Sicherungsverzeichnis (mit manifest.json).
    input: PathBuf,
    #[command(flatten)]
    data: DataArg,
    /// Löschungen (DSGVO Art. 17) aus diesem späteren Datenverzeichnis oder dieser späteren
    /// Sicherung erneut anwenden; mehrfach möglich.
    #[arg(long = "erasures-from", value_name = "VERZEICHNIS")]
    erasures_from: Vec<PathBuf>,
}

impl Restore {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        let data = &self.data.path;
        let restored = wifo_app::backup::restore(&self.input, data, &self.erasures_from).await?;
        println!(
            "Wiederhergestellt nach {}: {} Ereignisse bis Position {}; {} spätere Löschungen \
             erneut angewendet.",
            data.display(),
            restored.manifest.events,
            restored.manifest.position,
            restored.erasures_reapplied
        );
        if self.erasures_from.is_empty() {
            println!(
                "Hinweis: Löschungen nach dem Zeitpunkt der Sicherung sind nicht enthalten. \
                 Mit --erasures-from ALTES_DATENVERZEICHNIS erneut anwenden."
            );
        }
        Ok(wifo_app::verify::run(data)?)
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Migrate {
    /// Quelle: Datenverzeichnis, PostgreSQL-Adresse (postgres://host:5432/wifo?tenant=pankow) oder
    /// KurrentDB-Adresse (kurrentdb://host:2113?tls=false).
    #[arg(long, value_name = "VERZEICHNIS_ODER_URL")]
    from: String,
    /// Ziel: Datenverzeichnis, PostgreSQL- oder KurrentDB-Adresse; leer oder eine frühere
    /// Teilkopie.
    #[arg(long, value_name = "VERZEICHNIS_ODER_URL")]
    to: String,
    /// Höchstens so viele Ereignisse in diesem Lauf kopieren (z. B. je Wartungsfenster).
    #[arg(long, value_name = "ANZAHL")]
    max_events: Option<u64>,
}

impl Migrate {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        Ok(wifo_app::migrate::run(&self.from, &self.to, self.max_events).await?)
    }
}
