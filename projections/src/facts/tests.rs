//! Tests of the fact tables: events in, rows out, each expected row written down by hand.

use crate::test_support::{day, recorded};
use uuid::Uuid;
use wifo_domain::{
    Event,
    contact::{Channel, ContactEvent},
    ids::{ContactId, InquiryId, OrganizationId, ReferralId, VisitId},
    inquiry::{InquiryEvent, InquirySource},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    values::{Address, Code, OrganizationName, RegionCode, SizeClass, Text, UserName, WzCode},
    visit::{Findings, VisitEvent},
};

use super::{FactTables, InquiryStep, VisitOutcome, day_number, key};

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("code")
}

fn staff() -> UserName {
    UserName::parse("a.schneider").expect("user")
}

/// Feeds events, each recorded on the given day, in order.
#[derive(Default)]
struct Log {
    facts: FactTables,
    position: u64,
}

impl Log {
    fn on(&mut self, date: &str, event: Event) -> &mut Self {
        self.position += 1;
        let recorded = recorded(self.position, "test", date);
        self.facts.apply(&recorded, &event);
        self
    }

    fn texts(&self, symbols: impl Iterator<Item = super::Symbol>) -> Vec<&str> {
        symbols.filter_map(|s| self.facts.text(s)).collect()
    }
}

fn registered(id: OrganizationId, region: &str) -> Event {
    Event::Organization(OrganizationEvent::Registered {
        organization: id,
        name: OrganizationName::parse("Bäckerei Kruse").expect("name"),
        kind: OrganizationKind::Company,
        profile: Profile {
            sector: Some(WzCode::parse("10.71").expect("wz")),
            size_class: Some(SizeClass::ALL[1]),
            ..Profile::default()
        },
        address: Some(Address::parse("Breite Straße 24", "13187", "Berlin").expect("address")),
        region: Some(RegionCode::parse(region).expect("region")),
        external_id: None,
    })
}

fn relocated(id: OrganizationId, region: &str) -> Event {
    Event::Organization(OrganizationEvent::Relocated {
        organization: id,
        address: Address::parse("Hauptstraße 1", "10115", "Berlin").expect("address"),
        region: Some(RegionCode::parse(region).expect("region")),
    })
}

fn visit(n: u128) -> VisitId {
    VisitId::from_uuid(Uuid::from_u128(n))
}

fn conducted(n: u128, organization: OrganizationId, on: &str, topics: &[&str]) -> Event {
    Event::Visit(VisitEvent::Conducted {
        visit: visit(n),
        organization,
        conducted_on: day(on),
        duration_minutes: 60,
        staff: vec![staff()],
        participants: vec![],
        topics: topics.iter().map(|t| code(t)).collect(),
        findings: Findings {
            relocation_risk: true,
            ..Findings::default()
        },
        notes: Text::default(),
        joint_partner: None,
    })
}

#[test]
fn a_visit_counts_in_the_region_the_business_was_in_on_the_day_of_the_visit() {
    let bakery = org(1);
    let mut log = Log::default();
    log.on("2025-01-10", registered(bakery, "01100101"))
        .on(
            "2025-03-01",
            conducted(10, bakery, "2025-03-01", &["flaechen"]),
        )
        .on("2025-06-01", relocated(bakery, "02200202"))
        .on("2025-09-01", conducted(11, bakery, "2025-09-01", &[]));
    let visits = &log.facts.visits;
    assert_eq!(visits.len(), 2);
    assert_eq!(
        log.texts(visits.region.iter().copied()),
        ["01100101", "02200202"]
    );
    assert_eq!(log.texts(visits.sector.iter().copied()), ["10.71", "10.71"]);
    assert_eq!(visits.size_class, [Some(SizeClass::ALL[1]); 2]);
    assert_eq!(visits.organization, [key(bakery.as_uuid()); 2]);
    assert_eq!(
        visits.day,
        [day_number(day("2025-03-01")), day_number(day("2025-09-01"))]
    );
    assert_eq!(visits.relocation_risk, [true, true]);
}

#[test]
fn a_planned_visit_that_is_conducted_keeps_one_row_with_the_new_topics_and_staff() {
    let bakery = org(1);
    let mut log = Log::default();
    log.on("2025-01-10", registered(bakery, "01100101")).on(
        "2025-02-01",
        Event::Visit(VisitEvent::Planned {
            visit: visit(10),
            organization: bakery,
            planned_on: day("2025-02-20"),
            planned_at: None,
            staff: vec![UserName::parse("b.meier").expect("user")],
            participants: vec![],
            purpose: Text::default(),
            joint_partner: None,
        }),
    );
    assert_eq!(log.facts.visits.outcome, [VisitOutcome::Planned]);
    assert_eq!(log.texts(log.facts.visits.staff.of(0)), ["b.meier"]);
    log.on(
        "2025-02-21",
        conducted(10, bakery, "2025-02-21", &["flaechen", "energie"]),
    );
    let visits = &log.facts.visits;
    assert_eq!(visits.len(), 1);
    assert_eq!(visits.outcome, [VisitOutcome::Conducted]);
    assert_eq!(visits.day, [day_number(day("2025-02-21"))]);
    assert_eq!(log.texts(visits.staff.of(0)), ["a.schneider"]);
    assert_eq!(log.texts(visits.topics.of(0)), ["flaechen", "energie"]);
    assert_eq!(visits.staff.entries().count(), 1);
}

#[test]
fn a_corrected_contact_replaces_its_row_and_a_retracted_one_is_marked() {
    let bakery = org(1);
    let contact = ContactId::from_uuid(Uuid::from_u128(20));
    let logged = |channel, topic: &str| ContactEvent::Logged {
        contact,
        organization: bakery,
        person: None,
        channel,
        contacted_on: day("2025-04-02"),
        topics: vec![code(topic)],
        summary: Text::default(),
        staff: staff(),
    };
    let mut log = Log::default();
    log.on("2025-01-10", registered(bakery, "01100101")).on(
        "2025-04-02",
        Event::Contact(logged(Channel::Phone, "miete")),
    );
    let ContactEvent::Logged {
        contact,
        organization,
        person,
        contacted_on,
        summary,
        staff,
        ..
    } = logged(Channel::Mail, "verkehr")
    else {
        unreachable!("built as Logged above")
    };
    log.on(
        "2025-04-03",
        Event::Contact(ContactEvent::Corrected {
            contact,
            organization,
            person,
            channel: Channel::Mail,
            contacted_on,
            topics: vec![code("verkehr")],
            summary,
            staff,
        }),
    );
    assert_eq!(log.facts.contacts.len(), 1);
    assert_eq!(log.facts.contacts.channel, [Channel::Mail]);
    assert_eq!(log.texts(log.facts.contacts.topics.of(0)), ["verkehr"]);
    assert_eq!(log.facts.contacts.topics.entries().count(), 1);
    assert_eq!(log.facts.contacts.retracted, [false]);
    log.on(
        "2025-04-04",
        Event::Contact(ContactEvent::Retracted {
            contact,
            reason: Text::default(),
        }),
    );
    assert_eq!(log.facts.contacts.retracted, [true]);
}

#[test]
fn every_inquiry_step_is_a_row_and_a_referral_answer_names_the_office() {
    let bakery = org(1);
    let inquiry = InquiryId::from_uuid(Uuid::from_u128(30));
    let referral = ReferralId::from_uuid(Uuid::from_u128(31));
    let mut log = Log::default();
    log.on("2025-01-10", registered(bakery, "01100101"))
        .on(
            "2025-05-05",
            Event::Inquiry(InquiryEvent::Received {
                inquiry,
                organization: Some(bakery),
                channel: Channel::Mail,
                source: InquirySource::ALL[0],
                topics: vec![code("genehmigung")],
                description: Text::default(),
                received_on: day("2025-05-05"),
                received_by: staff(),
            }),
        )
        .on("2025-05-06", relocated(bakery, "03300303"))
        .on(
            "2025-05-07",
            Event::Inquiry(InquiryEvent::Referred {
                inquiry,
                referral,
                office: code("bauamt"),
                referred_on: day("2025-05-07"),
                note: Text::default(),
            }),
        )
        .on(
            "2025-05-20",
            Event::Inquiry(InquiryEvent::ReferralAnswered {
                inquiry,
                referral,
                answered_on: day("2025-05-20"),
                answer: Text::default(),
            }),
        );
    let steps = &log.facts.inquiry_steps;
    assert_eq!(
        steps.step,
        [
            InquiryStep::Received,
            InquiryStep::Referred,
            InquiryStep::ReferralAnswered
        ]
    );
    assert_eq!(
        log.texts(steps.office.iter().copied()),
        ["bauamt", "bauamt"]
    );
    assert_eq!(
        log.texts(steps.region.iter().copied()),
        ["01100101", "03300303", "03300303"]
    );
    assert_eq!(steps.source, [Some(InquirySource::ALL[0]); 3]);
    assert_eq!(log.texts(steps.topics.of(0)), ["genehmigung"]);
    assert_eq!(steps.topics.entries().count(), 1);
}

#[test]
fn the_received_row_keeps_the_first_answer_the_first_close_and_a_reopen() {
    let inquiry = InquiryId::from_uuid(Uuid::from_u128(40));
    let answered = |on: &str| {
        Event::Inquiry(InquiryEvent::Answered {
            inquiry,
            answered_on: day(on),
            answer: Text::default(),
        })
    };
    let closed = |on: &str| {
        Event::Inquiry(InquiryEvent::Closed {
            inquiry,
            closed_on: day(on),
            outcome: wifo_domain::inquiry::InquiryOutcome::ALL[0],
        })
    };
    let mut log = Log::default();
    log.on(
        "2025-03-03",
        Event::Inquiry(InquiryEvent::Received {
            inquiry,
            organization: None,
            channel: Channel::Phone,
            source: InquirySource::ALL[1],
            topics: vec![],
            description: Text::default(),
            received_on: day("2025-03-03"),
            received_by: staff(),
        }),
    );
    let steps = &log.facts.inquiry_steps;
    assert_eq!(
        (
            steps.first_answered[0],
            steps.first_closed[0],
            steps.reopened[0]
        ),
        (None, None, false)
    );
    // Answered on the 10th, closed on the 12th, reopened, answered and closed again later; an
    // answer recorded late with an earlier date (the 7th) becomes the first answer.
    log.on("2025-03-10", answered("2025-03-10"))
        .on("2025-03-12", closed("2025-03-12"))
        .on(
            "2025-04-01",
            Event::Inquiry(InquiryEvent::Reopened {
                inquiry,
                reopened_on: day("2025-04-01"),
                reason: Text::default(),
            }),
        )
        .on("2025-04-02", answered("2025-03-07"))
        .on("2025-04-03", closed("2025-04-03"));
    let steps = &log.facts.inquiry_steps;
    assert_eq!(steps.inquiry.len(), 6);
    assert_eq!(steps.first_answered[0], Some(day_number(day("2025-03-07"))));
    assert_eq!(steps.first_closed[0], Some(day_number(day("2025-03-12"))));
    assert!(steps.reopened[0]);
    // Only the received row carries them.
    assert_eq!(steps.first_answered[1..], [None; 5]);
    assert_eq!(steps.reopened[1..], [false; 5]);
}

#[test]
fn the_tables_read_back_from_their_serialized_form() {
    let bakery = org(1);
    let mut log = Log::default();
    log.on("2025-01-10", registered(bakery, "01100101")).on(
        "2025-03-01",
        conducted(10, bakery, "2025-03-01", &["flaechen"]),
    );
    let bytes = rmp_serde::to_vec(&log.facts).expect("encode");
    let loaded: FactTables = rmp_serde::from_slice(&bytes).expect("decode");
    assert_eq!(loaded.visits.day, log.facts.visits.day);
    assert_eq!(
        loaded.symbols.get(loaded.visits.region[0]),
        Some("01100101")
    );
    assert_eq!(
        loaded.text(loaded.visits.topics.of(0).next().expect("topic")),
        Some("flaechen")
    );
    assert_eq!(loaded.resolve(key(bakery.as_uuid())), key(bakery.as_uuid()));
}
