//! What every statistic group shares: the report's scope (periods, partner, region), German
//! labels for codes, and small helpers that stack the current and the previous period into one
//! frame so one polars group-by yields both columns.

pub mod contacts;
pub mod cooperations;
pub mod gatherings;
pub mod inquiries;
pub mod topics;
pub mod visits;

use std::collections::HashMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::frames::{Frames, day_number};
use crate::model::{Count, KeyedCount, Measure, Period};

/// Targets and options of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// Target for the first answer to an inquiry, in Berlin working days (the response time is
    /// `wifo_projections::queries::holidays::response_working_days`).
    pub first_response_target_working_days: u32,
    /// Target for closing an inquiry, in calendar days.
    pub close_target_days: u32,
    /// Coverage also for businesses with at least this many employees.
    pub coverage_min_employees: Option<u32>,
}

impl Default for ReportOptions {
    fn default() -> Self {
        Self {
            first_response_target_working_days:
                wifo_projections::queries::work::DEFAULT_FIRST_RESPONSE_WORKING_DAYS,
            close_target_days: 30,
            coverage_min_employees: None,
        }
    }
}

/// German names of codes (topics, offices, regions, sectors) and of partner organizations.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    pub topics: HashMap<String, String>,
    pub offices: HashMap<String, String>,
    pub regions: HashMap<String, String>,
    pub sectors: HashMap<String, String>,
    /// Organizations that can be partners (associations, chambers, public bodies) by key.
    pub partners: HashMap<u64, String>,
    /// Display names of staff by login.
    pub staff: HashMap<String, String>,
}

impl Labels {
    /// The label of a code, or the code itself.
    pub fn of(map: &HashMap<String, String>, code: &str) -> String {
        map.get(code).cloned().unwrap_or_else(|| code.to_owned())
    }
}

/// Everything a statistic group reads.
#[derive(Debug)]
pub struct Context<'a> {
    pub frames: &'a Frames,
    pub labels: &'a Labels,
    pub period: Period,
    pub previous: Period,
    pub options: ReportOptions,
    /// The partner organization's key, when the report is about one partner.
    pub partner: Option<u64>,
    /// `organization` keys of the partner and its members (with the partner filter).
    pub partner_organizations: Option<DataFrame>,
    /// Region code prefix.
    pub region: Option<String>,
    /// Klausur reports label months `Januar`; leadership reports `Januar 2026`.
    pub labels_with_year: bool,
}

impl Context<'_> {
    /// Restricts rows to the report's scope: the organization column (and for visits the joint
    /// partner) against the partner filter, the region column against the region filter.
    pub fn scoped(
        &self,
        frame: LazyFrame,
        organization: Option<&str>,
        region: Option<&str>,
        joint_partner: bool,
    ) -> LazyFrame {
        let mut frame = frame;
        if let (Some(partner), Some(organizations), Some(column)) =
            (self.partner, &self.partner_organizations, organization)
        {
            let marked = organizations.clone().lazy().select([
                col("organization").alias("__member"),
                lit(true).alias("__in"),
            ]);
            frame = frame.left_join(marked, col(column), col("__member"));
            let mut keep = col("__in").fill_null(lit(false));
            if joint_partner {
                keep = keep.or(col("joint_partner")
                    .eq(key_literal(partner))
                    .fill_null(lit(false)));
            }
            frame = frame.filter(keep).drop(cols(["__in"]));
        }
        if let (Some(code), Some(column)) = (&self.region, region) {
            frame = frame.filter(
                col(column)
                    .str()
                    .starts_with(lit(code.clone()))
                    .fill_null(lit(false)),
            );
        }
        frame
    }

    /// Rows of the current period (flag `current`) and of the previous period (flag
    /// `previous`) stacked; a row in both periods appears twice. The result is computed once
    /// here: every statistic groups the same two years of rows, not the whole history again.
    pub fn stacked(&self, frame: LazyFrame, day: &str) -> PolarsResult<LazyFrame> {
        let within = |period: Period| {
            col(day)
                .gt_eq(lit(day_number(period.from)))
                .and(col(day).lt_eq(lit(day_number(period.to))))
        };
        let current = frame
            .clone()
            .filter(within(self.period))
            .with_columns([lit(true).alias("current"), lit(false).alias("previous")]);
        let previous = frame
            .filter(within(self.previous))
            .with_columns([lit(false).alias("current"), lit(true).alias("previous")]);
        Ok(concat([current, previous], UnionArgs::default())?
            .collect()?
            .lazy())
    }
}

/// A 64-bit key as a literal: a one-value `UInt64` series (a plain `lit` of a key above
/// `i64::MAX` would need 128-bit integers).
pub fn key_literal(key: u64) -> Expr {
    lit(Series::new("key".into(), [key]))
}

/// Groups a stacked frame by `key` and counts rows per period, largest current count first.
pub fn count_by(frame: LazyFrame, key: Expr) -> PolarsResult<DataFrame> {
    frame
        .group_by([key.cast(DataType::String).alias("key")])
        .agg([
            col("current").sum().alias("current_count"),
            col("previous").sum().alias("previous_count"),
        ])
        .sort_by_exprs(
            [col("current_count"), col("previous_count"), col("key")],
            SortMultipleOptions::default().with_order_descending_multi([true, true, false]),
        )
        .collect()
}

/// Counts rows per period of a stacked frame.
pub fn count_rows(frame: LazyFrame) -> PolarsResult<Count> {
    let frame = frame
        .select([
            col("current").sum().alias("current_count"),
            col("previous").sum().alias("previous_count"),
        ])
        .collect()?;
    let current = u64s(&frame, "current_count")?;
    let previous = u64s(&frame, "previous_count")?;
    Ok(Count::new(
        current.first().copied().unwrap_or(0),
        previous.first().copied().unwrap_or(0),
    ))
}

/// Turns the result of `count_by` into report lines, labelling keys with `label`.
pub fn keyed_counts(
    frame: &DataFrame,
    label: impl Fn(&str) -> String,
) -> PolarsResult<Vec<KeyedCount>> {
    let keys = strings(frame, "key")?;
    let current = u64s(frame, "current_count")?;
    let previous = u64s(frame, "previous_count")?;
    Ok(keys
        .into_iter()
        .zip(current)
        .zip(previous)
        .map(|((key, current), previous)| {
            let key = key.unwrap_or_default();
            KeyedCount {
                label: label(&key),
                key,
                count: Count::new(current, previous),
            }
        })
        .collect())
}

/// A text column (cast if needed); nulls stay `None`.
pub fn strings(frame: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let column = frame.column(name)?.cast(&DataType::String)?;
    Ok(column
        .str()?
        .iter()
        .map(|value| value.map(str::to_owned))
        .collect())
}

/// An integer column as `u64`; nulls read as 0.
pub fn u64s(frame: &DataFrame, name: &str) -> PolarsResult<Vec<u64>> {
    let column = frame.column(name)?.cast(&DataType::UInt64)?;
    Ok(column
        .u64()?
        .iter()
        .map(|value| value.unwrap_or(0))
        .collect())
}

/// A numeric column as `f64`; nulls stay `None`.
pub fn f64s(frame: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    let column = frame.column(name)?.cast(&DataType::Float64)?;
    Ok(column.f64()?.iter().collect())
}

/// The first value of a numeric column.
pub fn first_f64(frame: &DataFrame, name: &str) -> PolarsResult<Option<f64>> {
    Ok(f64s(frame, name)?.into_iter().next().flatten())
}

/// A share in percent; `None` when there is nothing to divide by.
pub fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Percent figures for both periods.
pub fn percent_measure(part: Count, whole: Count) -> Measure {
    Measure::new(
        percent(part.current, whole.current),
        percent(part.previous, whole.previous),
    )
}

/// Rows of a stacked frame per month of `day`, the previous period's months shifted by a year
/// so both line up; keys `2026-03`, labels `März` (`März 2026` with `with_year`), in month order.
pub fn per_month(stacked: LazyFrame, with_year: bool) -> PolarsResult<Vec<KeyedCount>> {
    let date = col("day").cast(DataType::Date);
    let month_index = date.clone().dt().year().cast(DataType::Int32) * lit(12)
        + date.dt().month().cast(DataType::Int32)
        - lit(1);
    let aligned_month = when(col("previous"))
        .then(month_index.clone() + lit(12))
        .otherwise(month_index);
    let month_label = |key: &str| {
        let index: i32 = key.parse().unwrap_or(0);
        let name = MONTHS[(index.rem_euclid(12)) as usize];
        if with_year {
            format!("{name} {}", index.div_euclid(12))
        } else {
            name.to_owned()
        }
    };
    let mut lines = keyed_counts(&count_by(stacked, aligned_month)?, month_label)?;
    lines.sort_by_key(|line| line.key.parse::<i32>().unwrap_or(0));
    for line in &mut lines {
        let index: i32 = line.key.parse().unwrap_or(0);
        line.key = format!(
            "{:04}-{:02}",
            index.div_euclid(12),
            index.rem_euclid(12) + 1
        );
    }
    Ok(lines)
}

/// German month names.
pub const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// The day a number of months before `date` (clamped to the month's end).
pub fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(chrono::Months::new(months))
        .unwrap_or(date)
}
