//! The at-risk list from a hand-built office: six businesses, each visited, whose latest visit
//! did or did not raise a red flag; the expected list is written down from the scenario.

use uuid::Uuid;
use wifo_domain::{
    Event,
    ids::{FollowUpId, OrganizationId, VisitId},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    values::{OrganizationName, Text, Title, UserName},
    visit::{Findings, Satisfaction, VisitEvent},
};

use super::*;
use crate::test_support::{day, recorded};

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}
fn visit_id(n: u128) -> VisitId {
    VisitId::from_uuid(Uuid::from_u128(0x1000 + n))
}
fn user(login: &str) -> UserName {
    UserName::parse(login).expect("login")
}

fn calm() -> Findings {
    Findings {
        expansion_plans: false,
        relocation_risk: false,
        space_need_m2: None,
        workforce_need: None,
        funding_interest: false,
        location_satisfaction: Some(Satisfaction::new(4).expect("satisfaction")),
        issues_raised: vec![],
    }
}

struct Office {
    views: Views,
    position: u64,
}

impl Office {
    fn new() -> Self {
        Self {
            views: Views::default(),
            position: 0,
        }
    }

    fn on(&mut self, stream: &str, event: Event) {
        self.position += 1;
        self.views
            .apply(&recorded(self.position, stream, "2026-11-02"), &event);
    }

    fn business(&mut self, n: u128, name: &str, manager: Option<&str>) {
        let stream = format!("organization-{}", org(n));
        self.on(
            &stream,
            Event::Organization(OrganizationEvent::Registered {
                organization: org(n),
                name: OrganizationName::parse(name).expect("name"),
                kind: OrganizationKind::Company,
                profile: Profile::default(),
                address: None,
                region: None,
                external_id: None,
            }),
        );
        if let Some(manager) = manager {
            self.on(
                &stream,
                Event::Organization(OrganizationEvent::AccountManagerAssigned {
                    organization: org(n),
                    account_manager: Some(user(manager)),
                }),
            );
        }
    }

    fn visit(&mut self, n: u128, organization: u128, on: &str, staff: &str, findings: Findings) {
        self.on(
            &format!("visit-{}", visit_id(n)),
            Event::Visit(VisitEvent::Conducted {
                visit: visit_id(n),
                organization: org(organization),
                conducted_on: day(on),
                duration_minutes: 60,
                staff: vec![user(staff)],
                participants: vec![],
                topics: vec![],
                findings,
                notes: Text::default(),
                joint_partner: None,
            }),
        );
    }

    fn follow_up(&mut self, visit: u128, n: u128, due: &str, completed: Option<&str>) {
        let follow_up = FollowUpId::from_uuid(Uuid::from_u128(0x2000 + n));
        self.on(
            &format!("visit-{}", visit_id(visit)),
            Event::Visit(VisitEvent::FollowUpCreated {
                visit: visit_id(visit),
                follow_up,
                task: Title::parse("Flächenangebote schicken").expect("task"),
                assignee: user("m.schulz"),
                due_on: day(due),
            }),
        );
        if let Some(completed) = completed {
            self.on(
                &format!("visit-{}", visit_id(visit)),
                Event::Visit(VisitEvent::FollowUpCompleted {
                    visit: visit_id(visit),
                    follow_up,
                    completed_on: day(completed),
                }),
            );
        }
    }
}

/// 1 Bäckerei: relocation risk, one follow-up done, one open → listed.
/// 2 Druckerei: space need 400 m² with expansion plans, satisfaction 2 → listed, two reasons.
/// 3 Tischlerei: relocation risk, follow-up completed → not listed.
/// 4 Brauerei: satisfaction 1 in 2025, calm visit in 2026 → not listed (the latest counts).
/// 5 Metallbau: space need without expansion plans, satisfaction 3 → not listed.
/// 6 Gärtnerei: satisfaction 2 on 2026-12-01, after the day asked → listed only from then.
fn office() -> Office {
    let mut office = Office::new();
    office.business(1, "Bäckerei Schulz", Some("a.schneider"));
    office.business(2, "Druckerei Nord", None);
    office.business(3, "Tischlerei Holm", Some("a.schneider"));
    office.business(4, "Brauerei Pankow", Some("a.schneider"));
    office.business(5, "Metallbau Weiß", Some("a.schneider"));
    office.business(6, "Gärtnerei Blum", Some("m.schulz"));

    office.visit(
        1,
        1,
        "2026-09-10",
        "m.schulz",
        Findings {
            relocation_risk: true,
            ..calm()
        },
    );
    office.follow_up(1, 1, "2026-10-01", None);
    office.follow_up(1, 2, "2026-09-20", Some("2026-09-19"));
    office.visit(
        2,
        2,
        "2026-06-15",
        "m.schulz",
        Findings {
            expansion_plans: true,
            space_need_m2: Some(400),
            location_satisfaction: Some(Satisfaction::new(2).expect("satisfaction")),
            ..calm()
        },
    );
    office.visit(
        3,
        3,
        "2026-05-01",
        "a.schneider",
        Findings {
            relocation_risk: true,
            ..calm()
        },
    );
    office.follow_up(3, 3, "2026-05-20", Some("2026-05-18"));
    office.visit(
        4,
        4,
        "2025-03-01",
        "a.schneider",
        Findings {
            location_satisfaction: Some(Satisfaction::new(1).expect("satisfaction")),
            ..calm()
        },
    );
    office.visit(5, 4, "2026-02-01", "a.schneider", calm());
    office.visit(
        6,
        5,
        "2026-04-01",
        "a.schneider",
        Findings {
            space_need_m2: Some(150),
            location_satisfaction: Some(Satisfaction::new(3).expect("satisfaction")),
            ..calm()
        },
    );
    office.visit(
        7,
        6,
        "2026-12-01",
        "m.schulz",
        Findings {
            location_satisfaction: Some(Satisfaction::new(2).expect("satisfaction")),
            ..calm()
        },
    );
    office
}

/// A listed business as the test compares it: name, flags, open follow-up.
type Line<'a> = (
    &'a str,
    Vec<RiskReason>,
    Option<(UserName, chrono::NaiveDate)>,
);

#[test]
fn the_list_holds_the_businesses_whose_latest_visit_raised_a_flag_without_a_completed_follow_up() {
    let office = office();
    let list = at_risk(&office.views, day("2026-11-30"), None);
    let summary: Vec<Line<'_>> = list
        .iter()
        .map(|entry| {
            (
                entry.organization_name.as_str(),
                entry.reasons.clone(),
                entry.open_follow_up.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "Druckerei Nord",
                vec![
                    RiskReason::UnmetExpansion { space_need_m2: 400 },
                    RiskReason::LowSatisfaction { satisfaction: 2 },
                ],
                None,
            ),
            (
                "Bäckerei Schulz",
                vec![RiskReason::RelocationRisk],
                Some((user("m.schulz"), day("2026-10-01"))),
            ),
        ],
        "oldest visit first"
    );
    assert_eq!(list[0].visit, visit_id(2));
    assert_eq!(list[0].visited_on, day("2026-06-15"));

    let later = at_risk(&office.views, day("2026-12-06"), None);
    assert_eq!(
        later
            .iter()
            .map(|entry| entry.organization_name.as_str())
            .collect::<Vec<_>>(),
        vec!["Druckerei Nord", "Bäckerei Schulz", "Gärtnerei Blum"]
    );
}

#[test]
fn a_staff_member_sees_the_businesses_they_manage_or_visited_without_a_manager() {
    let office = office();
    let day = day("2026-12-06");
    let names = |login: &str| -> Vec<String> {
        at_risk(&office.views, day, Some(&user(login)))
            .into_iter()
            .map(|entry| entry.organization_name)
            .collect()
    };
    // Bäckerei is managed by a.schneider although m.schulz visited; Druckerei has no manager
    // and m.schulz visited it; Gärtnerei is managed by m.schulz.
    assert_eq!(names("a.schneider"), vec!["Bäckerei Schulz"]);
    assert_eq!(names("m.schulz"), vec!["Druckerei Nord", "Gärtnerei Blum"]);
    assert!(names("k.wolf").is_empty());
}

#[test]
fn a_closed_business_leaves_the_list() {
    let mut office = office();
    office.on(
        &format!("organization-{}", org(1)),
        Event::Organization(OrganizationEvent::Closed {
            organization: org(1),
            closed_on: day("2026-11-01"),
            reason: Text::parse("Geschäftsaufgabe").expect("reason"),
        }),
    );
    let list = at_risk(&office.views, day("2026-11-30"), None);
    assert_eq!(
        list.iter()
            .map(|entry| entry.organization_name.as_str())
            .collect::<Vec<_>>(),
        vec!["Druckerei Nord"]
    );
}
