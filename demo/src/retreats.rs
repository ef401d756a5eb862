//! The yearly retreat (Klausur) of the demo office with the Wirtschaftskreis: scheduled in late
//! summer, topics proposed from this year's inquiry statistics (what grew since last year) and
//! prioritised, held on the first Friday in November, and its decisions recorded: next year's
//! cooperation program and Stammtische (which `cooperation.rs` and `gatherings.rs` then plan on
//! their streams) and the focus topics for the year ahead.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rand::rngs::SmallRng;
use wifo_domain::{
    gathering::GatheringKind,
    ids::{DecisionId, ProposalId, RetreatId},
    retreat::{
        HoldRetreat, PlannedGathering, PlannedMilestone, PrioritiseTopic, Priority, ProposeTopic,
        RecordDecision, RetreatCommand, ScheduleRetreat,
    },
};

use super::{
    calendar::{add_workdays, date, sub_days, workday_on_or_before},
    plan::{Action, Plan, new_id, text, title},
    program::{Occasion, PlannedBy, Program, decision_day, retreat_day},
    staff::{LEAD, PLANNER},
    topics::family_label,
    world::World,
};

/// What the office proposes when a topic family grows.
const PROPOSALS: &[(&str, &str)] = &[
    (
        "fachkraefte",
        "Fachkräftesicherung: gemeinsame Ausbildungsbörse mit dem Wirtschaftskreis",
    ),
    (
        "energie",
        "Energie und Klimaschutz im Mittelstand: Solardächer auf Gewerbebauten",
    ),
    (
        "gewerbeflaechen",
        "Gewerbeflächen sichern: Flächenpool für Handwerk und Produktion",
    ),
    (
        "einzelhandel",
        "Geschäftsstraßen beleben: Leerstandsmanagement ausweiten",
    ),
    (
        "krisenberatung",
        "Krisenberatung stärken: Sprechstunde mit IHK und Handwerkskammer",
    ),
    (
        "nachfolge",
        "Unternehmensnachfolge: Nachfolgebörse im Bezirk",
    ),
    (
        "digitalisierung",
        "Digitalisierung im Handwerk: Praxisreihe mit der Handwerkskammer",
    ),
    (
        "genehmigungen",
        "Genehmigungen beschleunigen: Lotsendienst „Gewerbe trifft Ämter“",
    ),
    (
        "sondernutzung",
        "Außengastronomie: einheitliche Regeln für die Geschäftsstraßen",
    ),
    (
        "verkehr",
        "Wirtschaftsverkehr: Lieferzonen in den Geschäftsstraßen",
    ),
    ("foerderung", "Förderlotse: Sprechtage zu Förderprogrammen"),
    (
        "gruendung",
        "Gründungen im Bezirk halten: Gründungsstammtisch",
    ),
];

pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &World, program: &Program) {
    for year in world.calendar.years() {
        retreat(rng, plan, world, program, year);
    }
}

fn retreat(rng: &mut SmallRng, plan: &mut Plan, world: &World, program: &Program, year: i32) {
    let retreat: RetreatId = new_id(rng);
    let held_on = retreat_day(year);
    let planner = |day: NaiveDate| {
        world
            .staff
            .planners_on(day)
            .last()
            .copied()
            .unwrap_or(PLANNER)
            .to_owned()
    };
    let mut steps: Vec<(NaiveDate, String, Action)> = Vec::new();
    let scheduled_on = workday_on_or_before(sub_days(held_on, 70)).max(world.calendar.start);
    steps.push((
        scheduled_on,
        PLANNER.to_owned(),
        RetreatCommand::Schedule(ScheduleRetreat {
            retreat,
            year,
            partners: vec![world.specials.office, world.specials.network],
            date: held_on,
            title: title(&format!(
                "Klausurtagung {year}: Wirtschaftsförderung Pankow und Wirtschaftskreis"
            )),
        })
        .into(),
    ));
    let proposals = proposals(world, year);
    let mut ids: Vec<ProposalId> = Vec::new();
    for (n, (_, proposal_title, reason)) in proposals.iter().enumerate() {
        let id: ProposalId = new_id(rng);
        ids.push(id);
        let day = workday_on_or_before(sub_days(held_on, 45 - 7 * n as u64)).max(scheduled_on);
        let by = match n % 3 {
            0 => planner(day),
            1 => LEAD.to_owned(),
            _ => world
                .staff
                .account_managers_on(day)
                .first()
                .copied()
                .unwrap_or(PLANNER)
                .to_owned(),
        };
        steps.push((
            day,
            by.clone(),
            RetreatCommand::ProposeTopic(ProposeTopic {
                retreat,
                proposal: id,
                title: title(proposal_title),
                reason: text(reason),
                proposed_by: super::plan::user(&by),
            })
            .into(),
        ));
    }
    // Priorities by growth, most set before the retreat, the last typed in the day after.
    for (n, id) in ids.iter().enumerate() {
        let day = if n + 1 == ids.len() {
            add_workdays(held_on, 1)
        } else {
            sub_days(held_on, 3)
        };
        let Ok(priority) = Priority::new(u8::try_from(n + 1).unwrap_or(5).min(5)) else {
            continue;
        };
        steps.push((
            day,
            planner(day),
            RetreatCommand::PrioritiseTopic(PrioritiseTopic {
                retreat,
                proposal: *id,
                priority,
            })
            .into(),
        ));
    }
    steps.push((
        held_on,
        planner(held_on),
        RetreatCommand::Hold(HoldRetreat { retreat, held_on }).into(),
    ));
    let decided_on = decision_day(year);
    let planned_here = |o: &&Occasion| o.planned_by == PlannedBy::Retreat(year);
    let program_items: Vec<&Occasion> = program
        .occasions
        .iter()
        .filter(planned_here)
        .filter(|o| {
            o.gathering
                .is_none_or(|(_, kind)| kind != GatheringKind::Stammtisch)
        })
        .collect();
    let stammtische: Vec<&Occasion> = program
        .occasions
        .iter()
        .filter(planned_here)
        .filter(|o| {
            o.gathering
                .is_some_and(|(_, kind)| kind == GatheringKind::Stammtisch)
        })
        .collect();
    let next = year + 1;
    let continues = program_items.iter().any(|o| o.milestone.is_some());
    let program_text = if continues {
        format!(
            "Jahresprogramm {next} der Kooperation beschlossen: Neujahrsempfang, Fachtag „Frauen in Führungspositionen“, Unternehmerdinner, Investorenmesse, Kultursalon, Auszeichnung „Unternehmen des Jahres“, gemeinsames Projekt und Bericht an die BVV."
        )
    } else {
        format!(
            "Die Kooperation soll über {year} hinaus fortgesetzt werden; Entwurf einer neuen Vereinbarung bis März {next}. Den Neujahrsempfang {next} richten beide Partner gemeinsam aus."
        )
    };
    let decisions = [
        (program_text, None, program_items),
        (
            format!("Unternehmerstammtische {next} in allen Ortsteilen fortführen."),
            None,
            stammtische,
        ),
    ];
    for (decision_text, proposal, items) in decisions {
        if items.is_empty() {
            continue;
        }
        let decision: DecisionId = new_id(rng);
        steps.push((
            decided_on,
            planner(decided_on),
            RetreatCommand::RecordDecision(RecordDecision {
                retreat,
                decision,
                text: text(&decision_text),
                proposal,
                planned_milestones: items
                    .iter()
                    .filter_map(|o| {
                        o.milestone.map(|(milestone, kind)| PlannedMilestone {
                            cooperation: program.agreement.id,
                            milestone,
                            title: title(&o.title),
                            kind,
                            due: o.date,
                        })
                    })
                    .collect(),
                planned_gatherings: items
                    .iter()
                    .filter_map(|o| {
                        o.gathering.map(|(gathering, kind)| PlannedGathering {
                            gathering,
                            kind,
                            title: title(&o.title),
                            date: o.date,
                        })
                    })
                    .collect(),
            })
            .into(),
        ));
    }
    for (n, (_, proposal_title, _)) in proposals.iter().enumerate().take(2) {
        let decision: DecisionId = new_id(rng);
        steps.push((decided_on, planner(decided_on), RetreatCommand::RecordDecision(RecordDecision {
            retreat,
            decision,
            text: text(&format!("Schwerpunkt {next}: {proposal_title}. Federführung: Wirtschaftsförderung gemeinsam mit dem Wirtschaftskreis.")),
            proposal: ids.get(n).copied(),
            planned_milestones: Vec::new(),
            planned_gatherings: Vec::new(),
        }).into()));
    }
    plan.push_stream(steps);
}

/// Five proposals: the topic families whose inquiries grew most from last year to this (January
/// to September), then the perennial ones; each with the numbers as its reason.
fn proposals(world: &World, year: i32) -> Vec<(&'static str, &'static str, String)> {
    let count = |year: i32| {
        let mut counts: BTreeMap<&'static str, u32> = BTreeMap::new();
        let (from, until) = (date(year, 1, 1), date(year, 9, 30));
        for (day, family) in &world.inquiry_topics {
            if (from..=until).contains(day) {
                *counts.entry(family).or_default() += 1;
            }
        }
        counts
    };
    let current = count(year);
    let previous = count(year - 1);
    let has_previous = year > world.calendar.first_year && previous.values().sum::<u32>() > 0;
    let mut ranked: Vec<(&str, &str, i64)> = PROPOSALS
        .iter()
        .map(|(family, proposal)| {
            let now = i64::from(current.get(family).copied().unwrap_or(0));
            let before = i64::from(previous.get(family).copied().unwrap_or(0));
            (
                *family,
                *proposal,
                if has_previous { now - before } else { now },
            )
        })
        .collect();
    ranked.sort_by_key(|(family, _, growth)| (-growth, *family));
    ranked
        .into_iter()
        .take(5)
        .map(|(family, proposal, _)| {
            let now = current.get(family).copied().unwrap_or(0);
            let label = family_label(family);
            let reason = if has_previous {
                let before = previous.get(family).copied().unwrap_or(0);
                format!(
                    "Anliegen zu „{label}“ Januar bis September: {before} ({}) → {now} ({year})",
                    year - 1
                )
            } else {
                format!("Anliegen zu „{label}“ Januar bis September {year}: {now}")
            };
            (family, proposal, reason)
        })
        .collect()
}
