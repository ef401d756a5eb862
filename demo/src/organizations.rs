//! The organizations of the demo office at registration: the district office itself, IHK and
//! Handwerkskammer, the Wirtschaftskreis Pankow e.V. and the shopping-street associations, and the
//! district's businesses — most taken over from the office's old records on the first day, the
//! rest registered as they are founded or move in. Sector mix, size classes (three in four have
//! at most six staff), names, legal forms, addresses and Planungsräume are drawn here; what
//! happens to a business later is `lifecycle.rs`.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    ids::OrganizationId,
    organization::{
        AssignAccountManager, OrganizationCommand, OrganizationKind, Profile, RegisterOrganization,
    },
    values::{Address, OrganizationName, RegionCode, SizeClass, Website, WzCode},
};

use super::{
    calendar::Calendar,
    names::{self, LegalForm},
    places::{self, Area, SHOPPING_STREETS},
    plan::{DEMO_ACTOR, Plan, new_id, user},
    regions::RegionSet,
    sectors::{self, SectorGroup},
    staff::{ADMIN, Staff},
    world::{Business, Specials},
};

/// Share of businesses registered during the simulated years rather than taken over at start.
const NEWCOMER_SHARE: f64 = 0.15;

/// Registers the special organizations; returns their ids.
pub(crate) fn register_specials(
    rng: &mut SmallRng,
    plan: &mut Plan,
    calendar: &Calendar,
    regions: &RegionSet,
) -> Specials {
    let mut special = |name: &str,
                       kind: OrganizationKind,
                       legal_form: &str,
                       founded: u16,
                       website: &str,
                       address: (&str, &str, &str),
                       rng: &mut SmallRng| {
        let id: OrganizationId = new_id(rng);
        let region = places::area_of(address.1).and_then(|area| region_in(rng, regions, area));
        let profile = Profile {
            legal_form: Some(legal_form.to_owned()),
            sector: WzCode::parse(if kind == OrganizationKind::PublicBody {
                "84"
            } else {
                "94"
            })
            .ok(),
            size_class: None,
            founded_year: Some(founded),
            website: Website::parse(website).ok(),
        };
        register(
            plan,
            calendar.start,
            DEMO_ACTOR,
            id,
            name,
            kind,
            profile,
            address,
            region,
            None,
        );
        id
    };
    let office = special(
        "Bezirksamt Pankow – Wirtschaftsförderung",
        OrganizationKind::PublicBody,
        "Körperschaft des öffentlichen Rechts",
        2001,
        "https://www.berlin.de/ba-pankow/politik-und-verwaltung/aemter/wirtschaftsfoerderung/",
        ("Fröbelstr. 17", "10405", "Berlin"),
        rng,
    );
    let ihk = special(
        "IHK Berlin",
        OrganizationKind::Chamber,
        "Körperschaft des öffentlichen Rechts",
        1902,
        "https://www.ihk.de/berlin",
        ("Fasanenstr. 85", "10623", "Berlin"),
        rng,
    );
    let hwk = special(
        "Handwerkskammer Berlin",
        OrganizationKind::Chamber,
        "Körperschaft des öffentlichen Rechts",
        1900,
        "https://www.hwk-berlin.de",
        ("Blücherstr. 68", "10961", "Berlin"),
        rng,
    );
    let network = special(
        "Wirtschaftskreis Pankow e.V.",
        OrganizationKind::Association,
        "e.V.",
        1991,
        "https://www.wirtschaftskreis-pankow.de",
        ("Breite Str. 43", "13187", "Berlin"),
        rng,
    );
    let streets = SHOPPING_STREETS
        .iter()
        .map(|street| {
            let id = special(
                street.association,
                OrganizationKind::Association,
                "e.V.",
                2009,
                &format!("https://{}", names::domain(street.street)),
                (street.address, street.postal_code, "Berlin"),
                rng,
            );
            (id, street)
        })
        .collect();
    plan.push(
        calendar.start,
        ADMIN,
        OrganizationCommand::AssignAccountManager(AssignAccountManager {
            organization: network,
            account_manager: Some(user("a.schneider")),
        }),
    );
    Specials {
        office,
        ihk,
        hwk,
        network,
        streets,
    }
}

/// Draws `count` businesses and registers each with its account manager. The first few are
/// always taken over at the start, so `lifecycle.rs` has long-lived businesses to change.
pub(crate) fn register_businesses(
    rng: &mut SmallRng,
    plan: &mut Plan,
    calendar: &Calendar,
    staff: &Staff,
    regions: &RegionSet,
    count: usize,
) -> Vec<Business> {
    let mut taken = HashSet::new();
    let mut businesses = Vec::with_capacity(count);
    for i in 0..count {
        let sector = sectors::pick(rng);
        let size = size_class(rng, sector.group);
        let legal_form = names::legal_form(rng, size, sector.division);
        let area = places::pick_area(rng);
        let mut name = names::company_name(rng, sector, legal_form);
        for attempt in 0.. {
            if taken.insert(name.full.clone()) {
                break;
            }
            name = names::company_name(rng, sector, legal_form);
            if attempt > 8 {
                name.base = format!("{} {}", name.base, area.locality);
                name.full = format!("{} {}", name.full, area.locality);
            }
            // In very large offices a sector's names run out even with the locality (this loop
            // used to spin forever at ~40,000 businesses): number the name then, which is unique.
            if attempt > 64 {
                name.base = format!("{} {}", name.base, i + 1);
                name.full = format!("{} {}", name.full, i + 1);
            }
        }
        let (street, street_line) = places::street_address(rng, area);
        let region = region_in(rng, regions, area);
        let newcomer = i >= 8 && rng.random_bool(NEWCOMER_SHARE);
        let registered_on = if newcomer {
            let from = super::calendar::add_days(calendar.start, 20);
            calendar
                .random_workday(rng, from, calendar.today)
                .unwrap_or(calendar.start)
        } else {
            calendar.start
        };
        let founded_year = if newcomer {
            registered_on.year() - i32::from(rng.random_bool(0.2))
        } else if rng.random_bool(0.55) {
            rng.random_range(calendar.first_year - 20..calendar.first_year)
        } else {
            rng.random_range(calendar.first_year - 70..calendar.first_year - 20)
        };
        let kind = if legal_form == LegalForm::Einzelunternehmen && size == SizeClass::None {
            OrganizationKind::SoleTrader
        } else {
            OrganizationKind::Company
        };
        let domain = names::domain(&name.base);
        let profile = Profile {
            legal_form: Some(legal_form.label().to_owned()),
            sector: WzCode::parse(sector.division).ok(),
            size_class: Some(size),
            founded_year: u16::try_from(founded_year).ok(),
            website: if rng.random_bool(0.55) {
                Website::parse(&format!("www.{domain}")).ok()
            } else {
                None
            },
        };
        let manager =
            staff.territory_manager(area.postal_code, rng.random_range(0..3), registered_on);
        let id: OrganizationId = new_id(rng);
        let actor = if newcomer { manager } else { DEMO_ACTOR };
        let external_id = (!newcomer).then(|| format!("WF-ALT-{:05}", i + 1));
        register(
            plan,
            registered_on,
            actor,
            id,
            &name.full,
            kind,
            profile.clone(),
            (&street_line, area.postal_code, "Berlin"),
            region,
            external_id,
        );
        plan.push(
            registered_on,
            actor,
            OrganizationCommand::AssignAccountManager(AssignAccountManager {
                organization: id,
                account_manager: Some(user(manager)),
            }),
        );
        businesses.push(Business {
            id,
            name: name.full,
            surname: name.surname,
            domain,
            kind,
            sector,
            size,
            legal_form,
            profile,
            area,
            street,
            registered_on,
            closed_on: None,
            manager,
            network: None,
            persons: Vec::new(),
        });
    }
    businesses
}

/// A Planungsraum below one of the area's Bezirksregionen, or any of the Bezirk.
pub(crate) fn region_in(
    rng: &mut SmallRng,
    regions: &RegionSet,
    area: &Area,
) -> Option<RegionCode> {
    let bezirksregion = area.bezirksregionen.choose(rng).copied().unwrap_or("03");
    let candidates = regions.planungsraeume_within(bezirksregion);
    let candidates = if candidates.is_empty() {
        regions.planungsraeume.iter().collect()
    } else {
        candidates
    };
    candidates.choose(rng).map(|region| region.code.clone())
}

/// Size classes as in a district's business register: most have a handful of staff or none;
/// manufacturing, logistics and health care run a little larger.
fn size_class(rng: &mut SmallRng, group: SectorGroup) -> SizeClass {
    const PER_MILLE: [u32; 10] = [300, 300, 150, 80, 80, 50, 22, 12, 4, 2];
    let total: u32 = PER_MILLE.iter().sum();
    let mut roll = rng.random_range(0..total);
    let mut index = 0;
    for (i, weight) in PER_MILLE.iter().enumerate() {
        if roll < *weight {
            index = i;
            break;
        }
        roll -= weight;
    }
    let larger = matches!(
        group,
        SectorGroup::Manufacturing | SectorGroup::Logistics | SectorGroup::Health
    );
    if larger && index < 9 && rng.random_bool(0.3) {
        index += 1;
    }
    SizeClass::ALL[index]
}

#[allow(clippy::too_many_arguments)] // One registration's fields; a struct would only rename them.
fn register(
    plan: &mut Plan,
    day: NaiveDate,
    actor: &str,
    organization: OrganizationId,
    name: &str,
    kind: OrganizationKind,
    profile: Profile,
    address: (&str, &str, &str),
    region: Option<RegionCode>,
    external_id: Option<String>,
) {
    let Ok(name) = OrganizationName::parse(name) else {
        return;
    };
    plan.push(
        day,
        actor,
        OrganizationCommand::Register(RegisterOrganization {
            organization,
            name,
            kind,
            profile,
            address: Address::parse(address.0, address.1, address.2).ok(),
            region,
            external_id,
        }),
    );
}
