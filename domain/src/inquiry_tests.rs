//! Given/when/then tests of the `inquiry` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn inquiry() -> InquiryId {
    InquiryId::from_uuid(Uuid::from_u128(1))
}

fn organization(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn referral(n: u128) -> ReferralId {
    ReferralId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn user(text: &str) -> UserName {
    UserName::parse(text).expect("test user")
}

fn text(text: &str) -> Text {
    Text::parse(text).expect("test text")
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("test code")
}

fn receive_command(organization: Option<OrganizationId>) -> InquiryCommand {
    InquiryCommand::Receive(ReceiveInquiry {
        inquiry: inquiry(),
        organization,
        channel: Channel::Mail,
        source: InquirySource::CitizensOffice,
        topics: vec![code("genehmigungen.sondernutzung")],
        description: text("Café möchte Tische auf den Gehweg stellen"),
        received_on: day("2025-04-01"),
        received_by: user("anna.schmidt"),
    })
}

fn received_from(organization: Option<OrganizationId>) -> InquiryEvent {
    InquiryEvent::Received {
        inquiry: inquiry(),
        organization,
        channel: Channel::Mail,
        source: InquirySource::CitizensOffice,
        topics: vec![code("genehmigungen.sondernutzung")],
        description: text("Café möchte Tische auf den Gehweg stellen"),
        received_on: day("2025-04-01"),
        received_by: user("anna.schmidt"),
    }
}

fn received() -> InquiryEvent {
    received_from(Some(organization(10)))
}

fn assign(assignee: &str) -> InquiryCommand {
    InquiryCommand::Assign(AssignInquiry {
        inquiry: inquiry(),
        assignee: user(assignee),
        assigned_on: day("2025-04-02"),
    })
}

fn assigned(assignee: &str) -> InquiryEvent {
    InquiryEvent::Assigned {
        inquiry: inquiry(),
        assignee: user(assignee),
        assigned_on: day("2025-04-02"),
    }
}

fn refer(n: u128, referred_on: &str) -> InquiryCommand {
    InquiryCommand::Refer(ReferInquiry {
        inquiry: inquiry(),
        referral: referral(n),
        office: code("ordnungsamt"),
        referred_on: day(referred_on),
        note: text("Bitte Sondernutzungserlaubnis prüfen"),
    })
}

fn referred(n: u128) -> InquiryEvent {
    InquiryEvent::Referred {
        inquiry: inquiry(),
        referral: referral(n),
        office: code("ordnungsamt"),
        referred_on: day("2025-04-03"),
        note: text("Bitte Sondernutzungserlaubnis prüfen"),
    }
}

fn answer_referral(n: u128, answered_on: &str) -> InquiryCommand {
    InquiryCommand::AnswerReferral(AnswerReferral {
        inquiry: inquiry(),
        referral: referral(n),
        answered_on: day(answered_on),
        answer: text("Antrag formlos möglich"),
    })
}

fn referral_answered(n: u128) -> InquiryEvent {
    InquiryEvent::ReferralAnswered {
        inquiry: inquiry(),
        referral: referral(n),
        answered_on: day("2025-04-07"),
        answer: text("Antrag formlos möglich"),
    }
}

fn answer(answered_on: &str) -> InquiryCommand {
    InquiryCommand::Answer(AnswerInquiry {
        inquiry: inquiry(),
        answered_on: day(answered_on),
        answer: text("Antrag beim Ordnungsamt, Formular anbei"),
    })
}

fn answered(answered_on: &str) -> InquiryEvent {
    InquiryEvent::Answered {
        inquiry: inquiry(),
        answered_on: day(answered_on),
        answer: text("Antrag beim Ordnungsamt, Formular anbei"),
    }
}

fn close(closed_on: &str) -> InquiryCommand {
    InquiryCommand::Close(CloseInquiry {
        inquiry: inquiry(),
        closed_on: day(closed_on),
        outcome: InquiryOutcome::Solved,
    })
}

fn closed() -> InquiryEvent {
    InquiryEvent::Closed {
        inquiry: inquiry(),
        closed_on: day("2025-04-10"),
        outcome: InquiryOutcome::Solved,
    }
}

fn reopen(reopened_on: &str) -> InquiryCommand {
    InquiryCommand::Reopen(ReopenInquiry {
        inquiry: inquiry(),
        reopened_on: day(reopened_on),
        reason: text("Erlaubnis wurde versagt"),
    })
}

fn reopened() -> InquiryEvent {
    InquiryEvent::Reopened {
        inquiry: inquiry(),
        reopened_on: day("2025-05-02"),
        reason: text("Erlaubnis wurde versagt"),
    }
}

#[test]
fn receiving_an_inquiry_records_it() {
    given::<Inquiry>(vec![])
        .when(receive_command(Some(organization(10))))
        .then(vec![received()]);
}

#[test]
fn an_anonymous_inquiry_has_no_organization() {
    given::<Inquiry>(vec![])
        .when(receive_command(None))
        .then(vec![received_from(None)]);
}

#[test]
fn receiving_twice_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(receive_command(Some(organization(10))))
        .then_error(InquiryError::AlreadyReceived);
}

#[test]
fn every_other_command_on_an_inquiry_not_received_is_refused() {
    for command in [
        assign("ben.mueller"),
        refer(1, "2025-04-03"),
        answer_referral(1, "2025-04-07"),
        answer("2025-04-02"),
        close("2025-04-10"),
        reopen("2025-05-02"),
    ] {
        given::<Inquiry>(vec![])
            .when(command)
            .then_error(InquiryError::NotReceived);
    }
}

#[test]
fn assigning_records_the_assignee_once() {
    given::<Inquiry>(vec![received()])
        .when(assign("ben.mueller"))
        .then(vec![assigned("ben.mueller")]);
    given::<Inquiry>(vec![received(), assigned("ben.mueller")])
        .when(assign("ben.mueller"))
        .then(vec![]);
    given::<Inquiry>(vec![received(), assigned("ben.mueller")])
        .when(assign("anna.schmidt"))
        .then(vec![assigned("anna.schmidt")]);
}

#[test]
fn assigning_before_the_inquiry_was_received_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(InquiryCommand::Assign(AssignInquiry {
            inquiry: inquiry(),
            assignee: user("ben.mueller"),
            assigned_on: day("2025-03-31"),
        }))
        .then_error(InquiryError::BeforeReceived {
            received_on: day("2025-04-01"),
        });
}

#[test]
fn referring_records_the_office_and_date() {
    given::<Inquiry>(vec![received()])
        .when(refer(1, "2025-04-03"))
        .then(vec![referred(1)]);
}

#[test]
fn referring_before_the_inquiry_was_received_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(refer(1, "2025-03-31"))
        .then_error(InquiryError::BeforeReceived {
            received_on: day("2025-04-01"),
        });
}

#[test]
fn a_referral_id_is_used_once() {
    given::<Inquiry>(vec![received(), referred(1)])
        .when(refer(1, "2025-04-04"))
        .then_error(InquiryError::ReferralExists(referral(1)));
}

#[test]
fn answering_a_referral_records_the_answer() {
    given::<Inquiry>(vec![received(), referred(1)])
        .when(answer_referral(1, "2025-04-07"))
        .then(vec![referral_answered(1)]);
}

#[test]
fn answering_an_unknown_referral_is_refused() {
    given::<Inquiry>(vec![received(), referred(1)])
        .when(answer_referral(2, "2025-04-07"))
        .then_error(InquiryError::UnknownReferral(referral(2)));
}

#[test]
fn answering_a_referral_twice_is_refused() {
    given::<Inquiry>(vec![received(), referred(1), referral_answered(1)])
        .when(answer_referral(1, "2025-04-08"))
        .then_error(InquiryError::ReferralAlreadyAnswered(referral(1)));
}

#[test]
fn a_referral_answered_before_it_was_referred_is_refused() {
    given::<Inquiry>(vec![received(), referred(1)])
        .when(answer_referral(1, "2025-04-02"))
        .then_error(InquiryError::ReferralAnsweredBeforeReferred {
            referred_on: day("2025-04-03"),
        });
}

#[test]
fn answering_records_the_answer_and_later_answers_too() {
    given::<Inquiry>(vec![received()])
        .when(answer("2025-04-02"))
        .then(vec![answered("2025-04-02")]);
    given::<Inquiry>(vec![received(), answered("2025-04-02")])
        .when(answer("2025-04-08"))
        .then(vec![answered("2025-04-08")]);
}

#[test]
fn an_answer_dated_before_the_inquiry_was_received_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(answer("2025-03-31"))
        .then_error(InquiryError::BeforeReceived {
            received_on: day("2025-04-01"),
        });
}

#[test]
fn closing_records_date_and_outcome() {
    given::<Inquiry>(vec![received(), answered("2025-04-02")])
        .when(close("2025-04-10"))
        .then(vec![closed()]);
}

#[test]
fn closing_before_the_received_date_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(close("2025-03-31"))
        .then_error(InquiryError::BeforeReceived {
            received_on: day("2025-04-01"),
        });
}

#[test]
fn closing_a_closed_inquiry_is_refused() {
    given::<Inquiry>(vec![received(), closed()])
        .when(close("2025-04-11"))
        .then_error(InquiryError::Closed);
}

#[test]
fn every_command_but_reopen_on_a_closed_inquiry_is_refused() {
    for command in [
        assign("ben.mueller"),
        refer(2, "2025-04-11"),
        answer_referral(1, "2025-04-11"),
        answer("2025-04-11"),
        close("2025-04-11"),
    ] {
        given::<Inquiry>(vec![received(), referred(1), closed()])
            .when(command)
            .then_error(InquiryError::Closed);
    }
}

#[test]
fn reopening_a_closed_inquiry_records_the_reason() {
    given::<Inquiry>(vec![received(), closed()])
        .when(reopen("2025-05-02"))
        .then(vec![reopened()]);
}

#[test]
fn reopening_an_open_inquiry_is_refused() {
    given::<Inquiry>(vec![received()])
        .when(reopen("2025-05-02"))
        .then_error(InquiryError::NotClosed);
    given::<Inquiry>(vec![received(), closed(), reopened()])
        .when(reopen("2025-05-03"))
        .then_error(InquiryError::NotClosed);
}

#[test]
fn reopening_before_the_inquiry_was_closed_is_refused() {
    given::<Inquiry>(vec![received(), closed()])
        .when(reopen("2025-04-09"))
        .then_error(InquiryError::ReopenedBeforeClosed {
            closed_on: day("2025-04-10"),
        });
}

#[test]
fn a_reopened_inquiry_accepts_answers_and_can_be_closed_again() {
    given::<Inquiry>(vec![received(), closed(), reopened()])
        .when(answer("2025-05-05"))
        .then(vec![answered("2025-05-05")]);
    given::<Inquiry>(vec![received(), closed(), reopened()])
        .when(close("2025-05-06"))
        .then(vec![InquiryEvent::Closed {
            inquiry: inquiry(),
            closed_on: day("2025-05-06"),
            outcome: InquiryOutcome::Solved,
        }]);
}

#[test]
fn state_keeps_the_first_response_referrals_and_outcome() {
    let state = Inquiry::fold(&[
        received(),
        assigned("ben.mueller"),
        referred(1),
        answered("2025-04-02"),
        referral_answered(1),
        answered("2025-04-08"),
        closed(),
    ]);
    assert_eq!(state.status, InquiryStatus::Closed);
    assert_eq!(state.organization, Some(organization(10)));
    assert_eq!(state.source, Some(InquirySource::CitizensOffice));
    assert_eq!(state.received_on, Some(day("2025-04-01")));
    assert_eq!(state.assignee, Some(user("ben.mueller")));
    assert_eq!(state.first_response_on, Some(day("2025-04-02")));
    assert_eq!(state.last_answered_on, Some(day("2025-04-08")));
    assert_eq!(
        state.referrals,
        BTreeMap::from([(
            referral(1),
            Referral {
                office: code("ordnungsamt"),
                referred_on: day("2025-04-03"),
                answered_on: Some(day("2025-04-07")),
            }
        )])
    );
    assert_eq!(state.closed_on, Some(day("2025-04-10")));
    assert_eq!(state.outcome, Some(InquiryOutcome::Solved));
    let state = Inquiry::fold(&[received(), closed(), reopened()]);
    assert_eq!(state.status, InquiryStatus::Open);
    assert_eq!(state.outcome, None);
    assert_eq!(state.closed_on, None);
}

#[test]
fn only_assigning_is_not_retried_on_conflict() {
    assert!(!Inquiry::retry_on_conflict(&assign("ben.mueller")));
    assert!(Inquiry::retry_on_conflict(&answer("2025-04-02")));
    assert!(Inquiry::retry_on_conflict(&close("2025-04-10")));
}

#[test]
fn commands_are_addressed_to_the_inquiry_stream() {
    assert_eq!(
        Inquiry::stream_id(&close("2025-04-10")),
        inquiry().to_string()
    );
    assert_eq!(Inquiry::CATEGORY, "inquiry");
}

#[test]
fn sources_and_outcomes_have_distinct_german_labels() {
    let sources: std::collections::BTreeSet<_> =
        InquirySource::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(sources.len(), InquirySource::ALL.len());
    let outcomes: std::collections::BTreeSet<_> =
        InquiryOutcome::ALL.iter().map(|o| o.label()).collect();
    assert_eq!(outcomes.len(), InquiryOutcome::ALL.len());
    assert_eq!(InquiryOutcome::PartlySolved.label(), "teilweise gelöst");
}

fn submission() -> (Submission, SenderData) {
    use crate::submission::{FoundVia, Reference};
    use crate::values::{Email, OrganizationName, PersonName, PostalCode, Title};
    (
        Submission {
            reference: Reference::of(inquiry()),
            found_via: FoundVia::OrderOfficeBrochure,
            postal_code: PostalCode::parse("13187").expect("plz"),
            sender: Uuid::from_u128(77),
            consent_notice: Title::parse("Datenschutzhinweis 2026").expect("title"),
        },
        SenderData {
            business: OrganizationName::parse("Nähstube Aylin").expect("name"),
            contact_person: PersonName::parse("Aylin Demir").expect("name"),
            email: Some(Email::parse("aylin@naehstube.example").expect("mail")),
            phone: None,
            street: None,
        },
    )
}

fn submit(assignee: Option<&str>) -> InquiryCommand {
    let (submission, personal) = submission();
    InquiryCommand::Submit(Box::new(SubmitInquiry {
        inquiry: inquiry(),
        submission,
        personal,
        topic: Some(code("foerderung")),
        description: text("Gibt es Zuschüsse für eine neue Nähmaschine?"),
        received_on: day("2026-12-07"),
        assignee: assignee.map(user),
        entered_by: None,
    }))
}

#[test]
fn a_form_submission_is_received_from_the_online_form_and_routed_in_one_append() {
    let (submission, personal) = submission();
    given::<Inquiry>(vec![])
        .when(submit(Some("a.schneider")))
        .then(vec![
            InquiryEvent::Submitted {
                inquiry: inquiry(),
                submission,
                personal: Erasable::Known(personal),
            },
            InquiryEvent::Received {
                inquiry: inquiry(),
                organization: None,
                channel: Channel::OnlineForm,
                source: InquirySource::PublicOrderOffice,
                topics: vec![code("foerderung")],
                description: text("Gibt es Zuschüsse für eine neue Nähmaschine?"),
                received_on: day("2026-12-07"),
                received_by: user(ONLINE_FORM_ACTOR),
            },
            InquiryEvent::Assigned {
                inquiry: inquiry(),
                assignee: user("a.schneider"),
                assigned_on: day("2026-12-07"),
            },
        ]);
}

#[test]
fn a_submission_entered_by_the_buergerbuero_names_its_user_as_receiver() {
    let mut command = submit(None);
    if let InquiryCommand::Submit(submission) = &mut command {
        submission.entered_by = Some(user("b.buero"));
    }
    let events = Inquiry::decide(&command, &InquiryState::default()).expect("decided");
    assert!(
        matches!(&events[1], InquiryEvent::Received { received_by, .. } if received_by == &user("b.buero")),
        "{events:?}"
    );
}

#[test]
fn a_submission_without_a_responsible_person_stays_in_the_team_inbox() {
    let events = Inquiry::decide(&submit(None), &InquiryState::default()).expect("decided");
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(
        !events
            .iter()
            .any(|event| matches!(event, InquiryEvent::Assigned { .. }))
    );
}

#[test]
fn the_senders_data_is_sealed_with_the_senders_own_key() {
    let events = Inquiry::decide(&submit(None), &InquiryState::default()).expect("decided");
    assert_eq!(events[0].data_subject(), Some(Uuid::from_u128(77)));
    assert_eq!(events[1].data_subject(), None);
}

#[test]
fn a_submission_cannot_reuse_an_inquiry() {
    given::<Inquiry>(vec![received()])
        .when(submit(None))
        .then_error(InquiryError::AlreadyReceived);
}

#[test]
fn the_brochure_of_the_ordnungsamt_makes_it_a_forwarded_inquiry() {
    assert_eq!(
        crate::submission::FoundVia::OrderOfficeBrochure.source(),
        InquirySource::PublicOrderOffice
    );
    assert_eq!(
        crate::submission::FoundVia::CitizensOffice.source(),
        InquirySource::CitizensOffice
    );
    assert_eq!(
        crate::submission::FoundVia::Flyer.source(),
        InquirySource::Direct
    );
}

fn submitted_events() -> Vec<InquiryEvent> {
    Inquiry::decide(&submit(None), &InquiryState::default()).expect("decided")
}

fn erase_sender(erased_on: &str) -> InquiryCommand {
    InquiryCommand::EraseSender(EraseSender {
        inquiry: inquiry(),
        erased_on: day(erased_on),
        reason: ErasureReason::RetentionPeriodExpired,
    })
}

#[test]
fn the_sender_of_a_closed_form_inquiry_can_be_erased() {
    let mut history = submitted_events();
    history.push(InquiryEvent::Closed {
        inquiry: inquiry(),
        closed_on: day("2026-12-08"),
        outcome: InquiryOutcome::Solved,
    });
    given::<Inquiry>(history)
        .when(erase_sender("2028-12-09"))
        .then(vec![InquiryEvent::SenderErased {
            inquiry: inquiry(),
            sender: Uuid::from_u128(77),
            erased_on: day("2028-12-09"),
            reason: ErasureReason::RetentionPeriodExpired,
        }]);
}

#[test]
fn a_sender_is_erased_once() {
    let mut history = submitted_events();
    history.push(InquiryEvent::SenderErased {
        inquiry: inquiry(),
        sender: Uuid::from_u128(77),
        erased_on: day("2026-12-09"),
        reason: ErasureReason::DataSubjectRequest,
    });
    given::<Inquiry>(history)
        .when(erase_sender("2026-12-10"))
        .then_error(InquiryError::SenderErased);
}

#[test]
fn an_inquiry_taken_by_phone_has_no_sender_to_erase() {
    given::<Inquiry>(vec![received()])
        .when(erase_sender("2026-12-10"))
        .then_error(InquiryError::NotSubmitted);
}

#[test]
fn a_sender_cannot_be_erased_before_the_inquiry_came_in() {
    given::<Inquiry>(submitted_events())
        .when(erase_sender("2026-12-06"))
        .then_error(InquiryError::BeforeReceived {
            received_on: day("2026-12-07"),
        });
}
