//! The demo office's Handreichung: a week after the start the admin writes the guidance for the
//! topics small businesses ask about most, with the offices responsible and who answers each
//! topic by Prognoseraum, publishes the offices' contact details, and two account managers
//! publish their own contact details (a third stays unpublished, as is their right).

use wifo_domain::{
    public::{PublicCommand, PublishContact, Responsibility, WriteGuideOffice, WriteGuideTopic},
    values::{Email, Phone, RegionCode, Website},
};

use super::{
    calendar::{Calendar, add_workdays},
    plan::{Plan, code, text, user},
    staff::ADMIN,
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
