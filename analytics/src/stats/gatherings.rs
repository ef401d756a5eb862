//! Gathering statistics per kind: gatherings held, attendance (listed attendees plus others
//! counted at the door), distinct organizations reached and organizations that came more than
//! once in the period.

use polars::prelude::*;

use super::{Context, strings, u64s};
use crate::model::{Count, GatheringFigures, GatheringStatistics};

pub fn gathering_statistics(context: &Context<'_>) -> PolarsResult<GatheringStatistics> {
    let held = context.stacked(context.frames.gatherings.clone().lazy(), "day")?;
    let attendance = context.stacked(
        context.scoped(
            context.frames.attendance.clone().lazy(),
            Some("organization"),
            Some("region"),
            false,
        ),
        "day",
    )?;
    let by_kind = figures(held.clone(), attendance.clone(), true)?;
    let total = figures(held, attendance, false)?
        .into_iter()
        .next()
        .map(|mut figures| {
            figures.kind = "Alle Veranstaltungen".to_owned();
            figures
        })
        .unwrap_or_else(|| GatheringFigures {
            kind: "Alle Veranstaltungen".to_owned(),
            ..GatheringFigures::default()
        });
    Ok(GatheringStatistics {
        per_kind: by_kind,
        total,
    })
}

fn figures(
    held: LazyFrame,
    attendance: LazyFrame,
    by_kind: bool,
) -> PolarsResult<Vec<GatheringFigures>> {
    // Without the breakdown every row gets the same kind, so one code path serves both.
    let constant = lit("alle").alias("kind");
    let with_kind = |frame: LazyFrame| {
        if by_kind {
            frame
        } else {
            frame.with_column(constant.clone())
        }
    };
    let held = with_kind(held);
    let attendance = with_kind(attendance);
    let held_counts = held.clone().group_by([col("kind")]).agg([
        col("current").sum().alias("held_current"),
        col("previous").sum().alias("held_previous"),
        col("other_attendees")
            .filter(col("current"))
            .sum()
            .alias("others_current"),
        col("other_attendees")
            .filter(col("previous"))
            .sum()
            .alias("others_previous"),
    ]);
    let listed = attendance.clone().group_by([col("kind")]).agg([
        col("current").sum().alias("listed_current"),
        col("previous").sum().alias("listed_previous"),
        col("organization")
            .filter(col("current"))
            .drop_nulls()
            .n_unique()
            .alias("organizations_current"),
        col("organization")
            .filter(col("previous"))
            .drop_nulls()
            .n_unique()
            .alias("organizations_previous"),
    ]);
    let repeat = |flag: &str, alias: &str| {
        attendance
            .clone()
            .filter(col(flag).and(col("organization").is_not_null()))
            .group_by([col("kind"), col("organization")])
            .agg([col("gathering").n_unique().alias("times")])
            .filter(col("times").gt(lit(1)))
            .group_by([col("kind")])
            .agg([len().alias(alias.to_owned())])
    };
    let joined = held_counts
        .join(
            listed,
            [col("kind")],
            [col("kind")],
            JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns),
        )
        .join(
            repeat("current", "repeat_current"),
            [col("kind")],
            [col("kind")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            repeat("previous", "repeat_previous"),
            [col("kind")],
            [col("kind")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(["kind"], SortMultipleOptions::default())
        .collect()?;
    let kinds = strings(&joined, "kind")?;
    let column = |name: &str| u64s(&joined, name);
    let held_current = column("held_current")?;
    let held_previous = column("held_previous")?;
    let others_current = column("others_current")?;
    let others_previous = column("others_previous")?;
    let listed_current = column("listed_current")?;
    let listed_previous = column("listed_previous")?;
    let organizations_current = column("organizations_current")?;
    let organizations_previous = column("organizations_previous")?;
    let repeat_current = column("repeat_current")?;
    let repeat_previous = column("repeat_previous")?;
    Ok((0..joined.height())
        .filter(|&row| {
            held_current[row] + held_previous[row] + listed_current[row] + listed_previous[row] > 0
        })
        .map(|row| GatheringFigures {
            kind: kinds[row].clone().unwrap_or_default(),
            held: Count::new(held_current[row], held_previous[row]),
            attendance: Count::new(
                listed_current[row] + others_current[row],
                listed_previous[row] + others_previous[row],
            ),
            organizations: Count::new(organizations_current[row], organizations_previous[row]),
            repeat_organizations: Count::new(repeat_current[row], repeat_previous[row]),
        })
        .collect())
}
