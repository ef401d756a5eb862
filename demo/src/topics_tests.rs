//! Unit tests of `topics`.

use std::collections::BTreeSet;

use rand::SeedableRng;
use wifo_domain::defaults::{default_offices, default_topics};

use super::*;

#[test]
fn every_demo_topic_is_a_leaf_of_the_default_topics_and_every_office_exists() {
    let topics = default_topics();
    let offices: BTreeSet<&str> = default_offices().iter().map(|(c, _, _)| *c).collect();
    for topic in TOPICS {
        assert!(
            topics.iter().any(|(code, _, _)| *code == topic.code),
            "{}",
            topic.code
        );
        assert!(
            !topics
                .iter()
                .any(|(_, _, parent)| *parent == Some(topic.code)),
            "{} is not a leaf",
            topic.code
        );
        for office in topic.offices {
            assert!(offices.contains(office), "{office}");
        }
    }
}

#[test]
fn fachkraefte_grow_over_the_years() {
    let mut rng = SmallRng::seed_from_u64(1);
    let share = |rng: &mut SmallRng, year| {
        let day = super::super::calendar::date(year, 5, 1);
        let hits = (0..4000)
            .filter(|_| pick(rng, None, day, 1)[0].family() == "fachkraefte")
            .count();
        hits as f64 / 4000.0
    };
    let early = share(&mut rng, 2024);
    let late = share(&mut rng, 2026);
    assert!(late > early * 1.3, "{early} → {late}");
}
