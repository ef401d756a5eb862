//! Agenda proposals for next year's retreat: at most [`MAX_PROPOSALS`], one per subject, ranked
//! by a score, each with a German reason that names its figures. Four rules find candidates:
//! fast-growing topics, topics whose inquiries are answered slowly or stay open, agreements
//! whose milestones slipped or were cancelled, and regions and sectors whose businesses were
//! rarely visited.
//!
//! Minimum base: no rule proposes from fewer than [`MIN_BASE`] (5) cases, and no reason prints a
//! percentage computed from fewer. A topic needs ≥ 5 mentions in the period to be proposed for
//! growth, and its growth is printed in percent only when it had ≥ 5 in the previous period —
//! otherwise the reason says „von X auf Y“; a topic's inquiries need ≥ 5 received in the period;
//! a region or sector ≥ 5 businesses. Slipped milestones are counted, never given as a share.
//!
//! Scores (higher first):
//! - slow or unresolved inquiries of a topic: 60 + 5 per working day of the median first answer
//!   over the target + 5 per inquiry open at the end of the period, at most 150;
//! - slipped milestones of an agreement: 55 + 10 per rescheduled or cancelled milestone;
//! - a growing topic: 50 + growth ÷ 4, growth in percent measured against at least 5 mentions
//!   — (current − previous) ÷ max(previous, 5) × 100, capped at 100 % — so 1 → 8 mentions
//!   counts as 100 % (75), 6 → 9 as 50 % (62.5); proposed from 25 % growth;
//! - low coverage: 40 + 40 × the shortfall against the overall 36-month share.
//!
//! One proposal per subject (a topic, an agreement, a region, a sector): when a subject
//! qualifies for several reasons, the proposal keeps the highest-scoring reason's kind and
//! score, appends the other reasons' sentences to its reason text (by descending score) and
//! lists their kinds in `other_reason_kinds`. Scores are not added up, so a subject does not
//! climb the ranking by being counted twice. Ties are broken by subject.

use std::collections::HashMap;

use polars::prelude::*;
use wifo_domain::german::{decimal, integer, signed_percent};

use crate::model::{
    AgendaProposal, CooperationStatistics, InquiryStatistics, TopicStatistics, VisitStatistics,
};
use crate::stats::{Context, Labels, strings, u64s, visits::coverage_by};

/// The most proposals the agenda holds.
pub const MAX_PROPOSALS: usize = 10;
/// The fewest cases a rule proposes from or a percentage is computed from.
pub const MIN_BASE: u64 = 5;
/// Growth in percent (against at least [`MIN_BASE`] mentions) from which a topic is proposed.
const MIN_TOPIC_GROWTH_PERCENT: f64 = 25.0;
/// The highest score of a topic's slow or open inquiries.
const MAX_INQUIRY_SCORE: f64 = 150.0;

pub fn agenda(
    context: &Context<'_>,
    visits: &VisitStatistics,
    topics: &TopicStatistics,
    inquiries: &InquiryStatistics,
    cooperations: &CooperationStatistics,
) -> PolarsResult<Vec<AgendaProposal>> {
    let mut candidates = topic_growth(topics);
    candidates.extend(inquiry_topics(inquiries));
    candidates.extend(slipped_milestones(cooperations));
    candidates.extend(low_coverage(context, visits)?);
    Ok(rank(candidates))
}

/// What a proposal is about; two candidates with the same subject become one proposal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Subject {
    Topic(String),
    Agreement(String),
    Region(String),
    Sector(String),
}

/// One rule's finding before candidates of the same subject are merged.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) subject: Subject,
    pub(crate) kind: &'static str,
    /// The subject's German name.
    pub(crate) label: String,
    pub(crate) reason: String,
    pub(crate) score: f64,
}

/// Merges the candidates per subject, ranks them by score and keeps the first
/// [`MAX_PROPOSALS`].
pub(crate) fn rank(mut candidates: Vec<Candidate>) -> Vec<AgendaProposal> {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.kind.cmp(b.kind))
    });
    let mut proposals: Vec<AgendaProposal> = Vec::new();
    let mut index_of: HashMap<Subject, usize> = HashMap::new();
    for candidate in candidates {
        // Sorted by score, so the first candidate of a subject is its best.
        if let Some(&index) = index_of.get(&candidate.subject) {
            let proposal = &mut proposals[index];
            proposal.reason.push(' ');
            proposal.reason.push_str(&candidate.reason);
            proposal.other_reason_kinds.push(candidate.kind.to_owned());
            continue;
        }
        index_of.insert(candidate.subject, proposals.len());
        proposals.push(AgendaProposal {
            rank: 0,
            reason_kind: candidate.kind.to_owned(),
            subject: candidate.label,
            reason: candidate.reason,
            score: candidate.score,
            other_reason_kinds: Vec::new(),
        });
    }
    proposals.truncate(MAX_PROPOSALS);
    for (index, proposal) in proposals.iter_mut().enumerate() {
        proposal.rank = index as u32 + 1;
    }
    proposals
}

/// Topics mentioned at least [`MIN_BASE`] times that grew by at least 25 % against at least
/// [`MIN_BASE`] mentions.
pub(crate) fn topic_growth(topics: &TopicStatistics) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for topic in &topics.ranking {
        let total = topic.total;
        if total.current < MIN_BASE || total.current <= total.previous {
            continue;
        }
        let growth =
            (total.current - total.previous) as f64 * 100.0 / total.previous.max(MIN_BASE) as f64;
        if growth < MIN_TOPIC_GROWTH_PERCENT {
            continue;
        }
        let change = match total.previous {
            0 => format!(
                "kam {}-mal vor, im Vorjahr gar nicht",
                integer(total.current as i64)
            ),
            previous if previous < MIN_BASE => format!(
                "stieg von {} auf {} Nennungen",
                integer(previous as i64),
                integer(total.current as i64)
            ),
            previous => format!(
                "stieg von {} auf {} Nennungen ({})",
                integer(previous as i64),
                integer(total.current as i64),
                signed_percent(growth)
            ),
        };
        candidates.push(Candidate {
            subject: Subject::Topic(topic.topic.clone()),
            kind: "topic_growth",
            label: topic.label.clone(),
            reason: format!(
                "Das Thema „{}“ {change} (Besuche {}, Kontakte {}, Anliegen {}).",
                topic.label,
                integer(topic.visits as i64),
                integer(topic.contacts as i64),
                integer(topic.inquiries as i64)
            ),
            score: 50.0 + growth.min(100.0) / 4.0,
        });
    }
    candidates
}

/// Topics with at least [`MIN_BASE`] inquiries received whose median first answer took longer
/// than the target or of which some are still open.
pub(crate) fn inquiry_topics(inquiries: &InquiryStatistics) -> Vec<Candidate> {
    let target = f64::from(inquiries.first_response.target_days);
    let mut candidates = Vec::new();
    for topic in &inquiries.per_topic_response {
        if topic.received < MIN_BASE {
            continue;
        }
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
                integer(topic.open_at_end as i64),
                integer(topic.received as i64)
            ));
        }
        let score = 60.0
            + slow.map_or(0.0, |median| 5.0 * (median - target))
            + 5.0 * topic.open_at_end as f64;
        candidates.push(Candidate {
            subject: Subject::Topic(topic.topic.clone()),
            kind: if slow.is_some() {
                "slow_inquiries"
            } else {
                "open_inquiries"
            },
            label: topic.label.clone(),
            reason: format!(
                "Anliegen zum Thema „{}“: {}.",
                topic.label,
                parts.join("; ")
            ),
            score: score.min(MAX_INQUIRY_SCORE),
        });
    }
    candidates
}

/// Agreements with rescheduled or cancelled milestones in the period.
fn slipped_milestones(cooperations: &CooperationStatistics) -> Vec<Candidate> {
    cooperations
        .agreements
        .iter()
        .filter_map(|agreement| {
            let slipped = agreement.rescheduled.current + agreement.cancelled.current;
            (slipped > 0).then(|| Candidate {
                subject: Subject::Agreement(agreement.cooperation.clone()),
                kind: "slipped_milestones",
                label: agreement.title.clone(),
                reason: format!(
                    "In der Kooperation „{}“ wurden {} Meilenstein(e) verschoben und {} abgesagt; erreicht wurden {} von {} geplanten.",
                    agreement.title,
                    agreement.rescheduled.current,
                    agreement.cancelled.current,
                    agreement.achieved.current,
                    agreement.planned.current
                ),
                score: 55.0 + 10.0 * slipped as f64,
            })
        })
        .collect()
}

/// Bezirksregionen and WZ divisions with at least [`MIN_BASE`] businesses whose 36-month
/// coverage is below half the overall share.
fn low_coverage(context: &Context<'_>, visits: &VisitStatistics) -> PolarsResult<Vec<Candidate>> {
    let mut candidates = Vec::new();
    let overall = visits
        .coverage
        .iter()
        .find(|coverage| coverage.months == 36 && coverage.min_employees.is_none())
        .and_then(|coverage| coverage.share_percent.current);
    let Some(overall) = overall.filter(|share| *share > 0.0) else {
        return Ok(candidates);
    };
    let region_key = when(col("region").str().len_chars().gt_eq(lit(6u32)))
        .then(col("region").str().slice(lit(0), lit(6u64)))
        .otherwise(col("region"));
    let groups = [
        (
            "low_coverage_region",
            "Region",
            region_key,
            &context.labels.regions,
            Subject::Region as fn(String) -> Subject,
        ),
        (
            "low_coverage_sector",
            "Branche (WZ-Abteilung)",
            col("sector").str().slice(lit(0), lit(2u64)),
            &context.labels.sectors,
            Subject::Sector,
        ),
    ];
    for (kind, noun, key, labels, subject) in groups {
        let frame = coverage_by(context, key)?;
        let keys = strings(&frame, "key")?;
        let businesses = u64s(&frame, "businesses")?;
        let visited = u64s(&frame, "visited")?;
        for ((code, businesses), visited) in keys.into_iter().zip(businesses).zip(visited) {
            if businesses < MIN_BASE {
                continue;
            }
            let share = visited as f64 * 100.0 / businesses as f64;
            if share >= overall / 2.0 {
                continue;
            }
            let code = code.unwrap_or_default();
            let label = Labels::of(labels, &code);
            candidates.push(Candidate {
                subject: subject(code),
                kind,
                reason: format!(
                    "{noun} „{label}“: nur {} von {} Betrieben ({} %) in den letzten 36 Monaten besucht, insgesamt {} %.",
                    integer(visited as i64),
                    integer(businesses as i64),
                    decimal(share, 1),
                    decimal(overall, 1)
                ),
                label,
                score: 40.0 + 40.0 * (1.0 - share / overall),
            });
        }
    }
    Ok(candidates)
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
