//! The yearly program of the demo office and its partner, drawn up front so the cooperation,
//! gathering and retreat streams tell one story: the agreement with the Wirtschaftskreis
//! (signed in the first year, valid until the end of the last), each year's milestones — New
//! Year's reception, topic day "Frauen in Führungspositionen", business dinner, investment fair,
//! culture salon, "Unternehmen des Jahres", a joint project and the report to the BVV — and the
//! office's own Stammtische, Sprechtage and Branchengespräche. The first year's program is
//! planned when the agreement is signed; every later year's by the previous year's retreat.

use chrono::{NaiveDate, Weekday};
use rand::rngs::SmallRng;
use wifo_domain::{
    cooperation::MilestoneKind,
    gathering::GatheringKind,
    ids::{CooperationId, GatheringId, MilestoneId, OrganizationId},
};

use super::{
    calendar::{
        add_workdays, date, nth_weekday, sub_days, workday_on_or_after, workday_on_or_before,
    },
    formats,
    places::{
        VENUE_BREADFACTORY, VENUE_BREWERY, VENUE_COUNCIL_HALL, VENUE_PALACE, VENUE_TOWN_HALL,
        VENUE_WABE,
    },
    plan::new_id,
    sectors::SectorGroup,
    world::World,
};

/// Who planned an occasion, and so on which day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlannedBy {
    /// With the signing of the agreement.
    Agreement,
    /// By a decision of that year's retreat.
    Retreat(i32),
    /// By the office on its own, a few weeks ahead.
    Office,
}

/// What became of an occasion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    Held,
    Rescheduled {
        decided: NaiveDate,
        to: NaiveDate,
        reason: &'static str,
    },
    Cancelled {
        decided: NaiveDate,
        reason: &'static str,
    },
}

/// Whom a gathering is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Audience {
    /// The Wirtschaftskreis and the larger businesses.
    Network,
    /// Businesses of these Ortsteile.
    Localities(&'static [&'static str]),
    /// Businesses of one kind.
    Sector(SectorGroup),
    /// Whoever comes (office hours).
    Open,
}

#[derive(Clone, Debug)]
pub(crate) struct Occasion {
    pub year: i32,
    pub title: String,
    pub date: NaiveDate,
    pub planned_on: NaiveDate,
    pub planned_by: PlannedBy,
    pub milestone: Option<(MilestoneId, MilestoneKind)>,
    pub gathering: Option<(GatheringId, GatheringKind)>,
    pub fate: Fate,
    pub venue: String,
    pub co_hosts: Vec<OrganizationId>,
    pub audience: Audience,
}

impl Occasion {
    /// The day it finally takes place (or would have).
    pub(crate) fn final_date(&self) -> NaiveDate {
        match self.fate {
            Fate::Rescheduled { to, .. } => to,
            _ => self.date,
        }
    }
}

/// The cooperation agreement with the Wirtschaftskreis.
#[derive(Clone, Debug)]
pub(crate) struct Agreement {
    pub id: CooperationId,
    pub signed_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
}

#[derive(Clone, Debug)]
pub(crate) struct Program {
    pub agreement: Agreement,
    pub occasions: Vec<Occasion>,
}

/// The retreat of a year: the first Friday in November.
pub(crate) fn retreat_day(year: i32) -> NaiveDate {
    nth_weekday(year, 11, Weekday::Fri, 1)
}

/// When the retreat's decisions are written down.
pub(crate) fn decision_day(year: i32) -> NaiveDate {
    add_workdays(retreat_day(year), 3)
}

/// When what the retreat decided is planned on the cooperation and gathering streams.
pub(crate) fn plan_day(year: i32) -> NaiveDate {
    add_workdays(decision_day(year), 2)
}

const PROJECTS: &[&str] = &[
    "Gewerbeflächenkonzept: Bestandsaufnahme abgeschlossen",
    "Leitfaden Fachkräftesicherung für kleine Betriebe veröffentlicht",
    "Standortprofil Blankenburger Süden erstellt",
    "Berufsorientierung: Schulkooperationen mit 20 Betrieben",
];

pub(crate) fn build(rng: &mut SmallRng, world: &World) -> Program {
    let calendar = &world.calendar;
    let (first, last) = (calendar.first_year, calendar.final_year);
    let agreement = Agreement {
        id: new_id(rng),
        signed_on: workday_on_or_after(date(first, 2, 20)),
        valid_from: date(first, 3, 1),
        valid_until: date(last, 12, 31),
    };
    let network = vec![world.specials.network];
    let second_year = (first + 1).min(last);
    let mut occasions = Vec::new();
    for year in first..=last + 1 {
        let (planned_on, planned_by) = if year == first {
            (agreement.signed_on, PlannedBy::Agreement)
        } else {
            (plan_day(year - 1), PlannedBy::Retreat(year - 1))
        };
        let in_term = year <= last;
        let mut add = |title: String,
                       day: NaiveDate,
                       milestone: Option<MilestoneKind>,
                       gathering: Option<GatheringKind>,
                       venue: &str,
                       rng: &mut SmallRng| {
            occasions.push(Occasion {
                year,
                title,
                date: day,
                planned_on,
                planned_by,
                milestone: milestone
                    .filter(|_| in_term)
                    .map(|kind| (new_id(rng), kind)),
                gathering: gathering.map(|kind| (new_id(rng), kind)),
                fate: Fate::Held,
                venue: venue.to_owned(),
                co_hosts: network.clone(),
                audience: Audience::Network,
            });
        };
        use GatheringKind as G;
        use MilestoneKind as M;
        if year > first {
            add(
                format!("Neujahrsempfang der Pankower Wirtschaft {year}"),
                nth_weekday(year, 1, Weekday::Thu, 2),
                Some(M::Gathering),
                Some(G::Reception),
                VENUE_TOWN_HALL,
                rng,
            );
        }
        if !in_term {
            continue;
        }
        add(
            format!("Fachtag „Frauen in Führungspositionen“ {year}"),
            workday_on_or_after(date(year, 3, 10)),
            Some(M::Gathering),
            Some(G::TopicDay),
            VENUE_WABE,
            rng,
        );
        add(
            format!("Unternehmerdinner {year}"),
            nth_weekday(year, 6, Weekday::Thu, 2),
            Some(M::Gathering),
            Some(G::BusinessDinner),
            VENUE_PALACE,
            rng,
        );
        add(
            format!("Investorenmesse Pankow {year}"),
            nth_weekday(year, 9, Weekday::Wed, 3),
            Some(M::Gathering),
            Some(G::Fair),
            VENUE_BREWERY,
            rng,
        );
        add(
            format!("Kultursalon {year}"),
            nth_weekday(year, 10, Weekday::Fri, 2),
            Some(M::Gathering),
            Some(G::CultureSalon),
            VENUE_BREADFACTORY,
            rng,
        );
        add(
            format!("Auszeichnung „Unternehmen des Jahres {year}“"),
            nth_weekday(year, 12, Weekday::Fri, 1),
            Some(M::Award),
            Some(G::AwardCeremony),
            VENUE_COUNCIL_HALL,
            rng,
        );
        let project = PROJECTS[usize::try_from(year - first).unwrap_or(0) % PROJECTS.len()];
        add(
            project.to_owned(),
            workday_on_or_before(date(year, 9, 30)),
            Some(M::Project),
            None,
            "",
            rng,
        );
        add(
            format!("Bericht an die BVV: Kooperation mit dem Wirtschaftskreis {year}"),
            workday_on_or_before(date(year, 12, 15)),
            Some(M::Report),
            None,
            "",
            rng,
        );
        if year == second_year {
            for occasion in occasions.iter_mut().filter(|o| o.year == year) {
                if occasion.gathering.is_some_and(|(_, kind)| kind == G::Fair) {
                    occasion.fate = Fate::Rescheduled {
                        decided: sub_days(occasion.date, 30),
                        to: add_workdays(occasion.date, 35),
                        reason: "Messehalle nicht verfügbar; neuer Termin mit dem Wirtschaftskreis abgestimmt",
                    };
                }
                if occasion
                    .gathering
                    .is_some_and(|(_, kind)| kind == G::CultureSalon)
                {
                    occasion.fate = Fate::Cancelled {
                        decided: sub_days(occasion.date, 12),
                        reason: "Künstlerin erkrankt, kein Ersatztermin in diesem Jahr möglich",
                    };
                }
            }
        }
    }
    formats::regular_gatherings(rng, world, &mut occasions, second_year);
    occasions.retain(|o| o.planned_on >= calendar.start && o.date > o.planned_on);
    Program {
        agreement,
        occasions,
    }
}
