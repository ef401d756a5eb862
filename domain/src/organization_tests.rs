//! Given/when/then tests of the `organization` decider, one per rule.

use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::decider::spec::given;

fn id(n: u128) -> OrganizationId {
    OrganizationId::from_uuid(Uuid::from_u128(n))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn name(text: &str) -> OrganizationName {
    OrganizationName::parse(text).expect("test name")
}

fn tag(text: &str) -> Tag {
    Tag::parse(text).expect("test tag")
}

fn registered() -> OrganizationEvent {
    OrganizationEvent::Registered {
        organization: id(1),
        name: name("Bäckerei Schulz"),
        kind: OrganizationKind::Company,
        profile: Profile {
            sector: Some(WzCode::parse("10.71").expect("code")),
            ..Profile::default()
        },
        address: Some(Address::parse("Breite Straße 24", "13187", "Berlin").expect("address")),
        region: Some(RegionCode::parse("03100103").expect("region")),
        external_id: None,
    }
}

fn register_command() -> OrganizationCommand {
    OrganizationCommand::Register(RegisterOrganization {
        organization: id(1),
        name: name("Bäckerei Schulz"),
        kind: OrganizationKind::Company,
        profile: Profile {
            sector: Some(WzCode::parse("10.71").expect("code")),
            ..Profile::default()
        },
        address: Some(Address::parse("Breite Straße 24", "13187", "Berlin").expect("address")),
        region: Some(RegionCode::parse("03100103").expect("region")),
        external_id: None,
    })
}

#[test]
fn registering_a_new_organization_records_it() {
    given::<Organization>(vec![])
        .when(register_command())
        .then(vec![registered()]);
}

#[test]
fn registering_twice_is_refused() {
    given::<Organization>(vec![registered()])
        .when(register_command())
        .then_error(OrganizationError::AlreadyRegistered);
}

#[test]
fn an_implausible_founding_year_is_refused() {
    let OrganizationCommand::Register(mut command) = register_command() else {
        unreachable!()
    };
    command.profile.founded_year = Some(205);
    given::<Organization>(vec![])
        .when(OrganizationCommand::Register(command))
        .then_error(OrganizationError::ImplausibleFoundingYear(205));
}

#[test]
fn commands_on_an_unregistered_organization_are_refused() {
    given::<Organization>(vec![])
        .when(OrganizationCommand::Rename(RenameOrganization {
            organization: id(1),
            name: name("Neu"),
        }))
        .then_error(OrganizationError::NotRegistered);
}

#[test]
fn renaming_records_the_new_name() {
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Rename(RenameOrganization {
            organization: id(1),
            name: name("Bäckerei Schulz & Töchter"),
        }))
        .then(vec![OrganizationEvent::Renamed {
            organization: id(1),
            name: name("Bäckerei Schulz & Töchter"),
        }]);
}

#[test]
fn renaming_to_the_same_name_is_refused() {
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Rename(RenameOrganization {
            organization: id(1),
            name: name("Bäckerei  Schulz"),
        }))
        .then_error(OrganizationError::SameName);
}

#[test]
fn relocating_records_address_and_region_and_an_unchanged_address_records_nothing() {
    let address = Address::parse("Florastraße 1", "13187", "Berlin").expect("address");
    let region = Some(RegionCode::parse("03100102").expect("region"));
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Relocate(RelocateOrganization {
            organization: id(1),
            address: address.clone(),
            region: region.clone(),
        }))
        .then(vec![OrganizationEvent::Relocated {
            organization: id(1),
            address: address.clone(),
            region: region.clone(),
        }]);
    given::<Organization>(vec![
        registered(),
        OrganizationEvent::Relocated {
            organization: id(1),
            address: address.clone(),
            region: region.clone(),
        },
    ])
    .when(OrganizationCommand::Relocate(RelocateOrganization {
        organization: id(1),
        address,
        region,
    }))
    .then(vec![]);
}

#[test]
fn updating_the_profile_replaces_it_and_an_unchanged_profile_records_nothing() {
    let profile = Profile {
        legal_form: Some("GmbH".into()),
        size_class: Some(SizeClass::From4To6),
        ..Profile::default()
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::UpdateProfile(UpdateProfile {
            organization: id(1),
            kind: OrganizationKind::Company,
            profile: profile.clone(),
        }))
        .then(vec![OrganizationEvent::ProfileUpdated {
            organization: id(1),
            kind: OrganizationKind::Company,
            profile,
        }]);
    let OrganizationEvent::Registered { profile, .. } = registered() else {
        unreachable!()
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::UpdateProfile(UpdateProfile {
            organization: id(1),
            kind: OrganizationKind::Company,
            profile,
        }))
        .then(vec![]);
}

#[test]
fn assigning_an_account_manager_records_it_once() {
    let anna = Some(UserName::parse("anna.schmidt").expect("user"));
    let assigned = OrganizationEvent::AccountManagerAssigned {
        organization: id(1),
        account_manager: anna.clone(),
    };
    let command = || {
        OrganizationCommand::AssignAccountManager(AssignAccountManager {
            organization: id(1),
            account_manager: anna.clone(),
        })
    };
    given::<Organization>(vec![registered()])
        .when(command())
        .then(vec![assigned.clone()]);
    given::<Organization>(vec![registered(), assigned])
        .when(command())
        .then(vec![]);
}

#[test]
fn tagging_twice_and_removing_a_missing_tag_are_refused() {
    let tagged = OrganizationEvent::Tagged {
        organization: id(1),
        tag: tag("Gründerzentrum"),
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Tag(TagOrganization {
            organization: id(1),
            tag: tag("Gründerzentrum"),
        }))
        .then(vec![tagged.clone()]);
    given::<Organization>(vec![registered(), tagged.clone()])
        .when(OrganizationCommand::Tag(TagOrganization {
            organization: id(1),
            tag: tag("Gründerzentrum"),
        }))
        .then_error(OrganizationError::AlreadyTagged(tag("Gründerzentrum")));
    given::<Organization>(vec![registered(), tagged])
        .when(OrganizationCommand::Untag(UntagOrganization {
            organization: id(1),
            tag: tag("Gründerzentrum"),
        }))
        .then(vec![OrganizationEvent::Untagged {
            organization: id(1),
            tag: tag("Gründerzentrum"),
        }]);
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Untag(UntagOrganization {
            organization: id(1),
            tag: tag("Fehlt"),
        }))
        .then_error(OrganizationError::NotTagged(tag("Fehlt")));
}

#[test]
fn membership_starts_once_ends_once_and_not_before_it_began() {
    let started = OrganizationEvent::MembershipStarted {
        organization: id(1),
        association: id(9),
        since: day("2024-01-01"),
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::StartMembership(StartMembership {
            organization: id(1),
            association: id(9),
            since: day("2024-01-01"),
        }))
        .then(vec![started.clone()]);
    given::<Organization>(vec![registered(), started.clone()])
        .when(OrganizationCommand::StartMembership(StartMembership {
            organization: id(1),
            association: id(9),
            since: day("2024-02-01"),
        }))
        .then_error(OrganizationError::AlreadyMember);
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::StartMembership(StartMembership {
            organization: id(1),
            association: id(1),
            since: day("2024-02-01"),
        }))
        .then_error(OrganizationError::MemberOfItself);
    given::<Organization>(vec![registered(), started.clone()])
        .when(OrganizationCommand::EndMembership(EndMembership {
            organization: id(1),
            association: id(9),
            until: day("2023-12-31"),
        }))
        .then_error(OrganizationError::MembershipEndsBeforeStart {
            since: day("2024-01-01"),
        });
    given::<Organization>(vec![registered(), started])
        .when(OrganizationCommand::EndMembership(EndMembership {
            organization: id(1),
            association: id(9),
            until: day("2025-12-31"),
        }))
        .then(vec![OrganizationEvent::MembershipEnded {
            organization: id(1),
            association: id(9),
            until: day("2025-12-31"),
        }]);
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::EndMembership(EndMembership {
            organization: id(1),
            association: id(9),
            until: day("2025-12-31"),
        }))
        .then_error(OrganizationError::NotMember);
}

#[test]
fn a_closed_organization_refuses_changes() {
    let closed = OrganizationEvent::Closed {
        organization: id(1),
        closed_on: day("2025-03-31"),
        reason: Text::parse("Geschäftsaufgabe").expect("text"),
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Close(CloseOrganization {
            organization: id(1),
            closed_on: day("2025-03-31"),
            reason: Text::parse("Geschäftsaufgabe").expect("text"),
        }))
        .then(vec![closed.clone()]);
    given::<Organization>(vec![registered(), closed])
        .when(OrganizationCommand::Rename(RenameOrganization {
            organization: id(1),
            name: name("Neu"),
        }))
        .then_error(OrganizationError::Closed);
}

#[test]
fn merging_points_to_the_survivor_and_the_duplicate_then_refuses_changes() {
    let merged = OrganizationEvent::MergedInto {
        organization: id(1),
        survivor: id(2),
    };
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Merge(MergeOrganization {
            organization: id(1),
            survivor: id(2),
        }))
        .then(vec![merged.clone()]);
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Merge(MergeOrganization {
            organization: id(1),
            survivor: id(1),
        }))
        .then_error(OrganizationError::MergeIntoItself);
    given::<Organization>(vec![registered(), merged])
        .when(OrganizationCommand::Tag(TagOrganization {
            organization: id(1),
            tag: tag("x"),
        }))
        .then_error(OrganizationError::Merged { survivor: id(2) });
}

/// An address or a legal form that came around the value types (as JSON does) is held to the
/// same rules: a 40,000-character legal form, a 300-character street and an external id with a
/// control character are refused, whatever path they came by.
#[test]
fn values_that_bypassed_their_parser_are_refused_when_decided() {
    let OrganizationCommand::Register(mut command) = register_command() else {
        unreachable!()
    };
    command.profile.legal_form = Some("G".repeat(40_000));
    given::<Organization>(vec![])
        .when(OrganizationCommand::Register(command))
        .then_error(OrganizationError::Invalid(InvalidValue::TooLong {
            field: "Rechtsform",
            max: 100,
        }));

    let OrganizationCommand::Register(mut command) = register_command() else {
        unreachable!()
    };
    command.external_id = Some("IHK\u{7}4711".into());
    given::<Organization>(vec![])
        .when(OrganizationCommand::Register(command))
        .then_error(OrganizationError::Invalid(InvalidValue::Malformed {
            field: "Externe ID",
            value: "IHK\u{7}4711".into(),
            expected: "Text ohne Steuerzeichen",
        }));

    let Some(mut address) = Address::parse("Breite Straße 24", "13187", "Berlin").ok() else {
        unreachable!()
    };
    address.street = "Lange Straße ".repeat(25);
    given::<Organization>(vec![registered()])
        .when(OrganizationCommand::Relocate(RelocateOrganization {
            organization: id(1),
            address,
            region: None,
        }))
        .then_error(OrganizationError::Invalid(InvalidValue::TooLong {
            field: "Anschrift",
            max: 200,
        }));
}
