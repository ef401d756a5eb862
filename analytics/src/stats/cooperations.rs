//! Cooperation statistics per agreement: milestones due (planned), achieved, rescheduled and
//! cancelled in the period, the completion rate, open milestones due in the following year and
//! the months left in the term. With the partner filter only the partner's agreements count;
//! the region filter does not apply (agreements belong to no region).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use super::{Context, percent, strings, u64s};
use crate::frames::{date_of, day_number};
use crate::model::{CooperationFigures, CooperationStatistics, Count, Measure, Period};

pub fn cooperation_statistics(context: &Context<'_>) -> PolarsResult<CooperationStatistics> {
    let mut agreements = context.frames.cooperations.clone().lazy();
    if let Some(partner) = context.partner {
        let with_partner = context
            .frames
            .cooperation_partners
            .clone()
            .lazy()
            .filter(col("partner").eq(super::key_literal(partner)))
            .select([col("cooperation")])
            .unique(None, UniqueKeepStrategy::Any);
        agreements = agreements.inner_join(with_partner, col("cooperation"), col("cooperation"));
    }
    let agreements = agreements
        .sort(["title"], SortMultipleOptions::default())
        .collect()?;
    let current = milestone_counts(context, context.period)?;
    let previous = milestone_counts(context, context.previous)?;
    let next_year = due_next_year(context)?;

    let ids = u64s(&agreements, "cooperation")?;
    let titles = strings(&agreements, "title")?;
    let until = agreements
        .column("valid_until")?
        .cast(&DataType::Int32)?
        .i32()?
        .iter()
        .map(|day| day.unwrap_or(0))
        .collect::<Vec<i32>>();
    let end = context.period.to;
    let figures = ids
        .iter()
        .enumerate()
        .map(|(row, id)| {
            let now = current.get(id).copied().unwrap_or_default();
            let before = previous.get(id).copied().unwrap_or_default();
            let valid_until = date_of(until[row]);
            let planned = Count::new(now[0], before[0]);
            let achieved = Count::new(now[1], before[1]);
            CooperationFigures {
                cooperation: format!("{id:016x}"),
                title: titles[row].clone().unwrap_or_default(),
                valid_until,
                planned,
                achieved,
                rescheduled: Count::new(now[2], before[2]),
                cancelled: Count::new(now[3], before[3]),
                completion_percent: Measure::new(
                    percent(achieved.current, planned.current),
                    percent(achieved.previous, planned.previous),
                ),
                due_next_year: next_year.get(id).copied().unwrap_or(0),
                months_left: months_between(end, valid_until),
            }
        })
        .collect();
    Ok(CooperationStatistics {
        agreements: figures,
    })
}

/// Per cooperation: milestones due in the period (by any due date they had), achieved,
/// rescheduled and cancelled in it.
fn milestone_counts(context: &Context<'_>, period: Period) -> PolarsResult<HashMap<u64, [u64; 4]>> {
    let from = lit(day_number(period.from));
    let to = lit(day_number(period.to));
    let happened = |change: &str| {
        col("change")
            .eq(lit(change.to_owned()))
            .and(col("day").gt_eq(from.clone()))
            .and(col("day").lt_eq(to.clone()))
    };
    let due = col("due")
        .gt_eq(from.clone())
        .and(col("due").lt_eq(to.clone()));
    let counts = context
        .frames
        .milestones
        .clone()
        .lazy()
        .group_by([col("cooperation")])
        .agg([
            col("milestone").filter(due).n_unique().alias("planned"),
            col("milestone")
                .filter(happened("achieved"))
                .n_unique()
                .alias("achieved"),
            col("milestone")
                .filter(happened("rescheduled"))
                .n_unique()
                .alias("rescheduled"),
            col("milestone")
                .filter(happened("cancelled"))
                .n_unique()
                .alias("cancelled"),
        ])
        .collect()?;
    let ids = u64s(&counts, "cooperation")?;
    let columns = ["planned", "achieved", "rescheduled", "cancelled"]
        .map(|name| u64s(&counts, name).unwrap_or_default());
    Ok(ids
        .into_iter()
        .enumerate()
        .map(|(row, id)| {
            (
                id,
                columns
                    .each_ref()
                    .map(|column| column.get(row).copied().unwrap_or(0)),
            )
        })
        .collect())
}

/// Per cooperation: milestones still open (neither achieved nor cancelled, as they stand now)
/// whose due date falls in the calendar year after the period's end.
fn due_next_year(context: &Context<'_>) -> PolarsResult<HashMap<u64, u64>> {
    let year = context.period.to.year() + 1;
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Ok(HashMap::new());
    };
    let counts = context
        .frames
        .milestones
        .clone()
        .lazy()
        .group_by([col("cooperation"), col("milestone")])
        .agg([col("change").last(), col("due").last()])
        .filter(
            col("change")
                .neq(lit("achieved"))
                .and(col("change").neq(lit("cancelled")))
                .and(col("due").gt_eq(lit(day_number(from))))
                .and(col("due").lt_eq(lit(day_number(to)))),
        )
        .group_by([col("cooperation")])
        .agg([len().alias("due")])
        .collect()?;
    let ids = u64s(&counts, "cooperation")?;
    let due = u64s(&counts, "due")?;
    Ok(ids.into_iter().zip(due).collect())
}

/// Whole months from `from` to `to`; 0 when `to` is not later.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to <= from {
        return 0;
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months -= 1;
    }
    months.max(0) as u32
}
