//! The demo office's Handreichung: a week after the start the admin writes the guidance for the
//! topics small businesses ask about most, with the offices responsible and who answers each
//! topic by Prognoseraum, publishes the offices' contact details, and two account managers
//! publish their own contact details (a third publishes and withdraws again; the others stay
//! unpublished, as is their right). Over the years a few businesses ask through the public
//! form, routed by those responsibilities; one asks at the Bürgerbüro, which enters it. The
//! first of them is answered and closed within days, and a month later the sender asks for
//! their data to be erased (Art. 17), which the data-protection officer does.

use uuid::Uuid;
use wifo_domain::{
    ids::InquiryId,
    inquiry::{
        AnswerInquiry, CloseInquiry, InquiryCommand, InquiryOutcome, ONLINE_FORM_ACTOR,
        SubmitInquiry,
    },
    person::ErasureReason,
    public::{
        PublicCommand, PublishContact, Responsibility, WithdrawContact, WriteGuideOffice,
        WriteGuideTopic,
    },
    submission::{FoundVia, Reference, SenderData, Submission},
    values::{Email, OrganizationName, PersonName, Phone, PostalCode, RegionCode, Title, Website},
};

use super::{
    calendar::{Calendar, add_workdays},
    plan::{Action, Plan, code, text, user},
    staff::{ADMIN, CITIZENS_OFFICE, DATA_PROTECTION},
};

/// Who answers a topic: `(login, Prognoseraum or every region)`.
type Answering = &'static [(&'static str, Option<&'static str>)];

/// `(topic, guidance, offices, who answers it)`.
const TOPICS: &[(&str, &str, &[&str], Answering)] = &[
    (
        "foerderung",
        "Zuschüsse, Darlehen und Bürgschaften für kleine und mittlere Betriebe: wir sagen Ihnen, welche Programme passen, und helfen beim Antrag – kostenlos.",
        &[],
        &[
            ("a.schneider", Some("0320")),
            ("m.yilmaz", Some("0360")),
            ("k.nowak", None),
        ],
    ),
    (
        "sondernutzung",
        "Tische vor dem Café, ein Aufsteller, ein Gerüst: für die Nutzung des Gehwegs brauchen Sie eine Sondernutzungserlaubnis. Wir klären mit Ihnen, was nötig ist, und stellen den Kontakt zum Straßen- und Grünflächenamt her.",
        &["ordnungsamt"],
        &[("t.becker", None)],
    ),
    (
        "fachkraefte",
        "Auszubildende finden, Fachkräfte gewinnen, Beschäftigte weiterbilden: wir vermitteln zu Jobcenter, Arbeitsagentur und Kammern und kennen die Förderprogramme.",
        &[],
        &[("k.nowak", None)],
    ),
    (
        "nachfolge",
        "Sie möchten Ihren Betrieb übergeben oder einen übernehmen? Wir beraten vertraulich und bringen Sie mit den Nachfolgebörsen der Kammern zusammen.",
        &[],
        &[("a.schneider", None)],
    ),
    (
        "genehmigungen",
        "Gewerbeanmeldung, Nutzungsänderung, Umbau: wir lotsen Sie durch die Verwaltung und sagen, welches Amt wofür zuständig ist.",
        &["ordnungsamt", "bauamt"],
        &[("m.yilmaz", None)],
    ),
];

/// `(office, address, phone, mail, website, hours)`.
const OFFICES: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "ordnungsamt",
        "Ordnungsamt Pankow\nFröbelstraße 17\n10405 Berlin",
        "030 90295-0",
        "ordnungsamt@ba-pankow.berlin.de",
        "https://www.berlin.de/ba-pankow/politik-und-verwaltung/aemter/ordnungsamt/",
        "Di 9–12 Uhr, Do 15–18 Uhr",
    ),
    (
        "bauamt",
        "Bau- und Wohnungsaufsichtsamt\nStorkower Straße 97\n10407 Berlin",
        "030 90295-5000",
        "bwa@ba-pankow.berlin.de",
        "https://www.berlin.de/ba-pankow/politik-und-verwaltung/aemter/bau-und-wohnungsaufsichtsamt/",
        "Di 9–12 Uhr, Do 14–18 Uhr",
    ),
];

/// Inquiries through the public form: `(share of the demo's span, business, contact person,
/// mail, postal code, topic, how they found us, who the topic's responsibility names, text)`.
type Submitted = (
    f64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    FoundVia,
    &'static str,
    &'static str,
);

const SUBMISSIONS: &[Submitted] = &[
    (
        0.35,
        "Nähstube Aylin",
        "Aylin Demir",
        "kontakt@naehstube-aylin.example",
        "13187",
        "foerderung",
        FoundVia::OrderOfficeBrochure,
        "k.nowak",
        "Gibt es einen Zuschuss für eine neue Industrienähmaschine?",
    ),
    (
        0.7,
        "Café Kiezbohne",
        "Jonas Richter",
        "jonas@kiezbohne.example",
        "10437",
        "sondernutzung",
        FoundVia::Flyer,
        "t.becker",
        "Wir möchten im Sommer vier Tische vor das Café stellen. Was brauchen wir dafür?",
    ),
    (
        0.9,
        "Uhrmacherei Brandt",
        "Elke Brandt",
        "elke.brandt@uhren-brandt.example",
        "13156",
        "nachfolge",
        FoundVia::Chamber,
        "a.schneider",
        "Ich suche in den nächsten zwei Jahren jemanden, der meine Werkstatt übernimmt.",
    ),
    // Entered by the Bürgerbüro for a business that came to its counter.
    (
        0.95,
        "Blumen Krüger",
        "Sabine Krüger",
        "info@blumen-krueger.example",
        "13189",
        "sondernutzung",
        FoundVia::CitizensOffice,
        "a.schneider",
        "Am Bürgerbüro nachgefragt: Darf der Blumenstand am Samstag auf den Gehweg?",
    ),
];

/// Staff who publish their contact details, with their office phone.
const PUBLISHED: &[(&str, &str)] = &[
    ("a.schneider", "030 90295-2711"),
    ("k.nowak", "030 90295-2714"),
];

pub(crate) fn push_steps(plan: &mut Plan, calendar: &Calendar) {
    let day = add_workdays(calendar.start, 5);
    for (office, address, phone, mail, website, hours) in OFFICES {
        plan.push(
            day,
            ADMIN,
            PublicCommand::WriteOffice(WriteGuideOffice {
                office: code(office),
                address: text(address),
                phone: Phone::parse(phone).ok(),
                email: Email::parse(mail).ok(),
                website: Website::parse(website).ok(),
                hours: text(hours),
                public: true,
            }),
        );
    }
    for (topic, guidance, offices, responsible) in TOPICS {
        plan.push(
            day,
            ADMIN,
            PublicCommand::WriteTopic(WriteGuideTopic {
                topic: code(topic),
                guidance: text(guidance),
                offices: offices.iter().map(|office| code(office)).collect(),
                responsible: responsible
                    .iter()
                    .map(|(login, region)| Responsibility {
                        region: region.and_then(|r| RegionCode::parse(r).ok()),
                        staff: user(login),
                    })
                    .collect(),
                public: true,
            }),
        );
    }
    // Publishes for a while, then withdraws (their right at any time).
    plan.push(
        add_workdays(day, 1),
        "t.becker",
        PublicCommand::Publish(PublishContact {
            user: user("t.becker"),
            phone: Phone::parse("030 90295-2716").ok(),
            email: None,
        }),
    );
    plan.push(
        calendar.at_fraction(0.5),
        "t.becker",
        PublicCommand::Withdraw(WithdrawContact {
            user: user("t.becker"),
        }),
    );
    for (index, (share, business, contact, mail, postal_code, topic, via, assignee, text_)) in
        SUBMISSIONS.iter().enumerate()
    {
        let (Ok(business), Ok(contact), Ok(postal_code), Ok(notice)) = (
            OrganizationName::parse(business),
            PersonName::parse(contact),
            PostalCode::parse(postal_code),
            Title::parse("Datenschutzhinweis der Wirtschaftsförderung (Stand 2026)"),
        ) else {
            continue;
        };
        let inquiry = InquiryId::from(Uuid::from_u128(0x5ab0_0000 + index as u128));
        let received_on = calendar.at_fraction(*share);
        let entered_by = (*via == FoundVia::CitizensOffice).then_some(CITIZENS_OFFICE);
        plan.push(
            received_on,
            entered_by.unwrap_or(ONLINE_FORM_ACTOR),
            InquiryCommand::Submit(Box::new(SubmitInquiry {
                inquiry,
                submission: Submission {
                    reference: Reference::of(inquiry),
                    found_via: *via,
                    postal_code,
                    sender: Uuid::from_u128(0x5e4d_0000 + index as u128),
                    consent_notice: notice,
                },
                personal: SenderData {
                    business,
                    contact_person: contact,
                    email: Email::parse(mail).ok(),
                    phone: None,
                    street: None,
                },
                topic: Some(code(topic)),
                description: text(text_),
                received_on,
                assignee: Some(user(assignee)),
                entered_by: entered_by.map(user),
            })),
        );
        if index == 0 {
            let answered_on = add_workdays(received_on, 2);
            plan.push(
                answered_on,
                assignee,
                InquiryCommand::Answer(AnswerInquiry {
                    inquiry,
                    answered_on,
                    answer: text(
                        "Das Berliner Programm für kleine Betriebe passt; Antrag und \
                         Ansprechpartner bei der IBB per Mail geschickt.",
                    ),
                }),
            );
            let closed_on = add_workdays(received_on, 3);
            plan.push(
                closed_on,
                assignee,
                InquiryCommand::Close(CloseInquiry {
                    inquiry,
                    closed_on,
                    outcome: InquiryOutcome::Solved,
                }),
            );
            plan.push(
                add_workdays(received_on, 23),
                DATA_PROTECTION,
                Action::EraseSender {
                    inquiry,
                    reason: ErasureReason::DataSubjectRequest,
                },
            );
        }
    }
    for (login, phone) in PUBLISHED {
        plan.push(
            add_workdays(day, 1),
            login,
            PublicCommand::Publish(PublishContact {
                user: user(login),
                phone: Phone::parse(phone).ok(),
                email: Email::parse(&format!("{login}@ba-pankow.example")).ok(),
            }),
        );
    }
}
