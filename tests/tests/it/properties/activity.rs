//! Random commands for the streams of the office's daily work — visits, inquiries, cooperation
//! agreements and gatherings — drawn from the same small pools of ids, dates and values as
//! `commands.rs`, so they pile up on few streams and meet every rule of their deciders.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use wifo_domain::{
    contact::Channel,
    cooperation::{
        AchieveMilestone, AgreeCooperation, CancelMilestone, CooperationCommand, EndCooperation,
        ExtendCooperation, MilestoneKind, PlanMilestone, RescheduleMilestone,
    },
    gathering::{
        Attendance, CancelGathering, GatheringCommand, GatheringKind, HoldGathering, InviteGuests,
        MilestoneRef, PlanGathering, RecordRegistration, RescheduleGathering,
    },
    ids::{CooperationId, GatheringId, InquiryId, VisitId},
    inquiry::{
        AnswerInquiry, AnswerReferral, AssignInquiry, CloseInquiry, InquiryCommand, InquiryOutcome,
        InquirySource, ReceiveInquiry, ReferInquiry, ReopenInquiry,
    },
    values::Code,
    visit::{
        CancelVisit, CompleteFollowUp, ConductVisit, CreateFollowUp, Findings, PlanVisit,
        RescheduleVisit, Satisfaction, VisitCommand,
    },
};

use super::commands::{
    cooperation, day, early_day, follow_up, late_day, milestone, organization, organization_id,
    parsed, person, reason, referral, staff, text, title, topic,
};

// ---------------------------------------------------------------------------------------------
// Visit

fn findings() -> impl Strategy<Value = Findings> {
    (
        any::<bool>(),
        any::<bool>(),
        option::of(0_u32..5000),
        option::of(0_u32..40),
        any::<bool>(),
        option::of((1_u8..=5).prop_map(|value| Satisfaction::new(value).expect("1 to 5"))),
        vec(title(&["Parkplätze fehlen", "Breitband zu langsam"]), 0..3),
    )
        .prop_map(
            |(
                expansion_plans,
                relocation_risk,
                space_need_m2,
                workforce_need,
                funding_interest,
                location_satisfaction,
                issues_raised,
            )| Findings {
                expansion_plans,
                relocation_risk,
                space_need_m2,
                workforce_need,
                funding_interest,
                location_satisfaction,
                issues_raised,
            },
        )
}

/// How a visit's history starts: mostly planned, sometimes logged after the fact.
pub(super) fn start_visit(visit: VisitId) -> impl Strategy<Value = VisitCommand> {
    prop_oneof![3 => plan_visit(visit), 1 => conduct_visit(visit)]
}

fn plan_visit(visit: VisitId) -> impl Strategy<Value = VisitCommand> {
    (
        organization(),
        early_day(),
        vec(staff(), 0..3),
        vec(person(), 0..3),
        text(&["Antrittsbesuch", "Erweiterungspläne besprechen"]),
        option::of(organization()),
    )
        .prop_map(
            move |(organization, planned_on, staff, participants, purpose, joint_partner)| {
                VisitCommand::Plan(PlanVisit {
                    visit,
                    organization,
                    planned_on,
                    planned_at: None,
                    staff,
                    participants,
                    purpose,
                    joint_partner,
                })
            },
        )
}

/// Conducting a visit: a planned one (organization given or not, maybe another), or one that
/// was not planned; now and then with a duration of zero, which is refused.
fn conduct_visit(visit: VisitId) -> impl Strategy<Value = VisitCommand> {
    (
        option::of(organization()),
        early_day(),
        prop_oneof![1 => Just(0_u32), 8 => 15_u32..240],
        vec(staff(), 0..3),
        vec(person(), 0..3),
        vec(topic(), 0..3),
        findings(),
        text(&["", "Betrieb sucht 800 m² Hallenfläche"]),
        option::of(organization()),
    )
        .prop_map(
            move |(
                organization,
                conducted_on,
                duration_minutes,
                staff,
                participants,
                topics,
                findings,
                notes,
                joint_partner,
            )| {
                VisitCommand::Conduct(ConductVisit {
                    visit,
                    organization,
                    conducted_on,
                    duration_minutes,
                    staff,
                    participants,
                    topics,
                    findings,
                    notes,
                    joint_partner,
                })
            },
        )
}

pub(super) fn visit_command(visit: VisitId) -> impl Strategy<Value = VisitCommand> {
    use VisitCommand as C;
    prop_oneof![
        1 => plan_visit(visit),
        1 => day().prop_map(move |planned_on| C::Reschedule(RescheduleVisit {
                visit,
                planned_on,
                planned_at: None,
            })),
        1 => (day(), reason()).prop_map(move |(cancelled_on, reason)| {
            C::Cancel(CancelVisit { visit, cancelled_on, reason })
        }),
        3 => conduct_visit(visit),
        3 => (
            follow_up(),
            title(&["Förderprogramm schicken", "Kontakt zum Bauamt herstellen"]),
            staff(),
            day(),
        )
            .prop_map(move |(follow_up, task, assignee, due_on)| {
                C::CreateFollowUp(CreateFollowUp { visit, follow_up, task, assignee, due_on })
            }),
        3 => (follow_up(), day()).prop_map(move |(follow_up, completed_on)| {
            C::CompleteFollowUp(CompleteFollowUp { visit, follow_up, completed_on })
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Inquiry

pub(super) fn receive_inquiry(inquiry: InquiryId) -> impl Strategy<Value = InquiryCommand> {
    (
        option::of(organization()),
        select(Channel::ALL.to_vec()),
        select(InquirySource::ALL.to_vec()),
        vec(topic(), 0..3),
        text(&[
            "Sucht 500 m² Gewerbefläche",
            "Frage zur Sondernutzung des Gehwegs",
        ]),
        early_day(),
        staff(),
    )
        .prop_map(
            move |(
                organization,
                channel,
                source,
                topics,
                description,
                received_on,
                received_by,
            )| {
                InquiryCommand::Receive(ReceiveInquiry {
                    inquiry,
                    organization,
                    channel,
                    source,
                    topics,
                    description,
                    received_on,
                    received_by,
                })
            },
        )
}

pub(super) fn inquiry_command(inquiry: InquiryId) -> impl Strategy<Value = InquiryCommand> {
    use InquiryCommand as C;
    let answer = || {
        text(&[
            "",
            "Ansprechpartner im Bauamt genannt",
            "Förderantrag erläutert",
        ])
    };
    prop_oneof![
        1 => receive_inquiry(inquiry),
        2 => (staff(), day()).prop_map(move |(assignee, assigned_on)| {
            C::Assign(AssignInquiry { inquiry, assignee, assigned_on })
        }),
        3 => (
            referral(),
            parsed(&["ordnungsamt", "bauamt"], Code::parse),
            day(),
            text(&["", "Bitte um Rückmeldung binnen zwei Wochen"]),
        )
            .prop_map(move |(referral, office, referred_on, note)| {
                C::Refer(ReferInquiry { inquiry, referral, office, referred_on, note })
            }),
        3 => (referral(), day(), answer()).prop_map(move |(referral, answered_on, answer)| {
            C::AnswerReferral(AnswerReferral { inquiry, referral, answered_on, answer })
        }),
        2 => (day(), answer()).prop_map(move |(answered_on, answer)| {
            C::Answer(AnswerInquiry { inquiry, answered_on, answer })
        }),
        1 => (day(), select(InquiryOutcome::ALL.to_vec())).prop_map(
            move |(closed_on, outcome)| C::Close(CloseInquiry { inquiry, closed_on, outcome })
        ),
        2 => (day(), reason()).prop_map(move |(reopened_on, reason)| {
            C::Reopen(ReopenInquiry { inquiry, reopened_on, reason })
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Cooperation

pub(super) fn agree_cooperation(
    cooperation: CooperationId,
) -> impl Strategy<Value = CooperationCommand> {
    (
        title(&[
            "Kooperation Wirtschaftskreis Pankow",
            "Standortgemeinschaft Florakiez",
        ]),
        // Mostly distinct partners; sometimes none or one twice, which is refused.
        prop_oneof![
            4 => subsequence(vec![organization_id(0), organization_id(1)], 1..=2),
            1 => vec(organization(), 0..3),
        ],
        early_day(),
        early_day(),
        // The term mostly ends after it starts, and late enough for most milestones.
        prop_oneof![1 => early_day(), 4 => late_day()],
        vec(title(&["Leerstand senken", "Fachkräfte sichern"]), 0..3),
    )
        .prop_map(
            move |(title, partners, signed_on, valid_from, valid_until, goals)| {
                CooperationCommand::Agree(AgreeCooperation {
                    cooperation,
                    title,
                    partners,
                    signed_on,
                    valid_from,
                    valid_until,
                    goals,
                })
            },
        )
}

pub(super) fn cooperation_command(
    cooperation: CooperationId,
) -> impl Strategy<Value = CooperationCommand> {
    use CooperationCommand as C;
    let milestone_title = || title(&["Unternehmerdinner", "Bericht an die BVV"]);
    prop_oneof![
        1 => agree_cooperation(cooperation),
        4 => (milestone(), milestone_title(), select(MilestoneKind::ALL.to_vec()), day())
            .prop_map(move |(milestone, title, kind, due)| {
                C::PlanMilestone(PlanMilestone { cooperation, milestone, title, kind, due })
            }),
        3 => (milestone(), day()).prop_map(move |(milestone, achieved_on)| {
            C::AchieveMilestone(AchieveMilestone { cooperation, milestone, achieved_on })
        }),
        2 => (milestone(), day(), reason()).prop_map(move |(milestone, due, reason)| {
            C::RescheduleMilestone(RescheduleMilestone { cooperation, milestone, due, reason })
        }),
        2 => (milestone(), day(), reason()).prop_map(move |(milestone, cancelled_on, reason)| {
            C::CancelMilestone(CancelMilestone { cooperation, milestone, cancelled_on, reason })
        }),
        1 => late_day().prop_map(move |valid_until| {
            C::Extend(ExtendCooperation { cooperation, valid_until })
        }),
        1 => day().prop_map(move |ended_on| C::End(EndCooperation { cooperation, ended_on })),
    ]
}

// ---------------------------------------------------------------------------------------------
// Gathering

fn attendance() -> impl Strategy<Value = Attendance> {
    // Both empty is refused as an anonymous attendee.
    (option::of(organization()), option::of(person())).prop_map(|(organization, person)| {
        Attendance {
            organization,
            person,
        }
    })
}

pub(super) fn plan_gathering(gathering: GatheringId) -> impl Strategy<Value = GatheringCommand> {
    (
        select(GatheringKind::ALL.to_vec()),
        title(&["Neujahrsempfang 2025", "Stammtisch Florakiez"]),
        day(),
        text(&["", "Rathaus Pankow, Festsaal"]),
        vec(organization(), 0..3),
        option::of(
            (cooperation(), milestone()).prop_map(|(cooperation, milestone)| MilestoneRef {
                cooperation,
                milestone,
            }),
        ),
    )
        .prop_map(move |(kind, title, date, venue, co_hosts, milestone)| {
            GatheringCommand::Plan(PlanGathering {
                gathering,
                kind,
                title,
                date,
                venue,
                co_hosts,
                milestone,
            })
        })
}

pub(super) fn gathering_command(gathering: GatheringId) -> impl Strategy<Value = GatheringCommand> {
    use GatheringCommand as C;
    prop_oneof![
        1 => plan_gathering(gathering),
        1 => day().prop_map(move |date| C::Reschedule(RescheduleGathering { gathering, date })),
        3 => (vec(organization(), 0..3), vec(person(), 0..3), day()).prop_map(
            move |(organizations, persons, invited_on)| {
                C::Invite(InviteGuests { gathering, organizations, persons, invited_on })
            }
        ),
        3 => (organization(), option::of(person()), day(), any::<bool>()).prop_map(
            move |(organization, person, registered_on, attending)| {
                C::RecordRegistration(RecordRegistration {
                    gathering,
                    organization,
                    person,
                    registered_on,
                    attending,
                })
            }
        ),
        1 => (day(), vec(attendance(), 0..3), 0_u32..60).prop_map(
            move |(held_on, attendance, other_attendees)| {
                C::Hold(HoldGathering { gathering, held_on, attendance, other_attendees })
            }
        ),
        1 => (day(), reason()).prop_map(move |(cancelled_on, reason)| {
            C::Cancel(CancelGathering { gathering, cancelled_on, reason })
        }),
    ]
}
