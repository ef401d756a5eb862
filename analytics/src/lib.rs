//! Klausur statistics and leadership reports: the fact tables projection becomes polars
//! frames (`frames.rs`, columns built in `columns.rs`), every figure is a polars expression over
//! them (`stats/`), the figures form a typed report (`model.rs`) with agenda proposals
//! (`agenda.rs`), and the report is written as HTML, JSON, CSV, XLSX or Parquet (`output/`;
//! CSV and XLSX through the writers of `wifo_exchange::export`), the HTML and XLSX opening with
//! a summary of the key figures (`summary.rs`) and the proposals.

pub mod agenda;
mod business_frames;
mod columns;
pub mod dashboard;
pub mod frames;
pub mod key_figures;
pub mod model;
pub mod output;
pub mod portrait;
pub mod stats;
pub mod summary;
pub mod tables;

use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;
use wifo_domain::{
    german, ids::OrganizationId, organization::OrganizationKind, values::RegionCode,
};
use wifo_projections::FactTables;

pub use dashboard::{Dashboard, DashboardCache};
pub use frames::Frames;
pub use key_figures::{KeyFigures, key_figures};
pub use model::{Report, ReportKind};
pub use stats::{Labels, ReportOptions};

use crate::frames::key;
use crate::model::{Period, ReportFilter};
use crate::stats::Context;

#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    #[error("Auswertung fehlgeschlagen: {0}")]
    Polars(#[from] PolarsError),
    #[error("Datei {path} konnte nicht geschrieben werden: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Csv(#[from] wifo_exchange::export::csv::CsvError),
    #[error(transparent)]
    Xlsx(#[from] wifo_exchange::export::xlsx::XlsxError),
    #[error("ZIP-Archiv konnte nicht erzeugt werden: {0}")]
    Zip(#[from] ::zip::result::ZipError),
    #[error("JSON konnte nicht erzeugt werden: {0}")]
    Json(#[from] serde_json::Error),
    #[error("Die Partnerorganisation {0} ist nicht bekannt")]
    UnknownPartner(String),
    #[error("Der Zeitraum ist ungültig: {0}")]
    InvalidPeriod(String),
}

/// What report to compute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRequest {
    pub kind: ReportKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub partner: Option<OrganizationId>,
    pub region: Option<RegionCode>,
    pub options: ReportOptions,
}

impl ReportRequest {
    /// The Klausur statistics of a calendar year.
    pub fn klausur(year: i32) -> Result<Self, AnalyticsError> {
        let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(AnalyticsError::InvalidPeriod(format!("Jahr {year}")));
        };
        Ok(Self {
            kind: ReportKind::Klausur,
            from,
            to,
            partner: None,
            region: None,
            options: ReportOptions::default(),
        })
    }

    /// The figures of a year as every page that picks a year shows them (the lead's dashboard,
    /// the region portraits): a past year whole, the running year from 1 January up to
    /// `today` — each against the same days a year earlier.
    pub fn of_year(year: i32, today: NaiveDate) -> Result<Self, AnalyticsError> {
        let (Some(from), Some(end_of_year)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Err(AnalyticsError::InvalidPeriod(format!("Jahr {year}")));
        };
        let to = if year == today.year() {
            today
        } else {
            end_of_year
        };
        Self::leadership(from, to)
    }

    /// The interim report to the district council for any period.
    pub fn leadership(from: NaiveDate, to: NaiveDate) -> Result<Self, AnalyticsError> {
        if to < from {
            return Err(AnalyticsError::InvalidPeriod(format!(
                "{} liegt vor {}",
                german::date(to),
                german::date(from)
            )));
        }
        Ok(Self {
            kind: ReportKind::Leadership,
            from,
            to,
            partner: None,
            region: None,
            options: ReportOptions::default(),
        })
    }
}

/// Computes a report from the fact tables. `progress` hears the name and duration of each step.
pub fn build_report(
    facts: &FactTables,
    request: &ReportRequest,
    progress: &mut dyn FnMut(&str, Duration),
) -> Result<Report, AnalyticsError> {
    let started = Instant::now();
    let frames = Frames::for_report(facts, request.from, request.to)?;
    progress("Faktentabellen", started.elapsed());
    let labels = labels(facts);
    let partner = resolve_partner(facts, request)?;
    build_report_from(&frames, &labels, partner, request, progress)
}

/// The key of the partner organization a request names (following merges to the survivor).
pub fn resolve_partner(
    facts: &FactTables,
    request: &ReportRequest,
) -> Result<Option<u64>, AnalyticsError> {
    match request.partner.map(|p| (p, key(p.as_uuid()))) {
        Some((_, partner)) if facts.organizations.contains_key(&partner) => {
            Ok(Some(facts.resolve(partner)))
        }
        Some((partner, _)) => Err(AnalyticsError::UnknownPartner(partner.to_string())),
        None => Ok(None),
    }
}

/// German labels of the taxonomies and partner organizations.
pub fn labels(facts: &FactTables) -> Labels {
    Labels {
        topics: facts.labels("topics"),
        offices: facts.labels("offices"),
        regions: facts.labels("regions"),
        sectors: facts.labels("sectors"),
        staff: facts
            .staff
            .iter()
            .map(|(login, name)| (login.clone(), name.clone()))
            .collect(),
        partners: facts
            .organizations
            .iter()
            .filter(|(_, record)| !record.state.kind.is_none_or(OrganizationKind::is_business))
            .filter_map(|(id, record)| {
                record
                    .state
                    .name
                    .as_ref()
                    .map(|name| (*id, name.to_string()))
            })
            .collect(),
    }
}

/// Computes a report from frames, labels and partner taken from the fact tables before, so a
/// server can let go of its views while the statistics are computed (and the benchmark can
/// time the steps separately).
pub fn build_report_from(
    frames: &Frames,
    labels: &Labels,
    partner: Option<u64>,
    request: &ReportRequest,
    progress: &mut dyn FnMut(&str, Duration),
) -> Result<Report, AnalyticsError> {
    let context = context(frames, labels, partner, request)?;
    let (period, previous) = (context.period, context.previous);
    let mut timed = |name: &str, started: Instant| progress(name, started.elapsed());

    let started = Instant::now();
    let visits = stats::visits::visit_statistics(&context)?;
    timed("Besuche", started);
    let started = Instant::now();
    let contacts = stats::contacts::contact_statistics(&context)?;
    timed("Kontakte", started);
    let started = Instant::now();
    let topics = stats::topics::topic_statistics(&context)?;
    timed("Themen", started);
    let started = Instant::now();
    let inquiries = stats::inquiries::inquiry_statistics(&context)?;
    timed("Anliegen", started);
    let started = Instant::now();
    let cooperations = stats::cooperations::cooperation_statistics(&context)?;
    timed("Kooperationen", started);
    let started = Instant::now();
    let gatherings = stats::gatherings::gathering_statistics(&context)?;
    timed("Veranstaltungen", started);
    let started = Instant::now();
    let agenda = agenda::agenda(&context, &visits, &topics, &inquiries, &cooperations)?;
    timed("Themenvorschläge", started);
    let started = Instant::now();
    let regions = match partner {
        Some(_) => Vec::new(),
        None => portrait::region_lines(
            frames,
            labels,
            request,
            wifo_domain::values::RegionLevel::Bezirksregion,
        )?,
    };
    timed("Bezirksregionen", started);

    let title = match request.kind {
        ReportKind::Klausur => format!("Klausur-Statistik {}", request.from.format("%Y")),
        ReportKind::Leadership => format!(
            "Zwischenbericht {} – {}",
            german::date(request.from),
            german::date(request.to)
        ),
    };
    Ok(Report {
        kind: request.kind,
        title,
        period,
        previous_period: previous,
        filter: ReportFilter {
            partner: request.partner.map(|p| p.to_string()),
            region: request.region.as_ref().map(ToString::to_string),
            coverage_min_employees: request.options.coverage_min_employees,
        },
        visits,
        contacts,
        topics,
        inquiries,
        cooperations,
        gatherings,
        agenda,
        regions,
    })
}

/// What every statistic reads for `request`: the period and the same days a year earlier, the
/// partner with its members, the region and the targets.
pub(crate) fn context<'a>(
    frames: &'a Frames,
    labels: &'a Labels,
    partner: Option<u64>,
    request: &ReportRequest,
) -> Result<Context<'a>, AnalyticsError> {
    let year_before = |date: NaiveDate| {
        date.checked_sub_months(chrono::Months::new(12))
            .unwrap_or(date)
    };
    let period = Period {
        from: request.from,
        to: request.to,
    };
    let previous = Period {
        from: year_before(request.from),
        to: year_before(request.to),
    };
    let partner_organizations = match partner {
        Some(partner) => Some(
            concat(
                [
                    frames
                        .memberships
                        .clone()
                        .lazy()
                        .filter(col("association").eq(stats::key_literal(partner)))
                        .select([col("organization")]),
                    df!("organization" => [partner])?.lazy(),
                ],
                UnionArgs::default(),
            )?
            .unique(None, UniqueKeepStrategy::Any)
            .collect()?,
        ),
        None => None,
    };
    Ok(Context {
        frames,
        labels,
        period,
        previous,
        options: request.options.clone(),
        partner,
        partner_organizations,
        region: request.region.as_ref().map(ToString::to_string),
        labels_with_year: request.kind == ReportKind::Leadership,
    })
}
