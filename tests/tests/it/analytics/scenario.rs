//! The hand-built office of the analytics tests, written through the domain's commands into a
//! real data directory and read back the way `wifo report` reads it (snapshot + replay), so the
//! projection's fact tables are tested along with the statistics. Every figure the tests expect
//! is worked out by hand in `klausur.rs` from what is written here.

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;
use wifo_app::data_dir::DataDir;
use wifo_domain::{
    Decider,
    contact::{Channel, Contact, ContactCommand, LogContact, RetractContact},
    cooperation::{
        AchieveMilestone, AgreeCooperation, CancelMilestone, Cooperation, CooperationCommand,
        MilestoneKind, PlanMilestone, RescheduleMilestone,
    },
    gathering::{
        Attendance, Gathering, GatheringCommand, GatheringKind, HoldGathering, PlanGathering,
    },
    ids::{
        ContactId, CooperationId, FollowUpId, GatheringId, InquiryId, MilestoneId, OrganizationId,
        PersonId, ReferralId, VisitId,
    },
    inquiry::{
        AnswerInquiry, AnswerReferral, CloseInquiry, Inquiry, InquiryCommand, InquiryOutcome,
        InquirySource, ReceiveInquiry, ReferInquiry,
    },
    organization::{
        Organization, OrganizationCommand, OrganizationKind, Profile, RegisterOrganization,
        RelocateOrganization,
    },
    person::{AddPerson, Person, PersonCommand},
    personal::PersonalData,
    taxonomy::{DefineEntries, Entry, Taxonomy, TaxonomyCommand, TaxonomyKind},
    user::{CreateUser, User, UserCommand},
    values::{
        Address, Code, OrganizationName, PersonName, RegionCode, Role, SizeClass, Text, Title,
        UserName, WzCode,
    },
    visit::{
        CompleteFollowUp, ConductVisit, CreateFollowUp, Findings, PlanVisit, RecordVisitPublicity,
        Visit, VisitCommand,
    },
};
use wifo_projections::FactTables;
use wifo_store::CommandContext;

pub(super) const REGION_A: &str = "03100101";
pub(super) const REGION_B: &str = "03200202";
pub(super) const PERSON_NAME: &str = "Wiebke Trautmann-Oskarsdottir";

pub(super) fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn id<T: From<Uuid>>(n: u128) -> T {
    T::from(Uuid::from_u128(
        0x0190_0000_0000_7000_8000_0000_0000_0000 + n,
    ))
}

fn code(text: &str) -> Code {
    Code::parse(text).expect("code")
}

fn codes(texts: &[&str]) -> Vec<Code> {
    texts.iter().map(|text| code(text)).collect()
}

fn user(name: &str) -> UserName {
    UserName::parse(name).expect("user")
}

fn text(value: &str) -> Text {
    Text::parse(value).expect("text")
}

fn title(value: &str) -> Title {
    Title::parse(value).expect("title")
}

/// The ids of the scenario.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ids {
    pub baeckerei: OrganizationId,
    pub druckerei: OrganizationId,
    pub softwarehaus: OrganizationId,
    pub cafe: OrganizationId,
    pub tischlerei: OrganizationId,
    pub wirtschaftskreis: OrganizationId,
    pub handwerkskammer: OrganizationId,
    pub person: PersonId,
    pub cooperation: CooperationId,
}

impl Ids {
    pub(super) fn fixed() -> Self {
        Self {
            baeckerei: id(1),
            druckerei: id(2),
            softwarehaus: id(3),
            cafe: id(4),
            tischlerei: id(5),
            wirtschaftskreis: id(6),
            handwerkskammer: id(7),
            person: id(100),
            cooperation: id(200),
        }
    }
}

/// A data directory in a temporary folder, and commands run against it at a chosen day.
#[derive(Debug)]
pub(super) struct Office {
    pub dir: tempfile::TempDir,
    pub data: DataDir,
}

impl Office {
    pub(super) fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let data = DataDir::open(dir.path())?;
        Ok(Self { dir, data })
    }

    pub(super) fn context(on: &str) -> CommandContext {
        let mut context = CommandContext::now("a.schneider");
        context.occurred_at = Utc.from_utc_datetime(&day(on).and_hms_opt(10, 0, 0).expect("time"));
        context
    }

    pub(super) async fn run<D: Decider>(&self, on: &str, command: D::Command) -> anyhow::Result<()>
    where
        D::Error: std::error::Error + Send + Sync + 'static,
    {
        self.data
            .handler
            .execute::<D>(&command, &Self::context(on), None)
            .await?;
        Ok(())
    }

    /// The fact tables as `wifo report` loads them.
    pub(super) async fn facts(&self) -> anyhow::Result<FactTables> {
        let data = DataDir::open_existing(self.dir.path())?;
        let facts = wifo_app::views::load_facts(&data, |_| {}).await;
        data.store.close();
        Ok(facts?)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) async fn register(
        &self,
        on: &str,
        organization: OrganizationId,
        name: &str,
        kind: OrganizationKind,
        region: &str,
        sector: Option<&str>,
        size_class: Option<SizeClass>,
    ) -> anyhow::Result<()> {
        self.run::<Organization>(
            on,
            OrganizationCommand::Register(RegisterOrganization {
                organization,
                name: OrganizationName::parse(name)?,
                kind,
                profile: Profile {
                    sector: sector.map(WzCode::parse).transpose()?,
                    size_class,
                    ..Profile::default()
                },
                address: Some(Address::parse("Breite Straße 1", "13187", "Berlin")?),
                region: Some(RegionCode::parse(region)?),
                external_id: None,
            }),
        )
        .await
    }
}

pub(super) struct VisitSpec<'a> {
    pub n: u128,
    pub organization: OrganizationId,
    pub on: &'a str,
    pub staff: &'a [&'a str],
    pub topics: &'a [&'a str],
    pub relocation_risk: bool,
    pub expansion_plans: bool,
    pub joint_partner: Option<OrganizationId>,
    pub participants: Vec<PersonId>,
}

impl<'a> VisitSpec<'a> {
    pub(super) fn new(
        n: u128,
        organization: OrganizationId,
        on: &'a str,
        staff: &'a [&'a str],
        topics: &'a [&'a str],
    ) -> Self {
        Self {
            n,
            organization,
            on,
            staff,
            topics,
            relocation_risk: false,
            expansion_plans: false,
            joint_partner: None,
            participants: Vec::new(),
        }
    }
}

impl Office {
    pub(super) async fn conduct(&self, spec: VisitSpec<'_>) -> anyhow::Result<VisitId> {
        let visit: VisitId = id(1000 + spec.n);
        self.run::<Visit>(
            spec.on,
            VisitCommand::Conduct(ConductVisit {
                visit,
                organization: Some(spec.organization),
                conducted_on: day(spec.on),
                duration_minutes: 60,
                staff: spec.staff.iter().map(|name| user(name)).collect(),
                participants: spec.participants,
                topics: codes(spec.topics),
                findings: Findings {
                    expansion_plans: spec.expansion_plans,
                    relocation_risk: spec.relocation_risk,
                    ..Findings::default()
                },
                notes: Text::default(),
                joint_partner: spec.joint_partner,
            }),
        )
        .await?;
        Ok(visit)
    }

    pub(super) async fn publicity(
        &self,
        visit: VisitId,
        on: &str,
        leadership: &[&str],
        press: bool,
    ) -> anyhow::Result<()> {
        self.run::<Visit>(
            on,
            VisitCommand::RecordPublicity(RecordVisitPublicity {
                visit,
                leadership: codes(leadership),
                press,
            }),
        )
        .await
    }

    pub(super) async fn follow_up(
        &self,
        visit: VisitId,
        n: u128,
        on: &str,
        done_on: Option<&str>,
    ) -> anyhow::Result<()> {
        let follow_up: FollowUpId = id(5000 + n);
        self.run::<Visit>(
            on,
            VisitCommand::CreateFollowUp(CreateFollowUp {
                visit,
                follow_up,
                task: title("Rückmeldung zum Standort"),
                assignee: user("a.schneider"),
                due_on: day(on),
            }),
        )
        .await?;
        if let Some(done_on) = done_on {
            self.run::<Visit>(
                done_on,
                VisitCommand::CompleteFollowUp(CompleteFollowUp {
                    visit,
                    follow_up,
                    completed_on: day(done_on),
                }),
            )
            .await?;
        }
        Ok(())
    }

    pub(super) async fn contact(
        &self,
        n: u128,
        organization: OrganizationId,
        person: Option<PersonId>,
        channel: Channel,
        on: &str,
        topics: &[&str],
    ) -> anyhow::Result<ContactId> {
        let contact: ContactId = id(2000 + n);
        self.run::<Contact>(
            on,
            ContactCommand::Log(LogContact {
                contact,
                organization,
                person,
                channel,
                contacted_on: day(on),
                topics: codes(topics),
                summary: text("Telefonat zur Lage"),
                staff: user("a.schneider"),
            }),
        )
        .await?;
        Ok(contact)
    }

    pub(super) async fn inquiry(
        &self,
        n: u128,
        organization: Option<OrganizationId>,
        source: InquirySource,
        received_on: &str,
        topics: &[&str],
    ) -> anyhow::Result<InquiryId> {
        let inquiry: InquiryId = id(3000 + n);
        self.run::<Inquiry>(
            received_on,
            InquiryCommand::Receive(ReceiveInquiry {
                inquiry,
                organization,
                channel: Channel::Mail,
                source,
                topics: codes(topics),
                description: text("Frage zur Genehmigung"),
                received_on: day(received_on),
                received_by: user("b.meier"),
            }),
        )
        .await?;
        Ok(inquiry)
    }

    pub(super) async fn answer(&self, inquiry: InquiryId, on: &str) -> anyhow::Result<()> {
        self.run::<Inquiry>(
            on,
            InquiryCommand::Answer(AnswerInquiry {
                inquiry,
                answered_on: day(on),
                answer: text("Antwort gegeben"),
            }),
        )
        .await
    }

    pub(super) async fn close(
        &self,
        inquiry: InquiryId,
        on: &str,
        outcome: InquiryOutcome,
    ) -> anyhow::Result<()> {
        self.run::<Inquiry>(
            on,
            InquiryCommand::Close(CloseInquiry {
                inquiry,
                closed_on: day(on),
                outcome,
            }),
        )
        .await
    }
}

/// Writes the whole scenario (see the module comment of `klausur.rs` for the figures).
pub(super) async fn build(office: &Office) -> anyhow::Result<Ids> {
    let ids = Ids::fixed();
    // The two account managers, with the names the report shows for them.
    for (login, name) in [
        ("a.schneider", "Anna Schneider"),
        ("b.meier", "Bernd Meier"),
    ] {
        office
            .run::<User>(
                "2023-12-01",
                UserCommand::Create(CreateUser {
                    user: user(login),
                    display_name: Title::parse(name)?,
                    role: Role::Staff,
                }),
            )
            .await?;
    }
    let define = |taxonomy, entries: &[(&str, &str)]| {
        TaxonomyCommand::Define(DefineEntries {
            taxonomy,
            entries: entries
                .iter()
                .map(|(code, name)| Entry::new(code, name, None))
                .collect(),
            skip_existing: false,
        })
    };
    office
        .run::<Taxonomy>(
            "2023-12-01",
            define(
                TaxonomyKind::Topics,
                &[
                    ("fachkraefte", "Fachkräftesicherung"),
                    ("digitalisierung", "Digitalisierung"),
                    ("flaechen", "Gewerbeflächen"),
                    ("genehmigung", "Genehmigungen"),
                ],
            ),
        )
        .await?;
    office
        .run::<Taxonomy>(
            "2023-12-01",
            define(
                TaxonomyKind::Offices,
                &[("bauamt", "Bau- und Wohnungsaufsichtsamt")],
            ),
        )
        .await?;

    use OrganizationKind::{Association, Chamber, Company};
    office
        .register(
            "2024-01-02",
            ids.baeckerei,
            "Bäckerei Korn GmbH",
            Company,
            REGION_A,
            Some("10.71"),
            Some(SizeClass::From10To19),
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.druckerei,
            "Druckerei Blatt KG",
            Company,
            REGION_A,
            Some("18.12"),
            Some(SizeClass::From1To3),
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.softwarehaus,
            "Softwarehaus Bit GmbH",
            Company,
            REGION_B,
            Some("62.01"),
            Some(SizeClass::From20To49),
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.cafe,
            "Café Bohne",
            Company,
            REGION_B,
            Some("56.10"),
            Some(SizeClass::From4To6),
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.tischlerei,
            "Tischlerei Span",
            Company,
            REGION_A,
            Some("16.23"),
            None,
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.wirtschaftskreis,
            "Wirtschaftskreis Pankow e. V.",
            Association,
            REGION_A,
            None,
            None,
        )
        .await?;
    office
        .register(
            "2024-01-02",
            ids.handwerkskammer,
            "Handwerkskammer Berlin",
            Chamber,
            REGION_B,
            None,
            None,
        )
        .await?;

    office
        .run::<Person>(
            "2024-01-03",
            PersonCommand::Add(AddPerson {
                person: ids.person,
                personal: PersonalData {
                    name: PersonName::parse(PERSON_NAME)?,
                    email: None,
                    phone: None,
                    notes: Text::default(),
                },
            }),
        )
        .await?;

    // 2024: two visits, one contact, one inquiry, one reception.
    office
        .conduct(VisitSpec::new(
            1,
            ids.baeckerei,
            "2024-05-05",
            &["a.schneider"],
            &["fachkraefte"],
        ))
        .await?;
    office
        .conduct(VisitSpec::new(
            2,
            ids.softwarehaus,
            "2024-09-09",
            &["b.meier"],
            &["flaechen"],
        ))
        .await?;
    office
        .contact(
            5,
            ids.baeckerei,
            None,
            Channel::Phone,
            "2024-03-03",
            &["flaechen"],
        )
        .await?;
    let previous_inquiry = office
        .inquiry(
            6,
            Some(ids.baeckerei),
            InquirySource::Direct,
            "2024-10-10",
            &["flaechen"],
        )
        .await?;
    office.answer(previous_inquiry, "2024-10-14").await?;
    office
        .close(previous_inquiry, "2024-10-20", InquiryOutcome::Solved)
        .await?;
    plan_and_hold(
        office,
        4,
        GatheringKind::Reception,
        "2024-01-15",
        &[Attendance {
            organization: Some(ids.baeckerei),
            person: None,
        }],
        10,
    )
    .await?;

    // The café moves from region B to region A in the middle of 2025.
    office
        .run::<Organization>(
            "2025-07-01",
            OrganizationCommand::Relocate(RelocateOrganization {
                organization: ids.cafe,
                address: Address::parse("Schönhauser Allee 5", "10435", "Berlin")?,
                region: Some(RegionCode::parse(REGION_A)?),
            }),
        )
        .await?;

    // 2025: eight conducted visits.
    let mut first = VisitSpec::new(
        11,
        ids.baeckerei,
        "2025-01-15",
        &["a.schneider"],
        &["fachkraefte"],
    );
    first.relocation_risk = true;
    first.participants = vec![ids.person];
    let v1 = office.conduct(first).await?;
    office
        .follow_up(v1, 1, "2025-01-20", Some("2025-02-01"))
        .await?;
    let mut second = VisitSpec::new(
        12,
        ids.baeckerei,
        "2025-03-10",
        &["a.schneider", "b.meier"],
        &["fachkraefte", "flaechen"],
    );
    second.joint_partner = Some(ids.handwerkskammer);
    let v2 = office.conduct(second).await?;
    // The district mayor came along with the press; the senator came to the fourth visit.
    office
        .publicity(v2, "2025-03-10", &["bezirksbuergermeister"], true)
        .await?;
    let mut third = VisitSpec::new(
        13,
        ids.druckerei,
        "2025-02-20",
        &["b.meier"],
        &["digitalisierung"],
    );
    third.expansion_plans = true;
    let v3 = office.conduct(third).await?;
    office.follow_up(v3, 3, "2025-02-25", None).await?;
    let mut fourth = VisitSpec::new(
        14,
        ids.softwarehaus,
        "2025-04-05",
        &["b.meier"],
        &["fachkraefte"],
    );
    fourth.joint_partner = Some(ids.handwerkskammer);
    let v4 = office.conduct(fourth).await?;
    office
        .publicity(v4, "2025-04-05", &["senator"], false)
        .await?;
    let mut fifth = VisitSpec::new(
        15,
        ids.softwarehaus,
        "2025-05-12",
        &["a.schneider"],
        &["flaechen"],
    );
    fifth.relocation_risk = true;
    office.conduct(fifth).await?;
    office
        .conduct(VisitSpec::new(
            16,
            ids.cafe,
            "2025-06-03",
            &["a.schneider"],
            &["digitalisierung"],
        ))
        .await?;
    office
        .conduct(VisitSpec::new(
            17,
            ids.cafe,
            "2025-08-19",
            &["a.schneider"],
            &["fachkraefte"],
        ))
        .await?;
    let mut eighth = VisitSpec::new(
        18,
        ids.baeckerei,
        "2025-11-30",
        &["b.meier"],
        &["fachkraefte"],
    );
    eighth.expansion_plans = true;
    let v8 = office.conduct(eighth).await?;
    office
        .follow_up(v8, 8, "2025-12-01", Some("2025-12-10"))
        .await?;
    // Planned, never conducted: not counted.
    office
        .run::<Visit>(
            "2025-10-01",
            VisitCommand::Plan(PlanVisit {
                visit: id(1099),
                organization: ids.tischlerei,
                planned_on: day("2025-10-20"),
                planned_at: None,
                staff: vec![user("a.schneider")],
                participants: vec![],
                purpose: text("Kennenlernen"),
                joint_partner: None,
            }),
        )
        .await?;

    // 2025: four contacts, one of them retracted.
    office
        .contact(
            1,
            ids.baeckerei,
            Some(ids.person),
            Channel::Phone,
            "2025-02-01",
            &["fachkraefte"],
        )
        .await?;
    office
        .contact(
            2,
            ids.druckerei,
            None,
            Channel::Mail,
            "2025-03-01",
            &["digitalisierung"],
        )
        .await?;
    office
        .contact(
            3,
            ids.softwarehaus,
            None,
            Channel::Phone,
            "2025-10-01",
            &["fachkraefte", "digitalisierung"],
        )
        .await?;
    let retracted = office
        .contact(4, ids.cafe, None, Channel::Consultation, "2025-11-11", &[])
        .await?;
    office
        .run::<Contact>(
            "2025-11-12",
            ContactCommand::Retract(RetractContact {
                contact: retracted,
                reason: text("doppelt erfasst"),
            }),
        )
        .await?;

    // 2025: five inquiries.
    let i1 = office
        .inquiry(
            1,
            Some(ids.baeckerei),
            InquirySource::Direct,
            "2025-03-03",
            &["genehmigung"],
        )
        .await?;
    office.answer(i1, "2025-03-05").await?;
    office
        .close(i1, "2025-03-10", InquiryOutcome::Solved)
        .await?;
    let i2 = office
        .inquiry(
            2,
            Some(ids.druckerei),
            InquirySource::CitizensOffice,
            "2025-04-01",
            &["genehmigung"],
        )
        .await?;
    let referral: ReferralId = id(4000);
    office
        .run::<Inquiry>(
            "2025-04-02",
            InquiryCommand::Refer(ReferInquiry {
                inquiry: i2,
                referral,
                office: code("bauamt"),
                referred_on: day("2025-04-02"),
                note: text("Bitte um Prüfung"),
            }),
        )
        .await?;
    office
        .run::<Inquiry>(
            "2025-04-12",
            InquiryCommand::AnswerReferral(AnswerReferral {
                inquiry: i2,
                referral,
                answered_on: day("2025-04-12"),
                answer: text("genehmigungsfähig"),
            }),
        )
        .await?;
    office.answer(i2, "2025-04-13").await?;
    office
        .close(i2, "2025-04-20", InquiryOutcome::Solved)
        .await?;
    let i3 = office
        .inquiry(
            3,
            Some(ids.softwarehaus),
            InquirySource::CitizensOffice,
            "2025-06-02",
            &["fachkraefte"],
        )
        .await?;
    office.answer(i3, "2025-06-03").await?;
    office
        .close(i3, "2025-06-30", InquiryOutcome::PartlySolved)
        .await?;
    let i4 = office
        .inquiry(
            4,
            Some(ids.cafe),
            InquirySource::Chamber,
            "2025-09-01",
            &["flaechen"],
        )
        .await?;
    office.answer(i4, "2025-09-06").await?;
    let i5 = office
        .inquiry(
            5,
            None,
            InquirySource::PublicOrderOffice,
            "2025-12-20",
            &["genehmigung"],
        )
        .await?;
    office.answer(i5, "2026-01-05").await?;

    // The cooperation with six milestones due in 2025.
    office
        .run::<Cooperation>(
            "2024-01-01",
            CooperationCommand::Agree(AgreeCooperation {
                cooperation: ids.cooperation,
                title: title("Kooperation Wirtschaftskreis Pankow"),
                partners: vec![ids.wirtschaftskreis],
                signed_on: day("2023-12-15"),
                valid_from: day("2024-01-01"),
                valid_until: day("2026-12-31"),
                goals: vec![title("Unternehmerdinner")],
            }),
        )
        .await?;
    let milestones = [
        (1, "2025-03-15", MilestoneKind::Gathering),
        (2, "2025-06-30", MilestoneKind::Project),
        (3, "2025-09-30", MilestoneKind::Gathering),
        (4, "2025-10-15", MilestoneKind::Award),
        (5, "2025-11-30", MilestoneKind::Report),
        (6, "2025-12-15", MilestoneKind::Other),
    ];
    for (n, due, kind) in milestones {
        office
            .run::<Cooperation>(
                "2025-01-10",
                CooperationCommand::PlanMilestone(PlanMilestone {
                    cooperation: ids.cooperation,
                    milestone: id(6000 + n),
                    title: title(&format!("Meilenstein {n}")),
                    kind,
                    due: day(due),
                }),
            )
            .await?;
    }
    let milestone = |n: u128| -> MilestoneId { id(6000 + n) };
    office
        .run::<Cooperation>(
            "2025-03-15",
            CooperationCommand::AchieveMilestone(AchieveMilestone {
                cooperation: ids.cooperation,
                milestone: milestone(1),
                achieved_on: day("2025-03-15"),
            }),
        )
        .await?;
    office
        .run::<Cooperation>(
            "2025-07-02",
            CooperationCommand::AchieveMilestone(AchieveMilestone {
                cooperation: ids.cooperation,
                milestone: milestone(2),
                achieved_on: day("2025-07-02"),
            }),
        )
        .await?;
    office
        .run::<Cooperation>(
            "2025-09-01",
            CooperationCommand::RescheduleMilestone(RescheduleMilestone {
                cooperation: ids.cooperation,
                milestone: milestone(3),
                due: day("2026-03-31"),
                reason: text("Saal nicht frei"),
            }),
        )
        .await?;
    office
        .run::<Cooperation>(
            "2025-10-01",
            CooperationCommand::CancelMilestone(CancelMilestone {
                cooperation: ids.cooperation,
                milestone: milestone(4),
                cancelled_on: day("2025-10-01"),
                reason: text("keine Bewerbungen"),
            }),
        )
        .await?;

    // 2025: three gatherings.
    let org = |organization| Attendance {
        organization: Some(organization),
        person: None,
    };
    plan_and_hold(
        office,
        1,
        GatheringKind::BusinessDinner,
        "2025-05-20",
        &[
            org(ids.baeckerei),
            org(ids.druckerei),
            org(ids.softwarehaus),
        ],
        4,
    )
    .await?;
    plan_and_hold(
        office,
        2,
        GatheringKind::Stammtisch,
        "2025-09-10",
        &[
            org(ids.baeckerei),
            org(ids.cafe),
            Attendance {
                organization: None,
                person: Some(ids.person),
            },
        ],
        0,
    )
    .await?;
    plan_and_hold(
        office,
        3,
        GatheringKind::Stammtisch,
        "2025-11-05",
        &[org(ids.baeckerei), org(ids.druckerei)],
        0,
    )
    .await?;
    Ok(ids)
}

async fn plan_and_hold(
    office: &Office,
    n: u128,
    kind: GatheringKind,
    on: &str,
    attendance: &[Attendance],
    other_attendees: u32,
) -> anyhow::Result<()> {
    let gathering: GatheringId = id(7000 + n);
    office
        .run::<Gathering>(
            on,
            GatheringCommand::Plan(PlanGathering {
                gathering,
                kind,
                title: title(kind.label()),
                date: day(on),
                venue: text("Rathaus Pankow"),
                co_hosts: vec![],
                milestone: None,
            }),
        )
        .await?;
    office
        .run::<Gathering>(
            on,
            GatheringCommand::Hold(HoldGathering {
                gathering,
                held_on: day(on),
                attendance: attendance.to_vec(),
                other_attendees,
            }),
        )
        .await
}
