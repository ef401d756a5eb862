//! Duplicates, as every CRM has them: twice a colleague enters a business that is already there
//! (under a sloppier spelling of its name, at the same address) instead of searching first, and
//! a few days later the business's account manager merges the duplicate into the original, whose
//! history carries on.

use rand::{Rng, rngs::SmallRng};
use wifo_domain::{
    ids::OrganizationId,
    organization::{MergeOrganization, OrganizationCommand, RegisterOrganization},
    values::{Address, OrganizationName},
};

use super::{
    calendar::add_workdays,
    names,
    plan::{Plan, new_id},
    world::World,
};

/// Two businesses are entered a second time by a colleague who did not search first, and merged
/// into the original a few days later.
pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &mut World) {
    let calendar = world.calendar.clone();
    let candidates: Vec<usize> = (0..world.businesses.len().min(200))
        .filter(|&i| {
            let b = &world.businesses[i];
            b.closed_on.is_none() && b.registered_on == calendar.start && b.name.contains(' ')
        })
        .collect();
    for (n, fraction) in [0.3, 0.65].into_iter().enumerate() {
        let Some(&original) = candidates.get(candidates.len() * (n + 1) / 3) else {
            continue;
        };
        let business = world.businesses[original].clone();
        let day = calendar.at_fraction(fraction);
        let clerk = world
            .staff
            .account_managers_on(day)
            .into_iter()
            .find(|login| *login != world.manager_on(&business, day))
            .unwrap_or("a.schneider");
        let variant = match business.name.rsplit_once(' ') {
            Some((base, suffix))
                if ["GmbH", "e.K.", "GbR", "UG"]
                    .iter()
                    .any(|s| suffix.starts_with(s)) =>
            {
                base.to_owned()
            }
            _ => names::slug(&business.name).replace('-', " "),
        };
        let Ok(name) = OrganizationName::parse(&variant) else {
            continue;
        };
        let duplicate: OrganizationId = new_id(rng);
        plan.push(
            day,
            clerk,
            OrganizationCommand::Register(RegisterOrganization {
                organization: duplicate,
                name,
                kind: business.kind,
                profile: Default::default(),
                address: Address::parse(business.street, business.area.postal_code, "Berlin").ok(),
                region: None,
                external_id: None,
            }),
        );
        let merged_on = add_workdays(day, rng.random_range(3..15));
        plan.push(
            merged_on,
            world.manager_on(&business, merged_on),
            OrganizationCommand::Merge(MergeOrganization {
                organization: duplicate,
                survivor: business.id,
            }),
        );
        world.duplicates += 1;
    }
}
