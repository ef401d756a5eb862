//! Random commands for six streams (organization, person, visit, inquiry, cooperation,
//! gathering), for the property that a stored history folds to the state the live deciders
//! reached. Ids come from pools of two per kind and dates from a four-week window, so commands
//! hit the same streams in many orders: about half are accepted, and the rest are refused for
//! every reason the deciders know (unknown stream, wrong order, a date before the one it
//! depends on, a stream already closed).

use chrono::{Days, NaiveDate};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;
use wifo_domain::{
    cooperation::CooperationCommand,
    gathering::GatheringCommand,
    ids::{CooperationId, FollowUpId, MilestoneId, OrganizationId, PersonId, ReferralId},
    inquiry::InquiryCommand,
    organization::{
        AssignAccountManager, CloseOrganization, EndMembership, MergeOrganization,
        OrganizationCommand, OrganizationKind, Profile, RegisterOrganization, RelocateOrganization,
        RenameOrganization, StartMembership, TagOrganization, UntagOrganization, UpdateProfile,
    },
    person::{
        AddPerson, ConsentChannel, ConsentPurpose, ErasePerson, ErasureReason, LinkPerson,
        PersonCommand, RecordConsent, UnlinkPerson, UpdatePerson, WithdrawConsent,
    },
    personal::PersonalData,
    values::{
        Address, Code, Email, OrganizationName, PersonName, Phone, RegionCode, SizeClass, Tag,
        Text, Title, UserName, Website, WzCode,
    },
    visit::VisitCommand,
};

use super::activity;

/// A command for any of the six streams.
#[derive(Clone, Debug)]
pub(super) enum AnyCommand {
    Organization(OrganizationCommand),
    Person(PersonCommand),
    Visit(VisitCommand),
    Inquiry(InquiryCommand),
    Cooperation(CooperationCommand),
    Gathering(GatheringCommand),
}

/// A command sequence over two streams of each of the six kinds. Each stream gets a script —
/// usually its creation first, then up to eleven random commands for it — and the scripts are
/// interleaved at random. So most streams get a history several events deep, while refusals
/// still come from every rule: a second creation, a missing creation, a date out of order.
pub(super) fn command_sequence() -> impl Strategy<Value = Vec<AnyCommand>> {
    let mut scripts = Vec::new();
    for index in 0..POOL {
        let organization = pool_id(1, index);
        let person = pool_id(2, index);
        let visit = pool_id(3, index);
        let inquiry = pool_id(5, index);
        let cooperation = pool_id(7, index);
        let gathering = pool_id(9, index);
        scripts.extend([
            script(
                register_organization(organization),
                organization_command(organization),
                AnyCommand::Organization,
            ),
            script(
                add_person(person),
                person_command(person),
                AnyCommand::Person,
            ),
            script(
                activity::start_visit(visit),
                activity::visit_command(visit),
                AnyCommand::Visit,
            ),
            script(
                activity::receive_inquiry(inquiry),
                activity::inquiry_command(inquiry),
                AnyCommand::Inquiry,
            ),
            script(
                activity::agree_cooperation(cooperation),
                activity::cooperation_command(cooperation),
                AnyCommand::Cooperation,
            ),
            script(
                activity::plan_gathering(gathering),
                activity::gathering_command(gathering),
                AnyCommand::Gathering,
            ),
        ]);
    }
    scripts.prop_map(|scripts| {
        // Every command carries a random key, sorted within its script; a stable sort by key
        // then interleaves the scripts without reordering any of them.
        let mut keyed: Vec<(u32, AnyCommand)> = scripts.into_iter().flatten().collect();
        keyed.sort_by_key(|(key, _)| *key);
        keyed.into_iter().map(|(_, command)| command).collect()
    })
}

/// The most commands one stream's script holds.
const SCRIPT_LENGTH: usize = 12;

fn script<C: std::fmt::Debug + 'static>(
    creation: impl Strategy<Value = C> + 'static,
    command: impl Strategy<Value = C> + 'static,
    wrap: fn(C) -> AnyCommand,
) -> BoxedStrategy<Vec<(u32, AnyCommand)>> {
    (
        option::weighted(0.9, creation),
        vec(command, 0..SCRIPT_LENGTH),
        vec(any::<u32>(), SCRIPT_LENGTH),
    )
        .prop_map(move |(creation, commands, mut keys)| {
            let commands: Vec<AnyCommand> =
                creation.into_iter().chain(commands).map(wrap).collect();
            keys.truncate(commands.len());
            keys.sort_unstable();
            keys.into_iter().zip(commands).collect()
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Ids, dates and values from small pools

const POOL: u128 = 2;

fn pool_id<T: From<Uuid>>(kind: u128, index: u128) -> T {
    T::from(Uuid::from_u128((kind << 64) | index))
}

fn pooled<T: From<Uuid> + std::fmt::Debug>(kind: u128) -> impl Strategy<Value = T> {
    (0..POOL).prop_map(move |index| pool_id(kind, index))
}

pub(super) fn organization() -> impl Strategy<Value = OrganizationId> {
    pooled(1)
}
pub(super) fn organization_id(index: u128) -> OrganizationId {
    pool_id(1, index)
}
pub(super) fn person() -> impl Strategy<Value = PersonId> {
    pooled(2)
}
pub(super) fn follow_up() -> impl Strategy<Value = FollowUpId> {
    pooled(4)
}
pub(super) fn referral() -> impl Strategy<Value = ReferralId> {
    pooled(6)
}
pub(super) fn cooperation() -> impl Strategy<Value = CooperationId> {
    pooled(7)
}
pub(super) fn milestone() -> impl Strategy<Value = MilestoneId> {
    pooled(8)
}

/// A day of March 2025.
pub(super) fn day() -> impl Strategy<Value = NaiveDate> {
    days(0..28)
}

/// A day of the first week of March 2025, for the date a stream starts from, so later dates
/// more often come after it.
pub(super) fn early_day() -> impl Strategy<Value = NaiveDate> {
    days(0..7)
}

/// A day of the second half of March 2025, for the date a term ends.
pub(super) fn late_day() -> impl Strategy<Value = NaiveDate> {
    days(14..28)
}

fn days(offsets: std::ops::Range<u64>) -> impl Strategy<Value = NaiveDate> {
    offsets.prop_map(|offset| {
        NaiveDate::from_ymd_opt(2025, 3, 1)
            .and_then(|first| first.checked_add_days(Days::new(offset)))
            .expect("a day of March 2025")
    })
}

pub(super) fn parsed<T: std::fmt::Debug, E: std::fmt::Debug>(
    options: &'static [&'static str],
    parse: fn(&str) -> Result<T, E>,
) -> impl Strategy<Value = T> {
    select(options).prop_map(move |text| parse(text).expect("fixture value parses"))
}

pub(super) fn text(options: &'static [&'static str]) -> impl Strategy<Value = Text> {
    parsed(options, Text::parse)
}
pub(super) fn title(options: &'static [&'static str]) -> impl Strategy<Value = Title> {
    parsed(options, Title::parse)
}
pub(super) fn staff() -> impl Strategy<Value = UserName> {
    parsed(&["a.schmidt", "b.yilmaz", "c.nowak"], UserName::parse)
}
pub(super) fn topic() -> impl Strategy<Value = Code> {
    parsed(
        &["foerderung", "gewerbeflaechen.suche", "fachkraefte"],
        Code::parse,
    )
}
pub(super) fn reason() -> impl Strategy<Value = Text> {
    text(&["", "Terminkollision", "auf Wunsch des Unternehmens"])
}

// ---------------------------------------------------------------------------------------------
// Organization

fn organization_name() -> impl Strategy<Value = OrganizationName> {
    parsed(
        &[
            "Bäckerei Schulz GmbH",
            "Kaffeerösterei Spreeblick",
            "Metallbau Krüger KG",
        ],
        OrganizationName::parse,
    )
}

fn address() -> impl Strategy<Value = Address> {
    select(
        &[
            ("Breite Straße 24", "13187", "Berlin"),
            ("Florastraße 12", "13187", "Berlin"),
            ("Alt-Moabit 101", "10559", "Berlin"),
        ][..],
    )
    .prop_map(|(street, postal_code, city)| {
        Address::parse(street, postal_code, city).expect("fixture address parses")
    })
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        option::of(select(&["GmbH", "UG (haftungsbeschränkt)", "e. K."][..])),
        option::of(parsed(&["10.71", "47.11", "62.01"], WzCode::parse)),
        option::of(select(SizeClass::ALL.to_vec())),
        // Some years are implausible, so registrations and profile updates are refused too.
        option::of(1480_u16..2120),
        option::of(parsed(&["baeckerei-schulz.de"], Website::parse)),
    )
        .prop_map(
            |(legal_form, sector, size_class, founded_year, website)| Profile {
                legal_form: legal_form.map(str::to_owned),
                sector,
                size_class,
                founded_year,
                website,
            },
        )
}

fn register_organization(
    organization: OrganizationId,
) -> impl Strategy<Value = OrganizationCommand> {
    (
        organization_name(),
        select(OrganizationKind::ALL.to_vec()),
        profile(),
        option::of(address()),
        option::of(parsed(&["01100101", "0110"], RegionCode::parse)),
        option::of(select(&["ihk-4711", "crm-0815"][..])),
    )
        .prop_map(move |(name, kind, profile, address, region, external_id)| {
            OrganizationCommand::Register(RegisterOrganization {
                organization,
                name,
                kind,
                profile,
                address,
                region,
                external_id: external_id.map(str::to_owned),
            })
        })
}

/// Any command to the organization; memberships and mergers name other pooled organizations,
/// sometimes the organization itself.
fn organization_command(
    organization: OrganizationId,
) -> impl Strategy<Value = OrganizationCommand> {
    use OrganizationCommand as C;
    let tag = || parsed(&["Gründerzentrum", "Industriegebiet Nord"], Tag::parse);
    prop_oneof![
        1 => register_organization(organization),
        1 => organization_name()
            .prop_map(move |name| C::Rename(RenameOrganization { organization, name })),
        1 => (address(), option::of(parsed(&["01100101"], RegionCode::parse)))
            .prop_map(move |(address, region)| {
                C::Relocate(RelocateOrganization { organization, address, region })
            }),
        1 => (select(OrganizationKind::ALL.to_vec()), profile()).prop_map(move |(kind, profile)| {
            C::UpdateProfile(UpdateProfile { organization, kind, profile })
        }),
        1 => option::of(staff()).prop_map(move |account_manager| {
            C::AssignAccountManager(AssignAccountManager { organization, account_manager })
        }),
        2 => tag().prop_map(move |tag| C::Tag(TagOrganization { organization, tag })),
        2 => tag().prop_map(move |tag| C::Untag(UntagOrganization { organization, tag })),
        2 => (pooled(1), early_day()).prop_map(move |(association, since)| {
            C::StartMembership(StartMembership { organization, association, since })
        }),
        3 => (pooled(1), day()).prop_map(move |(association, until)| {
            C::EndMembership(EndMembership { organization, association, until })
        }),
        1 => (day(), reason()).prop_map(move |(closed_on, reason)| {
            C::Close(CloseOrganization { organization, closed_on, reason })
        }),
        1 => pooled(1).prop_map(move |survivor| {
            C::Merge(MergeOrganization { organization, survivor })
        }),
    ]
}

// ---------------------------------------------------------------------------------------------
// Person

fn personal_data() -> impl Strategy<Value = PersonalData> {
    (
        parsed(
            &["Anna Schmidt", "Mehmet Yılmaz", "Jörg Müller-Lüdenscheidt"],
            PersonName::parse,
        ),
        option::of(parsed(
            &["a.schmidt@baeckerei-schulz.de", "info@spreeblick-kaffee.de"],
            Email::parse,
        )),
        option::of(parsed(&["+49 30 90295-0", "(030) 1234 567"], Phone::parse)),
        text(&[
            "",
            "Bevorzugt Termine am Vormittag",
            "Spricht Türkisch und Deutsch",
        ]),
    )
        .prop_map(|(name, email, phone, notes)| PersonalData {
            name,
            email,
            phone,
            notes,
        })
}

/// Two purposes only, so withdrawals often meet a consent given before.
fn consent_purpose() -> impl Strategy<Value = ConsentPurpose> {
    select(vec![
        ConsentPurpose::Invitations,
        ConsentPurpose::Newsletter,
    ])
}

fn add_person(person: PersonId) -> impl Strategy<Value = PersonCommand> {
    personal_data().prop_map(move |personal| PersonCommand::Add(AddPerson { person, personal }))
}

fn person_command(person: PersonId) -> impl Strategy<Value = PersonCommand> {
    use PersonCommand as C;
    prop_oneof![
        1 => add_person(person),
        3 => personal_data()
            .prop_map(move |personal| C::Update(UpdatePerson { person, personal })),
        3 => (organization(), title(&["Geschäftsführerin", "Inhaber", "Prokurist"]))
            .prop_map(move |(organization, role)| {
                C::Link(LinkPerson { person, organization, role })
            }),
        2 => organization()
            .prop_map(move |organization| C::Unlink(UnlinkPerson { person, organization })),
        3 => (
            consent_purpose(),
            select(ConsentChannel::ALL.to_vec()),
            text(&["Anmeldeformular Neujahrsempfang", "Visitenkarte Stammtisch"]),
            early_day(),
        )
            .prop_map(move |(purpose, channel, source, given_on)| {
                C::RecordConsent(RecordConsent { person, purpose, channel, source, given_on })
            }),
        2 => (consent_purpose(), day()).prop_map(
            move |(purpose, withdrawn_on)| {
                C::WithdrawConsent(WithdrawConsent { person, purpose, withdrawn_on })
            }
        ),
        1 => (day(), select(ErasureReason::ALL.to_vec())).prop_map(
            move |(erased_on, reason)| C::Erase(ErasePerson { person, erased_on, reason })
        ),
    ]
}
