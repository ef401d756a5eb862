//! The gathering streams of the demo office: every occasion of the program with a gathering is
//! planned, its audience invited (the Wirtschaftskreis and the larger businesses, an Ortsteil's
//! businesses, one industry), registrations and declines come in, and it is held with the
//! attendance recorded — or rescheduled or cancelled as the program says. Stammtische,
//! Sprechtage and the investment fair also leave logged contacts with those who came.

use std::collections::HashSet;

use chrono::NaiveDate;
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    contact::Channel,
    gathering::{
        Attendance, CancelGathering, GatheringCommand, GatheringKind, HoldGathering, InviteGuests,
        MilestoneRef, PlanGathering, RecordRegistration, RescheduleGathering, SetGatheringAgenda,
    },
    ids::{OrganizationId, PersonId},
};

use super::{
    calendar::{add_workdays, sub_days},
    contacts::{self, Logged},
    plan::{Action, Plan, code, text, title},
    program::{Audience, Fate, Occasion, PlannedBy, Program},
    topics,
    world::World,
};

pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &World, program: &Program) {
    for (n, occasion) in program.occasions.iter().enumerate() {
        if occasion.gathering.is_some() {
            gathering(rng, plan, world, program, occasion, n);
        }
    }
}

fn gathering(
    rng: &mut SmallRng,
    plan: &mut Plan,
    world: &World,
    program: &Program,
    occasion: &Occasion,
    n: usize,
) {
    let Some((gathering, kind)) = occasion.gathering else {
        return;
    };
    let calendar = &world.calendar;
    let actor = |day: NaiveDate| -> String {
        match occasion.planned_by {
            PlannedBy::Office => {
                let staff = world.staff.account_managers_on(day);
                staff
                    .get(n % staff.len().max(1))
                    .copied()
                    .unwrap_or("a.schneider")
                    .to_owned()
            }
            _ => world.staff.planners_on(day)[0].to_owned(),
        }
    };
    let mut steps: Vec<(NaiveDate, String, Action)> = Vec::new();
    let mut push = |day: NaiveDate, command: GatheringCommand| {
        steps.push((day, actor(day), Action::from(command)))
    };
    push(
        occasion.planned_on,
        GatheringCommand::Plan(PlanGathering {
            gathering,
            kind,
            title: title(&occasion.title),
            date: occasion.date,
            venue: text(&occasion.venue),
            co_hosts: occasion.co_hosts.clone(),
            milestone: occasion.milestone.map(|(milestone, _)| MilestoneRef {
                cooperation: program.agreement.id,
                milestone,
            }),
        }),
    );
    // What the gathering is about and which offices take part: a Branchengespräch or a
    // Sprechtag brings the offices to the businesses („Gewerbe trifft Ämter“).
    let (topics, offices): (&[&str], &[&str]) = match kind {
        GatheringKind::IndustryDialogue | GatheringKind::ConsultationDay => {
            (&["fachkraefte", "verkehr"], &["ordnungsamt"])
        }
        GatheringKind::TopicDay => (&["fachkraefte"], &[]),
        _ => (&["foerderung"], &[]),
    };
    push(
        occasion.planned_on,
        GatheringCommand::SetAgenda(SetGatheringAgenda {
            gathering,
            topics: topics.iter().map(|topic| code(topic)).collect(),
            offices: offices.iter().map(|office| code(office)).collect(),
        }),
    );
    let final_date = occasion.final_date();
    let ends = match occasion.fate {
        Fate::Cancelled { decided, .. } => decided,
        _ => final_date,
    };
    let invited_on = add_workdays(sub_days(occasion.date, 42).max(occasion.planned_on), 1);
    let audience = audience(rng, world, &occasion.audience, invited_on);
    if !audience.is_empty() && invited_on < ends {
        let persons = invitable_persons(
            world,
            &audience,
            invited_on,
            occasion.audience == Audience::Network,
        );
        push(
            invited_on,
            GatheringCommand::Invite(InviteGuests {
                gathering,
                organizations: audience.clone(),
                persons,
                invited_on,
            }),
        );
    }
    if let Fate::Rescheduled { decided, to, .. } = occasion.fate {
        push(
            decided,
            GatheringCommand::Reschedule(RescheduleGathering {
                gathering,
                date: to,
            }),
        );
    }
    let respond = match occasion.audience {
        Audience::Network => 0.35,
        Audience::Localities(_) => 0.3,
        _ => 0.4,
    };
    let mut coming: Vec<Attendance> = Vec::new();
    let mut registrations = Vec::new();
    for organization in &audience {
        if !rng.random_bool(respond) {
            continue;
        }
        let Some(day) =
            calendar.random_workday(rng, add_workdays(invited_on, 1), sub_days(ends, 1))
        else {
            continue;
        };
        let person = person_of(world, *organization, day);
        let attending = rng.random_bool(0.85);
        registrations.push((day, *organization, person, attending));
        if attending && rng.random_bool(0.85) {
            coming.push(Attendance {
                organization: Some(*organization),
                person,
            });
        }
    }
    registrations.sort_by_key(|(day, ..)| *day);
    for (day, organization, person, attending) in registrations {
        push(
            day,
            GatheringCommand::RecordRegistration(RecordRegistration {
                gathering,
                organization,
                person,
                registered_on: day,
                attending,
            }),
        );
    }
    match &occasion.fate {
        Fate::Cancelled { decided, reason } => {
            push(
                *decided,
                GatheringCommand::Cancel(CancelGathering {
                    gathering,
                    cancelled_on: *decided,
                    reason: text(reason),
                }),
            );
        }
        _ => {
            if occasion.audience == Audience::Open {
                let walk_ins = world.active_on(final_date);
                let how_many = rng.random_range(2..=6);
                for &i in walk_ins.choose_multiple(rng, how_many) {
                    let business = &world.businesses[i];
                    coming.push(Attendance {
                        organization: Some(business.id),
                        person: world.persons_of(business, final_date).first().copied(),
                    });
                }
            }
            let other_attendees = match occasion.audience {
                Audience::Network => rng.random_range(20..=80),
                Audience::Open => rng.random_range(0..=3),
                _ => rng.random_range(0..=8),
            };
            push(
                final_date,
                GatheringCommand::Hold(HoldGathering {
                    gathering,
                    held_on: final_date,
                    attendance: coming.clone(),
                    other_attendees,
                }),
            );
        }
    }
    plan.push_stream(steps);
    if matches!(occasion.fate, Fate::Cancelled { .. }) || final_date > calendar.today {
        return;
    }
    log_contacts(rng, plan, world, kind, final_date, &coming);
}

/// The talks at a Stammtisch, a Sprechtag or the fair, logged as contacts.
fn log_contacts(
    rng: &mut SmallRng,
    plan: &mut Plan,
    world: &World,
    kind: GatheringKind,
    day: NaiveDate,
    coming: &[Attendance],
) {
    let (channel, share) = match kind {
        GatheringKind::Stammtisch => (Channel::Stammtisch, 0.4),
        GatheringKind::ConsultationDay => (Channel::Sprechtag, 1.0),
        GatheringKind::Fair => (Channel::Fair, 0.3),
        _ => return,
    };
    for attendance in coming {
        let Some(business) = attendance
            .organization
            .and_then(|id| world.businesses.iter().find(|b| b.id == id))
        else {
            continue;
        };
        if !rng.random_bool(share) {
            continue;
        }
        let topics = topics::pick(rng, Some(business.sector.group), day, 1);
        let staff = world.manager_on(business, day);
        contacts::log(
            rng,
            plan,
            Logged {
                business,
                person: attendance.person,
                channel,
                day,
                topics: &topics,
                staff,
            },
            None,
        );
    }
}

/// The organizations invited on that day.
fn audience(
    rng: &mut SmallRng,
    world: &World,
    audience: &Audience,
    day: NaiveDate,
) -> Vec<OrganizationId> {
    let (candidates, cap): (Vec<OrganizationId>, usize) = match audience {
        Audience::Open => return Vec::new(),
        Audience::Network => {
            let mut ids: Vec<OrganizationId> = world
                .businesses
                .iter()
                .filter(|b| b.active_on(day) && (b.network_member_on(day) || b.is_larger()))
                .map(|b| b.id)
                .collect();
            ids.push(world.specials.ihk);
            ids.push(world.specials.hwk);
            ids.extend(world.specials.streets.iter().map(|(id, _)| *id));
            (ids, 220)
        }
        Audience::Localities(localities) => (
            world
                .businesses
                .iter()
                .filter(|b| b.active_on(day) && localities.contains(&b.area.locality))
                .map(|b| b.id)
                .collect(),
            60,
        ),
        Audience::Sector(group) => (
            world
                .businesses
                .iter()
                .filter(|b| b.active_on(day) && b.sector.group == *group)
                .map(|b| b.id)
                .collect(),
            50,
        ),
    };
    if candidates.len() <= cap {
        return candidates;
    }
    candidates.choose_multiple(rng, cap).copied().collect()
}

/// The persons of those organizations who consented to invitations (and, for network events,
/// the people of the chambers and associations).
fn invitable_persons(
    world: &World,
    organizations: &[OrganizationId],
    day: NaiveDate,
    network: bool,
) -> Vec<PersonId> {
    let organizations: HashSet<&OrganizationId> = organizations.iter().collect();
    world
        .persons
        .iter()
        .filter(|p| p.invitable_on(day))
        .filter(|p| (network && p.business.is_none()) || organizations.contains(&p.organization))
        .map(|p| p.id)
        .collect()
}

fn person_of(world: &World, organization: OrganizationId, day: NaiveDate) -> Option<PersonId> {
    world
        .persons
        .iter()
        .find(|p| p.organization == organization && p.invitable_on(day))
        .map(|p| p.id)
}
