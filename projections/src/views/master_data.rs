//! Applying organization and person events: master data with old → new on the timeline, links
//! between persons and organizations, and where each person's personal data is in the log.

use wifo_domain::{
    Decider,
    organization::{Organization, OrganizationEvent, OrganizationState, Profile},
    person::PersonEvent,
    personal::Erasable,
};

use super::{
    Context, Views,
    records::{Change, OrganizationRecord},
    search,
    timeline::TimelineItem,
};

fn text<T: ToString>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// Timeline items for what a profile update changed.
fn profile_changes(before: &OrganizationState, kind: &str, profile: &Profile) -> Vec<TimelineItem> {
    let old = &before.profile;
    let mut changes = Vec::new();
    let mut field = |name: &str, old: String, new: String| {
        if old != new {
            changes.push(TimelineItem::Changed {
                field: name.into(),
                old,
                new,
            });
        }
    };
    field(
        "Art",
        before
            .kind
            .map(|k| k.label().to_owned())
            .unwrap_or_default(),
        kind.to_owned(),
    );
    field(
        "Rechtsform",
        text(old.legal_form.as_ref()),
        text(profile.legal_form.as_ref()),
    );
    field(
        "Branche (WZ)",
        text(old.sector.as_ref()),
        text(profile.sector.as_ref()),
    );
    field(
        "Beschäftigte",
        old.size_class
            .map(|s| s.label().to_owned())
            .unwrap_or_default(),
        profile
            .size_class
            .map(|s| s.label().to_owned())
            .unwrap_or_default(),
    );
    field(
        "Gründungsjahr",
        text(old.founded_year.as_ref()),
        text(profile.founded_year.as_ref()),
    );
    field(
        "Website",
        text(old.website.as_ref()),
        text(profile.website.as_ref()),
    );
    changes
}

impl Views {
    pub(super) fn apply_organization(&mut self, context: &Context<'_>, event: &OrganizationEvent) {
        use OrganizationEvent as E;
        let organization = event.organization();
        let before = self
            .organizations
            .get(&organization)
            .map(|record| record.state.clone())
            .unwrap_or_default();
        let items = match event {
            E::Registered { name, .. } => vec![TimelineItem::Registered {
                name: name.to_string(),
            }],
            E::Renamed { name, .. } => vec![TimelineItem::Changed {
                field: "Name".into(),
                old: text(before.name.as_ref()),
                new: name.to_string(),
            }],
            E::Relocated {
                address, region, ..
            } => {
                let mut items = vec![TimelineItem::Changed {
                    field: "Anschrift".into(),
                    old: text(before.address.as_ref()),
                    new: address.to_string(),
                }];
                if before.region != *region {
                    items.push(TimelineItem::Changed {
                        field: "Region".into(),
                        old: text(before.region.as_ref()),
                        new: text(region.as_ref()),
                    });
                }
                items
            }
            E::ProfileUpdated { kind, profile, .. } => {
                profile_changes(&before, kind.label(), profile)
            }
            E::AccountManagerAssigned {
                account_manager, ..
            } => vec![TimelineItem::Changed {
                field: "Betreuung".into(),
                old: text(before.account_manager.as_ref()),
                new: text(account_manager.as_ref()),
            }],
            E::Tagged { tag, .. } => vec![TimelineItem::Tagged {
                tag: tag.to_string(),
            }],
            E::Untagged { tag, .. } => vec![TimelineItem::Untagged {
                tag: tag.to_string(),
            }],
            E::MembershipStarted { association, .. } => {
                vec![TimelineItem::MembershipStarted {
                    association: *association,
                }]
            }
            E::MembershipEnded { association, .. } => vec![TimelineItem::MembershipEnded {
                association: *association,
            }],
            E::Closed { reason, .. } => vec![TimelineItem::Closed {
                reason: reason.to_string(),
            }],
            E::MergedInto { survivor, .. } => vec![TimelineItem::MergedInto {
                survivor: *survivor,
            }],
        };
        let date = match event {
            E::Closed { closed_on, .. } => *closed_on,
            E::MembershipStarted { since, .. } => *since,
            E::MembershipEnded { until, .. } => *until,
            _ => context.day,
        };
        for item in items {
            self.push_timeline(organization, context, date, item);
        }
        let record = self.organizations.entry(organization).or_default();
        record.state = Organization::evolve(std::mem::take(&mut record.state), event);
        record.changes.push(Change {
            on: context.day,
            recorded_on: context.recorded_on,
            event: event.clone(),
        });
        let new_key = record
            .state
            .name
            .as_ref()
            .map(|name| search::fold(name.as_str()))
            .unwrap_or_default();
        if new_key != record.search_key {
            let old_key = std::mem::replace(&mut record.search_key, new_key.clone());
            self.search_index.replace(organization, &old_key, &new_key);
        }
        let new_terms = search_terms(record);
        if new_terms != record.search_terms {
            let old_terms = std::mem::replace(&mut record.search_terms, new_terms.clone());
            self.search_index
                .replace_terms(organization, &old_terms, &new_terms);
        }
        if let E::MergedInto { survivor, .. } = event {
            let survivor = *survivor;
            self.organizations
                .entry(survivor)
                .or_default()
                .absorbed
                .insert(organization);
            self.push_timeline(
                survivor,
                context,
                context.day,
                TimelineItem::Absorbed {
                    duplicate: organization,
                },
            );
        }
    }

    pub(super) fn apply_person(&mut self, context: &Context<'_>, event: &PersonEvent) {
        use PersonEvent as E;
        match event {
            E::Added { person, personal } | E::Updated { person, personal } => {
                self.persons.entry(*person).or_default().personal_at = Some(context.position);
                match personal {
                    Erasable::Known(data) => self.person_names.set(*person, data.name.as_str()),
                    Erasable::Erased => self.person_names.remove(*person),
                }
            }
            E::Linked {
                person,
                organization,
                role,
            } => {
                self.persons
                    .entry(*person)
                    .or_default()
                    .links
                    .insert(*organization, role.clone());
                self.organizations
                    .entry(*organization)
                    .or_default()
                    .persons
                    .insert(*person, role.clone());
                self.push_timeline(
                    *organization,
                    context,
                    context.day,
                    TimelineItem::PersonLinked {
                        person: *person,
                        role: role.to_string(),
                    },
                );
            }
            E::Unlinked {
                person,
                organization,
            } => {
                self.persons
                    .entry(*person)
                    .or_default()
                    .links
                    .remove(organization);
                self.organizations
                    .entry(*organization)
                    .or_default()
                    .persons
                    .remove(person);
                self.push_timeline(
                    *organization,
                    context,
                    context.day,
                    TimelineItem::PersonUnlinked { person: *person },
                );
            }
            E::ConsentRecorded {
                person,
                purpose,
                given_on,
                ..
            } => {
                let record = self.persons.entry(*person).or_default();
                record.consents.insert(*purpose, *given_on);
                record.withdrawn.remove(purpose);
            }
            E::ConsentWithdrawn {
                person,
                purpose,
                withdrawn_on,
            } => {
                let record = self.persons.entry(*person).or_default();
                record.consents.remove(purpose);
                record.withdrawn.insert(*purpose, *withdrawn_on);
            }
            E::Erased { person, .. } => {
                self.persons.entry(*person).or_default().erased = true;
                self.person_names.remove(*person);
            }
        }
    }
}

/// What the search finds an organization by: every name it had, its street (without house
/// number), postal code and city, its external id.
fn search_terms(record: &OrganizationRecord) -> String {
    use OrganizationEvent as E;
    let mut texts: Vec<&str> = Vec::new();
    for change in &record.changes {
        match &change.event {
            E::Registered {
                name, external_id, ..
            } => {
                texts.push(name.as_str());
                texts.extend(external_id.as_deref());
            }
            E::Renamed { name, .. } => texts.push(name.as_str()),
            _ => {}
        }
    }
    let mut street = String::new();
    if let Some(address) = &record.state.address {
        // The street without house numbers: „1“ would find every house number 1 of the office.
        street = address
            .street
            .split_whitespace()
            .filter(|word| !word.chars().any(|c| c.is_ascii_digit()))
            .collect::<Vec<_>>()
            .join(" ");
        texts.extend([address.postal_code.as_str(), address.city.as_str()]);
    }
    texts.push(&street);
    search::terms(texts)
}
