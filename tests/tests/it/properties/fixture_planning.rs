//! The hand-written events of the planning and administration streams — cooperation
//! agreements, gatherings, retreats, reminders, taxonomies, users and the public guide — for the codec round trip; the
//! other streams' events are in `fixture.rs`, whose helpers and ids these share.

use wifo_domain::{
    cooperation::{CooperationEvent, MilestoneKind},
    gathering::{Attendance, GatheringEvent, GatheringKind, MilestoneRef},
    ids::{CooperationId, DecisionId, GatheringId, MilestoneId, ProposalId, ReminderId, RetreatId},
    public::{PublicEvent, Responsibility},
    reminder::{ReminderEvent, ReminderSubject},
    retreat::{PlannedGathering, PlannedMilestone, Priority, RetreatEvent},
    taxonomy::{Entry, RegionOutline, TaxonomyEvent, TaxonomyKind},
    user::UserEvent,
    values::{Email, Outline, Phone, RegionCode, Role, Website},
};

use super::fixture::{
    ANNA, BAECKEREI, COOPERATION, MILESTONE, VERBAND, code, date, id, text, title, user,
};

pub(super) fn cooperation_events() -> Vec<CooperationEvent> {
    use CooperationEvent as E;
    let cooperation: CooperationId = id(COOPERATION);
    let milestone: MilestoneId = id(MILESTONE);
    vec![
        E::Agreed {
            cooperation,
            title: title("Kooperationsvereinbarung Wirtschaftskreis Pankow 2025–2027"),
            partners: vec![id(VERBAND), id(BAECKEREI)],
            signed_on: date(2024, 11, 20),
            valid_from: date(2025, 1, 1),
            valid_until: date(2027, 12, 31),
            goals: vec![title("Leerstand in der Florastraße senken")],
        },
        E::MilestonePlanned {
            cooperation,
            milestone,
            title: title("Unternehmerdinner im Herbst"),
            kind: MilestoneKind::Gathering,
            due: date(2025, 10, 15),
        },
        E::MilestoneAchieved {
            cooperation,
            milestone,
            achieved_on: date(2025, 11, 5),
        },
        E::MilestoneRescheduled {
            cooperation,
            milestone,
            due: date(2025, 11, 5),
            reason: text("Saal erst im November frei"),
        },
        E::MilestoneCancelled {
            cooperation,
            milestone,
            cancelled_on: date(2025, 9, 1),
            reason: text("Kein Budget"),
        },
        E::Extended {
            cooperation,
            valid_until: date(2028, 12, 31),
        },
        E::Ended {
            cooperation,
            ended_on: date(2028, 6, 30),
        },
    ]
}

pub(super) fn gathering_events() -> Vec<GatheringEvent> {
    use GatheringEvent as E;
    let gathering: GatheringId = id(0x0601);
    vec![
        E::Planned {
            gathering,
            kind: GatheringKind::BusinessDinner,
            title: title("Unternehmerdinner Pankow"),
            date: date(2025, 11, 5),
            venue: text("Brauerei Pfefferberg, Schönhauser Allee 176"),
            co_hosts: vec![id(VERBAND)],
            milestone: Some(MilestoneRef {
                cooperation: id(COOPERATION),
                milestone: id(MILESTONE),
            }),
        },
        E::Rescheduled {
            gathering,
            date: date(2025, 11, 12),
        },
        E::Invited {
            gathering,
            organizations: vec![id(BAECKEREI), id(VERBAND)],
            persons: vec![id(ANNA)],
            invited_on: date(2025, 9, 15),
        },
        E::RegistrationRecorded {
            gathering,
            organization: id(BAECKEREI),
            person: Some(id(ANNA)),
            registered_on: date(2025, 10, 1),
            attending: true,
        },
        E::Held {
            gathering,
            held_on: date(2025, 11, 12),
            attendance: vec![
                Attendance {
                    organization: Some(id(BAECKEREI)),
                    person: Some(id(ANNA)),
                },
                Attendance {
                    organization: Some(id(VERBAND)),
                    person: None,
                },
            ],
            other_attendees: 14,
        },
        E::Cancelled {
            gathering,
            cancelled_on: date(2025, 10, 20),
            reason: text("Zu wenige Anmeldungen"),
        },
        E::AgendaSet {
            gathering,
            topics: vec![code("fachkraefte"), code("genehmigung")],
            offices: vec![code("ordnungsamt")],
        },
    ]
}

pub(super) fn retreat_events() -> Vec<RetreatEvent> {
    use RetreatEvent as E;
    let retreat: RetreatId = id(0x0701);
    let proposal: ProposalId = id(0x0702);
    vec![
        E::Scheduled {
            retreat,
            year: 2025,
            partners: vec![id(VERBAND)],
            date: date(2025, 11, 27),
            title: title("Klausurtagung Wirtschaftsförderung und Wirtschaftskreis 2025"),
        },
        E::TopicProposed {
            retreat,
            proposal,
            title: title("Fachkräftesicherung im Handwerk"),
            reason: text("Drei von vier besuchten Betrieben suchen Personal"),
            proposed_by: user("b.yilmaz"),
        },
        E::TopicPrioritised {
            retreat,
            proposal,
            priority: Priority::new(1).expect("1 to 5"),
        },
        E::Held {
            retreat,
            held_on: date(2025, 11, 27),
        },
        E::DecisionRecorded {
            retreat,
            decision: id::<DecisionId>(0x0703),
            text: text("Gemeinsamer Fachtag Handwerk im Frühjahr 2026"),
            proposal: Some(proposal),
            planned_milestones: vec![PlannedMilestone {
                cooperation: id(COOPERATION),
                milestone: id(0x0704),
                title: title("Fachtag Handwerk"),
                kind: MilestoneKind::Gathering,
                due: date(2026, 4, 22),
            }],
            planned_gatherings: vec![PlannedGathering {
                gathering: id(0x0705),
                kind: GatheringKind::TopicDay,
                title: title("Fachtag Handwerk"),
                date: date(2026, 4, 22),
            }],
        },
    ]
}

pub(super) fn taxonomy_events() -> Vec<TaxonomyEvent> {
    use TaxonomyEvent as E;
    vec![
        E::EntriesDefined {
            taxonomy: TaxonomyKind::Topics,
            entries: vec![
                Entry::new("foerderung", "Förderung", None),
                Entry::new("foerderung.zuschuesse", "Zuschüsse", Some("foerderung")),
            ],
        },
        E::EntryRenamed {
            taxonomy: TaxonomyKind::Offices,
            code: "bauamt".into(),
            name: "Bau- und Wohnungsaufsichtsamt".into(),
        },
        E::EntryRetired {
            taxonomy: TaxonomyKind::Regions,
            code: "03070101".into(),
        },
        E::EntryReactivated {
            taxonomy: TaxonomyKind::Sectors,
            code: "10.71".into(),
        },
        E::OutlinesImported {
            taxonomy: TaxonomyKind::Regions,
            source: "Amt für Statistik Berlin-Brandenburg (CC BY 3.0 DE)".into(),
            outlines: vec![RegionOutline {
                code: "0310".into(),
                outline: Outline::parse(vec![vec![vec![
                    [13_400_000, 52_600_000],
                    [13_500_000, 52_600_000],
                    [13_500_000, 52_700_000],
                    [13_400_000, 52_600_000],
                ]]])
                .expect("outline"),
            }],
        },
    ]
}

pub(super) fn reminder_events() -> Vec<ReminderEvent> {
    use ReminderEvent as E;
    let reminder: ReminderId = id(0x0901);
    vec![
        E::Set {
            reminder,
            about: ReminderSubject::Cooperation(id(COOPERATION)),
            task: title("Zwischenbericht beim Verband anfragen"),
            assignee: user("a.schmidt"),
            due_on: date(2025, 6, 2),
        },
        E::Changed {
            reminder,
            task: title("Zwischenbericht beim Verband anfragen"),
            assignee: user("b.yilmaz"),
            due_on: date(2025, 6, 9),
        },
        E::Completed {
            reminder,
            completed_on: date(2025, 6, 5),
        },
        E::Withdrawn {
            reminder,
            withdrawn_on: date(2025, 6, 3),
            reason: text("Bericht kam von selbst"),
        },
    ]
}

pub(super) fn user_events() -> Vec<UserEvent> {
    use UserEvent as E;
    vec![
        E::Created {
            user: user("a.schmidt"),
            display_name: title("Anja Schmidt"),
            role: Role::Staff,
        },
        E::RoleChanged {
            user: user("a.schmidt"),
            role: Role::Lead,
        },
        E::Deactivated {
            user: user("a.schmidt"),
        },
        E::Reactivated {
            user: user("a.schmidt"),
        },
    ]
}

pub(super) fn public_events() -> Vec<PublicEvent> {
    use PublicEvent as E;
    let phone = || Phone::parse("+49 30 90295-3111").expect("fixture phone parses");
    let email = || Email::parse("wirtschaft@ba-pankow.berlin.de").expect("fixture mail parses");
    vec![
        E::TopicWritten {
            topic: code("genehmigungen.sondernutzung"),
            guidance: text("Für Auslagen und Tische vor dem Laden braucht es eine Erlaubnis."),
            offices: vec![code("strassen-und-gruenflaechenamt")],
            responsible: vec![
                Responsibility {
                    region: Some(RegionCode::parse("03").expect("fixture region parses")),
                    staff: user("a.schmidt"),
                },
                Responsibility {
                    region: None,
                    staff: user("b.yilmaz"),
                },
            ],
            public: true,
        },
        E::OfficeWritten {
            office: code("strassen-und-gruenflaechenamt"),
            address: text("Darßer Straße 203, 13088 Berlin"),
            phone: Some(phone()),
            email: Some(email()),
            website: Some(
                Website::parse("https://www.berlin.de/ba-pankow/").expect("fixture site parses"),
            ),
            hours: text("Di 9–12 Uhr, Do 15–18 Uhr"),
            public: false,
        },
        E::ContactPublished {
            user: user("a.schmidt"),
            phone: Some(phone()),
            email: None,
        },
        E::ContactWithdrawn {
            user: user("a.schmidt"),
        },
    ]
}
