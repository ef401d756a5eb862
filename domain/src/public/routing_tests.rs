//! The routing rules: the most specific covering rule wins, a topic outweighs a region, the
//! earlier rule wins a tie, and without a covering rule the inquiry goes to the team inbox.

use super::*;

fn code(text: &str) -> Code {
    Code::parse(text).expect("valid code")
}

fn region(text: &str) -> RegionCode {
    RegionCode::parse(text).expect("valid region")
}

fn user(text: &str) -> UserName {
    UserName::parse(text).expect("valid user")
}

fn rule(topic: Option<&str>, region_code: Option<&str>, assignee: &str) -> RoutingRule {
    RoutingRule {
        topic: topic.map(code),
        region: region_code.map(region),
        assignee: user(assignee),
    }
}

fn office_rules() -> Vec<RoutingRule> {
    vec![
        rule(None, None, "team"),
        rule(Some("foerderung"), None, "f.berger"),
        rule(Some("foerderung"), Some("031001"), "a.schneider"),
        rule(None, Some("0310"), "m.schulz"),
        rule(Some("gruendung"), None, "k.yilmaz"),
        rule(Some("gruendung"), None, "j.hoffmann"),
    ]
}

fn routed(topic: Option<&str>, region_code: Option<&str>) -> Option<String> {
    let rules = office_rules();
    route(
        &rules,
        topic.map(code).as_ref(),
        region_code.map(region).as_ref(),
    )
    .map(|name| name.as_str().to_owned())
}

#[test]
fn topic_and_region_together_beat_the_topic_alone() {
    assert_eq!(
        routed(Some("foerderung"), Some("03100101")).as_deref(),
        Some("a.schneider")
    );
}

#[test]
fn a_sub_topic_is_covered_by_its_parent_topic() {
    assert_eq!(
        routed(Some("foerderung.zuschuesse"), Some("03200202")).as_deref(),
        Some("f.berger")
    );
}

#[test]
fn a_topic_outweighs_a_region() {
    assert_eq!(
        routed(Some("foerderung"), Some("03100202")).as_deref(),
        Some("f.berger")
    );
}

#[test]
fn a_region_rule_takes_other_topics_from_its_region() {
    assert_eq!(
        routed(Some("fachkraefte"), Some("03100202")).as_deref(),
        Some("m.schulz")
    );
}

#[test]
fn the_earlier_of_two_equal_rules_wins() {
    assert_eq!(routed(Some("gruendung"), None).as_deref(), Some("k.yilmaz"));
}

#[test]
fn the_rule_without_topic_and_region_catches_the_rest() {
    assert_eq!(routed(Some("fachkraefte"), None).as_deref(), Some("team"));
}

#[test]
fn without_a_covering_rule_the_inquiry_stays_in_the_team_inbox() {
    let rules = vec![rule(Some("foerderung"), None, "f.berger")];
    assert_eq!(route(&rules, Some(&code("gruendung")), None), None);
    assert_eq!(route(&rules, None, None), None);
}

#[test]
fn a_topic_prefix_that_is_not_a_segment_does_not_cover() {
    assert!(!is_within(&code("foerderungen"), &code("foerderung")));
    assert!(is_within(&code("foerderung"), &code("foerderung")));
}
