//! Inquiry statistics: received per topic and source; working days to the first answer and
//! calendar days to closing (median, 90th percentile, share within the target) for inquiries
//! received in the period,
//! whenever answered; referrals per office with the office's answer times and as a
//! source → office matrix; outcomes; inquiries still open at the end of the period.

use polars::prelude::*;

use super::{Context, Labels, count_by, count_rows, f64s, keyed_counts, strings, u64s};
use crate::frames::day_number;
use crate::model::{
    Count, Durations, InquiryStatistics, Measure, OfficeReferrals, ReferralCell, TopicResponse,
};

fn steps(context: &Context<'_>, step: &str) -> LazyFrame {
    context
        .frames
        .inquiry_steps
        .clone()
        .lazy()
        .filter(col("step").eq(lit(step.to_owned())))
}

/// Received inquiries in scope (`inquiry, day, source, region, organization,
/// first_answered_day, first_response_working_days, first_closed_day, reopened`), all dates.
pub fn received_inquiries(context: &Context<'_>) -> LazyFrame {
    let received = steps(context, "received").select([
        col("inquiry"),
        col("day"),
        col("source"),
        col("region"),
        col("organization"),
        col("first_answered_day"),
        col("first_response_working_days"),
        col("first_closed_day"),
        col("reopened"),
    ]);
    context.scoped(received, Some("organization"), Some("region"), false)
}

/// Working days to the first answer, per period, of the received inquiries stacked by period
/// (rows of `received_inquiries`), against the office's target.
pub fn first_response(context: &Context<'_>, stacked: LazyFrame) -> PolarsResult<Durations> {
    durations(
        stacked,
        "first_response_working_days",
        context.options.first_response_target_working_days,
    )
}

/// The first day a step happened per inquiry (or referral).
fn first_day(steps: LazyFrame, id: &str, alias: &str) -> LazyFrame {
    steps
        .group_by([col(id)])
        .agg([col("day").min().alias(alias)])
}

pub fn inquiry_statistics(context: &Context<'_>) -> PolarsResult<InquiryStatistics> {
    // The received inquiries (with their first answer and close) are picked out once and kept.
    let received_all = received_inquiries(context).collect()?.lazy();
    let stacked = context.stacked(received_all.clone(), "day")?;
    let received = count_rows(stacked.clone())?;
    let per_source = keyed_counts(&count_by(stacked.clone(), col("source"))?, str::to_owned)?;
    let with_topics = stacked.clone().inner_join(
        context.frames.inquiry_topics.clone().lazy(),
        col("inquiry"),
        col("inquiry"),
    );
    let per_topic = keyed_counts(&count_by(with_topics.clone(), col("topic"))?, |code| {
        Labels::of(&context.labels.topics, code)
    })?;

    let timed = stacked
        .with_columns([
            col("first_response_working_days").alias("response_days"),
            (col("first_closed_day") - col("day")).alias("close_days"),
        ])
        .collect()?
        .lazy();
    let first_response = first_response(context, timed.clone())?;
    let to_close = durations(
        timed.clone(),
        "close_days",
        context.options.close_target_days,
    )?;

    // Referrals made in the periods, each with the inquiry's source (an inquiry has one
    // received row, so its key is unique in `received_all`).
    let sources = received_all.clone().select([col("inquiry"), col("source")]);
    let referred = steps(context, "referred").select([
        col("inquiry"),
        col("referral"),
        col("office"),
        col("day"),
    ]);
    let referrals = context
        .stacked(referred, "day")?
        .inner_join(sources, col("inquiry"), col("inquiry"))
        .left_join(
            first_day(
                steps(context, "referral_answered"),
                "referral",
                "answer_day",
            ),
            col("referral"),
            col("referral"),
        )
        .with_column((col("answer_day") - col("day")).alias("answer_days"))
        .collect()?
        .lazy();
    let per_office = referrals
        .clone()
        .group_by([col("office")])
        .agg(referral_aggregates())
        .sort(
            ["current_count"],
            SortMultipleOptions::default().with_order_descending(true),
        )
        .collect()?;
    let office_label = |code: &str| Labels::of(&context.labels.offices, code);
    let offices = strings(&per_office, "office")?;
    let referral_lines = offices
        .iter()
        .enumerate()
        .map(|(row, office)| {
            let office = office.clone().unwrap_or_default();
            Ok(OfficeReferrals {
                label: office_label(&office),
                office,
                referrals: count_at(&per_office, row, "current_count", "previous_count")?,
                answered: count_at(&per_office, row, "answered_current", "answered_previous")?,
                median_answer_days: measure_at(
                    &per_office,
                    row,
                    "median_current",
                    "median_previous",
                )?,
                p90_answer_days: measure_at(&per_office, row, "p90_current", "p90_previous")?,
            })
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    let matrix = referrals
        .group_by([col("source"), col("office")])
        .agg(referral_aggregates())
        .sort(["source", "office"], SortMultipleOptions::default())
        .collect()?;
    let matrix_sources = strings(&matrix, "source")?;
    let matrix_offices = strings(&matrix, "office")?;
    let referral_matrix = (0..matrix.height())
        .map(|row| {
            let office = matrix_offices[row].clone().unwrap_or_default();
            Ok(ReferralCell {
                from: matrix_sources[row].clone().unwrap_or_default(),
                to_label: office_label(&office),
                to: office,
                referrals: count_at(&matrix, row, "current_count", "previous_count")?,
                median_answer_days: measure_at(&matrix, row, "median_current", "median_previous")?,
            })
        })
        .collect::<PolarsResult<Vec<_>>>()?;

    let keys = received_all.clone().select([col("inquiry")]);
    let closed = context
        .stacked(steps(context, "closed"), "day")?
        .inner_join(keys, col("inquiry"), col("inquiry"));
    let outcomes = keyed_counts(&count_by(closed, col("outcome"))?, str::to_owned)?;

    let reopened_status = reopened_status_steps(context, &received_all)?;
    let open_current = open_at(&reopened_status, &received_all, context.period.to)
        .collect()?
        .lazy();
    let open_previous = open_at(&reopened_status, &received_all, context.previous.to);
    let open_at_end = Count::new(
        u64s(
            &open_current.clone().select([col("open").sum()]).collect()?,
            "open",
        )?
        .first()
        .copied()
        .unwrap_or(0),
        u64s(
            &open_previous.select([col("open").sum()]).collect()?,
            "open",
        )?
        .first()
        .copied()
        .unwrap_or(0),
    );

    // Per topic in the current period: received, median first answer, open at the end.
    let open_keys = open_current
        .filter(col("open"))
        .select([col("inquiry"), lit(true).alias("open_now")]);
    let per_topic_frame = timed
        .filter(col("current"))
        .inner_join(
            context.frames.inquiry_topics.clone().lazy(),
            col("inquiry"),
            col("inquiry"),
        )
        .left_join(open_keys, col("inquiry"), col("inquiry"))
        .group_by([col("topic")])
        .agg([
            len().alias("received"),
            col("response_days").median().alias("median"),
            col("open_now").fill_null(lit(false)).sum().alias("open"),
        ])
        .sort(["topic"], SortMultipleOptions::default())
        .collect()?;
    let topic_codes = strings(&per_topic_frame, "topic")?;
    let topic_received = u64s(&per_topic_frame, "received")?;
    let topic_median = f64s(&per_topic_frame, "median")?;
    let topic_open = u64s(&per_topic_frame, "open")?;
    let per_topic_response = (0..per_topic_frame.height())
        .map(|row| {
            let topic = topic_codes[row].clone().unwrap_or_default();
            TopicResponse {
                label: Labels::of(&context.labels.topics, &topic),
                topic,
                received: topic_received[row],
                median_first_response_days: topic_median[row],
                open_at_end: topic_open[row],
            }
        })
        .collect();

    Ok(InquiryStatistics {
        received,
        per_topic,
        per_source,
        first_response,
        to_close,
        referrals: referral_lines,
        referral_matrix,
        outcomes,
        open_at_end,
        per_topic_response,
    })
}

fn referral_aggregates() -> Vec<Expr> {
    vec![
        col("current").sum().alias("current_count"),
        col("previous").sum().alias("previous_count"),
        col("answer_days")
            .filter(col("current"))
            .count()
            .alias("answered_current"),
        col("answer_days")
            .filter(col("previous"))
            .count()
            .alias("answered_previous"),
        col("answer_days")
            .filter(col("current"))
            .median()
            .alias("median_current"),
        col("answer_days")
            .filter(col("previous"))
            .median()
            .alias("median_previous"),
        col("answer_days")
            .filter(col("current"))
            .quantile(lit(0.9), QuantileMethod::Linear)
            .alias("p90_current"),
        col("answer_days")
            .filter(col("previous"))
            .quantile(lit(0.9), QuantileMethod::Linear)
            .alias("p90_previous"),
    ]
}

/// Every close and reopen (`inquiry, step, day`) of the inquiries that were ever reopened,
/// sorted by day once; steps of one day keep their log order. Only these inquiries need their
/// history to tell whether they were open on a day; for all others the first close decides.
fn reopened_status_steps(context: &Context<'_>, received: &LazyFrame) -> PolarsResult<LazyFrame> {
    let reopened = received
        .clone()
        .filter(col("reopened"))
        .select([col("inquiry")]);
    Ok(context
        .frames
        .inquiry_steps
        .clone()
        .lazy()
        .filter(
            col("step")
                .eq(lit("closed"))
                .or(col("step").eq(lit("reopened"))),
        )
        .select([col("inquiry"), col("step"), col("day")])
        .inner_join(reopened, col("inquiry"), col("inquiry"))
        .sort(
            ["day"],
            SortMultipleOptions::default().with_maintain_order(true),
        )
        .collect()?
        .lazy())
}

/// Inquiries received by `end`, each with `open`: not closed on that day. An inquiry never
/// reopened is closed once its first close is on or before `end`; one that was reopened is
/// closed when its latest close or reopen up to `end` was a close.
fn open_at(reopened_status: &LazyFrame, received: &LazyFrame, end: chrono::NaiveDate) -> LazyFrame {
    let end = day_number(end);
    let status = reopened_status
        .clone()
        .filter(col("day").lt_eq(lit(end)))
        .group_by([col("inquiry")])
        .agg([col("step").last().alias("last_step")]);
    received
        .clone()
        .filter(col("day").lt_eq(lit(end)))
        .select([col("inquiry"), col("first_closed_day"), col("reopened")])
        .left_join(status, col("inquiry"), col("inquiry"))
        .with_column(
            when(col("reopened"))
                .then(col("last_step").neq(lit("closed")).fill_null(lit(true)))
                .otherwise(col("first_closed_day").gt(lit(end)).fill_null(lit(true)))
                .alias("open"),
        )
}

/// Count, median, 90th percentile and share within `target` of a day column, per period.
fn durations(timed: LazyFrame, column: &str, target: u32) -> PolarsResult<Durations> {
    let in_period = |flag: &str| col(column).filter(col(flag));
    let figures = timed
        .select([
            in_period("current").count().alias("measured_current"),
            in_period("previous").count().alias("measured_previous"),
            in_period("current").median().alias("median_current"),
            in_period("previous").median().alias("median_previous"),
            in_period("current")
                .quantile(lit(0.9), QuantileMethod::Linear)
                .alias("p90_current"),
            in_period("previous")
                .quantile(lit(0.9), QuantileMethod::Linear)
                .alias("p90_previous"),
            in_period("current")
                .lt_eq(lit(target as i32))
                .sum()
                .alias("within_current"),
            in_period("previous")
                .lt_eq(lit(target as i32))
                .sum()
                .alias("within_previous"),
        ])
        .collect()?;
    let measured = count_at(&figures, 0, "measured_current", "measured_previous")?;
    let within = count_at(&figures, 0, "within_current", "within_previous")?;
    Ok(Durations {
        measured,
        median_days: measure_at(&figures, 0, "median_current", "median_previous")?,
        p90_days: measure_at(&figures, 0, "p90_current", "p90_previous")?,
        target_days: target,
        within_target_percent: super::percent_measure(within, measured),
    })
}

fn count_at(frame: &DataFrame, row: usize, current: &str, previous: &str) -> PolarsResult<Count> {
    Ok(Count::new(
        u64s(frame, current)?.get(row).copied().unwrap_or(0),
        u64s(frame, previous)?.get(row).copied().unwrap_or(0),
    ))
}

fn measure_at(
    frame: &DataFrame,
    row: usize,
    current: &str,
    previous: &str,
) -> PolarsResult<Measure> {
    Ok(Measure::new(
        f64s(frame, current)?.get(row).copied().flatten(),
        f64s(frame, previous)?.get(row).copied().flatten(),
    ))
}
