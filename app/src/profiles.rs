//! An organization's 360° profile as every adapter shows it: the profile from the views, with
//! its contact persons' personal data opened from the log — or without any personal data for a
//! role that may not see it (`roles::sees_personal_data`). The API and the organization page
//! both ask here, so the rule is applied once. Showing the persons' data is an access and is
//! written to the access log first (one entry per person shown); a role without personal data
//! writes none.

use wifo_domain::{
    ids::{OrganizationId, PersonId},
    personal::{Erasable, PersonalData},
    values::Title,
};
use wifo_projections::{
    Projections,
    queries::{
        personal::{locate, personal_data},
        profile::{Moment, OrganizationProfile, profile_at},
    },
};

use crate::{access_log::AccessPurpose, auth::Caller, data_dir::DataDir};

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

/// The profile of `id` (as of a day as known on a day, or now) as `caller` may see it, opened
/// through `route` (e.g. `GET /organisationen/{id}`); `None` if the organization is unknown or
/// did not exist on that day.
pub async fn organization(
    data: &DataDir,
    projections: &Projections,
    caller: &Caller,
    id: OrganizationId,
    moment: Moment,
    route: &str,
) -> crate::error::Result<Option<ShownProfile>> {
    let (found, locations) = {
        let views = projections.read();
        let Some(found) = profile_at(&views, id, moment) else {
            return Ok(None);
        };
        let locations: Vec<_> = if crate::roles::sees_personal_data(caller.role) {
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
    data.access.opened(
        caller,
        locations.iter().map(|(person, _, _)| *person),
        route,
        AccessPurpose::Casework,
    )?;
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
    Ok(Some(ShownProfile {
        profile: found,
        persons,
    }))
}

/// The names of `persons` as `caller` may see them, opened through `route`: empty for a role
/// without personal data; an erased person is left out. One access-log entry per person
/// opened.
pub async fn person_names(
    data: &DataDir,
    projections: &Projections,
    caller: &Caller,
    persons: &[PersonId],
    route: &str,
) -> crate::error::Result<std::collections::HashMap<PersonId, String>> {
    let mut names = std::collections::HashMap::new();
    if !crate::roles::sees_personal_data(caller.role) || persons.is_empty() {
        return Ok(names);
    }
    let locations: Vec<_> = {
        let views = projections.read();
        persons
            .iter()
            .filter_map(|person| Some((*person, locate(&views, *person)?)))
            .collect()
    };
    data.access.opened(
        caller,
        locations.iter().map(|(person, _)| *person),
        route,
        AccessPurpose::Casework,
    )?;
    let store = data.store_shared();
    for (person, (at, erased)) in locations {
        if let Some(Erasable::Known(known)) = personal_data(at, erased, &*store, &data.codec).await
        {
            names.insert(person, known.name.to_string());
        }
    }
    Ok(names)
}
