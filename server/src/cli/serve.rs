//! `wifo serve` and `wifo demo`: their arguments, turned into the server's options and the demo
//! generator's.

use std::net::SocketAddr;
use wifo_app::privacy::retention::RetentionPeriods;

use chrono::NaiveDate;
use wifo_demo::DemoOptions;

use super::args::{DataArg, StoreArg};
use crate::listener::ConnectionLimits;
use crate::state::HttpConfig;

#[derive(Debug, clap::Args)]
pub(super) struct Serve {
    #[command(flatten)]
    data: DataArg,
    #[command(flatten)]
    store: StoreArg,
    /// Adresse und Port, an denen der Server lauscht.
    #[arg(long, env = "WIFO_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Ein leeres Datenverzeichnis zuerst mit dem Demo-Amt füllen.
    #[arg(long)]
    demo: bool,
    /// Anzahl der Unternehmen des Demo-Amts (mit --demo).
    #[arg(long, default_value_t = 1500)]
    demo_orgs: usize,
    /// Erstantwort-Ziel für Anliegen in Berliner Arbeitstagen.
    #[arg(long, env = "WIFO_ERSTANTWORT_ARBEITSTAGE", default_value_t = wifo_projections::queries::work::DEFAULT_FIRST_RESPONSE_WORKING_DAYS)]
    first_response_working_days: u32,
    /// Cookies nur über HTTPS senden (hinter einem TLS-Proxy einschalten).
    #[arg(long, env = "WIFO_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Höchstzahl gleichzeitig offener Verbindungen; weitere warten, bis eine frei wird.
    #[arg(long, env = "WIFO_MAX_VERBINDUNGEN", default_value_t = ConnectionLimits::default().max_connections)]
    max_connections: usize,
    /// Sekunden, in denen ein Client den Kopf seiner Anfrage senden muss; so lange darf eine
    /// Verbindung auch zwischen zwei Anfragen ruhen.
    #[arg(long, env = "WIFO_KOPF_TIMEOUT", default_value_t = ConnectionLimits::default().header_timeout.as_secs())]
    header_timeout: u64,
    /// Monate ohne Kontakt, nach denen eine Ansprechperson zur Löschung fällig ist.
    #[arg(long, env = "WIFO_FRIST_KONTAKT_MONATE", default_value_t = RetentionPeriods::default().persons_without_contact_months, value_parser = clap::value_parser!(u32).range(1..=600))]
    frist_kontakt_monate: u32,
    /// Monate nach dem Widerruf aller Einwilligungen, nach denen eine Person fällig ist.
    #[arg(long, env = "WIFO_FRIST_WIDERRUF_MONATE", default_value_t = RetentionPeriods::default().withdrawn_consent_months, value_parser = clap::value_parser!(u32).range(1..=600))]
    frist_widerruf_monate: u32,
    /// Monate, die das Zugriffsprotokoll Einträge aufbewahrt.
    #[arg(long, env = "WIFO_FRIST_ZUGRIFFSPROTOKOLL_MONATE", default_value_t = RetentionPeriods::default().access_log_months, value_parser = clap::value_parser!(u32).range(1..=600))]
    frist_zugriffsprotokoll_monate: u32,
    /// Monate nach dem Abschluss eines Anliegens aus dem Online-Formular, nach denen die
    /// Absenderdaten zur Löschung fällig sind.
    #[arg(long, env = "WIFO_FRIST_ANFRAGE_MONATE", default_value_t = RetentionPeriods::default().closed_inquiries_months, value_parser = clap::value_parser!(u32).range(1..=600))]
    frist_anfrage_monate: u32,
}

impl Serve {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        let today = chrono::Local::now().date_naive();
        let options = crate::serve::ServeOptions {
            data: self.data.path,
            store: self.store.url,
            listen: self.listen,
            demo: self.demo.then_some(DemoOptions {
                seed: 42,
                organizations: self.demo_orgs,
                years: 3,
                today,
            }),
            config: HttpConfig {
                first_response_working_days: self.first_response_working_days,
                secure_cookies: self.secure_cookies,
                retention: RetentionPeriods {
                    persons_without_contact_months: self.frist_kontakt_monate,
                    withdrawn_consent_months: self.frist_widerruf_monate,
                    access_log_months: self.frist_zugriffsprotokoll_monate,
                    closed_inquiries_months: self.frist_anfrage_monate,
                },
                ..HttpConfig::default()
            },
            limits: ConnectionLimits {
                max_connections: self.max_connections.max(1),
                header_timeout: std::time::Duration::from_secs(self.header_timeout.max(1)),
                ..ConnectionLimits::default()
            },
        };
        crate::serve::run(options).await
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct Demo {
    #[command(flatten)]
    data: DataArg,
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
}

impl Demo {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        let today = self
            .stichtag
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let options = DemoOptions {
            seed: self.seed,
            organizations: self.orgs,
            years: self.years,
            today,
        };
        wifo_demo::run(&self.data.path, &options).await
    }
}
