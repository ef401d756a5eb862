//! The address list (Anschriftenliste): the contact persons to write to for a purpose — the
//! guests of a gathering, or everyone linked to an organization — with name, organizations,
//! mail and phone, and for each whether they may be written to. The consent rule, decided here
//! once: an invitation needs the consent „Einladungen zu Veranstaltungen“ and a newsletter the
//! consent „Newsletter“ in force; a person without it (never given, or withdrawn) is listed with
//! the reason but without mail and phone, so the list cannot be used to write to them. Casework
//! and evaluations rest on the office's public task and need no consent. Opening the list is an
//! access with the chosen purpose: one access-log entry per person listed, written before any
//! personal data is decrypted. Only roles that see personal data may open it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use wifo_domain::{
    german,
    ids::{GatheringId, PersonId},
    person::ConsentPurpose,
    personal::Erasable,
};
use wifo_exchange::export::{Cell, Sheet};
use wifo_projections::{
    Projections, Views,
    queries::personal::{locate, personal_data},
};

use crate::{
    access_log::AccessPurpose,
    auth::Caller,
    data_dir::DataDir,
    error::{AppError, Result},
};

/// The consent a purpose needs before a person may be written to, if any.
pub fn consent_needed(purpose: AccessPurpose) -> Option<ConsentPurpose> {
    match purpose {
        AccessPurpose::Invitation => Some(ConsentPurpose::Invitations),
        AccessPurpose::Newsletter => Some(ConsentPurpose::Newsletter),
        AccessPurpose::Casework
        | AccessPurpose::Evaluation
        | AccessPurpose::AccessRequest
        | AccessPurpose::Erasure => None,
    }
}

/// Whether a person may be written to for the list's purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ConsentStatus {
    /// The consent the purpose needs is in force since `since`.
    Given { since: NaiveDate },
    /// It was withdrawn on `on`.
    Withdrawn { on: NaiveDate },
    /// It was never given.
    Missing,
    /// The purpose needs no consent.
    NotNeeded,
}

impl ConsentStatus {
    pub fn may_contact(self) -> bool {
        matches!(self, ConsentStatus::Given { .. } | ConsentStatus::NotNeeded)
    }

    /// German, as the list says it.
    pub fn label(self) -> String {
        match self {
            ConsentStatus::Given { since } => {
                format!("Einwilligung seit {}", german::date(since))
            }
            ConsentStatus::Withdrawn { on } => format!(
                "Nicht anschreiben: Einwilligung am {} widerrufen",
                german::date(on)
            ),
            ConsentStatus::Missing => "Nicht anschreiben: keine Einwilligung".to_owned(),
            ConsentStatus::NotNeeded => "Keine Einwilligung nötig (öffentliche Aufgabe)".to_owned(),
        }
    }
}

/// One person of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AddressLine {
    pub person: PersonId,
    pub name: String,
    /// The organizations the person is linked to, by name.
    pub organizations: Vec<String>,
    /// Empty where the person may not be written to.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub consent: ConsentStatus,
    /// `consent` in German.
    pub consent_label: String,
}

/// The list for one purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AddressList {
    pub purpose: AccessPurpose,
    pub purpose_label: String,
    pub gathering: Option<GatheringId>,
    /// Everyone listed, by name; those who may be written to first.
    pub lines: Vec<AddressLine>,
    /// How many may be written to.
    pub may_contact: usize,
    /// How many are listed without contact data for want of consent.
    pub withheld: usize,
}

fn status(views: &Views, person: PersonId, purpose: AccessPurpose) -> ConsentStatus {
    let Some(needed) = consent_needed(purpose) else {
        return ConsentStatus::NotNeeded;
    };
    let record = views.persons.get(&person);
    if let Some(since) = record.and_then(|record| record.consents.get(&needed)) {
        return ConsentStatus::Given { since: *since };
    }
    match record.and_then(|record| record.withdrawn.get(&needed)) {
        Some(on) => ConsentStatus::Withdrawn { on: *on },
        None => ConsentStatus::Missing,
    }
}

/// The persons the list is about: a gathering's invited persons and the persons linked to its
/// invited organizations, or every person linked to an organization; never an erased one.
fn persons(views: &Views, gathering: Option<GatheringId>) -> Result<Vec<PersonId>> {
    let live = |person: &PersonId| {
        views
            .persons
            .get(person)
            .is_some_and(|record| !record.erased && record.personal_at.is_some())
    };
    let chosen: BTreeSet<PersonId> = match gathering {
        Some(id) => {
            let state = views.gatherings.get(&id).ok_or_else(|| {
                AppError::refused(format!("Die Veranstaltung {id} ist nicht erfasst."))
            })?;
            let mut chosen = state.invited_persons.clone();
            chosen.extend(
                views
                    .persons
                    .iter()
                    .filter(|(_, record)| {
                        record
                            .links
                            .keys()
                            .any(|organization| state.invited_organizations.contains(organization))
                    })
                    .map(|(person, _)| *person),
            );
            chosen
        }
        None => views
            .persons
            .iter()
            .filter(|(_, record)| !record.links.is_empty())
            .map(|(person, _)| *person)
            .collect(),
    };
    Ok(chosen.into_iter().filter(live).collect())
}

/// The address list for `purpose` (of the guests of `gathering`, or of everyone), as `caller`
/// opens it through `route`. Refused for a role that does not see personal data.
pub async fn address_list(
    data: &DataDir,
    projections: &Projections,
    caller: &Caller,
    purpose: AccessPurpose,
    gathering: Option<GatheringId>,
    route: &str,
) -> Result<AddressList> {
    if !crate::roles::sees_personal_data(caller.role) {
        return Err(AppError::refused(
            "Diese Rolle sieht keine personenbezogenen Daten.",
        ));
    }
    if !AccessPurpose::FOR_EXPORTS.contains(&purpose) {
        return Err(AppError::refused(format!(
            "Zweck „{}“ ist für eine Anschriftenliste nicht vorgesehen; erlaubt: {}",
            purpose.code(),
            AccessPurpose::FOR_EXPORTS
                .map(AccessPurpose::code)
                .join(", ")
        )));
    }
    let found: Vec<_> = {
        let views = projections.read();
        let names = views.names();
        persons(&views, gathering)?
            .into_iter()
            .map(|person| {
                let organizations: Vec<String> = views
                    .persons
                    .get(&person)
                    .map(|record| {
                        record
                            .links
                            .keys()
                            .map(|organization| names.organization(organization))
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    person,
                    organizations,
                    status(&views, person, purpose),
                    locate(&views, person),
                )
            })
            .collect()
    };
    data.access.opened(
        caller,
        found.iter().map(|(person, ..)| *person),
        route,
        purpose,
    )?;
    let store = data.store_shared();
    let mut lines = Vec::with_capacity(found.len());
    for (person, organizations, consent, location) in found {
        let personal = match location {
            Some((at, erased)) => personal_data(at, erased, &*store, &data.codec).await,
            None => None,
        };
        let Some(Erasable::Known(personal)) = personal else {
            continue;
        };
        let contact = consent.may_contact();
        lines.push(AddressLine {
            person,
            name: personal.name.to_string(),
            organizations,
            email: contact
                .then(|| personal.email.as_ref().map(ToString::to_string))
                .flatten(),
            phone: contact
                .then(|| personal.phone.as_ref().map(ToString::to_string))
                .flatten(),
            consent,
            consent_label: consent.label(),
        });
    }
    lines.sort_by_cached_key(|line| (!line.consent.may_contact(), line.name.to_lowercase()));
    let may_contact = lines
        .iter()
        .filter(|line| line.consent.may_contact())
        .count();
    Ok(AddressList {
        purpose,
        purpose_label: purpose.label().to_owned(),
        gathering,
        withheld: lines.len() - may_contact,
        may_contact,
        lines,
    })
}

/// The list as a sheet for CSV, XLSX and JSON.
pub fn address_sheet(list: &AddressList) -> Sheet {
    let mut sheet = Sheet::new(
        "Anschriften",
        &[
            "Kennung",
            "Name",
            "Organisation",
            "E-Mail",
            "Telefon",
            "Anschreiben",
            "Einwilligung",
        ],
    );
    for line in &list.lines {
        sheet.rows.push(vec![
            Cell::text(line.person.to_string()),
            Cell::text(line.name.clone()),
            Cell::text(line.organizations.join(", ")),
            Cell::optional(line.email.as_ref()),
            Cell::optional(line.phone.as_ref()),
            Cell::text(if line.consent.may_contact() {
                "ja"
            } else {
                "nein"
            }),
            Cell::text(line.consent_label.clone()),
        ]);
    }
    sheet
}
