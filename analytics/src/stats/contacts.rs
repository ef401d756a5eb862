//! Contact statistics: logged contacts per channel and per topic (retracted ones left out).

use polars::prelude::*;

use super::{Context, Labels, count_by, count_rows, keyed_counts};
use crate::model::ContactStatistics;

/// Logged, not retracted contacts in scope, of every date the frames hold.
pub fn logged_contacts(context: &Context<'_>) -> LazyFrame {
    let contacts = context
        .frames
        .contacts
        .clone()
        .lazy()
        .filter(col("retracted").not());
    context.scoped(contacts, Some("organization"), Some("region"), false)
}

pub fn contact_statistics(context: &Context<'_>) -> PolarsResult<ContactStatistics> {
    let stacked = context.stacked(logged_contacts(context), "day")?;
    let logged = count_rows(stacked.clone())?;
    let per_channel = keyed_counts(&count_by(stacked.clone(), col("channel"))?, str::to_owned)?;
    let topics = stacked.inner_join(
        context.frames.contact_topics.clone().lazy(),
        col("contact"),
        col("contact"),
    );
    let per_topic = keyed_counts(&count_by(topics, col("topic"))?, |code| {
        Labels::of(&context.labels.topics, code)
    })?;
    Ok(ContactStatistics {
        logged,
        per_channel,
        per_topic,
    })
}
