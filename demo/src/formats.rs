//! The office's own gathering formats besides the cooperation program: Unternehmerstammtische
//! in the Ortsteile four times a year (planned by the retreat for the next year, hosted by a
//! local restaurant, co-hosted by the shopping-street association where there is one), a
//! Branchengespräch with the IHK each spring on one industry's questions, and Sprechtage every
//! other month, some with the Handwerkskammer.

use chrono::Weekday;
use rand::{rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::gathering::GatheringKind;

use super::{
    calendar::{add_workdays, nth_weekday, sub_days},
    places::{VENUE_IHK, VENUE_OFFICE, VENUE_WEISSENSEE},
    plan::new_id,
    program::{Audience, Fate, Occasion, PlannedBy, plan_day},
    sectors::SectorGroup,
    world::World,
};

const STAMMTISCHE: &[(&str, &[&str])] = &[
    ("Unternehmerstammtisch Pankow-Zentrum", &["Pankow"]),
    (
        "Unternehmerstammtisch Prenzlauer Berg",
        &["Prenzlauer Berg"],
    ),
    (
        "Unternehmerstammtisch Weißensee",
        &["Weißensee", "Heinersdorf"],
    ),
    (
        "Unternehmerstammtisch im Pankower Norden",
        &[
            "Buch",
            "Französisch Buchholz",
            "Blankenburg",
            "Niederschönhausen",
            "Rosenthal",
            "Blankenfelde",
        ],
    ),
];

const DIALOGUES: &[(&str, SectorGroup)] = &[
    (
        "Branchengespräch Gastgewerbe: Außengastronomie und Sondernutzung",
        SectorGroup::Hospitality,
    ),
    (
        "Branchengespräch Handwerk: Fachkräfte und Flächen",
        SectorGroup::Crafts,
    ),
    (
        "Branchengespräch Einzelhandel: Leerstand und Geschäftsstraßen",
        SectorGroup::Retail,
    ),
    (
        "Branchengespräch Digitalwirtschaft: Fachkräfte und Glasfaser",
        SectorGroup::It,
    ),
];

/// The office's own formats: Stammtische (planned by the retreat), Sprechtage and one
/// Branchengespräch a year (planned a few weeks ahead).
pub(crate) fn regular_gatherings(
    rng: &mut SmallRng,
    world: &World,
    occasions: &mut Vec<Occasion>,
    second_year: i32,
) {
    let calendar = &world.calendar;
    for year in calendar.first_year..=calendar.final_year + 1 {
        let (planned_on, planned_by) = if year == calendar.first_year {
            (add_workdays(calendar.start, 3), PlannedBy::Office)
        } else {
            (plan_day(year - 1), PlannedBy::Retreat(year - 1))
        };
        let months: &[u32] = if year > calendar.final_year {
            &[2]
        } else {
            &[2, 5, 8, 11]
        };
        for (n, month) in months.iter().enumerate() {
            let (title, localities) =
                STAMMTISCHE[(n + usize::try_from(year).unwrap_or(0)) % STAMMTISCHE.len()];
            let day = nth_weekday(year, *month, Weekday::Tue, 3);
            let host = world
                .businesses
                .iter()
                .filter(|b| {
                    b.sector.group == SectorGroup::Hospitality
                        && localities.contains(&b.area.locality)
                        && b.active_on(day)
                })
                .collect::<Vec<_>>();
            let venue = host.choose(rng).map_or(VENUE_OFFICE.to_owned(), |b| {
                format!("{}, {}", b.name, b.street)
            });
            let street = world
                .specials
                .streets
                .iter()
                .find(|(_, s)| venue.contains(s.street))
                .map(|(id, _)| *id);
            let fate = if year == second_year && *month == 8 {
                Fate::Cancelled {
                    decided: sub_days(day, 5),
                    reason: "Zu wenige Anmeldungen",
                }
            } else {
                Fate::Held
            };
            occasions.push(Occasion {
                year,
                title: format!("{title} ({})", month_name(*month)),
                date: day,
                planned_on,
                planned_by,
                milestone: None,
                gathering: Some((new_id(rng), GatheringKind::Stammtisch)),
                fate,
                venue,
                co_hosts: street.into_iter().collect(),
                audience: Audience::Localities(localities),
            });
        }
        if year > calendar.final_year {
            continue;
        }
        let (title, group) =
            DIALOGUES[usize::try_from(year - calendar.first_year).unwrap_or(0) % DIALOGUES.len()];
        let day = nth_weekday(year, 4, Weekday::Wed, 2);
        occasions.push(Occasion {
            year,
            title: format!("{title} {year}"),
            date: day,
            planned_on: sub_days(day, 42),
            planned_by: PlannedBy::Office,
            milestone: None,
            gathering: Some((new_id(rng), GatheringKind::IndustryDialogue)),
            fate: Fate::Held,
            venue: VENUE_IHK.to_owned(),
            co_hosts: vec![world.specials.ihk],
            audience: Audience::Sector(group),
        });
        for month in [1, 3, 5, 7, 9, 11] {
            let day = nth_weekday(year, month, Weekday::Thu, 4);
            let with_chamber = month % 4 == 1;
            occasions.push(Occasion {
                year,
                title: if with_chamber {
                    format!("Sprechtag mit der Handwerkskammer ({})", month_name(month))
                } else {
                    format!("Sprechtag der Wirtschaftsförderung ({})", month_name(month))
                },
                date: day,
                planned_on: sub_days(day, 28),
                planned_by: PlannedBy::Office,
                milestone: None,
                gathering: Some((new_id(rng), GatheringKind::ConsultationDay)),
                fate: Fate::Held,
                venue: if with_chamber {
                    VENUE_WEISSENSEE
                } else {
                    VENUE_OFFICE
                }
                .to_owned(),
                co_hosts: if with_chamber {
                    vec![world.specials.hwk]
                } else {
                    Vec::new()
                },
                audience: Audience::Open,
            });
        }
    }
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    NAMES[usize::try_from(month.saturating_sub(1)).unwrap_or(0) % 12]
}
