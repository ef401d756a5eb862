//! Company visits (Betriebsbesuche) of the demo office, year by year: larger businesses are
//! visited more often, new ones get a first visit, crafts businesses are sometimes visited
//! together with the Handwerkskammer. Most planned visits take place, some are rescheduled or
//! cancelled, a few happen without planning. Findings follow realistic rates (about 15 % plan to
//! expand, 5–8 % may leave, satisfaction 2–5), and most visits end in follow-ups that are done.
//! Every 40th conducted visit (and the first) had leadership along — the district mayor, a
//! district councillor or the senator, the senator's with the press — chosen by the visit's
//! number, not the random stream, so the rest of the office stays as it was.

use chrono::NaiveDate;
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    ids::{FollowUpId, VisitId},
    values::{SizeClass, TimeOfDay},
    visit::{
        CancelVisit, CompleteFollowUp, ConductVisit, CreateFollowUp, Findings, PlanVisit,
        RecordVisitPublicity, RescheduleVisit, Satisfaction, VisitCommand,
    },
};

use super::{
    calendar::{add_days, add_workdays, sub_days, workday_on_or_before},
    plan::{Action, Plan, code, new_id, text, title, user},
    staff::LEAD,
    topics::{self, Topic},
    world::{Business, World},
};

/// Chance per year that a business of that size is visited.
fn visit_rate(size: SizeClass) -> f64 {
    match size {
        SizeClass::None => 0.04,
        SizeClass::From1To3 => 0.06,
        SizeClass::From4To6 => 0.1,
        SizeClass::From7To9 => 0.15,
        SizeClass::From10To19 => 0.25,
        SizeClass::From20To49 => 0.4,
        SizeClass::From50To99 => 0.6,
        _ => 0.8,
    }
}

pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &World) {
    let calendar = &world.calendar;
    let mut count = 0usize;
    for year in calendar.years() {
        let (first, last) = calendar.year_bounds(year);
        for business in &world.businesses {
            let Some((from, until)) =
                business.active_within(add_days(first, 14), sub_days(last, 10))
            else {
                continue;
            };
            let newcomer_this_year =
                business.registered_on >= first && business.registered_on > calendar.start;
            let rate = visit_rate(business.size) + if newcomer_this_year { 0.4 } else { 0.0 };
            if !rng.random_bool(rate.min(1.0)) {
                continue;
            }
            let Some(day) = calendar.random_workday(rng, add_days(from, 14).min(until), until)
            else {
                continue;
            };
            let steps = visit(rng, world, business, day, newcomer_this_year, count);
            plan.push_stream(steps);
            count += 1;
        }
    }
}

/// The steps of one visit on `day`; `count` visits were drawn before (the first ones are given
/// each rare outcome, so a small office shows them all).
fn visit(
    rng: &mut SmallRng,
    world: &World,
    business: &Business,
    day: NaiveDate,
    first_visit: bool,
    count: usize,
) -> Vec<(NaiveDate, String, Action)> {
    let id: VisitId = new_id(rng);
    let manager = world.manager_on(business, day);
    let mut staff = vec![user(manager)];
    if business.size >= SizeClass::From50To99 && rng.random_bool(0.4) {
        staff.push(user(LEAD));
    }
    let joint_partner = (business.sector.handwerk && rng.random_bool(0.3) || count == 1)
        .then_some(world.specials.hwk);
    let participants = world.persons_of(business, day);
    let purpose = if first_visit {
        "Erstbesuch nach Gründung bzw. Ansiedlung"
    } else if joint_partner.is_some() {
        "Gemeinsamer Betriebsbesuch mit der Handwerkskammer: Ausbildung, Nachfolge, Flächen"
    } else {
        PURPOSES.choose(rng).copied().unwrap_or(PURPOSES[0])
    };
    let mut steps = Vec::new();
    let mut push = |day: NaiveDate, actor: &str, command: VisitCommand| {
        steps.push((day, actor.to_owned(), Action::from(command)));
    };
    let roll = match count {
        2 => 85,
        3 => 93,
        4 => 97,
        5 => 99,
        _ => rng.random_range(0..100),
    };
    // 0–79 as planned, 80–87 rescheduled, 88–94 cancelled, 95–97 rescheduled then cancelled,
    // 98–99 unplanned.
    let mut conducted_on = Some(day);
    // Most planned visits have an agreed time; one in five was planned for the day only.
    let planned_at = ["09:00", "10:30", "13:00", "14:30", ""]
        .get(roll as usize % 5)
        .and_then(|time| TimeOfDay::parse(time).ok());
    if roll < 98 {
        let planned_on = workday_on_or_before(sub_days(day, rng.random_range(7..35)))
            .max(business.registered_on);
        push(
            planned_on,
            manager,
            VisitCommand::Plan(PlanVisit {
                visit: id,
                organization: business.id,
                planned_on: day,
                planned_at,
                staff: staff.clone(),
                participants: participants.clone(),
                purpose: text(purpose),
                joint_partner,
            }),
        );
        let mut current = day;
        if (80..88).contains(&roll) || (95..98).contains(&roll) {
            let moved = add_workdays(day, rng.random_range(5..20));
            let decided = sub_days(day, rng.random_range(1..5)).max(planned_on);
            push(
                decided,
                manager,
                VisitCommand::Reschedule(RescheduleVisit {
                    visit: id,
                    planned_on: moved,
                    planned_at,
                }),
            );
            current = moved;
        }
        if (88..98).contains(&roll) {
            let cancelled_on = sub_days(current, rng.random_range(0..3)).max(planned_on);
            let reason = CANCEL_REASONS.choose(rng).copied().unwrap_or_default();
            push(
                cancelled_on,
                manager,
                VisitCommand::Cancel(CancelVisit {
                    visit: id,
                    cancelled_on,
                    reason: text(reason),
                }),
            );
            conducted_on = None;
        } else {
            conducted_on = Some(current);
        }
    }
    let Some(conducted_on) = conducted_on else {
        return steps;
    };
    let topics = topics::pick_some(rng, Some(business.sector.group), conducted_on);
    let findings = findings(rng, &topics, count == 0);
    push(
        conducted_on,
        manager,
        VisitCommand::Conduct(ConductVisit {
            visit: id,
            organization: (roll >= 98).then_some(business.id),
            conducted_on,
            duration_minutes: 15 * rng.random_range(3..=10),
            staff,
            participants,
            topics: topics.iter().map(|t| code(t.code)).collect(),
            notes: text(&notes(&findings)),
            findings,
            joint_partner,
        }),
    );
    if count.is_multiple_of(40) {
        let (leader, press) = match (count / 40) % 3 {
            0 => ("bezirksbuergermeister", false),
            1 => ("bezirksstadtrat", false),
            _ => ("senator", true),
        };
        push(
            conducted_on,
            manager,
            VisitCommand::RecordPublicity(RecordVisitPublicity {
                visit: id,
                leadership: vec![code(leader)],
                press,
            }),
        );
    }
    let follow_ups = if count == 0 {
        2
    } else {
        [0, 0, 1, 1, 1, 2].choose(rng).copied().unwrap_or(0)
    };
    for n in 0..follow_ups {
        let follow_up: FollowUpId = new_id(rng);
        let due_on = add_workdays(conducted_on, rng.random_range(5..25));
        let task = topics
            .get(n)
            .map_or("Gesprächsergebnisse zusammenfassen und versenden", |t| {
                t.task
            });
        push(
            conducted_on,
            manager,
            VisitCommand::CreateFollowUp(CreateFollowUp {
                visit: id,
                follow_up,
                task: title(task),
                assignee: user(manager),
                due_on,
            }),
        );
        if count == 0 || rng.random_bool(0.85) {
            let completed_on = add_workdays(conducted_on, rng.random_range(1..30));
            push(
                completed_on,
                manager,
                VisitCommand::CompleteFollowUp(CompleteFollowUp {
                    visit: id,
                    follow_up,
                    completed_on,
                }),
            );
        }
    }
    steps
}

/// Findings with the rates a district office sees.
fn findings(rng: &mut SmallRng, topics: &[&Topic], all: bool) -> Findings {
    let expansion_plans = all || rng.random_bool(0.15);
    let relocation_risk = all || rng.random_bool(0.065);
    let space_need_m2 = (expansion_plans || relocation_risk || rng.random_bool(0.05))
        .then(|| 50 * rng.random_range(1..=16));
    let workforce_need = (all || rng.random_bool(0.3)).then(|| rng.random_range(1..=8));
    let satisfaction = match rng.random_range(0..100) {
        0..10 => 2,
        10..38 => 3,
        38..83 => 4,
        _ => 5,
    };
    let satisfaction = if relocation_risk {
        satisfaction.min(3)
    } else {
        satisfaction
    };
    Findings {
        expansion_plans,
        relocation_risk,
        space_need_m2,
        workforce_need,
        funding_interest: all || rng.random_bool(0.2),
        location_satisfaction: Satisfaction::new(satisfaction).ok(),
        issues_raised: topics.iter().map(|t| title(t.issue)).collect(),
    }
}

/// A short German note that says what the findings say.
fn notes(findings: &Findings) -> String {
    let mut sentences = Vec::new();
    if findings.expansion_plans {
        sentences.push(match findings.space_need_m2 {
            Some(m2) => {
                format!("Betrieb plant Erweiterung, zusätzlicher Flächenbedarf ca. {m2} m².")
            }
            None => "Betrieb plant Erweiterung am Standort.".to_owned(),
        });
    }
    if findings.relocation_risk {
        sentences.push("Verlagerung aus dem Bezirk wird erwogen – dranbleiben.".to_owned());
    }
    if let Some(people) = findings.workforce_need {
        sentences.push(format!("Sucht {people} Fachkräfte bzw. Auszubildende."));
    }
    if let Some(satisfaction) = findings.location_satisfaction {
        sentences.push(format!(
            "Standortzufriedenheit {}/5 ({}).",
            satisfaction.get(),
            satisfaction.label()
        ));
    }
    sentences.join(" ")
}

const PURPOSES: &[&str] = &[
    "Standortgespräch im Rahmen der Bestandspflege",
    "Gespräch zu Erweiterungsplänen",
    "Besuch auf Einladung des Unternehmens",
    "Vorstellung der Angebote der Wirtschaftsförderung",
    "Gespräch zur Fachkräftesituation",
];

const CANCEL_REASONS: &[&str] = &[
    "Terminabsage durch das Unternehmen (Krankheit)",
    "Unternehmen hat kurzfristig keine Zeit, neuer Termin im nächsten Quartal",
    "Absage wegen Personalengpass in der Wirtschaftsförderung",
];
