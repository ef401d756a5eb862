//! What happens to the district's businesses over the years, on their organization streams:
//! memberships in the Wirtschaftskreis and the shopping-street associations begin and end, tags
//! come and go ("Nachfolge offen" until a successor is found), some rename, move within the
//! district, grow or shrink, some close, account management is handed over, and a few are
//! entered twice by mistake and merged into the original. Each business's changes are drawn as
//! dated changes first and then turned into commands in date order, so each command fits the
//! state the earlier ones left.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    ids::OrganizationId,
    organization::{
        AssignAccountManager, CloseOrganization, EndMembership, OrganizationCommand,
        OrganizationKind, RelocateOrganization, RenameOrganization, StartMembership,
        TagOrganization, UntagOrganization, UpdateProfile,
    },
    values::{Address, OrganizationName, SizeClass, Tag, Website},
};

use super::{
    calendar::{add_days, date},
    names::{self, LegalForm},
    organizations::region_in,
    places,
    plan::{Action, DEMO_ACTOR, Plan, text, user},
    sectors::SectorGroup,
    world::{Business, World},
};

const SUCCESSION_OPEN: &str = "Nachfolge offen";

/// A dated change of one business.
#[derive(Clone, Debug)]
enum Change {
    Join(OrganizationId, NaiveDate),
    Leave(OrganizationId),
    Tag(String),
    Untag(String),
    Rename,
    Relocate,
    Resize,
    Handover(&'static str),
    Close,
}

/// Draws and writes every business's changes; the first few businesses are always given the
/// rare ones, so even a small office shows every kind of change.
pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &mut World) {
    let calendar = world.calendar.clone();
    let years =
        f64::from(u32::try_from(calendar.final_year - calendar.first_year + 1).unwrap_or(1));
    for i in 0..world.businesses.len() {
        let business = world.businesses[i].clone();
        let mut changes: Vec<(NaiveDate, Change)> = Vec::new();
        let later = |rng: &mut SmallRng| {
            let from = add_days(business.registered_on, 30);
            calendar.random_workday(rng, from, calendar.today)
        };
        // Memberships that began before the office used wifo are entered on the first day.
        let network_share = match business.size {
            s if s >= SizeClass::From20To49 => 0.30,
            SizeClass::From10To19 => 0.15,
            SizeClass::From4To6 | SizeClass::From7To9 => 0.05,
            _ => 0.015,
        };
        let mut network_since = None;
        if i == 6 || rng.random_bool(network_share) {
            let since = if business.registered_on == calendar.start {
                date(
                    rng.random_range(calendar.first_year - 18..calendar.first_year),
                    rng.random_range(1..=12),
                    1,
                )
            } else {
                later(rng).unwrap_or(business.registered_on)
            };
            changes.push((
                since.max(business.registered_on),
                Change::Join(world.specials.network, since),
            ));
            network_since = Some(since);
        }
        let street_association = world
            .specials
            .streets
            .iter()
            .find(|(_, street)| street.street == business.street)
            .map(|(id, _)| *id);
        let street_group = matches!(
            business.sector.group,
            SectorGroup::Retail | SectorGroup::Hospitality | SectorGroup::PersonalServices
        );
        if let Some(association) = street_association
            && street_group
            && rng.random_bool(0.5)
        {
            let since = date(
                rng.random_range(calendar.first_year - 14..calendar.first_year),
                1,
                1,
            );
            changes.push((business.registered_on, Change::Join(association, since)));
        }
        let members: Vec<(OrganizationId, NaiveDate)> = changes
            .iter()
            .filter_map(|(day, change)| match change {
                Change::Join(association, _) => Some((*association, *day)),
                _ => None,
            })
            .collect();
        if let Some((association, joined)) = members.first()
            && (i == 6 || rng.random_bool(0.06))
            && let Some(day) = calendar.random_workday(rng, add_days(*joined, 30), calendar.today)
        {
            changes.push((day, Change::Leave(*association)));
        }
        let newcomer = business.registered_on != calendar.start;
        for tag in initial_tags(rng, &business, newcomer) {
            changes.push((business.registered_on, Change::Tag(tag)));
        }
        let succession =
            business.legal_form.owner_run() && business.profile.founded_year < Some(2000);
        if (i == 5 || (succession && rng.random_bool(0.1)))
            && let Some(day) = later(rng)
        {
            changes.push((day, Change::Tag(SUCCESSION_OPEN.to_owned())));
            if i == 5 || rng.random_bool(0.5) {
                let solved = calendar.random_workday(rng, add_days(day, 60), calendar.today);
                if let Some(solved) = solved {
                    changes.push((solved, Change::Untag(SUCCESSION_OPEN.to_owned())));
                }
            }
        }
        let mut maybe = |rng: &mut SmallRng, forced: bool, per_year: f64, change: Change| {
            if (forced || rng.random_bool((per_year * years).min(0.9)))
                && let Some(day) = later(rng)
            {
                changes.push((day, change));
            }
        };
        maybe(rng, i == 2, 0.006, Change::Rename);
        maybe(rng, i == 3, 0.01, Change::Relocate);
        maybe(rng, i == 4, 0.03, Change::Resize);
        let small = business.size <= SizeClass::From4To6;
        maybe(
            rng,
            i == 1,
            if small { 0.022 } else { 0.008 },
            Change::Close,
        );
        if let Some((day, successor)) = world.staff.handover_of(business.manager)
            && day > business.registered_on
        {
            changes.push((day, Change::Handover(successor)));
        }
        changes.sort_by_key(|(day, _)| *day);
        if let Some(close) = changes
            .iter()
            .position(|(_, change)| matches!(change, Change::Close))
        {
            changes.truncate(close + 1);
        }
        let closed_on = changes
            .iter()
            .find(|(_, change)| matches!(change, Change::Close))
            .map(|(day, _)| *day);
        let network_until = changes.iter().find_map(|(day, change)| match change {
            Change::Leave(association) if *association == world.specials.network => Some(*day),
            _ => None,
        });
        let steps = commands(rng, world, &business, changes);
        plan.push_stream(steps);
        let business = &mut world.businesses[i];
        business.closed_on = closed_on;
        business.network = network_since.map(|since| (since, network_until.or(closed_on)));
    }
}

/// Turns one business's sorted changes into commands, keeping its memberships, tags and profile
/// as they are after each.
fn commands(
    rng: &mut SmallRng,
    world: &World,
    business: &Business,
    changes: Vec<(NaiveDate, Change)>,
) -> Vec<(NaiveDate, String, Action)> {
    let organization = business.id;
    let mut profile = business.profile.clone();
    let mut kind = business.kind;
    let mut name = business.name.clone();
    let mut memberships: Vec<OrganizationId> = Vec::new();
    let mut steps = Vec::new();
    for (day, change) in changes {
        let actor =
            if day == business.registered_on && business.registered_on == world.calendar.start {
                DEMO_ACTOR.to_owned()
            } else {
                world.manager_on(business, day).to_owned()
            };
        let mut push =
            |command: OrganizationCommand| steps.push((day, actor.clone(), Action::from(command)));
        match change {
            Change::Join(association, since) => {
                memberships.push(association);
                push(OrganizationCommand::StartMembership(StartMembership {
                    organization,
                    association,
                    since,
                }));
            }
            Change::Leave(association) => {
                memberships.retain(|member| *member != association);
                push(OrganizationCommand::EndMembership(EndMembership {
                    organization,
                    association,
                    until: day,
                }));
            }
            Change::Tag(tag) => {
                let Ok(tag) = Tag::parse(&tag) else { continue };
                push(OrganizationCommand::Tag(TagOrganization {
                    organization,
                    tag,
                }));
            }
            Change::Untag(tag) => {
                let Ok(tag) = Tag::parse(&tag) else { continue };
                push(OrganizationCommand::Untag(UntagOrganization {
                    organization,
                    tag,
                }));
            }
            Change::Rename => {
                let new_name = if business.legal_form.owner_run() {
                    profile.legal_form = Some(LegalForm::Gmbh.label().to_owned());
                    kind = OrganizationKind::Company;
                    format!(
                        "{} GmbH",
                        name.trim_end_matches(" e.K.").trim_end_matches(" GbR")
                    )
                } else {
                    let fresh = names::company_name(rng, business.sector, business.legal_form).full;
                    if fresh == name {
                        format!("{name} Pankow")
                    } else {
                        fresh
                    }
                };
                let Ok(parsed) = OrganizationName::parse(&new_name) else {
                    continue;
                };
                name = new_name;
                push(OrganizationCommand::Rename(RenameOrganization {
                    organization,
                    name: parsed,
                }));
                if business.legal_form.owner_run() {
                    push(OrganizationCommand::UpdateProfile(UpdateProfile {
                        organization,
                        kind,
                        profile: profile.clone(),
                    }));
                }
            }
            Change::Relocate => {
                let area = if rng.random_bool(0.6) {
                    business.area
                } else {
                    places::pick_area(rng)
                };
                let (_, line) = places::street_address(rng, area);
                let Ok(address) = Address::parse(&line, area.postal_code, "Berlin") else {
                    continue;
                };
                let region = region_in(rng, &world.regions, area);
                push(OrganizationCommand::Relocate(RelocateOrganization {
                    organization,
                    address,
                    region,
                }));
            }
            Change::Resize => {
                let index = SizeClass::ALL
                    .iter()
                    .position(|s| Some(*s) == profile.size_class)
                    .unwrap_or(1);
                let grown = if rng.random_bool(0.7) {
                    (index + 1).min(9)
                } else {
                    index.saturating_sub(1)
                };
                profile.size_class = Some(SizeClass::ALL[grown]);
                if profile.website.is_none() {
                    profile.website = Website::parse(&format!("www.{}", business.domain)).ok();
                }
                push(OrganizationCommand::UpdateProfile(UpdateProfile {
                    organization,
                    kind,
                    profile: profile.clone(),
                }));
            }
            Change::Handover(successor) => {
                push(OrganizationCommand::AssignAccountManager(
                    AssignAccountManager {
                        organization,
                        account_manager: Some(user(successor)),
                    },
                ));
            }
            Change::Close => {
                for association in std::mem::take(&mut memberships) {
                    push(OrganizationCommand::EndMembership(EndMembership {
                        organization,
                        association,
                        until: day,
                    }));
                }
                let reason = CLOSING_REASONS.choose(rng).copied().unwrap_or_default();
                push(OrganizationCommand::Close(CloseOrganization {
                    organization,
                    closed_on: day,
                    reason: text(reason),
                }));
            }
        }
    }
    steps
}

const CLOSING_REASONS: &[&str] = &[
    "Geschäftsaufgabe aus Altersgründen, keine Nachfolge gefunden",
    "Insolvenz",
    "Mietvertrag nicht verlängert, kein Ersatzstandort im Bezirk",
    "Standortverlagerung nach Brandenburg",
    "Betrieb aus gesundheitlichen Gründen eingestellt",
];

fn initial_tags(rng: &mut SmallRng, business: &Business, newcomer: bool) -> Vec<String> {
    let mut pool: Vec<String> = vec![
        "Familienunternehmen".into(),
        "Ausbildungsbetrieb".into(),
        "Fachkräftebedarf".into(),
        "Klimaschutz-Vorreiter".into(),
    ];
    if business.sector.handwerk {
        pool.push("Meisterbetrieb".into());
    }
    match business.sector.group {
        SectorGroup::Creative => pool.push("Kreativwirtschaft".into()),
        SectorGroup::Hospitality => pool.push("Außengastronomie".into()),
        _ => {}
    }
    if newcomer {
        pool.push(format!("Gründung {}", business.registered_on.year()));
    }
    let mut tags = Vec::new();
    if rng.random_bool(0.35) {
        let count = rng.random_range(1..=2);
        for _ in 0..count {
            if let Some(tag) = pool.choose(rng)
                && !tags.contains(tag)
            {
                tags.push(tag.clone());
            }
        }
    }
    tags
}
