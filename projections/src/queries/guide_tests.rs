//! The Handreichung and the Ansprechpartner show only what was marked public: a topic not public,
//! an office not public, a staff member who did not publish or withdrew, or a deactivated
//! account, stay off the public pages.

use wifo_domain::{
    Event,
    public::{PublicEvent, Responsibility},
    taxonomy::{Entry, TaxonomyEvent, TaxonomyKind},
    user::UserEvent,
    values::{Code, Email, Phone, RegionCode, Role, Text, Title, UserName},
};

use super::*;
use crate::test_support::recorded;

fn user(login: &str) -> UserName {
    UserName::parse(login).expect("login")
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("code")
}

struct Office {
    views: Views,
    position: u64,
}

impl Office {
    fn new() -> Self {
        let mut office = Self {
            views: Views::default(),
            position: 0,
        };
        office.on(
            "taxonomy-topics",
            Event::Taxonomy(TaxonomyEvent::EntriesDefined {
                taxonomy: TaxonomyKind::Topics,
                entries: vec![
                    Entry::new("foerderung", "Förderung", None),
                    Entry::new("intern", "Interne Abstimmung", None),
                ],
            }),
        );
        office.on(
            "taxonomy-offices",
            Event::Taxonomy(TaxonomyEvent::EntriesDefined {
                taxonomy: TaxonomyKind::Offices,
                entries: vec![
                    Entry::new("ordnungsamt", "Ordnungsamt", None),
                    Entry::new("bauamt", "Bauamt", None),
                ],
            }),
        );
        office.on(
            "taxonomy-regions",
            Event::Taxonomy(TaxonomyEvent::EntriesDefined {
                taxonomy: TaxonomyKind::Regions,
                entries: vec![Entry::new("031001", "Buch", None)],
            }),
        );
        for (login, name) in [
            ("a.schneider", "Anna Schneider"),
            ("m.schulz", "Max Schulz"),
        ] {
            office.on(
                &format!("user-{login}"),
                Event::User(UserEvent::Created {
                    user: user(login),
                    display_name: Title::parse(name).expect("name"),
                    role: Role::Staff,
                }),
            );
        }
        office
    }

    fn on(&mut self, stream: &str, event: Event) -> &mut Self {
        self.position += 1;
        self.views
            .apply(&recorded(self.position, stream, "2026-11-02"), &event);
        self
    }

    fn topic(
        &mut self,
        topic: &str,
        public: bool,
        offices: &[&str],
        staff: &[(&str, Option<&str>)],
    ) {
        self.on(
            &format!("public-topic.{topic}"),
            Event::Public(PublicEvent::TopicWritten {
                topic: code(topic),
                guidance: Text::parse("Wir beraten zu Zuschüssen.").expect("text"),
                offices: offices.iter().map(|office| code(office)).collect(),
                responsible: staff
                    .iter()
                    .map(|(login, region)| Responsibility {
                        region: region.map(|r| RegionCode::parse(r).expect("region")),
                        staff: user(login),
                    })
                    .collect(),
                public,
            }),
        );
    }

    fn office(&mut self, office: &str, public: bool) {
        self.on(
            &format!("public-office.{office}"),
            Event::Public(PublicEvent::OfficeWritten {
                office: code(office),
                address: Text::parse("Rathausstraße 1\n13187 Berlin").expect("text"),
                phone: Some(Phone::parse("030 90295-0").expect("phone")),
                email: None,
                website: None,
                hours: Text::default(),
                public,
            }),
        );
    }

    fn publish(&mut self, login: &str) {
        self.on(
            &format!("public-staff.{login}"),
            Event::Public(PublicEvent::ContactPublished {
                user: user(login),
                phone: None,
                email: Some(Email::parse(&format!("{login}@bezirk.example")).expect("mail")),
            }),
        );
    }
}

#[test]
fn only_public_topics_offices_and_published_staff_appear() {
    let mut office = Office::new();
    office.topic(
        "foerderung",
        true,
        &["ordnungsamt", "bauamt"],
        &[("a.schneider", None), ("m.schulz", Some("031001"))],
    );
    office.topic("intern", false, &["ordnungsamt"], &[("a.schneider", None)]);
    office.office("ordnungsamt", true);
    office.office("bauamt", false);
    office.publish("a.schneider");

    let shown = guide(&office.views);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].name, "Förderung");
    let offices: Vec<&str> = shown[0].offices.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(offices, ["Ordnungsamt"]);
    let people: Vec<&str> = shown[0].people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(people, ["Anna Schneider"]);
    assert!(topic(&office.views, "intern").is_none());

    let team = people_of(&office.views);
    assert_eq!(
        team,
        [("Anna Schneider".to_owned(), vec!["Förderung".to_owned()])]
    );
}

fn people_of(views: &Views) -> Vec<(String, Vec<String>)> {
    people(views)
        .into_iter()
        .map(|person| (person.name, person.topic_names))
        .collect()
}

#[test]
fn a_withdrawn_publication_or_a_deactivated_account_leaves_the_public_pages() {
    let mut office = Office::new();
    office.topic(
        "foerderung",
        true,
        &[],
        &[("a.schneider", None), ("m.schulz", Some("031001"))],
    );
    office.publish("a.schneider");
    office.publish("m.schulz");
    let before = people(&office.views);
    assert_eq!(before.len(), 2);
    assert_eq!(before[1].region_names, ["Buch"]);

    office.on(
        "public-staff.a.schneider",
        Event::Public(PublicEvent::ContactWithdrawn {
            user: user("a.schneider"),
        }),
    );
    office.on(
        "user-m.schulz",
        Event::User(UserEvent::Deactivated {
            user: user("m.schulz"),
        }),
    );
    assert!(people(&office.views).is_empty());
    assert!(guide(&office.views)[0].people.is_empty());
}
