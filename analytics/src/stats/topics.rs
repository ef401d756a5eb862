//! The topic ranking: how often each topic came up in conducted visits, logged contacts and
//! received inquiries together, with the previous period and the growth.

use polars::prelude::*;

use super::{
    Context, Labels, contacts::logged_contacts, inquiries::received_inquiries, u64s,
    visits::conducted_visits,
};
use crate::model::{Count, TopicRank, TopicStatistics};

pub fn topic_statistics(context: &Context<'_>) -> PolarsResult<TopicStatistics> {
    let frames = context.frames;
    let tagged = |facts: LazyFrame, topics: &DataFrame, id: &str, source: &str| {
        PolarsResult::Ok(
            context
                .stacked(facts, "day")?
                .inner_join(topics.clone().lazy(), col(id), col(id))
                .select([
                    col("topic"),
                    col("current"),
                    col("previous"),
                    lit(source).alias("source"),
                ]),
        )
    };
    let all = concat(
        [
            tagged(
                conducted_visits(context),
                &frames.visit_topics,
                "visit",
                "visits",
            )?,
            tagged(
                logged_contacts(context),
                &frames.contact_topics,
                "contact",
                "contacts",
            )?,
            tagged(
                received_inquiries(context),
                &frames.inquiry_topics,
                "inquiry",
                "inquiries",
            )?,
        ],
        UnionArgs::default(),
    )?;
    let current_from = |source: &str| {
        col("current")
            .and(col("source").eq(lit(source.to_owned())))
            .sum()
            .alias(source.to_owned())
    };
    let ranking = all
        .group_by([col("topic")])
        .agg([
            current_from("visits"),
            current_from("contacts"),
            current_from("inquiries"),
            col("current").sum().alias("current_count"),
            col("previous").sum().alias("previous_count"),
        ])
        .sort_by_exprs(
            [col("current_count"), col("previous_count"), col("topic")],
            SortMultipleOptions::default().with_order_descending_multi([true, true, false]),
        )
        .collect()?;
    let topics = super::strings(&ranking, "topic")?;
    let visits = u64s(&ranking, "visits")?;
    let contacts = u64s(&ranking, "contacts")?;
    let inquiries = u64s(&ranking, "inquiries")?;
    let current = u64s(&ranking, "current_count")?;
    let previous = u64s(&ranking, "previous_count")?;
    let ranking = (0..topics.len())
        .map(|row| {
            let topic = topics[row].clone().unwrap_or_default();
            TopicRank {
                rank: row as u32 + 1,
                label: Labels::of(&context.labels.topics, &topic),
                topic,
                visits: visits[row],
                contacts: contacts[row],
                inquiries: inquiries[row],
                total: Count::new(current[row], previous[row]),
            }
        })
        .collect();
    Ok(TopicStatistics { ranking })
}
