//! `wifo report klausur` and `wifo report leadership`: load the fact tables the way the server
//! does (snapshot, then the rest of the log), compute the report with `wifo-analytics` and write it
//! in the chosen format, with progress on the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use wifo_analytics::{
    ReportRequest,
    output::{Format, write},
};
use wifo_domain::{ids::OrganizationId, values::RegionCode};
use wifo_projections::FactTables;

use wifo_app::{data_dir::DataDir, views};

use super::args::{DataArg, parse_date};

#[derive(Debug, clap::Subcommand)]
pub(super) enum ReportCommand {
    /// Klausur-Statistik eines Kalenderjahres mit Vorjahresvergleich und Themenvorschlägen.
    Klausur {
        /// Berichtsjahr, z. B. 2025.
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        options: ReportArgs,
    },
    /// Zwischenbericht für die Bezirksverordnetenversammlung über einen beliebigen Zeitraum.
    Leadership {
        /// Erster Tag (21.11.2026 oder 2026-11-21).
        #[arg(long, value_parser = parse_date)]
        from: NaiveDate,
        /// Letzter Tag (21.11.2026 oder 2026-11-21).
        #[arg(long, value_parser = parse_date)]
        to: NaiveDate,
        #[command(flatten)]
        options: ReportArgs,
    },
}

impl ReportCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        match self {
            ReportCommand::Klausur { year, options } => {
                run(ReportRequest::klausur(year)?, options).await
            }
            ReportCommand::Leadership { from, to, options } => {
                run(ReportRequest::leadership(from, to)?, options).await
            }
        }
    }
}

/// Optionen, die beide Berichte haben.
#[derive(Debug, clap::Args)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    data: DataArg,
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
    /// Ziel für die Erstantwort auf Anliegen, in Berliner Arbeitstagen.
    #[arg(long, default_value_t = wifo_projections::queries::work::DEFAULT_FIRST_RESPONSE_WORKING_DAYS)]
    first_response_days: u32,
    /// Ziel für den Abschluss von Anliegen, in Kalendertagen.
    #[arg(long, default_value_t = 30)]
    close_days: u32,
}

async fn run(mut request: ReportRequest, args: ReportArgs) -> anyhow::Result<()> {
    let format = Format::parse(&args.format).with_context(|| {
        format!(
            "Unbekanntes Format „{}“: html, json, csv, xlsx oder parquet",
            args.format
        )
    })?;
    request.partner = args
        .partner
        .as_deref()
        .map(|text| {
            OrganizationId::parse(text)
                .map_err(|_| anyhow::anyhow!("„{text}“ ist keine gültige Organisations-ID"))
        })
        .transpose()?;
    request.region = args
        .region
        .as_deref()
        .map(RegionCode::parse)
        .transpose()
        .context("Ungültiger Regionsschlüssel")?;
    request.options.coverage_min_employees = args.min_employees;
    request.options.first_response_target_working_days = args.first_response_days;
    request.options.close_target_days = args.close_days;

    let facts = load_facts(&args.data.path).await?;
    let bar = indicatif::ProgressBar::new(9);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} Schritte")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("Bericht berechnen");
    let started = Instant::now();
    let mut steps: Vec<(String, Duration)> = Vec::new();
    // Parquet exports the whole fact tables; the other formats need only what the report reads.
    let frames = if format == Format::Parquet {
        wifo_analytics::Frames::from_facts(&facts)?
    } else {
        wifo_analytics::Frames::for_report(&facts, request.from, request.to)?
    };
    steps.push(("Faktentabellen".into(), started.elapsed()));
    bar.inc(1);
    let labels = wifo_analytics::labels(&facts);
    let partner = wifo_analytics::resolve_partner(&facts, &request)?;
    let report = wifo_analytics::build_report_from(
        &frames,
        &labels,
        partner,
        &request,
        &mut |step, took| {
            bar.set_message(step.to_owned());
            bar.inc(1);
            steps.push((step.to_owned(), took));
        },
    )?;
    bar.set_message("Ausgabe schreiben");
    write(&report, &frames, format, &args.out)
        .with_context(|| format!("Bericht nach {} schreiben", args.out.display()))?;
    bar.finish_and_clear();
    for (step, took) in &steps {
        println!("  {step:<20} {:>8.1} ms", took.as_secs_f64() * 1000.0);
    }
    println!(
        "{} in {:.1} s geschrieben: {}",
        report.title,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// The fact tables of the data directory at `path` (snapshot, then the rest of the log), with a
/// progress bar while replaying.
pub(super) async fn load_facts(path: &Path) -> anyhow::Result<FactTables> {
    let data = DataDir::open_existing(path)?;
    let bar = super::progress::bar("Faktentabellen laden", "Ereignisse");
    let facts = views::load_facts(&data, |progress| super::progress::show(&bar, progress)).await;
    bar.finish_and_clear();
    data.store.close();
    Ok(facts?)
}
