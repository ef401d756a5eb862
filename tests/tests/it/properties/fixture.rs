//! One hand-written event of every stored event type (this file and `fixture_planning.rs`), with the values a Wirtschaftsförderung in
//! Berlin-Pankow would record, so the codec round trip is shown for each type name the log can
//! hold — including optional fields set, lists with entries and personal data to seal.

use chrono::NaiveDate;
use uuid::Uuid;
use wifo_domain::{
    contact::{Channel, ContactEvent},
    ids::{ContactId, FollowUpId, InquiryId, OrganizationId, PersonId, ReferralId, VisitId},
    inquiry::{InquiryEvent, InquiryOutcome, InquirySource},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    person::{ConsentChannel, ConsentPurpose, ErasureReason, PersonEvent},
    personal::{Erasable, PersonalData},
    submission::{FoundVia, Reference, SenderData, Submission},
    values::{
        Address, Code, Email, OrganizationName, PersonName, Phone, PostalCode, RegionCode,
        SizeClass, Tag, Text, TimeOfDay, Title, UserName, Website, WzCode,
    },
    visit::{Findings, Satisfaction, VisitEvent},
};

pub(super) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("fixture date exists")
}
pub(super) fn text(value: &str) -> Text {
    Text::parse(value).expect("fixture text parses")
}
pub(super) fn title(value: &str) -> Title {
    Title::parse(value).expect("fixture title parses")
}
pub(super) fn user(value: &str) -> UserName {
    UserName::parse(value).expect("fixture user name parses")
}
pub(super) fn code(value: &str) -> Code {
    Code::parse(value).expect("fixture code parses")
}
pub(super) fn id<T: From<Uuid>>(value: u128) -> T {
    T::from(Uuid::from_u128(value))
}

pub(super) const BAECKEREI: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0001;
pub(super) const VERBAND: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0002;
pub(super) const ANNA: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0101;
pub(super) const COOPERATION: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0201;
pub(super) const MILESTONE: u128 = 0x0190_0000_0000_7000_8000_0000_0000_0202;

pub(super) fn organization_events() -> Vec<OrganizationEvent> {
    use OrganizationEvent as E;
    let organization: OrganizationId = id(BAECKEREI);
    let address = Address::parse("Breite Straße 24", "13187", "Berlin").expect("address parses");
    vec![
        E::Registered {
            organization,
            name: OrganizationName::parse("Bäckerei Schulz GmbH").expect("name parses"),
            kind: OrganizationKind::Company,
            profile: Profile {
                legal_form: Some("GmbH".into()),
                sector: Some(WzCode::parse("10.71").expect("WZ code parses")),
                size_class: Some(SizeClass::From10To19),
                founded_year: Some(1927),
                website: Some(Website::parse("baeckerei-schulz.de").expect("website parses")),
            },
            address: Some(address.clone()),
            region: Some(RegionCode::parse("03070101").expect("region parses")),
            external_id: Some("IHK-4711-0815".into()),
        },
        E::Renamed {
            organization,
            name: OrganizationName::parse("Bäckerei & Konditorei Schulz GmbH")
                .expect("name parses"),
        },
        E::Relocated {
            organization,
            address: Address::parse("Florastraße 12", "13187", "Berlin").expect("address parses"),
            region: Some(RegionCode::parse("030701").expect("region parses")),
        },
        E::ProfileUpdated {
            organization,
            kind: OrganizationKind::SoleTrader,
            profile: Profile {
                legal_form: Some("e. K.".into()),
                size_class: Some(SizeClass::From4To6),
                ..Profile::default()
            },
        },
        E::AccountManagerAssigned {
            organization,
            account_manager: Some(user("a.schmidt")),
        },
        E::Tagged {
            organization,
            tag: Tag::parse("Meisterbetrieb").expect("tag parses"),
        },
        E::Untagged {
            organization,
            tag: Tag::parse("Meisterbetrieb").expect("tag parses"),
        },
        E::MembershipStarted {
            organization,
            association: id(VERBAND),
            since: date(2019, 1, 1),
        },
        E::MembershipEnded {
            organization,
            association: id(VERBAND),
            until: date(2024, 12, 31),
        },
        E::Closed {
            organization,
            closed_on: date(2025, 6, 30),
            reason: text("Geschäftsaufgabe aus Altersgründen, keine Nachfolge gefunden"),
        },
        E::MergedInto {
            organization,
            survivor: id(VERBAND),
        },
    ]
}

/// The person's events; `PersonAdded` and `PersonUpdated` carry personal data to seal.
pub(super) fn person_events() -> Vec<PersonEvent> {
    use PersonEvent as E;
    let person: PersonId = id(ANNA);
    let personal = |mail: &str| PersonalData {
        name: PersonName::parse("Anna Schmidt-Özdemir").expect("name parses"),
        email: Some(Email::parse(mail).expect("mail parses")),
        phone: Some(Phone::parse("+49 30 4711-0815").expect("phone parses")),
        notes: text(
            "Frau Schmidt-Özdemir übernimmt 2026 den Betrieb.\nBevorzugt Anrufe vormittags.",
        ),
    };
    vec![
        E::Added {
            person,
            personal: Erasable::Known(personal("a.schmidt@baeckerei-schulz.de")),
        },
        E::Updated {
            person,
            personal: Erasable::Known(personal("anna@schulz-konditorei.de")),
        },
        E::Linked {
            person,
            organization: id(BAECKEREI),
            role: title("Geschäftsführerin"),
        },
        E::Unlinked {
            person,
            organization: id(BAECKEREI),
        },
        E::ConsentRecorded {
            person,
            purpose: ConsentPurpose::Invitations,
            channel: ConsentChannel::WebForm,
            source: text("Anmeldeformular Neujahrsempfang 2025"),
            given_on: date(2025, 1, 8),
        },
        E::ConsentWithdrawn {
            person,
            purpose: ConsentPurpose::Invitations,
            withdrawn_on: date(2025, 9, 2),
        },
        E::Erased {
            person,
            erased_on: date(2025, 10, 1),
            reason: ErasureReason::DataSubjectRequest,
        },
    ]
}

pub(super) fn visit_events() -> Vec<VisitEvent> {
    use VisitEvent as E;
    let visit: VisitId = id(0x0301);
    let follow_up: FollowUpId = id(0x0302);
    vec![
        E::Planned {
            visit,
            organization: id(BAECKEREI),
            planned_on: date(2025, 4, 3),
            planned_at: Some(TimeOfDay::parse("10:30").expect("time")),
            staff: vec![user("a.schmidt"), user("b.yilmaz")],
            participants: vec![id(ANNA)],
            purpose: text("Antrittsbesuch, Erweiterungspläne am Standort"),
            joint_partner: Some(id(VERBAND)),
        },
        E::Rescheduled {
            visit,
            planned_on: date(2025, 4, 10),
            planned_at: None,
        },
        E::Cancelled {
            visit,
            cancelled_on: date(2025, 4, 9),
            reason: text("Krankheit der Inhaberin"),
        },
        E::Conducted {
            visit,
            organization: id(BAECKEREI),
            conducted_on: date(2025, 4, 17),
            duration_minutes: 95,
            staff: vec![user("a.schmidt")],
            participants: vec![id(ANNA)],
            topics: vec![code("gewerbeflaechen.suche"), code("fachkraefte")],
            findings: Findings {
                expansion_plans: true,
                relocation_risk: false,
                space_need_m2: Some(450),
                workforce_need: Some(3),
                funding_interest: true,
                location_satisfaction: Some(Satisfaction::new(4).expect("1 to 5")),
                issues_raised: vec![title("Lieferzone vor dem Laden fehlt")],
            },
            notes: text("Backstube zu klein; sucht Halle mit 450 m² im Bezirk."),
            joint_partner: Some(id(VERBAND)),
        },
        E::FollowUpCreated {
            visit,
            follow_up,
            task: title("Flächenangebote aus dem Gewerbeflächenkataster schicken"),
            assignee: user("b.yilmaz"),
            due_on: date(2025, 5, 2),
        },
        E::FollowUpCompleted {
            visit,
            follow_up,
            completed_on: date(2025, 4, 28),
        },
        E::PublicityRecorded {
            visit,
            leadership: vec![code("bezirksbuergermeister"), code("senator")],
            press: true,
        },
    ]
}

pub(super) fn contact_events() -> Vec<ContactEvent> {
    use ContactEvent as E;
    let contact: ContactId = id(0x0401);
    vec![
        E::Logged {
            contact,
            organization: id(BAECKEREI),
            person: Some(id(ANNA)),
            channel: Channel::Phone,
            contacted_on: date(2025, 2, 14),
            topics: vec![code("foerderung")],
            summary: text("Frage nach GRW-Förderung für einen neuen Ofen"),
            staff: user("a.schmidt"),
        },
        E::Corrected {
            contact,
            organization: id(BAECKEREI),
            person: None,
            channel: Channel::Consultation,
            contacted_on: date(2025, 2, 13),
            topics: vec![code("foerderung"), code("foerderung.zuschuesse")],
            summary: text("Beratung zu Zuschüssen, Termin war einen Tag früher"),
            staff: user("a.schmidt"),
        },
        E::Retracted {
            contact,
            reason: text("Doppelt erfasst"),
        },
    ]
}

pub(super) fn inquiry_events() -> Vec<InquiryEvent> {
    use InquiryEvent as E;
    let inquiry: InquiryId = id(0x0501);
    let referral: ReferralId = id(0x0502);
    vec![
        E::Received {
            inquiry,
            organization: Some(id(BAECKEREI)),
            channel: Channel::Mail,
            source: InquirySource::PublicOrderOffice,
            topics: vec![code("genehmigungen.sondernutzung")],
            description: text("Darf vor dem Laden ein Verkaufsstand stehen?"),
            received_on: date(2025, 3, 3),
            received_by: user("c.nowak"),
        },
        E::Submitted {
            inquiry,
            submission: Submission {
                reference: Reference::of(inquiry),
                found_via: FoundVia::OrderOfficeBrochure,
                postal_code: PostalCode::parse("13187").expect("fixture postal code parses"),
                sender: Uuid::from_u128(0x0503),
                consent_notice: title("Datenschutzhinweis, Stand 1. Januar 2025"),
            },
            personal: Erasable::Known(SenderData {
                business: OrganizationName::parse("Bäckerei Schulz").expect("fixture name parses"),
                contact_person: PersonName::parse("Anna Schulz").expect("fixture name parses"),
                email: Some(Email::parse("anna@baeckerei-schulz.de").expect("fixture mail parses")),
                phone: Some(Phone::parse("030 4711 0815").expect("fixture phone parses")),
                street: Some(title("Florastraße 12")),
            }),
        },
        E::Assigned {
            inquiry,
            assignee: user("a.schmidt"),
            assigned_on: date(2025, 3, 4),
        },
        E::Referred {
            inquiry,
            referral,
            office: code("strassen-und-gruenflaechenamt"),
            referred_on: date(2025, 3, 5),
            note: text("Bitte Sondernutzungserlaubnis prüfen"),
        },
        E::ReferralAnswered {
            inquiry,
            referral,
            answered_on: date(2025, 3, 12),
            answer: text("Erlaubnis möglich, Antrag online stellen"),
        },
        E::Answered {
            inquiry,
            answered_on: date(2025, 3, 13),
            answer: text("Link zum Antrag und Ansprechpartner geschickt"),
        },
        E::Closed {
            inquiry,
            closed_on: date(2025, 3, 20),
            outcome: InquiryOutcome::Solved,
        },
        E::Reopened {
            inquiry,
            reopened_on: date(2025, 4, 2),
            reason: text("Antrag wurde abgelehnt, bittet um Unterstützung"),
        },
        E::SenderErased {
            inquiry,
            sender: Uuid::from_u128(0x0503),
            erased_on: date(2027, 4, 2),
            reason: wifo_domain::person::ErasureReason::RetentionPeriodExpired,
        },
    ]
}
