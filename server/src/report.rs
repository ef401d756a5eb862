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
use wifo_store::EventStore;

use crate::{data_dir::DataDir, serve::SNAPSHOT_FILE};

/// Options shared by both reports.
#[derive(Debug, Clone)]
pub struct ReportArgs {
    pub data: PathBuf,
    pub partner: Option<String>,
    pub region: Option<String>,
    pub format: String,
    pub out: PathBuf,
    pub min_employees: Option<u32>,
    pub first_response_days: u32,
    pub close_days: u32,
}

/// Reads `21.11.2026` or `2026-11-21` (for clap).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    wifo_domain::german::parse_date(text).ok_or_else(|| {
        format!("„{text}“ ist kein Datum; bitte TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 21.11.2026")
    })
}

/// `wifo report klausur`.
pub async fn klausur(year: i32, args: ReportArgs) -> anyhow::Result<()> {
    let request = ReportRequest::klausur(year)?;
    run(request, args).await
}

/// `wifo report leadership`.
pub async fn leadership(from: NaiveDate, to: NaiveDate, args: ReportArgs) -> anyhow::Result<()> {
    let request = ReportRequest::leadership(from, to)?;
    run(request, args).await
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
    request.options.first_response_target_days = args.first_response_days;
    request.options.close_target_days = args.close_days;

    let facts = load_facts(&args.data).await?;
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

/// The fact tables as the server would have them: from the snapshot (the other views in it are
/// skipped), then the rest of the log, with a progress bar while replaying. Only the fact tables
/// are built, so a report needs a fraction of the server's memory.
pub async fn load_facts(data: &Path) -> anyhow::Result<FactTables> {
    let data = DataDir::open_existing(data)?;
    let head = data.store.head().await?;
    let mut facts =
        wifo_projections::snapshot::load_facts(&data.path.join(SNAPSHOT_FILE)).unwrap_or_default();
    if facts.position > head {
        facts = FactTables::default();
    }
    let bar = indicatif::ProgressBar::new(head.0.saturating_sub(facts.position.0));
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {wide_bar} {pos}/{len} Ereignisse ({per_sec}, noch {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message("Faktentabellen laden");
    let start = facts.position;
    let mut applied = 0u64;
    wifo_projections::replay(
        data.store_shared(),
        &data.codec,
        start,
        |recorded, event| {
            facts.apply(recorded, &event);
            applied += 1;
            if applied.is_multiple_of(4096) {
                bar.set_position(recorded.position.0.saturating_sub(start.0));
            }
        },
    )
    .await?;
    bar.finish_and_clear();
    Ok(facts)
}
