//! Imports into an office: organization files planned by `wifo-exchange` against the
//! organizations the views know, then executed through the command handler; region and sector
//! hierarchies as one taxonomy command each. Used by `wifo import …` and by the upload in the
//! admin pages, so both report the same outcome for the same file.

pub mod upload;

use std::sync::Arc;

use futures::StreamExt;
use wifo_domain::{
    organization::{Organization, OrganizationError, RegisterOrganization},
    taxonomy::Taxonomy,
};
use wifo_exchange::{
    hierarchy::HierarchyPlan,
    mapping::MappingSpec,
    organizations::{ImportPlan, KnownOrganizations, Outcome},
    table::{Header, Table, read_table},
};
use wifo_projections::Views;
use wifo_store::{CommandContext, CommandError, CommandHandler, Position};

/// How many commands of an import are in flight at once; the store's group commit turns them
/// into few transactions.
const CONCURRENCY: usize = 64;

/// What an import file is planned against, taken from the views in one short read: the
/// organizations as the duplicate rules see them (live ones and those merged away, so a
/// re-import of a merged duplicate does not bring it back). Region and sector codes are checked
/// for their form only, not against the office's taxonomies: the demo office (Pankow's regions,
/// the sectors it uses) must take the Berlin-wide IHK sample, and an office's lists may lag
/// behind the register it imports.
#[derive(Debug, Default)]
pub struct ImportBase {
    pub organizations: KnownOrganizations,
}

pub fn import_base(views: &Views) -> ImportBase {
    let mut organizations = KnownOrganizations::default();
    for (id, record) in &views.organizations {
        let (Some(name), Some(keys)) = (&record.state.name, crate::duplicates::keys_of(record))
        else {
            continue;
        };
        organizations.insert(*id, name.as_str(), &keys);
    }
    ImportBase { organizations }
}

/// Reads an organization file and plans it against what the office knows (see `import_base`;
/// taken by value, so planning a large file holds no lock on the views).
pub fn plan_organizations(
    bytes: &[u8],
    mapping: Option<&str>,
    base: ImportBase,
) -> crate::error::Result<(Table, ImportPlan)> {
    let table = read_table(bytes, Header::Present)?;
    let spec = match mapping {
        Some(text) => MappingSpec::from_toml(text)?,
        None => MappingSpec::detect(&table)?,
    };
    let mapping = spec.resolve(&table)?;
    let plan = wifo_exchange::organizations::plan(&table, &mapping, base.organizations);
    Ok((table, plan))
}

/// The invalid rows with the original header and cells and a last column `Fehler`, as CSV for
/// German Excel (`;`, UTF-8 with BOM): the error file of `--skip-invalid` and of the upload,
/// which imports again as it is once corrected.
pub fn error_file(
    table: &Table,
    plan: &ImportPlan,
) -> Result<Vec<u8>, wifo_exchange::export::csv::CsvError> {
    let mut bytes = Vec::new();
    wifo_exchange::export::csv::write_rows(
        &mut bytes,
        table.header.iter().map(String::as_str).chain(["Fehler"]),
        plan.rows
            .iter()
            .zip(&table.rows)
            .filter(|(planned, _)| matches!(planned.outcome, Outcome::Invalid { .. }))
            .map(|(planned, row)| {
                let mut cells = row.cells.clone();
                cells.resize(table.header.len(), String::new());
                cells.push(planned.describe());
                cells
            }),
    )?;
    Ok(bytes)
}

/// `betriebe.csv` → `betriebe.fehler.csv`.
pub fn error_file_path(file: &std::path::Path) -> std::path::PathBuf {
    let stem = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import".to_owned());
    file.with_file_name(format!("{stem}.fehler.csv"))
}

/// What an executed import wrote.
#[derive(Debug, Default)]
pub struct Written {
    pub organizations: usize,
    /// Rows that another writer registered between planning and writing.
    pub already_registered: usize,
    pub last_position: Position,
}

/// Executes the plan's new organizations, `CONCURRENCY` at a time, calling `progress` after
/// each. Stops at the first store failure (what was written stays written; a re-run finds it as
/// duplicates).
pub async fn execute_organizations(
    handler: &CommandHandler,
    plan: &ImportPlan,
    context: &CommandContext,
    progress: impl Fn(usize),
) -> crate::error::Result<Written> {
    let commands: Vec<RegisterOrganization> = plan.commands().cloned().collect();
    let handler = Arc::new(handler.clone());
    let mut results = futures::stream::iter(commands.into_iter().map(|command| {
        let handler = handler.clone();
        let context = context.clone();
        async move {
            handler
                .execute::<Organization>(
                    &wifo_domain::organization::OrganizationCommand::Register(command),
                    &context,
                    None,
                )
                .await
        }
    }))
    .buffer_unordered(CONCURRENCY);
    let mut written = Written::default();
    while let Some(result) = results.next().await {
        match result {
            Ok(outcome) => {
                written.organizations += 1;
                written.last_position = written.last_position.max(outcome.position);
            }
            Err(CommandError::Rejected(OrganizationError::AlreadyRegistered)) => {
                written.already_registered += 1;
            }
            Err(error) => {
                return Err(crate::error::AppError::refused(format!(
                    "Schreiben abgebrochen: {error}"
                )));
            }
        }
        progress(written.organizations + written.already_registered);
    }
    Ok(written)
}

/// Executes a region or sector hierarchy: one command, one event.
pub async fn execute_hierarchy(
    handler: &CommandHandler,
    plan: &HierarchyPlan,
    context: &CommandContext,
) -> crate::error::Result<Position> {
    let command = wifo_domain::taxonomy::TaxonomyCommand::Define(plan.command.clone());
    let outcome = handler
        .execute::<Taxonomy>(&command, context, None)
        .await
        .map_err(|error| crate::error::AppError::refused(format!("{error}")))?;
    Ok(outcome.position)
}

/// Plans the import of region outlines for the office's regions (`wifo import geometry`): loads
/// the regions stream, so the plan knows which codes the office has.
pub async fn plan_outlines(
    handler: &CommandHandler,
    bytes: &[u8],
    source: &str,
) -> crate::error::Result<wifo_exchange::geometry::OutlinePlan> {
    let (state, _, _) = handler
        .load::<Taxonomy>(wifo_domain::taxonomy::TaxonomyKind::Regions.as_str())
        .await
        .map_err(|error| crate::error::AppError::refused(format!("{error}")))?;
    let known = state.entries.keys().cloned().collect();
    wifo_exchange::geometry::outlines(bytes, &known, source)
        .map_err(|error| crate::error::AppError::refused(error.to_string()))
}

/// Writes planned outlines: one command, at most one event.
pub async fn execute_outlines(
    handler: &CommandHandler,
    plan: &wifo_exchange::geometry::OutlinePlan,
    context: &CommandContext,
) -> crate::error::Result<Position> {
    let command = wifo_domain::taxonomy::TaxonomyCommand::DrawOutlines(plan.command.clone());
    let outcome = handler
        .execute::<Taxonomy>(&command, context, None)
        .await
        .map_err(|error| crate::error::AppError::refused(format!("{error}")))?;
    Ok(outcome.position)
}
