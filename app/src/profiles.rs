//! An organization's 360° profile as every adapter shows it: the profile from the views, with
//! its contact persons' personal data opened from the log — or without any personal data for a
//! role that may not see it (`roles::sees_personal_data`). The API and the organization page
//! both ask here, so the rule is applied once.

use wifo_domain::{
    ids::{OrganizationId, PersonId},
    personal::{Erasable, PersonalData},
    values::{Role, Title},
};
use wifo_projections::{
    Projections,
    queries::{
        personal::{locate, personal_data},
        profile::{Moment, OrganizationProfile, profile_at},
    },
};

use crate::data_dir::DataDir;

/// A profile with what the caller may see of its persons.
#[derive(Clone, Debug)]
pub struct ShownProfile {
    pub profile: OrganizationProfile,
    /// Empty for a role that may not see personal data.
    pub persons: Vec<ShownPerson>,
}

/// One contact person of the profile.
#[derive(Clone, Debug)]
pub struct ShownPerson {
    pub person: PersonId,
    /// Their role at the organization (e.g. „Geschäftsführerin“).
    pub role: Title,
    /// Their personal data; `Erased` after an erasure or when it cannot be found.
    pub personal: Erasable<PersonalData>,
}

/// The profile of `id` (as of a day as known on a day, or now) as `role` may see it; `None` if
/// the organization is unknown or did not exist on that day.
pub async fn organization(
    data: &DataDir,
    projections: &Projections,
    role: Role,
    id: OrganizationId,
    moment: Moment,
) -> Option<ShownProfile> {
    let (found, locations) = {
        let views = projections.read();
        let found = profile_at(&views, id, moment)?;
        let locations: Vec<_> = if crate::roles::sees_personal_data(role) {
            found
                .persons
                .iter()
                .map(|person| {
                    (
                        person.person,
                        person.role.clone(),
                        locate(&views, person.person),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        (found, locations)
    };
    let store = data.store_shared();
    let mut persons = Vec::with_capacity(locations.len());
    for (person, person_role, location) in locations {
        let personal = match location {
            Some((at, erased)) => personal_data(at, erased, &*store, &data.codec).await,
            None => None,
        };
        persons.push(ShownPerson {
            person,
            role: person_role,
            personal: personal.unwrap_or(Erasable::Erased),
        });
    }
    Some(ShownProfile {
        profile: found,
        persons,
    })
}
