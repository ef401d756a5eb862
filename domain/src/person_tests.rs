//! Given/when/then tests of the `person` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;
use crate::values::{Email, PersonName, Phone};

fn id(n: u128) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(n))
}

fn org(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn title(text: &str) -> Title {
    Title::parse(text).expect("test title")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn personal(name: &str) -> PersonalData {
    PersonalData {
        name: PersonName::parse(name).expect("test name"),
        email: Some(Email::parse("m.schulz@baeckerei-schulz.de").expect("test mail")),
        phone: Some(Phone::parse("+49 30 1234567").expect("test phone")),
        notes: text("Bevorzugt Termine am Vormittag"),
    }
}

fn added() -> PersonEvent {
    PersonEvent::Added {
        person: id(1),
        personal: Erasable::Known(personal("Maria Schulz")),
    }
}

fn linked() -> PersonEvent {
    PersonEvent::Linked {
        person: id(1),
        organization: org(7),
        role: title("Geschäftsführerin"),
    }
}

fn consent_given() -> PersonEvent {
    PersonEvent::ConsentRecorded {
        person: id(1),
        purpose: ConsentPurpose::Newsletter,
        channel: ConsentChannel::WebForm,
        source: text("Anmeldeformular Newsletter"),
        given_on: day("2025-02-01"),
    }
}

fn erased() -> PersonEvent {
    PersonEvent::Erased {
        person: id(1),
        erased_on: day("2025-06-30"),
        reason: ErasureReason::DataSubjectRequest,
    }
}

/// One command of every kind, all addressed to person 1.
fn every_command() -> Vec<PersonCommand> {
    vec![
        PersonCommand::Add(AddPerson {
            person: id(1),
            personal: personal("Maria Schulz"),
        }),
        PersonCommand::Update(UpdatePerson {
            person: id(1),
            personal: personal("Maria Schulz-Weber"),
        }),
        PersonCommand::Link(LinkPerson {
            person: id(1),
            organization: org(8),
            role: title("Inhaberin"),
        }),
        PersonCommand::Unlink(UnlinkPerson {
            person: id(1),
            organization: org(7),
        }),
        PersonCommand::RecordConsent(RecordConsent {
            person: id(1),
            purpose: ConsentPurpose::Invitations,
            channel: ConsentChannel::InPerson,
            source: text("Unternehmerfrühstück"),
            given_on: day("2025-07-01"),
        }),
        PersonCommand::WithdrawConsent(WithdrawConsent {
            person: id(1),
            purpose: ConsentPurpose::Newsletter,
            withdrawn_on: day("2025-07-01"),
        }),
        PersonCommand::Erase(ErasePerson {
            person: id(1),
            erased_on: day("2025-07-01"),
            reason: ErasureReason::Other,
        }),
    ]
}

#[test]
fn adding_a_person_records_the_personal_data_in_the_personal_field() {
    given::<Person>(vec![])
        .when(PersonCommand::Add(AddPerson {
            person: id(1),
            personal: personal("Maria Schulz"),
        }))
        .then(vec![added()]);
}

#[test]
fn adding_twice_is_refused() {
    given::<Person>(vec![added()])
        .when(PersonCommand::Add(AddPerson {
            person: id(1),
            personal: personal("Maria Schulz"),
        }))
        .then_error(PersonError::AlreadyAdded);
}

#[test]
fn commands_on_a_person_not_added_are_refused() {
    for command in every_command().into_iter().skip(1) {
        given::<Person>(vec![])
            .when(command)
            .then_error(PersonError::NotAdded);
    }
}

#[test]
fn updating_records_the_new_data_and_the_same_data_records_nothing() {
    given::<Person>(vec![added()])
        .when(PersonCommand::Update(UpdatePerson {
            person: id(1),
            personal: personal("Maria Schulz-Weber"),
        }))
        .then(vec![PersonEvent::Updated {
            person: id(1),
            personal: Erasable::Known(personal("Maria Schulz-Weber")),
        }]);
    given::<Person>(vec![added()])
        .when(PersonCommand::Update(UpdatePerson {
            person: id(1),
            personal: personal("Maria  Schulz"),
        }))
        .then(vec![]);
}

#[test]
fn linking_records_the_role_and_linking_the_same_organization_twice_is_refused() {
    given::<Person>(vec![added()])
        .when(PersonCommand::Link(LinkPerson {
            person: id(1),
            organization: org(7),
            role: title("Geschäftsführerin"),
        }))
        .then(vec![linked()]);
    given::<Person>(vec![added(), linked()])
        .when(PersonCommand::Link(LinkPerson {
            person: id(1),
            organization: org(7),
            role: title("Inhaberin"),
        }))
        .then_error(PersonError::AlreadyLinked {
            organization: org(7),
        });
}

#[test]
fn unlinking_ends_a_link_and_unlinking_when_not_linked_is_refused() {
    given::<Person>(vec![added(), linked()])
        .when(PersonCommand::Unlink(UnlinkPerson {
            person: id(1),
            organization: org(7),
        }))
        .then(vec![PersonEvent::Unlinked {
            person: id(1),
            organization: org(7),
        }]);
    given::<Person>(vec![added(), linked()])
        .when(PersonCommand::Unlink(UnlinkPerson {
            person: id(1),
            organization: org(8),
        }))
        .then_error(PersonError::NotLinked {
            organization: org(8),
        });
}

#[test]
fn recording_consent_once_and_again_for_the_same_purpose_is_refused() {
    let record = || {
        PersonCommand::RecordConsent(RecordConsent {
            person: id(1),
            purpose: ConsentPurpose::Newsletter,
            channel: ConsentChannel::WebForm,
            source: text("Anmeldeformular Newsletter"),
            given_on: day("2025-02-01"),
        })
    };
    given::<Person>(vec![added()])
        .when(record())
        .then(vec![consent_given()]);
    given::<Person>(vec![added(), consent_given()])
        .when(record())
        .then_error(PersonError::ConsentAlreadyGiven {
            purpose: ConsentPurpose::Newsletter,
        });
}

#[test]
fn withdrawing_consent_ends_it_and_consent_not_given_cannot_be_withdrawn() {
    let withdraw = |purpose, withdrawn_on| {
        PersonCommand::WithdrawConsent(WithdrawConsent {
            person: id(1),
            purpose,
            withdrawn_on,
        })
    };
    let withdrawn = PersonEvent::ConsentWithdrawn {
        person: id(1),
        purpose: ConsentPurpose::Newsletter,
        withdrawn_on: day("2025-05-01"),
    };
    given::<Person>(vec![added(), consent_given()])
        .when(withdraw(ConsentPurpose::Newsletter, day("2025-05-01")))
        .then(vec![withdrawn.clone()]);
    given::<Person>(vec![added(), consent_given()])
        .when(withdraw(ConsentPurpose::PhoneContact, day("2025-05-01")))
        .then_error(PersonError::ConsentNotGiven {
            purpose: ConsentPurpose::PhoneContact,
        });
    given::<Person>(vec![added(), consent_given(), withdrawn])
        .when(withdraw(ConsentPurpose::Newsletter, day("2025-05-02")))
        .then_error(PersonError::ConsentNotGiven {
            purpose: ConsentPurpose::Newsletter,
        });
}

#[test]
fn consent_cannot_be_withdrawn_before_it_was_given() {
    given::<Person>(vec![added(), consent_given()])
        .when(PersonCommand::WithdrawConsent(WithdrawConsent {
            person: id(1),
            purpose: ConsentPurpose::Newsletter,
            withdrawn_on: day("2025-01-31"),
        }))
        .then_error(PersonError::WithdrawnBeforeGiven {
            given_on: day("2025-02-01"),
        });
}

#[test]
fn erasing_records_date_and_reason() {
    given::<Person>(vec![added(), linked(), consent_given()])
        .when(PersonCommand::Erase(ErasePerson {
            person: id(1),
            erased_on: day("2025-06-30"),
            reason: ErasureReason::DataSubjectRequest,
        }))
        .then(vec![erased()]);
}

#[test]
fn every_command_after_erasure_is_refused_including_a_second_erasure() {
    for command in every_command() {
        given::<Person>(vec![added(), linked(), consent_given(), erased()])
            .when(command)
            .then_error(PersonError::Erased);
    }
}

#[test]
fn a_person_whose_key_is_already_deleted_refuses_changes_but_can_still_be_erased() {
    // After the key is deleted the store decodes `personal` as erased, possibly before
    // `PersonErased` is written.
    let unreadable = PersonEvent::Added {
        person: id(1),
        personal: Erasable::Erased,
    };
    given::<Person>(vec![unreadable.clone(), linked()])
        .when(PersonCommand::Update(UpdatePerson {
            person: id(1),
            personal: personal("Maria Schulz"),
        }))
        .then_error(PersonError::Erased);
    given::<Person>(vec![unreadable, linked()])
        .when(PersonCommand::Erase(ErasePerson {
            person: id(1),
            erased_on: day("2025-06-30"),
            reason: ErasureReason::DataSubjectRequest,
        }))
        .then(vec![erased()]);
}

#[test]
fn the_state_keeps_links_and_consents_in_force_and_forgets_the_data_on_erasure() {
    let state = Person::fold(&[added(), linked(), consent_given()]);
    assert!(state.added && !state.erased);
    assert_eq!(
        state.personal,
        Some(Erasable::Known(personal("Maria Schulz")))
    );
    assert_eq!(state.links.get(&org(7)), Some(&title("Geschäftsführerin")));
    assert_eq!(
        state.consents.get(&ConsentPurpose::Newsletter),
        Some(&day("2025-02-01"))
    );
    let state = Person::fold(&[added(), linked(), erased()]);
    assert!(state.erased && state.is_erased());
    assert_eq!(state.personal, Some(Erasable::Erased));
}

#[test]
fn every_person_event_names_its_person_as_data_subject() {
    let events = vec![
        added(),
        PersonEvent::Updated {
            person: id(1),
            personal: Erasable::Erased,
        },
        linked(),
        PersonEvent::Unlinked {
            person: id(1),
            organization: org(7),
        },
        consent_given(),
        PersonEvent::ConsentWithdrawn {
            person: id(1),
            purpose: ConsentPurpose::Newsletter,
            withdrawn_on: day("2025-05-01"),
        },
        erased(),
    ];
    assert_eq!(events.len(), PersonEvent::TYPE_NAMES.len());
    for event in events {
        assert_eq!(event.data_subject(), Some(Uuid::from_u128(1)), "{event:?}");
    }
}

#[test]
fn only_an_update_is_not_retried_after_a_conflict() {
    for command in every_command() {
        let expected = !matches!(command, PersonCommand::Update(_));
        assert_eq!(Person::retry_on_conflict(&command), expected, "{command:?}");
    }
}
