//! Given/when/then tests of the `public` decider, one per rule.

use super::*;
use crate::decider::spec::given;

fn code(text: &str) -> Code {
    Code::parse(text).expect("valid code")
}

fn text(value: &str) -> Text {
    Text::parse(value).expect("valid text")
}

fn user(name: &str) -> UserName {
    UserName::parse(name).expect("valid user")
}

fn topic(guidance: &str, public: bool) -> WriteGuideTopic {
    WriteGuideTopic {
        topic: code("foerderung"),
        guidance: text(guidance),
        offices: vec![code("ordnungsamt")],
        responsible: vec![Responsibility {
            region: None,
            staff: user("a.schneider"),
        }],
        public,
    }
}

fn written(command: &WriteGuideTopic) -> PublicEvent {
    PublicEvent::TopicWritten {
        topic: command.topic.clone(),
        guidance: command.guidance.clone(),
        offices: command.offices.clone(),
        responsible: command.responsible.clone(),
        public: command.public,
    }
}

#[test]
fn a_topic_entry_is_written_and_kept_as_a_whole() {
    let command = topic(
        "Zuschüsse für kleine Betriebe: wir beraten kostenlos.",
        true,
    );
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(command.clone()))
        .then(vec![written(&command)]);
}

#[test]
fn writing_the_same_entry_again_changes_nothing() {
    let command = topic("Zuschüsse für kleine Betriebe.", true);
    given::<Public>(vec![written(&command)])
        .when(PublicCommand::WriteTopic(command))
        .then(vec![]);
}

#[test]
fn a_public_topic_needs_guidance() {
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(topic("", true)))
        .then_error(PublicError::PublicWithoutGuidance);
}

#[test]
fn a_topic_not_yet_public_may_have_no_guidance() {
    let command = topic("", false);
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(command.clone()))
        .then(vec![written(&command)]);
}

#[test]
fn guidance_must_fit_the_flyer() {
    let long = "a".repeat(GUIDANCE_MAX_CHARS + 1);
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(topic(&long, true)))
        .then_error(PublicError::GuidanceTooLong);
    let fits = topic(&"a".repeat(GUIDANCE_MAX_CHARS), true);
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(fits.clone()))
        .then(vec![written(&fits)]);
}

#[test]
fn an_office_named_twice_is_refused() {
    let mut command = topic("Hinweis", true);
    command.offices = vec![code("ordnungsamt"), code("ordnungsamt")];
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(command))
        .then_error(PublicError::DuplicateOffice(code("ordnungsamt")));
}

#[test]
fn a_public_office_needs_a_way_to_reach_it() {
    let office = WriteGuideOffice {
        office: code("ordnungsamt"),
        address: Text::default(),
        phone: None,
        email: None,
        website: None,
        hours: text("Mo–Fr 9–12 Uhr"),
        public: true,
    };
    given::<Public>(vec![])
        .when(PublicCommand::WriteOffice(office))
        .then_error(PublicError::OfficeWithoutContact);
}

#[test]
fn publishing_needs_phone_or_mail_and_withdrawing_removes_it() {
    given::<Public>(vec![])
        .when(PublicCommand::Publish(PublishContact {
            user: user("a.schneider"),
            phone: None,
            email: None,
        }))
        .then_error(PublicError::NothingToPublish);
    let published = PublicEvent::ContactPublished {
        user: user("a.schneider"),
        phone: None,
        email: Some(Email::parse("a.schneider@bezirk.example").expect("mail")),
    };
    given::<Public>(vec![published.clone()])
        .when(PublicCommand::Withdraw(WithdrawContact {
            user: user("a.schneider"),
        }))
        .then(vec![PublicEvent::ContactWithdrawn {
            user: user("a.schneider"),
        }]);
    given::<Public>(vec![
        published,
        PublicEvent::ContactWithdrawn {
            user: user("a.schneider"),
        },
    ])
    .when(PublicCommand::Withdraw(WithdrawContact {
        user: user("a.schneider"),
    }))
    .then(vec![]);
}

#[test]
fn one_person_per_region_of_a_topic() {
    let mut command = topic("Hinweis", true);
    command.responsible.push(Responsibility {
        region: None,
        staff: user("m.schulz"),
    });
    given::<Public>(vec![])
        .when(PublicCommand::WriteTopic(command))
        .then_error(PublicError::DuplicateRegion("jede Region".into()));
}

#[test]
fn each_kind_has_its_own_stream() {
    assert_eq!(
        Public::stream_id(&PublicCommand::WriteTopic(topic("x", true))),
        "topic.foerderung"
    );
    assert_eq!(
        Public::stream_id(&PublicCommand::Withdraw(WithdrawContact {
            user: user("a.schneider")
        })),
        "staff.a.schneider"
    );
}
