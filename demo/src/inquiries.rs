//! Inquiries (Anliegen) of the demo office: brought by businesses directly or forwarded by the
//! Bürgerbüro, the Ordnungsamt, a chamber or another office; assigned, often referred to the
//! offices responsible ("Gewerbe trifft Ämter"), answered — mostly within one to five working
//! days, a little faster each year — and closed with an outcome. A few come back and are
//! reopened; the newest and a few stubborn ones are still open today. Their topics are what the
//! retreat's statistics count.

use chrono::NaiveDate;
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    contact::Channel,
    ids::{InquiryId, ReferralId, ReminderId},
    inquiry::{
        AnswerInquiry, AnswerReferral, AssignInquiry, CloseInquiry, InquiryCommand, InquiryOutcome,
        InquirySource, ReceiveInquiry, ReferInquiry, ReopenInquiry,
    },
    reminder::{
        ChangeReminder, CompleteReminder, ReminderCommand, ReminderSubject, SetReminder,
        WithdrawReminder,
    },
};

use super::{
    calendar::add_workdays,
    plan::{Action, Plan, code, new_id, text, title, user},
    topics::{self, Topic},
    world::World,
};

/// Inquiries per business and year in the first year; a few percent more each year.
const RATE: f64 = 0.12;
const GROWTH: f64 = 1.08;

pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &mut World) {
    let calendar = world.calendar.clone();
    let mut count = 0usize;
    for year in calendar.years() {
        let (first, last) = calendar.year_bounds(year);
        let active = world.active_on(first.max(calendar.start));
        let exponent = year - calendar.first_year;
        let expected = active.len() as f64 * RATE * GROWTH.powi(exponent);
        let total = expected.round() as usize;
        let speed = f64::from(u32::try_from(exponent).unwrap_or(0));
        for _ in 0..total {
            let Some(day) = calendar.random_workday(rng, first, last) else {
                continue;
            };
            let business = if rng.random_bool(0.08) {
                None
            } else {
                active
                    .choose(rng)
                    .map(|&i| &world.businesses[i])
                    .filter(|b| b.active_on(day))
            };
            let group = business.map(|b| b.sector.group);
            let how_many = 1 + usize::from(rng.random_bool(0.2));
            let topics = topics::pick(rng, group, day, how_many);
            let receiver = world
                .staff
                .account_managers_on(day)
                .choose(rng)
                .copied()
                .unwrap_or("a.schneider");
            let assignee = business.map_or(receiver, |b| world.manager_on(b, day));
            let inquiry = Draft {
                id: new_id(rng),
                organization: business.map(|b| b.id),
                day,
                topics,
                receiver,
                assignee,
                speed,
                forced: count,
            };
            let steps = steps(rng, &inquiry);
            let reminder = reminder_steps(&inquiry);
            if day <= calendar.today {
                for topic in &inquiry.topics {
                    world.inquiry_topics.push((day, topic.family()));
                }
            }
            plan.push_stream(steps);
            plan.push_stream(reminder);
            count += 1;
        }
    }
}

struct Draft {
    id: InquiryId,
    organization: Option<wifo_domain::ids::OrganizationId>,
    day: NaiveDate,
    topics: Vec<&'static Topic>,
    receiver: &'static str,
    assignee: &'static str,
    /// Years since the first: answers get a little faster.
    speed: f64,
    /// How many inquiries were drawn before; the first ones get every rare turn.
    forced: usize,
}

/// One inquiry in ten gets a reminder of its assignee (decided by its id, so the random draws of
/// the office stay as they were): due three working days after it came in, then completed on
/// the day, moved by a week and completed, withdrawn the next day, or completed two days late
/// — a reminder due after today stays open.
fn reminder_steps(draft: &Draft) -> Vec<(NaiveDate, String, Action)> {
    let bits = draft.id.as_uuid().as_u128();
    if !bits.is_multiple_of(10) {
        return Vec::new();
    }
    let reminder = ReminderId::from_uuid(uuid::Uuid::from_u128(bits ^ 0x7e31_d0e5));
    let actor = draft.assignee.to_owned();
    let task = title("Beim Unternehmen nachfassen, ob die Antwort geholfen hat");
    let due_on = add_workdays(draft.day, 3);
    let mut steps = vec![(
        draft.day,
        actor.clone(),
        Action::from(ReminderCommand::Set(SetReminder {
            reminder,
            about: ReminderSubject::Inquiry(draft.id),
            task: task.clone(),
            assignee: user(draft.assignee),
            due_on,
        })),
    )];
    let complete = |completed_on| {
        Action::from(ReminderCommand::Complete(CompleteReminder {
            reminder,
            completed_on,
        }))
    };
    match (bits / 10) % 4 {
        0 => steps.push((due_on, actor, complete(due_on))),
        1 => {
            let moved = add_workdays(due_on, 5);
            steps.push((
                due_on,
                actor.clone(),
                Action::from(ReminderCommand::Change(ChangeReminder {
                    reminder,
                    task,
                    assignee: user(draft.assignee),
                    due_on: moved,
                })),
            ));
            steps.push((moved, actor, complete(moved)));
        }
        2 => {
            let withdrawn_on = add_workdays(draft.day, 1);
            steps.push((
                withdrawn_on,
                actor,
                Action::from(ReminderCommand::Withdraw(WithdrawReminder {
                    reminder,
                    withdrawn_on,
                    reason: text("Das Unternehmen hat sich selbst gemeldet"),
                })),
            ));
        }
        _ => {
            let late = add_workdays(due_on, 2);
            steps.push((late, actor, complete(late)));
        }
    }
    steps
}

fn steps(rng: &mut SmallRng, draft: &Draft) -> Vec<(NaiveDate, String, Action)> {
    let inquiry = draft.id;
    let mut steps: Vec<(NaiveDate, String, Action)> = Vec::new();
    let mut push = |day: NaiveDate, actor: &str, command: InquiryCommand| {
        steps.push((day, actor.to_owned(), Action::from(command)));
    };
    let source = match rng.random_range(0..100) {
        0..55 => InquirySource::Direct,
        55..70 => InquirySource::CitizensOffice,
        70..82 => InquirySource::PublicOrderOffice,
        82..94 => InquirySource::Chamber,
        _ => InquirySource::OtherOffice,
    };
    let channel = match (source, rng.random_range(0..100)) {
        (InquirySource::Direct, 0..40) => Channel::Phone,
        (InquirySource::Direct, 40..75) => Channel::Mail,
        (InquirySource::Direct, 75..88) => Channel::Consultation,
        (InquirySource::Direct, _) => Channel::Meeting,
        _ => Channel::Mail,
    };
    let main = draft.topics.first().copied();
    push(
        draft.day,
        draft.receiver,
        InquiryCommand::Receive(ReceiveInquiry {
            inquiry,
            organization: draft.organization,
            channel,
            source,
            topics: draft.topics.iter().map(|t| code(t.code)).collect(),
            description: text(main.map_or("Allgemeine Anfrage", |t| t.question)),
            received_on: draft.day,
            received_by: user(draft.receiver),
        }),
    );
    let assigned_on = if rng.random_bool(0.6) {
        draft.day
    } else {
        add_workdays(draft.day, 1)
    };
    push(
        assigned_on,
        draft.receiver,
        InquiryCommand::Assign(AssignInquiry {
            inquiry,
            assignee: user(draft.assignee),
            assigned_on,
        }),
    );
    let staff = draft.assignee;
    // First answer: mostly within one to five working days, faster each year.
    let fast = (0.75 + 0.05 * draft.speed).min(0.92);
    let delay = if rng.random_bool(fast) {
        rng.random_range(1..=5)
    } else if rng.random_bool(0.75) {
        rng.random_range(6..=14)
    } else {
        rng.random_range(15..=30)
    };
    let first_answer = add_workdays(draft.day, delay).max(assigned_on);
    let mut offices: Vec<&str> = main.map(|t| t.offices.to_vec()).unwrap_or_default();
    if offices.is_empty() && draft.forced == 0 {
        offices.push("ordnungsamt");
    }
    let refer = !offices.is_empty() && (draft.forced == 0 || rng.random_bool(0.5));
    let mut last_answer = first_answer;
    if refer {
        let how_many = if offices.len() > 1 && rng.random_bool(0.2) {
            2
        } else {
            1
        };
        let referred_on = add_workdays(assigned_on, rng.random_range(0..=2)).min(first_answer);
        let office_name = office_label(offices[0]);
        push(
            first_answer,
            staff,
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on: first_answer,
                answer: text(&format!(
                    "Zwischenbescheid: Anliegen an die zuständige Stelle ({office_name}) weitergeleitet, wir melden uns."
                )),
            }),
        );
        for office in offices.iter().take(how_many) {
            let referral: ReferralId = new_id(rng);
            push(
                referred_on,
                staff,
                InquiryCommand::Refer(ReferInquiry {
                    inquiry,
                    referral,
                    office: code(office),
                    referred_on,
                    note: text("Bitte um Prüfung und Rückmeldung an die Wirtschaftsförderung"),
                }),
            );
            if draft.forced == 0 || rng.random_bool(0.85) {
                let answered_on = add_workdays(referred_on, rng.random_range(2..=20));
                push(
                    answered_on,
                    staff,
                    InquiryCommand::AnswerReferral(AnswerReferral {
                        inquiry,
                        referral,
                        answered_on,
                        answer: text(REFERRAL_ANSWERS.choose(rng).copied().unwrap_or_default()),
                    }),
                );
                last_answer = last_answer.max(add_workdays(answered_on, rng.random_range(0..=3)));
            }
        }
        if last_answer > first_answer {
            push(
                last_answer,
                staff,
                InquiryCommand::Answer(AnswerInquiry {
                    inquiry,
                    answered_on: last_answer,
                    answer: text("Rückmeldung der Fachstelle an das Unternehmen weitergegeben"),
                }),
            );
        }
    } else {
        push(
            first_answer,
            staff,
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on: first_answer,
                answer: text(ANSWERS.choose(rng).copied().unwrap_or_default()),
            }),
        );
    }
    // A few stay open for good; the rest are closed after the last answer.
    if draft.forced != 1 && rng.random_bool(0.04) {
        return steps;
    }
    let closed_on = add_workdays(last_answer, rng.random_range(0..=8));
    let outcome = match rng.random_range(0..100) {
        0..60 => InquiryOutcome::Solved,
        60..85 => InquiryOutcome::PartlySolved,
        85..95 => InquiryOutcome::NotSolvable,
        _ => InquiryOutcome::Withdrawn,
    };
    push(
        closed_on,
        staff,
        InquiryCommand::Close(CloseInquiry {
            inquiry,
            closed_on,
            outcome,
        }),
    );
    if draft.forced == 1 || rng.random_bool(0.04) {
        let reopened_on = add_workdays(closed_on, rng.random_range(10..40));
        push(
            reopened_on,
            staff,
            InquiryCommand::Reopen(ReopenInquiry {
                inquiry,
                reopened_on,
                reason: text("Das Unternehmen meldet sich erneut: das Problem besteht weiterhin"),
            }),
        );
        let answered_on = add_workdays(reopened_on, rng.random_range(1..=4));
        push(
            answered_on,
            staff,
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on,
                answer: text("Erneut mit der Fachstelle geklärt, Lösung mitgeteilt"),
            }),
        );
        let closed_again = add_workdays(answered_on, rng.random_range(1..=6));
        push(
            closed_again,
            staff,
            InquiryCommand::Close(CloseInquiry {
                inquiry,
                closed_on: closed_again,
                outcome: InquiryOutcome::Solved,
            }),
        );
    }
    steps
}

/// The German name of a default office.
fn office_label(code: &str) -> &'static str {
    wifo_domain::defaults::default_offices()
        .into_iter()
        .find(|(office, _, _)| *office == code)
        .map_or("Fachamt", |(_, name, _)| name)
}

const ANSWERS: &[&str] = &[
    "Informationen und Ansprechpartner per E-Mail übersandt",
    "Telefonisch beraten, Merkblatt zugesandt",
    "Beratungstermin in der Wirtschaftsförderung vereinbart",
    "Passende Förderprogramme zusammengestellt und erläutert",
];

const REFERRAL_ANSWERS: &[&str] = &[
    "Antrag liegt vor, Bearbeitung bis Monatsende zugesagt",
    "Vor-Ort-Termin vereinbart",
    "Sachverhalt geprüft, Auflagen werden angepasst",
    "Nicht zuständig, an die Senatsverwaltung abgegeben",
    "Genehmigung erteilt",
];
