//! The agenda's rules on hand-made statistics: the minimum base of 5, the growth measured
//! against at least 5 mentions, one proposal per subject and at most ten proposals.

use super::*;
use crate::model::{Count, Durations, TopicRank, TopicResponse};

fn topic(code: &str, current: u64, previous: u64) -> TopicRank {
    TopicRank {
        rank: 0,
        topic: code.to_owned(),
        label: code.to_uppercase(),
        visits: current,
        contacts: 0,
        inquiries: 0,
        total: Count::new(current, previous),
    }
}

fn topics(ranking: Vec<TopicRank>) -> TopicStatistics {
    TopicStatistics { ranking }
}

fn responses(lines: Vec<TopicResponse>, target_days: u32) -> InquiryStatistics {
    InquiryStatistics {
        first_response: Durations {
            target_days,
            ..Durations::default()
        },
        per_topic_response: lines,
        ..InquiryStatistics::default()
    }
}

fn response(code: &str, received: u64, median: Option<f64>, open: u64) -> TopicResponse {
    TopicResponse {
        topic: code.to_owned(),
        label: code.to_uppercase(),
        received,
        median_first_response_days: median,
        open_at_end: open,
    }
}

#[test]
fn growth_is_printed_in_percent_only_from_a_previous_base_of_five() {
    let found = topic_growth(&topics(vec![
        topic("a", 8, 1),
        topic("b", 9, 6),
        topic("c", 4, 0),
        topic("d", 6, 0),
        topic("e", 6, 5),
        topic("f", 5, 4),
    ]));
    let scores: Vec<(&str, f64)> = found
        .iter()
        .map(|candidate| (candidate.label.as_str(), candidate.score))
        .collect();
    // a: 7 ÷ 5 = 140 % → 100 %; b: 3 ÷ 6 = 50 %; d: 6 ÷ 5 = 120 % → 100 %; c has 4 mentions,
    // e grew by 1 ÷ 5 = 20 % and f by 1 ÷ 5 = 20 %.
    assert_eq!(scores, [("A", 75.0), ("B", 62.5), ("D", 75.0)]);
    assert_eq!(
        found[0].reason,
        "Das Thema „A“ stieg von 1 auf 8 Nennungen (Besuche 8, Kontakte 0, Anliegen 0)."
    );
    assert!(!found[0].reason.contains('%'));
    assert_eq!(
        found[1].reason,
        "Das Thema „B“ stieg von 6 auf 9 Nennungen (+50,0 %) (Besuche 9, Kontakte 0, Anliegen 0)."
    );
    assert!(
        found[2]
            .reason
            .contains("kam 6-mal vor, im Vorjahr gar nicht")
    );
}

#[test]
fn a_topics_inquiries_need_five_received() {
    let found = inquiry_topics(&responses(
        vec![
            response("slow4", 4, Some(9.0), 2),
            response("slow5", 5, Some(4.0), 1),
            response("open", 6, Some(1.0), 2),
            response("fine", 7, Some(2.0), 0),
        ],
        2,
    ));
    let kinds: Vec<(&str, &str, f64)> = found
        .iter()
        .map(|candidate| (candidate.label.as_str(), candidate.kind, candidate.score))
        .collect();
    assert_eq!(
        kinds,
        [
            ("SLOW5", "slow_inquiries", 60.0 + 5.0 * 2.0 + 5.0),
            ("OPEN", "open_inquiries", 60.0 + 5.0 * 2.0),
        ]
    );
}

fn candidate(subject: Subject, kind: &'static str, label: &str, score: f64) -> Candidate {
    Candidate {
        subject,
        kind,
        label: label.to_owned(),
        reason: format!("{kind} {label}."),
        score,
    }
}

#[test]
fn a_subject_that_qualifies_twice_is_proposed_once_with_both_reasons() {
    let topic = |code: &str| Subject::Topic(code.to_owned());
    let proposals = rank(vec![
        candidate(
            topic("weiterbildung"),
            "topic_growth",
            "Weiterbildung",
            75.0,
        ),
        candidate(topic("flaechen"), "topic_growth", "Flächen", 80.0),
        candidate(
            topic("weiterbildung"),
            "slow_inquiries",
            "Weiterbildung",
            90.0,
        ),
        // The same name as a sector is another subject.
        candidate(
            Subject::Sector("85".to_owned()),
            "low_coverage_sector",
            "Weiterbildung",
            50.0,
        ),
    ]);
    let ranked: Vec<(u32, &str, &str, f64)> = proposals
        .iter()
        .map(|p| (p.rank, p.reason_kind.as_str(), p.subject.as_str(), p.score))
        .collect();
    assert_eq!(
        ranked,
        [
            (1, "slow_inquiries", "Weiterbildung", 90.0),
            (2, "topic_growth", "Flächen", 80.0),
            (3, "low_coverage_sector", "Weiterbildung", 50.0),
        ]
    );
    assert_eq!(
        proposals[0].reason,
        "slow_inquiries Weiterbildung. topic_growth Weiterbildung."
    );
    assert_eq!(proposals[0].other_reason_kinds, ["topic_growth"]);
    assert!(proposals[1].other_reason_kinds.is_empty());
}

#[test]
fn at_most_ten_proposals_are_kept_by_score_then_subject() {
    let candidates = (0..14u32)
        .map(|n| {
            candidate(
                Subject::Topic(format!("t{n:02}")),
                "topic_growth",
                &format!("Thema {n:02}"),
                50.0 + f64::from(n % 7),
            )
        })
        .collect();
    let proposals = rank(candidates);
    assert_eq!(proposals.len(), MAX_PROPOSALS);
    let subjects: Vec<&str> = proposals.iter().map(|p| p.subject.as_str()).collect();
    // Scores 56 (06, 13), 55 (05, 12), 54 (04, 11), 53 (03, 10), 52 (02, 09).
    assert_eq!(
        subjects,
        [
            "Thema 06", "Thema 13", "Thema 05", "Thema 12", "Thema 04", "Thema 11", "Thema 03",
            "Thema 10", "Thema 02", "Thema 09"
        ]
    );
    assert_eq!(
        proposals.iter().map(|p| p.rank).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
}
