//! The cooperation streams of the demo office. The agreement with the Wirtschaftskreis Pankow
//! e.V. runs from the first year to the end of the last, its milestones come from the program
//! (`program.rs`): most achieved on the day their gathering is held, one rescheduled, one
//! cancelled, the last ones still planned. A smaller agreement with a shopping-street
//! association for a street management project is extended once and ended.

use wifo_domain::{
    cooperation::{
        AchieveMilestone, AgreeCooperation, CancelMilestone, CooperationCommand, EndCooperation,
        ExtendCooperation, MilestoneKind, PlanMilestone, RescheduleMilestone,
    },
    ids::{CooperationId, MilestoneId},
};

use super::{
    calendar::{add_days, end_of_month},
    plan::{Action, Plan, new_id, text, title},
    program::{Fate, Program},
    staff::LEAD,
    world::World,
};

const GOALS: &[&str] = &[
    "Unternehmensnetzwerk im Bezirk stärken",
    "Gewerbeflächen sichern und entwickeln",
    "Fachkräftegewinnung und Berufsorientierung unterstützen",
    "Geschäftsstraßen und Zentren beleben",
    "Neues Stadtquartier Blankenburger Süden wirtschaftlich mitgestalten",
    "Tourismus im Bezirk fördern",
];

pub(crate) fn generate(
    rng: &mut rand::rngs::SmallRng,
    plan: &mut Plan,
    world: &World,
    program: &Program,
) {
    let agreement = &program.agreement;
    let cooperation = agreement.id;
    let mut steps: Vec<(chrono::NaiveDate, String, Action)> = vec![(
        agreement.signed_on,
        LEAD.to_owned(),
        CooperationCommand::Agree(AgreeCooperation {
            cooperation,
            title: title(
                "Kooperationsvereinbarung Bezirksamt Pankow – Wirtschaftskreis Pankow e.V.",
            ),
            partners: vec![world.specials.office, world.specials.network],
            signed_on: agreement.signed_on,
            valid_from: agreement.valid_from,
            valid_until: agreement.valid_until,
            goals: GOALS.iter().map(|goal| title(goal)).collect(),
        })
        .into(),
    )];
    for occasion in &program.occasions {
        let Some((milestone, kind)) = occasion.milestone else {
            continue;
        };
        let planner = |day| {
            world
                .staff
                .planners_on(day)
                .last()
                .copied()
                .unwrap_or(LEAD)
                .to_owned()
        };
        steps.push((
            occasion.planned_on,
            planner(occasion.planned_on),
            CooperationCommand::PlanMilestone(PlanMilestone {
                cooperation,
                milestone,
                title: title(&occasion.title),
                kind,
                due: occasion.date,
            })
            .into(),
        ));
        match &occasion.fate {
            Fate::Held => steps.push(achieve(
                cooperation,
                milestone,
                occasion.date,
                planner(occasion.date),
            )),
            Fate::Rescheduled {
                decided,
                to,
                reason,
            } => {
                steps.push((
                    *decided,
                    planner(*decided),
                    CooperationCommand::RescheduleMilestone(RescheduleMilestone {
                        cooperation,
                        milestone,
                        due: *to,
                        reason: text(reason),
                    })
                    .into(),
                ));
                steps.push(achieve(cooperation, milestone, *to, planner(*to)));
            }
            Fate::Cancelled { decided, reason } => {
                steps.push((
                    *decided,
                    planner(*decided),
                    CooperationCommand::CancelMilestone(CancelMilestone {
                        cooperation,
                        milestone,
                        cancelled_on: *decided,
                        reason: text(reason),
                    })
                    .into(),
                ));
            }
        }
    }
    plan.push_stream(steps);
    street_management(rng, plan, world);
}

fn achieve(
    cooperation: CooperationId,
    milestone: MilestoneId,
    day: chrono::NaiveDate,
    actor: String,
) -> (chrono::NaiveDate, String, Action) {
    (
        day,
        actor,
        CooperationCommand::AchieveMilestone(AchieveMilestone {
            cooperation,
            milestone,
            achieved_on: day,
        })
        .into(),
    )
}

/// The street management project with the first shopping-street association: agreed early,
/// extended once, ended after its final report.
fn street_management(rng: &mut rand::rngs::SmallRng, plan: &mut Plan, world: &World) {
    let calendar = &world.calendar;
    let Some((association, street)) = world.specials.streets.first() else {
        return;
    };
    let cooperation: CooperationId = new_id(rng);
    let signed_on = calendar.at_fraction(0.08);
    let valid_from = add_days(end_of_month(signed_on), 1);
    let valid_until = end_of_month(calendar.at_fraction(0.45));
    let extended_on = calendar.at_fraction(0.42);
    let extended_until = end_of_month(calendar.at_fraction(0.65));
    if extended_until <= valid_until || (calendar.today - calendar.start).num_days() < 200 {
        return;
    }
    let actor = world
        .staff
        .territory_manager(street.postal_code, 0, signed_on);
    let mut steps: Vec<(chrono::NaiveDate, String, Action)> = vec![(
        signed_on,
        LEAD.to_owned(),
        CooperationCommand::Agree(AgreeCooperation {
            cooperation,
            title: title(&format!(
                "Geschäftsstraßenmanagement {}",
                street.street.replace("Str.", "Straße")
            )),
            partners: vec![world.specials.office, *association],
            signed_on,
            valid_from,
            valid_until,
            goals: vec![
                title("Leerstand verringern"),
                title("Aufenthaltsqualität verbessern"),
            ],
        })
        .into(),
    )];
    // Pushed before the milestones: on the day of the extension it must come first.
    steps.push((
        extended_on,
        LEAD.to_owned(),
        CooperationCommand::Extend(ExtendCooperation {
            cooperation,
            valid_until: extended_until,
        })
        .into(),
    ));
    let milestones = [
        (
            "Leerstandsanalyse abgeschlossen",
            MilestoneKind::Project,
            signed_on,
            calendar.at_fraction(0.25),
        ),
        (
            "Aktionstag „Die Straße blüht auf“",
            MilestoneKind::Gathering,
            signed_on,
            calendar.at_fraction(0.35),
        ),
        (
            "Abschlussbericht Geschäftsstraßenmanagement",
            MilestoneKind::Report,
            extended_on,
            calendar.at_fraction(0.62),
        ),
    ];
    for (name, kind, planned_on, due) in milestones {
        let milestone: MilestoneId = new_id(rng);
        steps.push((
            planned_on,
            actor.to_owned(),
            CooperationCommand::PlanMilestone(PlanMilestone {
                cooperation,
                milestone,
                title: title(name),
                kind,
                due,
            })
            .into(),
        ));
        steps.push(achieve(cooperation, milestone, due, actor.to_owned()));
    }
    steps.push((
        extended_until.min(calendar.today),
        LEAD.to_owned(),
        CooperationCommand::End(EndCooperation {
            cooperation,
            ended_on: extended_until.min(calendar.today),
        })
        .into(),
    ));
    plan.push_stream(steps);
}
