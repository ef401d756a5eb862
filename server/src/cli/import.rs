//! `wifo import organizations|regions|sectors|geometry FILE`: reads the file, prints the plan row by row
//! (every row in a dry run; duplicates, notes and errors otherwise), and writes only when nothing
//! is wrong — or, with `--skip-invalid`, writes the valid rows and puts the invalid ones with
//! their reason into an error file that can be corrected and imported again.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use wifo_exchange::{
    hierarchy::HierarchyPlan,
    organizations::{ImportPlan, Outcome},
    table::{Header, Table, read_table},
};
use wifo_store::CommandContext;

use wifo_app::data_dir::DataDir;

use super::args::DataArg;

#[derive(Debug, clap::Subcommand)]
pub(super) enum ImportCommand {
    /// Organisationen aus CSV, XLSX oder ODS (IHK-Gewerbedaten, wifo-Export oder mit Zuordnungsdatei).
    Organizations(OrganizationImport),
    /// Regionen aus der LOR-Datei (Bezirk → Prognoseraum → Bezirksregion → Planungsraum).
    Regions(HierarchyImport),
    /// Branchen aus der WZ-2008-Liste (tabulatorgetrennt, ohne Kopfzeile).
    Sectors(HierarchyImport),
    /// Umrisse der Regionen aus einer GeoJSON-Datei (Eigenschaft „id“ = Regionsschlüssel).
    Geometry(GeometryImport),
}

impl ImportCommand {
    pub(super) async fn run(self) -> anyhow::Result<()> {
        match self {
            ImportCommand::Organizations(options) => organizations(options).await,
            ImportCommand::Regions(options) => {
                hierarchy(&options.data.path, &options.file, true, options.dry_run).await
            }
            ImportCommand::Sectors(options) => {
                hierarchy(&options.data.path, &options.file, false, options.dry_run).await
            }
            ImportCommand::Geometry(options) => geometry(options).await,
        }
    }
}

/// Options of `wifo import organizations`.
#[derive(Debug, clap::Args)]
pub(super) struct OrganizationImport {
    #[command(flatten)]
    data: DataArg,
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
}

/// Options of `wifo import regions|sectors`.
#[derive(Debug, clap::Args)]
pub(super) struct HierarchyImport {
    #[command(flatten)]
    data: DataArg,
    file: PathBuf,
    /// Nur prüfen, nichts schreiben.
    #[arg(long)]
    dry_run: bool,
}

/// Options of `wifo import geometry`.
#[derive(Debug, clap::Args)]
pub(super) struct GeometryImport {
    #[command(flatten)]
    data: DataArg,
    file: PathBuf,
    /// Quellenangabe, die jede Karte aus diesen Umrissen nennt (Urheber und Lizenz).
    #[arg(long)]
    quelle: String,
    /// Nur prüfen, nichts schreiben.
    #[arg(long)]
    dry_run: bool,
}

/// `wifo import geometry FILE --quelle TEXT`.
async fn geometry(options: GeometryImport) -> anyhow::Result<()> {
    let bytes = read_file(&options.file)?;
    let data = DataDir::open(&options.data.path)?;
    let result = geometry_in(&data, &options, &bytes).await;
    data.store.close();
    result
}

async fn geometry_in(data: &DataDir, options: &GeometryImport, bytes: &[u8]) -> anyhow::Result<()> {
    let plan = wifo_app::import::plan_outlines(&data.handler, bytes, &options.quelle)
        .await
        .with_context(|| format!("{} kann nicht importiert werden", options.file.display()))?;
    for error in &plan.errors {
        println!("{error}");
    }
    for outline in &plan.command.outlines {
        println!("{}: {} Punkte", outline.code, outline.outline.points());
    }
    if !plan.outside.is_empty() {
        let listed: Vec<String> = plan
            .outside
            .iter()
            .map(|(code, name)| format!("{code} {name}").trim().to_owned())
            .collect();
        println!(
            "{} Umrisse nicht übernommen, weil das Amt diese Regionen nicht führt: {}",
            plan.outside.len(),
            listed.join(", ")
        );
    }
    if !plan.errors.is_empty() {
        anyhow::bail!(
            "Nichts geschrieben: {} Umrisse sind fehlerhaft.",
            plan.errors.len()
        );
    }
    if plan.command.outlines.is_empty() {
        anyhow::bail!("Nichts geschrieben: kein Umriss gehört zu einer Region des Amts.");
    }
    if options.dry_run {
        println!("Probelauf: nichts geschrieben.");
        return Ok(());
    }
    wifo_app::import::execute_outlines(&data.handler, &plan, &CommandContext::now("import"))
        .await?;
    println!("{} Umrisse übernommen.", plan.command.outlines.len());
    Ok(())
}

async fn organizations(options: OrganizationImport) -> anyhow::Result<()> {
    let started = Instant::now();
    let bytes = read_file(&options.file)?;
    let mapping = options
        .mapping
        .as_ref()
        .map(|path| {
            std::fs::read_to_string(path)
                .with_context(|| format!("Zuordnungsdatei {} nicht lesbar", path.display()))
        })
        .transpose()?;
    let data = DataDir::open(&options.data.path)?;
    let result = organizations_in(&data, &options, &bytes, mapping.as_deref(), started).await;
    data.store.close();
    result
}

async fn organizations_in(
    data: &DataDir,
    options: &OrganizationImport,
    bytes: &[u8],
    mapping: Option<&str>,
    started: Instant,
) -> anyhow::Result<()> {
    let projections = wifo_app::views::start(data).await?;
    let (table, plan) = {
        let views = projections.read();
        wifo_app::import::plan_organizations(bytes, mapping, wifo_app::import::import_base(&views))
            .with_context(|| format!("{} kann nicht importiert werden", options.file.display()))?
    };
    print_plan(&plan, options.dry_run)?;
    let errors = plan.error_count();
    if options.dry_run {
        println!("Probelauf: nichts geschrieben.");
        return Ok(());
    }
    if errors > 0 && !options.skip_invalid {
        let first = plan
            .rows
            .iter()
            .find(|row| matches!(row.outcome, Outcome::Invalid { .. }))
            .map(|row| format!(" (zuerst Zeile {}: {})", row.line, row.describe()))
            .unwrap_or_default();
        anyhow::bail!(
            "Nichts geschrieben: {}{first}. Datei korrigieren oder mit --skip-invalid nur die \
             gültigen Zeilen importieren.",
            faulty_rows(errors)
        );
    }
    if errors > 0 {
        let path = wifo_app::import::error_file_path(&options.file);
        write_error_file(&path, &table, &plan)?;
        println!(
            "{errors} fehlerhafte Zeilen mit Begründung in {} geschrieben; nach der Korrektur \
             erneut importieren.",
            path.display()
        );
    }
    let bar = progress_bar(plan.new_count() as u64, "Organisationen anlegen");
    let context = CommandContext::now("import");
    let written = wifo_app::import::execute_organizations(&data.handler, &plan, &context, |done| {
        bar.set_position(done as u64)
    })
    .await?;
    bar.finish_and_clear();
    projections
        .wait_for(written.last_position, std::time::Duration::from_secs(30))
        .await;
    projections.save_snapshot()?;
    println!(
        "{} Organisationen angelegt ({} waren inzwischen schon angelegt) in {:.1} s.",
        written.organizations,
        written.already_registered,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `wifo import regions FILE` and `wifo import sectors FILE`.
async fn hierarchy(data: &Path, file: &Path, regions: bool, dry_run: bool) -> anyhow::Result<()> {
    let bytes = read_file(file)?;
    let header = if regions {
        Header::Present
    } else {
        Header::Absent
    };
    let table = read_table(&bytes, header)
        .with_context(|| format!("{} kann nicht importiert werden", file.display()))?;
    let plan = if regions {
        wifo_exchange::hierarchy::regions(&table)
    } else {
        wifo_exchange::hierarchy::sectors(&table)
    }
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    print_hierarchy(&plan);
    if !plan.errors.is_empty() {
        anyhow::bail!("Nichts geschrieben: {}.", faulty_rows(plan.errors.len()));
    }
    if dry_run {
        println!("Probelauf: nichts geschrieben.");
        return Ok(());
    }
    let data = DataDir::open(data)?;
    let written =
        wifo_app::import::execute_hierarchy(&data.handler, &plan, &CommandContext::now("import"))
            .await;
    data.store.close();
    written?;
    println!("{} Einträge übernommen.", plan.command.entries.len());
    Ok(())
}

/// „1 Zeile ist fehlerhaft“, „3 Zeilen sind fehlerhaft“.
fn faulty_rows(count: usize) -> String {
    if count == 1 {
        "1 Zeile ist fehlerhaft".to_owned()
    } else {
        format!("{count} Zeilen sind fehlerhaft")
    }
}

fn read_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("Datei {} nicht lesbar", path.display()))
}

fn print_hierarchy(plan: &HierarchyPlan) {
    for note in &plan.notes {
        println!("Hinweis: {note}");
    }
    for error in &plan.errors {
        println!("Fehler: {error}");
    }
    let levels: Vec<String> = plan
        .per_level
        .iter()
        .map(|(level, count)| format!("{count} {level}"))
        .collect();
    println!("Gelesen: {}", levels.join(", "));
}

fn print_plan(plan: &ImportPlan, every_row: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    writeln!(out, "Format: {}; Zuordnung: {}", plan.format, plan.mapping)?;
    if !plan.unmapped_columns.is_empty() {
        writeln!(
            out,
            "Nicht übernommene Spalten: {}",
            plan.unmapped_columns.join(", ")
        )?;
    }
    for row in &plan.rows {
        for note in &row.notes {
            writeln!(out, "Zeile {}: Hinweis: {note}", row.line)?;
        }
        let label = match row.outcome {
            Outcome::New { .. } if !every_row => continue,
            Outcome::New { .. } => "neu",
            Outcome::DuplicateOfExisting { .. } | Outcome::DuplicateOfRow { .. } => "Dublette",
            Outcome::Invalid { .. } => "Fehler",
        };
        writeln!(out, "Zeile {}: {label}: {}", row.line, row.describe())?;
    }
    writeln!(
        out,
        "Ergebnis: {} Zeilen – {} neu, {} Dubletten, {} fehlerhaft.",
        plan.rows.len(),
        plan.new_count(),
        plan.duplicate_count(),
        plan.error_count()
    )?;
    out.flush()?;
    Ok(())
}

/// Writes the error file of `--skip-invalid` (see `import::error_file`).
fn write_error_file(path: &Path, table: &Table, plan: &ImportPlan) -> anyhow::Result<()> {
    let bytes = wifo_app::import::error_file(table, plan)?;
    std::fs::write(path, bytes)
        .with_context(|| format!("Fehlerdatei {} nicht schreibbar", path.display()))
}

fn progress_bar(length: u64, message: &'static str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(length);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {wide_bar} {pos}/{len} ({per_sec}, noch {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(message);
    bar
}
