//! Random field values across the whole range each value type accepts — any Unicode text, any
//! id, dates over chrono's full range, every enum variant, empty and filled lists — for the
//! event types with the most fields. Values are made through the types' own `parse`, the way a
//! form or an import makes them, so anything a user can enter is covered.

use chrono::{Datelike, NaiveDate};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;
use wifo_domain::{
    contact::Channel,
    inquiry::{InquiryEvent, InquirySource},
    organization::{OrganizationEvent, OrganizationKind, Profile},
    person::PersonEvent,
    personal::{Erasable, PersonalData},
    values::{
        Address, Code, Email, OrganizationName, PersonName, Phone, RegionCode, SizeClass, Text,
        Title, UserName, Website, WzCode,
    },
    visit::{Findings, Satisfaction, VisitEvent},
};

fn id<T: From<Uuid> + std::fmt::Debug>() -> impl Strategy<Value = T> {
    any::<u128>().prop_map(|value| T::from(Uuid::from_u128(value)))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).expect("within chrono's range"))
}

/// Text through a value type's `parse`, from anything a user could type.
fn parsed<T: std::fmt::Debug>(
    pattern: &'static str,
    parse: fn(&str) -> Result<T, wifo_domain::values::InvalidValue>,
) -> impl Strategy<Value = T> {
    pattern.prop_filter_map("the value type refuses it", move |text: String| {
        parse(&text).ok()
    })
}

fn text() -> impl Strategy<Value = Text> {
    any::<String>().prop_map(|text| Text::parse(&text).expect("short text is always valid"))
}
fn title() -> impl Strategy<Value = Title> {
    parsed("\\PC{0,60}", Title::parse)
}
fn user() -> impl Strategy<Value = UserName> {
    parsed("[a-zA-Z0-9._-]{2,64}", UserName::parse)
}
fn code() -> impl Strategy<Value = Code> {
    parsed("[a-z0-9_-]{1,12}(\\.[a-z0-9_-]{1,12}){0,3}", Code::parse)
}
fn email() -> impl Strategy<Value = Email> {
    parsed(
        "[^@\\s]{1,30}@[a-zA-Z0-9äöüÄÖÜ-]{1,20}(\\.[a-zA-Z]{2,8}){1,2}",
        Email::parse,
    )
}
fn phone() -> impl Strategy<Value = Phone> {
    parsed("[0-9 +()/-]{5,30}", Phone::parse)
}

pub(super) fn personal_data() -> impl Strategy<Value = PersonalData> {
    (
        parsed("\\PC{1,60}", PersonName::parse),
        option::of(email()),
        option::of(phone()),
        text(),
    )
        .prop_map(|(name, email, phone, notes)| PersonalData {
            name,
            email,
            phone,
            notes,
        })
}

pub(super) fn person_added() -> impl Strategy<Value = PersonEvent> {
    (id(), personal_data()).prop_map(|(person, personal)| PersonEvent::Added {
        person,
        personal: Erasable::Known(personal),
    })
}

fn findings() -> impl Strategy<Value = Findings> {
    (
        any::<bool>(),
        any::<bool>(),
        option::of(any::<u32>()),
        option::of(any::<u32>()),
        any::<bool>(),
        option::of((1_u8..=5).prop_map(|value| Satisfaction::new(value).expect("1 to 5"))),
        vec(title(), 0..4),
    )
        .prop_map(
            |(
                expansion_plans,
                relocation_risk,
                space_need_m2,
                workforce_need,
                funding_interest,
                location_satisfaction,
                issues_raised,
            )| Findings {
                expansion_plans,
                relocation_risk,
                space_need_m2,
                workforce_need,
                funding_interest,
                location_satisfaction,
                issues_raised,
            },
        )
}

pub(super) fn visit_conducted() -> impl Strategy<Value = VisitEvent> {
    (
        id(),
        id(),
        date(),
        any::<u32>(),
        vec(user(), 0..4),
        vec(id(), 0..4),
        vec(code(), 0..4),
        findings(),
        text(),
        option::of(id()),
    )
        .prop_map(
            |(
                visit,
                organization,
                conducted_on,
                duration_minutes,
                staff,
                participants,
                topics,
                findings,
                notes,
                joint_partner,
            )| VisitEvent::Conducted {
                visit,
                organization,
                conducted_on,
                duration_minutes,
                staff,
                participants,
                topics,
                findings,
                notes,
                joint_partner,
            },
        )
}

pub(super) fn inquiry_received() -> impl Strategy<Value = InquiryEvent> {
    (
        id(),
        option::of(id()),
        select(Channel::ALL.to_vec()),
        select(InquirySource::ALL.to_vec()),
        vec(code(), 0..4),
        text(),
        date(),
        user(),
    )
        .prop_map(
            |(
                inquiry,
                organization,
                channel,
                source,
                topics,
                description,
                received_on,
                received_by,
            )| {
                InquiryEvent::Received {
                    inquiry,
                    organization,
                    channel,
                    source,
                    topics,
                    description,
                    received_on,
                    received_by,
                }
            },
        )
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        option::of(any::<String>()),
        option::of(parsed(
            "[A-Ua-u]|[0-9]{2}(\\.[0-9]([0-9](\\.[0-9])?)?)?|[0-9]{2,5}",
            WzCode::parse,
        )),
        option::of(select(SizeClass::ALL.to_vec())),
        option::of(any::<u16>()),
        option::of(parsed(
            "(https?://)?[a-z0-9-]{1,20}(\\.[a-z0-9-]{1,10}){1,2}(/[^\\s]{0,20})?",
            Website::parse,
        )),
    )
        .prop_map(
            |(legal_form, sector, size_class, founded_year, website)| Profile {
                legal_form,
                sector,
                size_class,
                founded_year,
                website,
            },
        )
}

fn address() -> impl Strategy<Value = Address> {
    (any::<String>(), "[0-9]{5}", "\\PC{1,40}")
        .prop_filter_map("the address is refused", |(street, postal_code, city)| {
            Address::parse(&street, &postal_code, &city).ok()
        })
}

pub(super) fn organization_registered() -> impl Strategy<Value = OrganizationEvent> {
    (
        id(),
        parsed("\\PC{1,80}", OrganizationName::parse),
        select(OrganizationKind::ALL.to_vec()),
        profile(),
        option::of(address()),
        option::of(parsed("[0-9]{2}([0-9]{2}){0,3}", RegionCode::parse)),
        option::of(any::<String>()),
    )
        .prop_map(
            |(organization, name, kind, profile, address, region, external_id)| {
                OrganizationEvent::Registered {
                    organization,
                    name,
                    kind,
                    profile,
                    address,
                    region,
                    external_id,
                }
            },
        )
}
