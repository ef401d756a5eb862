//! Region portraits: per region and year the business stock (by WZ section and size class, as
//! the businesses were on the period's last day), businesses registered and closed, visits,
//! contacts, inquiries (by topic), coverage over 12, 24 and 36 months, visits whose follow-ups
//! are still open, gatherings with businesses from the region and the findings of the latest
//! visits — each beside the year before. One region's headline figures (`RegionFigures`) are the
//! row the overview of all regions of a level shows, computed by the same function; every other
//! figure is the Klausur report's own, restricted to the region (`ReportRequest::region`).

use polars::prelude::*;
use serde::Serialize;
use wifo_domain::values::{RegionCode, RegionLevel};

use crate::frames::Frames;
pub use crate::model::RegionFigures;
use crate::model::{Coverage, FindingFollowUp, GatheringFigures, KeyedCount, Period};
use crate::stats::{
    Labels, contacts::logged_contacts, count_by, count_rows, inquiries::received_inquiries,
    keyed_counts, visits::conducted_visits, visits::coverage_figure, visits::size_order,
};
use crate::{AnalyticsError, ReportRequest, build_report_from, context};

/// Every region of one level with its headline figures.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct RegionOverview {
    pub title: String,
    pub period: Period,
    pub previous_period: Period,
    /// `Bezirksregion`, `Prognoseraum` …
    pub level: String,
    pub regions: Vec<RegionFigures>,
}

/// The portrait of one region and year.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct RegionPortrait {
    pub title: String,
    pub period: Period,
    pub previous_period: Period,
    pub level: String,
    pub figures: RegionFigures,
    /// Businesses on the period's last day per WZ 2008 section.
    pub businesses_per_section: Vec<KeyedCount>,
    /// … per size class.
    pub businesses_per_size_class: Vec<KeyedCount>,
    /// Inquiries received per topic.
    pub inquiries_per_topic: Vec<KeyedCount>,
    /// Coverage over 12, 24 and 36 months.
    pub coverage: Vec<Coverage>,
    /// Businesses whose latest visit found a relocation risk or an expansion need.
    pub findings: Vec<FindingFollowUp>,
    /// Gatherings attended by businesses from the region (a gathering has no region of its
    /// own), with their attendance from the region.
    pub gatherings: GatheringFigures,
    /// The regions one level below, each with its headline figures (none for a Planungsraum).
    pub parts: Vec<RegionFigures>,
}

/// The regions of `level` the office has defined (retired ones too: their history counts).
pub fn regions_of_level(labels: &Labels, level: RegionLevel) -> Vec<String> {
    let mut codes: Vec<String> = labels
        .regions
        .keys()
        .filter(|code| code.len() == level.code_length())
        .cloned()
        .collect();
    codes.sort();
    codes
}

/// The headline figures of every region of `level` within the request's region (all of them
/// without one), in the request's periods.
pub fn region_lines(
    frames: &Frames,
    labels: &Labels,
    request: &ReportRequest,
    level: RegionLevel,
) -> Result<Vec<RegionFigures>, AnalyticsError> {
    let within = request.region.as_ref().map(ToString::to_string);
    regions_of_level(labels, level)
        .iter()
        .filter(|code| {
            within
                .as_ref()
                .is_none_or(|region| code.starts_with(region.as_str()))
        })
        .map(|code| figures(frames, labels, request, code))
        .collect()
}

/// The overview of `level` in the request's periods (`ReportRequest::of_year`).
pub fn overview(
    frames: &Frames,
    labels: &Labels,
    request: &ReportRequest,
    level: RegionLevel,
) -> Result<RegionOverview, AnalyticsError> {
    let regions = region_lines(frames, labels, request, level)?;
    let base = context(frames, labels, None, request)?;
    Ok(RegionOverview {
        title: format!("Regionen im Überblick: {}", level.plural()),
        period: base.period,
        previous_period: base.previous,
        level: level.label().to_owned(),
        regions,
    })
}

/// The portrait of `region` in the request's periods (`ReportRequest::of_year`).
pub fn portrait(
    frames: &Frames,
    labels: &Labels,
    request: &ReportRequest,
    region: &RegionCode,
) -> Result<RegionPortrait, AnalyticsError> {
    let mut request = request.clone();
    request.region = Some(region.clone());
    let code = region.as_str();
    let head = figures(frames, labels, &request, code)?;
    let report = build_report_from(frames, labels, None, &request, &mut |_, _| {})?;
    let context = context(frames, labels, None, &request)?;
    let stock = context.stacked(
        context.scoped(
            frames.business_stock.clone().lazy(),
            None,
            Some("region"),
            false,
        ),
        "day",
    )?;
    let businesses_per_section =
        keyed_counts(&count_by(stock.clone(), col("section"))?, |section| {
            Labels::of(&labels.sectors, section)
        })?;
    let mut businesses_per_size_class =
        keyed_counts(&count_by(stock, col("size_class"))?, str::to_owned)?;
    businesses_per_size_class.sort_by_key(|line| size_order(&line.key));
    let level = region.level();
    let parts = match level.below() {
        Some(below) => region_lines(frames, labels, &request, below)?,
        None => Vec::new(),
    };
    Ok(RegionPortrait {
        title: format!("Regionsporträt {} {}", level.label(), head.name),
        period: report.period,
        previous_period: report.previous_period,
        level: level.label().to_owned(),
        businesses_per_section,
        businesses_per_size_class,
        inquiries_per_topic: report.inquiries.per_topic,
        coverage: report.visits.coverage,
        findings: report.visits.findings,
        gatherings: report.gatherings.total,
        figures: head,
        parts,
    })
}

/// The headline figures of region `code` in the periods of `request`.
fn figures(
    frames: &Frames,
    labels: &Labels,
    request: &ReportRequest,
    code: &str,
) -> Result<RegionFigures, AnalyticsError> {
    let mut request = request.clone();
    request.region = RegionCode::parse(code).ok();
    let context = context(frames, labels, None, &request)?;
    let dated = |frame: LazyFrame| context.stacked(frame, "day");
    let changes = |change: &str| {
        context.scoped(
            frames
                .business_changes
                .clone()
                .lazy()
                .filter(col("change").eq(lit(change.to_owned()))),
            None,
            Some("region"),
            false,
        )
    };
    let visits = conducted_visits(&context);
    let stock = context.scoped(
        frames.business_stock.clone().lazy(),
        None,
        Some("region"),
        false,
    );
    Ok(RegionFigures {
        region: code.to_owned(),
        name: Labels::of(&labels.regions, code),
        businesses: count_rows(dated(stock)?)?,
        registered: count_rows(dated(changes("registered"))?)?,
        closed: count_rows(dated(changes("closed"))?)?,
        visits: count_rows(dated(visits.clone())?)?,
        contacts: count_rows(dated(logged_contacts(&context))?)?,
        inquiries: count_rows(dated(received_inquiries(&context))?)?,
        visits_with_open_follow_up: count_rows(dated(
            visits
                .clone()
                .filter(col("follow_ups_created").gt(col("follow_ups_completed"))),
        )?)?,
        coverage_12_months: coverage_figure(&context, &visits, 12, None)?,
    })
}
