//! Visit statistics: conducted visits per month, quarter, staff member, sector, region (each
//! level, where the business was at the time of the visit) and size class; joint visits;
//! visits with leadership and with the press; coverage of the business base; relocation risks
//! and expansion needs with their follow-ups.

use polars::prelude::*;
use wifo_domain::values::WzCode;

use super::{
    Context, Labels, count_by, count_rows, keyed_counts, months_before, per_month, percent, u64s,
};
use crate::frames::day_number;
use crate::model::{Count, Coverage, FindingFollowUp, Measure, RegionCount, VisitStatistics};

/// Region levels by code length, as in Berlin's LOR.
const REGION_LEVELS: [(&str, usize); 4] = [
    ("Bezirk", 2),
    ("Prognoseraum", 4),
    ("Bezirksregion", 6),
    ("Planungsraum", 8),
];

/// Conducted visits in scope, all dates.
pub fn conducted_visits(context: &Context<'_>) -> LazyFrame {
    let visits = context
        .frames
        .visits
        .clone()
        .lazy()
        .filter(col("conducted"));
    context.scoped(visits, Some("organization"), Some("region"), true)
}

pub fn visit_statistics(context: &Context<'_>) -> PolarsResult<VisitStatistics> {
    // All conducted visits in scope, computed once: coverage and findings read them by date.
    let visits = conducted_visits(context).collect()?.lazy();
    let stacked = context.stacked(visits.clone(), "day")?;
    let conducted = count_rows(stacked.clone())?;

    let per_month = per_month(stacked.clone(), context.labels_with_year)?;
    // Quarters: the previous period's rows shifted by a year to line up.
    let date = col("day").cast(DataType::Date);
    let with_year = context.labels_with_year;
    let quarter_index = date.clone().dt().year().cast(DataType::Int32) * lit(4)
        + date.dt().quarter().cast(DataType::Int32)
        - lit(1);
    let aligned_quarter = when(col("previous"))
        .then(quarter_index.clone() + lit(4))
        .otherwise(quarter_index);
    let quarter_label = |key: &str| {
        let index: i32 = key.parse().unwrap_or(0);
        let quarter = index.rem_euclid(4) + 1;
        if with_year {
            format!("Q{quarter} {}", index.div_euclid(4))
        } else {
            format!("Q{quarter}")
        }
    };
    let mut per_quarter =
        keyed_counts(&count_by(stacked.clone(), aligned_quarter)?, quarter_label)?;
    per_quarter.sort_by_key(|line| line.key.parse::<i32>().unwrap_or(0));
    for line in &mut per_quarter {
        let index: i32 = line.key.parse().unwrap_or(0);
        line.key = format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1);
    }

    let staff = stacked.clone().inner_join(
        context.frames.visit_staff.clone().lazy(),
        col("visit"),
        col("visit"),
    );
    let per_staff = keyed_counts(&count_by(staff, col("staff"))?, |login| {
        Labels::of(&context.labels.staff, login)
    })?;

    let with_sector = stacked.clone().filter(col("sector").is_not_null());
    let per_sector_division = keyed_counts(
        &count_by(
            with_sector.clone(),
            col("sector").str().slice(lit(0), lit(2)),
        )?,
        |code| Labels::of(&context.labels.sectors, code),
    )?;
    let sections = section_table()?.lazy();
    let per_sector_section = keyed_counts(
        &count_by(
            with_sector
                .with_column(col("sector").str().slice(lit(0), lit(2)).alias("division"))
                .inner_join(sections, col("division"), col("division")),
            col("section"),
        )?,
        |code| Labels::of(&context.labels.sectors, code),
    )?;

    let mut per_region = Vec::new();
    for (level, length) in REGION_LEVELS {
        let at_level = stacked.clone().filter(
            col("region")
                .str()
                .len_chars()
                .gt_eq(lit(length as u32))
                .fill_null(lit(false)),
        );
        let lines = keyed_counts(
            &count_by(
                at_level,
                col("region").str().slice(lit(0), lit(length as u64)),
            )?,
            |code| Labels::of(&context.labels.regions, code),
        )?;
        per_region.extend(lines.into_iter().map(|count| RegionCount {
            level: level.to_owned(),
            count,
        }));
    }

    let sized = stacked
        .clone()
        .filter(col("size_class").is_not_null())
        .with_column(col("size_min"));
    let mut per_size_class = keyed_counts(&count_by(sized, col("size_class"))?, str::to_owned)?;
    per_size_class.sort_by_key(|line| size_order(&line.key));

    let joint_visits = stacked.clone().filter(col("joint_partner").is_not_null());
    let joint = count_rows(joint_visits.clone())?;
    let joint_per_partner = keyed_counts(&count_by(joint_visits, col("joint_partner"))?, |key| {
        key.parse::<u64>()
            .ok()
            .and_then(|key| context.labels.partners.get(&key).cloned())
            .unwrap_or_else(|| "unbekannter Partner".to_owned())
    })?;

    let with_leadership = count_rows(stacked.clone().filter(col("with_leadership")))?;
    let with_press = count_rows(stacked.clone().filter(col("with_press")))?;

    let mut coverage = Vec::new();
    for min_employees in
        std::iter::once(None).chain(context.options.coverage_min_employees.map(Some))
    {
        for months in [12, 24, 36] {
            coverage.push(coverage_figure(context, &visits, months, min_employees)?);
        }
    }

    let findings = findings(context, &visits)?;

    Ok(VisitStatistics {
        conducted,
        per_month,
        per_quarter,
        per_staff,
        per_sector_section,
        per_sector_division,
        per_region,
        per_size_class,
        joint,
        joint_per_partner,
        with_leadership,
        with_press,
        coverage,
        findings,
    })
}

/// Businesses in scope: active companies and sole traders, in the region (now) and among the
/// partner's members.
pub fn businesses(context: &Context<'_>, min_employees: Option<u32>) -> LazyFrame {
    let mut base = context
        .frames
        .organizations
        .clone()
        .lazy()
        .filter(col("business").and(col("active")));
    if let Some(min) = min_employees {
        base = base.filter(col("size_min").gt_eq(lit(min)).fill_null(lit(false)));
    }
    context.scoped(base, Some("organization"), Some("region"), false)
}

/// Businesses (optionally with ≥ `min_employees`) with a conducted visit in the `months` up to
/// the end of the period, beside the same a year earlier.
pub(crate) fn coverage_figure(
    context: &Context<'_>,
    visits: &LazyFrame,
    months: u32,
    min_employees: Option<u32>,
) -> PolarsResult<Coverage> {
    let base = businesses(context, min_employees);
    let visited_between = |end: chrono::NaiveDate| {
        let start = months_before(end, months);
        visits
            .clone()
            .filter(
                col("day")
                    .gt(lit(day_number(start)))
                    .and(col("day").lt_eq(lit(day_number(end)))),
            )
            .select([col("organization")])
            .unique(None, UniqueKeepStrategy::Any)
    };
    let current =
        visited_between(context.period.to).with_column(lit(true).alias("visited_current"));
    let previous =
        visited_between(context.previous.to).with_column(lit(true).alias("visited_previous"));
    let figures = base
        .left_join(current, col("organization"), col("organization"))
        .left_join(previous, col("organization"), col("organization"))
        .select([
            len().alias("businesses"),
            col("visited_current")
                .fill_null(lit(false))
                .sum()
                .alias("current"),
            col("visited_previous")
                .fill_null(lit(false))
                .sum()
                .alias("previous"),
        ])
        .collect()?;
    let businesses = u64s(&figures, "businesses")?.first().copied().unwrap_or(0);
    let current = u64s(&figures, "current")?.first().copied().unwrap_or(0);
    let previous = u64s(&figures, "previous")?.first().copied().unwrap_or(0);
    Ok(Coverage {
        months,
        min_employees,
        businesses,
        visited: Count::new(current, previous),
        share_percent: Measure::new(percent(current, businesses), percent(previous, businesses)),
    })
}

/// Businesses whose latest conducted visit up to the end of a period found a relocation risk or
/// an expansion need, and how many of them have follow-ups, all done.
fn findings(context: &Context<'_>, visits: &LazyFrame) -> PolarsResult<Vec<FindingFollowUp>> {
    // Sorted once by day (visits of one day in log order); a filter keeps that order.
    let by_day = visits
        .clone()
        .select([
            col("organization"),
            col("day"),
            col("relocation_risk"),
            col("expansion_plans"),
            col("follow_ups_created"),
            col("follow_ups_completed"),
        ])
        .sort(
            ["day"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?
        .lazy();
    let latest = |end: chrono::NaiveDate| -> PolarsResult<DataFrame> {
        by_day
            .clone()
            .filter(col("day").lt_eq(lit(day_number(end))))
            .group_by([col("organization")])
            .agg([
                col("relocation_risk").last(),
                col("expansion_plans").last(),
                col("follow_ups_created").last(),
                col("follow_ups_completed").last(),
            ])
            .select(
                ["relocation_risk", "expansion_plans"]
                    .into_iter()
                    .flat_map(|finding| {
                        let found = col(finding);
                        let with_follow_up =
                            found.clone().and(col("follow_ups_created").gt(lit(0)));
                        let done = with_follow_up
                            .clone()
                            .and(col("follow_ups_completed").eq(col("follow_ups_created")));
                        [
                            found.sum().alias(format!("{finding}_found")),
                            with_follow_up.sum().alias(format!("{finding}_with")),
                            done.sum().alias(format!("{finding}_done")),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
            .collect()
    };
    let current = latest(context.period.to)?;
    let previous = latest(context.previous.to)?;
    let figure = |name: &str| -> PolarsResult<Count> {
        Ok(Count::new(
            u64s(&current, name)?.first().copied().unwrap_or(0),
            u64s(&previous, name)?.first().copied().unwrap_or(0),
        ))
    };
    [
        ("relocation_risk", "Verlagerungsrisiko"),
        ("expansion_plans", "Erweiterungsbedarf"),
    ]
    .into_iter()
    .map(|(finding, label)| {
        Ok(FindingFollowUp {
            finding: finding.to_owned(),
            label: label.to_owned(),
            businesses: figure(&format!("{finding}_found"))?,
            with_follow_up: figure(&format!("{finding}_with"))?,
            follow_up_done: figure(&format!("{finding}_done"))?,
        })
    })
    .collect()
}

/// WZ 2008 division → section letter, from the domain's WZ code.
fn section_table() -> PolarsResult<DataFrame> {
    let (divisions, sections): (Vec<String>, Vec<String>) = (1..=99)
        .filter_map(|division| {
            let code = format!("{division:02}");
            WzCode::parse(&code)
                .ok()
                .map(|wz| (code, wz.section().to_string()))
        })
        .unzip();
    DataFrame::new(
        divisions.len(),
        vec![
            Column::new("division".into(), divisions),
            Column::new("section".into(), sections),
        ],
    )
}

pub(crate) fn size_order(label: &str) -> u32 {
    wifo_domain::values::SizeClass::ALL
        .iter()
        .position(|class| class.label() == label)
        .map_or(u32::MAX, |position| position as u32)
}

/// Coverage over the 36 months up to the end of the period, grouped by `key` (computed on the
/// businesses' current master data): `key, businesses, visited`.
pub fn coverage_by(context: &Context<'_>, key: Expr) -> PolarsResult<DataFrame> {
    let end = context.period.to;
    let visited = conducted_visits(context)
        .filter(
            col("day")
                .gt(lit(day_number(months_before(end, 36))))
                .and(col("day").lt_eq(lit(day_number(end)))),
        )
        .select([col("organization")])
        .unique(None, UniqueKeepStrategy::Any)
        .with_column(lit(true).alias("visited"));
    businesses(context, None)
        .filter(key.clone().is_not_null())
        .left_join(visited, col("organization"), col("organization"))
        .group_by([key.alias("key")])
        .agg([
            len().alias("businesses"),
            col("visited").fill_null(lit(false)).sum().alias("visited"),
        ])
        .sort(["key"], SortMultipleOptions::default())
        .collect()
}
