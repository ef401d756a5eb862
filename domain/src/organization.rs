//! The `organization` stream: a business, association, chamber or public body from registration
//! to closure or merger. Master data changes are events, so every profile can be shown as of any
//! past date, and a merged duplicate keeps its history while views follow the survivor.

use crate::dates::BusinessDate;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    decider::Decider,
    decider::DomainEvent,
    ids::OrganizationId,
    values::{
        Address, InvalidValue, OrganizationName, RegionCode, SizeClass, Tag, Text, UserName,
        Website, WzCode,
    },
};

// ---------------------------------------------------------------------------------------------
// Errors

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrganizationError {
    #[error("Die Organisation ist nicht erfasst")]
    NotRegistered,
    #[error("Die Organisation ist bereits erfasst")]
    AlreadyRegistered,
    #[error("Die Organisation ist geschlossen")]
    Closed,
    #[error("Die Organisation wurde mit {survivor} zusammengeführt")]
    Merged { survivor: OrganizationId },
    #[error("Der neue Name ist der bisherige")]
    SameName,
    #[error("Das Gründungsjahr {0} ist nicht plausibel")]
    ImplausibleFoundingYear(u16),
    #[error("Das Schlagwort „{0}“ ist bereits gesetzt")]
    AlreadyTagged(Tag),
    #[error("Das Schlagwort „{0}“ ist nicht gesetzt")]
    NotTagged(Tag),
    #[error("Eine Organisation kann nicht Mitglied bei sich selbst sein")]
    MemberOfItself,
    #[error("Die Mitgliedschaft besteht bereits")]
    AlreadyMember,
    #[error("Es besteht keine Mitgliedschaft")]
    NotMember,
    #[error("Die Mitgliedschaft kann nicht vor ihrem Beginn ({since}) enden")]
    MembershipEndsBeforeStart { since: NaiveDate },
    #[error("Eine Organisation kann nicht mit sich selbst zusammengeführt werden")]
    MergeIntoItself,
    /// A value that did not pass its type's rules on the way in (e.g. an address sent as JSON).
    #[error(transparent)]
    Invalid(#[from] InvalidValue),
}

// ---------------------------------------------------------------------------------------------
// Values

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    Company,
    SoleTrader,
    /// Wirtschaftskreis, Geschäftsstraßenverband, Initiative.
    Association,
    /// IHK, HWK, Kreishandwerkerschaft.
    Chamber,
    PublicBody,
    Other,
}

impl OrganizationKind {
    pub const ALL: [OrganizationKind; 6] = [
        OrganizationKind::Company,
        OrganizationKind::SoleTrader,
        OrganizationKind::Association,
        OrganizationKind::Chamber,
        OrganizationKind::PublicBody,
        OrganizationKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OrganizationKind::Company => "Unternehmen",
            OrganizationKind::SoleTrader => "Solo-Selbständige",
            OrganizationKind::Association => "Verband / Initiative",
            OrganizationKind::Chamber => "Kammer",
            OrganizationKind::PublicBody => "Öffentliche Stelle",
            OrganizationKind::Other => "Sonstige",
        }
    }

    /// A business the office looks after (company or sole trader), as every figure about
    /// businesses — coverage, stock, at-risk list — counts them.
    pub fn is_business(self) -> bool {
        matches!(
            self,
            OrganizationKind::Company | OrganizationKind::SoleTrader
        )
    }
}

/// Master data besides name and address; replaced as a whole by `UpdateProfile`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Profile {
    #[schemars(length(max = SHORT_TEXT_MAX))]
    pub legal_form: Option<String>,
    pub sector: Option<WzCode>,
    pub size_class: Option<SizeClass>,
    #[schemars(range(min = *FOUNDING_YEARS.start(), max = *FOUNDING_YEARS.end()))]
    pub founded_year: Option<u16>,
    pub website: Option<Website>,
}

// ---------------------------------------------------------------------------------------------
// Commands

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegisterOrganization {
    pub organization: OrganizationId,
    pub name: OrganizationName,
    pub kind: OrganizationKind,
    pub profile: Profile,
    pub address: Option<Address>,
    pub region: Option<RegionCode>,
    /// Id in a source system (IHK open data id, an earlier CRM), used to recognise re-imports.
    #[schemars(length(max = SHORT_TEXT_MAX))]
    pub external_id: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RenameOrganization {
    pub organization: OrganizationId,
    pub name: OrganizationName,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RelocateOrganization {
    pub organization: OrganizationId,
    pub address: Address,
    pub region: Option<RegionCode>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UpdateProfile {
    pub organization: OrganizationId,
    pub kind: OrganizationKind,
    pub profile: Profile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssignAccountManager {
    pub organization: OrganizationId,
    /// `None` removes the assignment.
    pub account_manager: Option<UserName>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TagOrganization {
    pub organization: OrganizationId,
    pub tag: Tag,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UntagOrganization {
    pub organization: OrganizationId,
    pub tag: Tag,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StartMembership {
    pub organization: OrganizationId,
    /// The association or Geschäftsstraßenverband joined.
    pub association: OrganizationId,
    pub since: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EndMembership {
    pub organization: OrganizationId,
    pub association: OrganizationId,
    pub until: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CloseOrganization {
    pub organization: OrganizationId,
    pub closed_on: NaiveDate,
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MergeOrganization {
    /// The duplicate, which ends here.
    pub organization: OrganizationId,
    /// The record that lives on.
    pub survivor: OrganizationId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum OrganizationCommand {
    Register(RegisterOrganization),
    Rename(RenameOrganization),
    Relocate(RelocateOrganization),
    UpdateProfile(UpdateProfile),
    AssignAccountManager(AssignAccountManager),
    Tag(TagOrganization),
    Untag(UntagOrganization),
    StartMembership(StartMembership),
    EndMembership(EndMembership),
    Close(CloseOrganization),
    Merge(MergeOrganization),
}

// ---------------------------------------------------------------------------------------------
// Events

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum OrganizationEvent {
    #[serde(rename = "OrganizationRegistered")]
    Registered {
        organization: OrganizationId,
        name: OrganizationName,
        kind: OrganizationKind,
        profile: Profile,
        address: Option<Address>,
        region: Option<RegionCode>,
        external_id: Option<String>,
    },
    #[serde(rename = "OrganizationRenamed")]
    Renamed {
        organization: OrganizationId,
        name: OrganizationName,
    },
    #[serde(rename = "OrganizationRelocated")]
    Relocated {
        organization: OrganizationId,
        address: Address,
        region: Option<RegionCode>,
    },
    #[serde(rename = "OrganizationProfileUpdated")]
    ProfileUpdated {
        organization: OrganizationId,
        kind: OrganizationKind,
        profile: Profile,
    },
    #[serde(rename = "AccountManagerAssigned")]
    AccountManagerAssigned {
        organization: OrganizationId,
        account_manager: Option<UserName>,
    },
    #[serde(rename = "OrganizationTagged")]
    Tagged {
        organization: OrganizationId,
        tag: Tag,
    },
    #[serde(rename = "OrganizationUntagged")]
    Untagged {
        organization: OrganizationId,
        tag: Tag,
    },
    #[serde(rename = "MembershipStarted")]
    MembershipStarted {
        organization: OrganizationId,
        association: OrganizationId,
        since: NaiveDate,
    },
    #[serde(rename = "MembershipEnded")]
    MembershipEnded {
        organization: OrganizationId,
        association: OrganizationId,
        until: NaiveDate,
    },
    #[serde(rename = "OrganizationClosed")]
    Closed {
        organization: OrganizationId,
        closed_on: NaiveDate,
        reason: Text,
    },
    #[serde(rename = "OrganizationMerged")]
    MergedInto {
        organization: OrganizationId,
        survivor: OrganizationId,
    },
}

impl OrganizationEvent {
    /// The organization the event is about.
    pub fn organization(&self) -> OrganizationId {
        match self {
            Self::Registered { organization, .. }
            | Self::Renamed { organization, .. }
            | Self::Relocated { organization, .. }
            | Self::ProfileUpdated { organization, .. }
            | Self::AccountManagerAssigned { organization, .. }
            | Self::Tagged { organization, .. }
            | Self::Untagged { organization, .. }
            | Self::MembershipStarted { organization, .. }
            | Self::MembershipEnded { organization, .. }
            | Self::Closed { organization, .. }
            | Self::MergedInto { organization, .. } => *organization,
        }
    }
}

impl DomainEvent for OrganizationEvent {
    const TYPE_NAMES: &'static [&'static str] = &[
        "OrganizationRegistered",
        "OrganizationRenamed",
        "OrganizationRelocated",
        "OrganizationProfileUpdated",
        "AccountManagerAssigned",
        "OrganizationTagged",
        "OrganizationUntagged",
        "MembershipStarted",
        "MembershipEnded",
        "OrganizationClosed",
        "OrganizationMerged",
    ];
}

// ---------------------------------------------------------------------------------------------
// State

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Status {
    #[default]
    Unregistered,
    Active,
    Closed {
        closed_on: NaiveDate,
    },
    MergedInto {
        survivor: OrganizationId,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrganizationState {
    pub status: Status,
    pub name: Option<OrganizationName>,
    pub kind: Option<OrganizationKind>,
    pub profile: Profile,
    pub address: Option<Address>,
    pub region: Option<RegionCode>,
    pub account_manager: Option<UserName>,
    pub tags: BTreeSet<Tag>,
    /// Active memberships: association → since.
    pub memberships: BTreeMap<OrganizationId, NaiveDate>,
}

/// The decider of the `organization` stream.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Organization;

impl Decider for Organization {
    const CATEGORY: &'static str = "organization";
    type Command = OrganizationCommand;
    type Event = OrganizationEvent;
    type State = OrganizationState;
    type Error = OrganizationError;

    fn stream_id(command: &OrganizationCommand) -> String {
        use OrganizationCommand as C;
        let id = match command {
            C::Register(c) => c.organization,
            C::Rename(c) => c.organization,
            C::Relocate(c) => c.organization,
            C::UpdateProfile(c) => c.organization,
            C::AssignAccountManager(c) => c.organization,
            C::Tag(c) => c.organization,
            C::Untag(c) => c.organization,
            C::StartMembership(c) => c.organization,
            C::EndMembership(c) => c.organization,
            C::Close(c) => c.organization,
            C::Merge(c) => c.organization,
        };
        id.to_string()
    }

    fn evolve(mut state: OrganizationState, event: &OrganizationEvent) -> OrganizationState {
        use OrganizationEvent as E;
        match event {
            E::Registered {
                name,
                kind,
                profile,
                address,
                region,
                ..
            } => {
                state.status = Status::Active;
                state.name = Some(name.clone());
                state.kind = Some(*kind);
                state.profile = profile.clone();
                state.address = address.clone();
                state.region = region.clone();
            }
            E::Renamed { name, .. } => state.name = Some(name.clone()),
            E::Relocated {
                address, region, ..
            } => {
                state.address = Some(address.clone());
                state.region = region.clone();
            }
            E::ProfileUpdated { kind, profile, .. } => {
                state.kind = Some(*kind);
                state.profile = profile.clone();
            }
            E::AccountManagerAssigned {
                account_manager, ..
            } => state.account_manager = account_manager.clone(),
            E::Tagged { tag, .. } => {
                state.tags.insert(tag.clone());
            }
            E::Untagged { tag, .. } => {
                state.tags.remove(tag);
            }
            E::MembershipStarted {
                association, since, ..
            } => {
                state.memberships.insert(*association, *since);
            }
            E::MembershipEnded { association, .. } => {
                state.memberships.remove(association);
            }
            E::Closed { closed_on, .. } => {
                state.status = Status::Closed {
                    closed_on: *closed_on,
                };
            }
            E::MergedInto { survivor, .. } => {
                state.status = Status::MergedInto {
                    survivor: *survivor,
                };
            }
        }
        state
    }

    fn dates(command: &Self::Command) -> Vec<BusinessDate> {
        use OrganizationCommand as C;
        match command {
            C::StartMembership(c) => vec![BusinessDate::happened("Mitglied seit", c.since)],
            C::EndMembership(c) => vec![BusinessDate::planned("Mitglied bis", c.until)],
            C::Close(c) => vec![BusinessDate::happened("geschlossen am", c.closed_on)],
            _ => Vec::new(),
        }
    }

    fn decide(
        command: &OrganizationCommand,
        state: &OrganizationState,
    ) -> Result<Vec<OrganizationEvent>, OrganizationError> {
        use OrganizationCommand as C;
        use OrganizationEvent as E;
        if let C::Register(c) = command {
            if state.status != Status::Unregistered {
                return Err(OrganizationError::AlreadyRegistered);
            }
            check_values(&c.profile, c.address.as_ref(), c.external_id.as_deref())?;
            return Ok(vec![E::Registered {
                organization: c.organization,
                name: c.name.clone(),
                kind: c.kind,
                profile: c.profile.clone(),
                address: c.address.clone(),
                region: c.region.clone(),
                external_id: c.external_id.clone(),
            }]);
        }
        match &state.status {
            Status::Unregistered => return Err(OrganizationError::NotRegistered),
            Status::Closed { .. } => return Err(OrganizationError::Closed),
            Status::MergedInto { survivor } => {
                return Err(OrganizationError::Merged {
                    survivor: *survivor,
                });
            }
            Status::Active => {}
        }
        let events = match command {
            C::Register(_) => unreachable!("handled above"),
            C::Rename(c) => {
                if state.name.as_ref() == Some(&c.name) {
                    return Err(OrganizationError::SameName);
                }
                vec![E::Renamed {
                    organization: c.organization,
                    name: c.name.clone(),
                }]
            }
            C::Relocate(c) => {
                check_values(&Profile::default(), Some(&c.address), None)?;
                if state.address.as_ref() == Some(&c.address) && state.region == c.region {
                    return Ok(vec![]);
                }
                vec![E::Relocated {
                    organization: c.organization,
                    address: c.address.clone(),
                    region: c.region.clone(),
                }]
            }
            C::UpdateProfile(c) => {
                check_values(&c.profile, None, None)?;
                if state.profile == c.profile && state.kind == Some(c.kind) {
                    return Ok(vec![]);
                }
                vec![E::ProfileUpdated {
                    organization: c.organization,
                    kind: c.kind,
                    profile: c.profile.clone(),
                }]
            }
            C::AssignAccountManager(c) => {
                if state.account_manager == c.account_manager {
                    return Ok(vec![]);
                }
                vec![E::AccountManagerAssigned {
                    organization: c.organization,
                    account_manager: c.account_manager.clone(),
                }]
            }
            C::Tag(c) => {
                if state.tags.contains(&c.tag) {
                    return Err(OrganizationError::AlreadyTagged(c.tag.clone()));
                }
                vec![E::Tagged {
                    organization: c.organization,
                    tag: c.tag.clone(),
                }]
            }
            C::Untag(c) => {
                if !state.tags.contains(&c.tag) {
                    return Err(OrganizationError::NotTagged(c.tag.clone()));
                }
                vec![E::Untagged {
                    organization: c.organization,
                    tag: c.tag.clone(),
                }]
            }
            C::StartMembership(c) => {
                if c.association == c.organization {
                    return Err(OrganizationError::MemberOfItself);
                }
                if state.memberships.contains_key(&c.association) {
                    return Err(OrganizationError::AlreadyMember);
                }
                vec![E::MembershipStarted {
                    organization: c.organization,
                    association: c.association,
                    since: c.since,
                }]
            }
            C::EndMembership(c) => {
                let since = state
                    .memberships
                    .get(&c.association)
                    .ok_or(OrganizationError::NotMember)?;
                if c.until < *since {
                    return Err(OrganizationError::MembershipEndsBeforeStart { since: *since });
                }
                vec![E::MembershipEnded {
                    organization: c.organization,
                    association: c.association,
                    until: c.until,
                }]
            }
            C::Close(c) => vec![E::Closed {
                organization: c.organization,
                closed_on: c.closed_on,
                reason: c.reason.clone(),
            }],
            C::Merge(c) => {
                if c.survivor == c.organization {
                    return Err(OrganizationError::MergeIntoItself);
                }
                vec![E::MergedInto {
                    organization: c.organization,
                    survivor: c.survivor,
                }]
            }
        };
        Ok(events)
    }

    fn retry_on_conflict(command: &OrganizationCommand) -> bool {
        // Renaming and profile edits replace what the user saw; redoing them on a state the user
        // did not see could silently undo someone else's change.
        !matches!(
            command,
            OrganizationCommand::Rename(_) | OrganizationCommand::UpdateProfile(_)
        )
    }
}

/// The founding years the CRM takes as plausible.
pub const FOUNDING_YEARS: std::ops::RangeInclusive<u16> = 1500..=2100;

fn check_founding_year(profile: &Profile) -> Result<(), OrganizationError> {
    match profile.founded_year {
        Some(year) if !FOUNDING_YEARS.contains(&year) => {
            Err(OrganizationError::ImplausibleFoundingYear(year))
        }
        _ => Ok(()),
    }
}

/// The most characters a legal form or an external id may have (an Excel cell holds 32,767).
pub const SHORT_TEXT_MAX: usize = 100;

/// A short free text (legal form, external id): at most `SHORT_TEXT_MAX` characters, no control
/// characters.
fn check_short_text(field: &'static str, text: Option<&str>) -> Result<(), InvalidValue> {
    let Some(text) = text else { return Ok(()) };
    if text.chars().count() > SHORT_TEXT_MAX {
        return Err(InvalidValue::TooLong {
            field,
            max: SHORT_TEXT_MAX,
        });
    }
    if text.chars().any(char::is_control) {
        return Err(InvalidValue::malformed(
            field,
            text,
            "Text ohne Steuerzeichen",
        ));
    }
    Ok(())
}

/// The rules of the values a command brings, whichever way it came (form, file or JSON): the
/// founding year, the legal form, the external id and the address as `Address::parse` wants it.
fn check_values(
    profile: &Profile,
    address: Option<&Address>,
    external_id: Option<&str>,
) -> Result<(), OrganizationError> {
    check_founding_year(profile)?;
    check_short_text("Rechtsform", profile.legal_form.as_deref())?;
    check_short_text("Externe ID", external_id)?;
    if let Some(address) = address {
        Address::parse(&address.street, address.postal_code.as_str(), &address.city)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "organization_tests.rs"]
mod tests;
