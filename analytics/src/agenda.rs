//! Agenda proposals for next year's retreat, ranked by a score, each with a German reason
//! that names its figures: fast-growing topics, topics whose inquiries are answered slowly or
//! stay open, agreements whose milestones slipped or were cancelled, and regions and sectors
//! whose businesses were rarely visited.
//!
//! Scores (higher first): a slow or unresolved topic 60 + 5 per day over the target + 5 per
//! open inquiry; slipped milestones 55 + 10 per rescheduled or cancelled one; a growing topic
//! 50 + growth ÷ 4 (capped at 100 % growth; a new topic counts as 100 %); low coverage
//! 40 + 40 × the shortfall against the overall share.

use polars::prelude::*;
use wifo_domain::german::{decimal, integer, signed_percent};

use crate::model::{
    AgendaProposal, CooperationStatistics, InquiryStatistics, TopicStatistics, VisitStatistics,
};
use crate::stats::{Context, Labels, strings, u64s, visits::coverage_by};

/// A topic must come up this often in the period to be proposed for growth.
const MIN_TOPIC_MENTIONS: u64 = 3;
/// Growth in percent from which a topic is proposed.
const MIN_TOPIC_GROWTH_PERCENT: f64 = 25.0;
/// A region or sector needs this many businesses to be proposed for low coverage.
const MIN_BUSINESSES: u64 = 5;

pub fn agenda(
    context: &Context<'_>,
    visits: &VisitStatistics,
    topics: &TopicStatistics,
    inquiries: &InquiryStatistics,
    cooperations: &CooperationStatistics,
) -> PolarsResult<Vec<AgendaProposal>> {
    let mut proposals = Vec::new();
    let proposal = |kind: &str, subject: String, reason: String, score: f64| AgendaProposal {
        rank: 0,
        reason_kind: kind.to_owned(),
        subject,
        reason,
        score,
    };

    for topic in &topics.ranking {
        let total = topic.total;
        if total.current < MIN_TOPIC_MENTIONS {
            continue;
        }
        let growth = total.change_percent.unwrap_or(100.0);
        if total.previous > 0 && growth < MIN_TOPIC_GROWTH_PERCENT {
            continue;
        }
        let reason = if total.previous == 0 {
            format!(
                "Das Thema „{}“ kam {}-mal vor, im Vorjahr gar nicht (Besuche {}, Kontakte {}, Anliegen {}).",
                topic.label,
                integer(total.current as i64),
                topic.visits,
                topic.contacts,
                topic.inquiries
            )
        } else {
            format!(
                "Das Thema „{}“ kam {}-mal vor, im Vorjahr {}-mal: {} %.",
                topic.label,
                integer(total.current as i64),
                integer(total.previous as i64),
                signed_percent(growth).trim_end_matches(" %")
            )
        };
        proposals.push(proposal(
            "topic_growth",
            topic.label.clone(),
            reason,
            50.0 + growth.min(100.0) / 4.0,
        ));
    }

    let target = f64::from(inquiries.first_response.target_days);
    for topic in &inquiries.per_topic_response {
        let slow = topic
            .median_first_response_days
            .filter(|median| *median > target);
        if slow.is_none() && topic.open_at_end == 0 {
            continue;
        }
        let mut parts = Vec::new();
        if let Some(median) = slow {
            parts.push(format!(
                "Erstantwort im Median nach {} Arbeitstagen (Ziel: {} Arbeitstage)",
                decimal(median, 1),
                inquiries.first_response.target_days
            ));
        }
        if topic.open_at_end > 0 {
            parts.push(format!(
                "{} von {} Anliegen am Ende des Zeitraums noch offen",
                topic.open_at_end, topic.received
            ));
        }
        let score = 60.0
            + slow.map_or(0.0, |median| 5.0 * (median - target))
            + 5.0 * topic.open_at_end as f64;
        proposals.push(proposal(
            if slow.is_some() {
                "slow_inquiries"
            } else {
                "open_inquiries"
            },
            topic.label.clone(),
            format!(
                "Anliegen zum Thema „{}“: {}.",
                topic.label,
                parts.join("; ")
            ),
            score.min(150.0),
        ));
    }

    for agreement in &cooperations.agreements {
        let slipped = agreement.rescheduled.current + agreement.cancelled.current;
        if slipped == 0 {
            continue;
        }
        proposals.push(proposal(
            "slipped_milestones",
            agreement.title.clone(),
            format!(
                "In der Kooperation „{}“ wurden {} Meilenstein(e) verschoben und {} abgesagt; erreicht wurden {} von {} geplanten.",
                agreement.title,
                agreement.rescheduled.current,
                agreement.cancelled.current,
                agreement.achieved.current,
                agreement.planned.current
            ),
            55.0 + 10.0 * slipped as f64,
        ));
    }

    // Low coverage against the overall 36-month share.
    let overall = visits
        .coverage
        .iter()
        .find(|coverage| coverage.months == 36 && coverage.min_employees.is_none())
        .and_then(|coverage| coverage.share_percent.current);
    if let Some(overall) = overall.filter(|share| *share > 0.0) {
        let region_key = when(col("region").str().len_chars().gt_eq(lit(6u32)))
            .then(col("region").str().slice(lit(0), lit(6u64)))
            .otherwise(col("region"));
        let groups = [
            (
                "low_coverage_region",
                "Region",
                region_key,
                &context.labels.regions,
            ),
            (
                "low_coverage_sector",
                "Branche (WZ-Abteilung)",
                col("sector").str().slice(lit(0), lit(2u64)),
                &context.labels.sectors,
            ),
        ];
        for (kind, noun, key, labels) in groups {
            let frame = coverage_by(context, key)?;
            let keys = strings(&frame, "key")?;
            let businesses = u64s(&frame, "businesses")?;
            let visited = u64s(&frame, "visited")?;
            for ((code, businesses), visited) in keys.into_iter().zip(businesses).zip(visited) {
                if businesses < MIN_BUSINESSES {
                    continue;
                }
                let share = visited as f64 * 100.0 / businesses as f64;
                if share >= overall / 2.0 {
                    continue;
                }
                let code = code.unwrap_or_default();
                let label = Labels::of(labels, &code);
                proposals.push(proposal(
                    kind,
                    label.clone(),
                    format!(
                        "{noun} „{label}“: nur {visited} von {businesses} Betrieben ({} %) in den letzten 36 Monaten besucht, insgesamt {} %.",
                        decimal(share, 1),
                        decimal(overall, 1)
                    ),
                    40.0 + 40.0 * (1.0 - share / overall),
                ));
            }
        }
    }

    proposals.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.subject.cmp(&b.subject))
    });
    for (index, proposal) in proposals.iter_mut().enumerate() {
        proposal.rank = index as u32 + 1;
    }
    Ok(proposals)
}
