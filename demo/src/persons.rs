//! The contact persons of the demo office (Ansprechpartner): one or two per larger business and
//! the people of the Wirtschaftskreis, the chambers and the shopping-street associations, with
//! their personal data (name, mail at the company's domain, a Berlin phone number), their role,
//! and the consents they gave. Over the years some change their number, withdraw the newsletter,
//! leave their company (some join another one), and two have their data erased — one on request,
//! one when the retention period after their company closed ran out.

use chrono::NaiveDate;
use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    ids::{OrganizationId, PersonId},
    person::{
        AddPerson, ConsentChannel, ConsentPurpose, LinkPerson, PersonCommand, RecordConsent,
        UnlinkPerson,
    },
    personal::PersonalData,
    values::{Email, PersonName, Phone, SizeClass},
};

use super::{
    calendar::{add_days, date},
    names, person_changes,
    plan::{Action, DEMO_ACTOR, Plan, new_id, text, title},
    world::{PersonRecord, World},
};

pub(crate) type Steps = Vec<(NaiveDate, String, Action)>;

/// Who a new person is and where they work.
struct Placement<'a> {
    organization: OrganizationId,
    business: Option<usize>,
    domain: &'a str,
    surname: Option<&'static str>,
    /// Masculine and feminine form of the function.
    role: (&'a str, &'a str),
    day: NaiveDate,
    actor: &'a str,
    /// Taken over from the old records: consents were given years ago.
    old_record: bool,
}

/// Adds everyone, with their later changes and the two erasures.
pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &mut World) {
    let calendar = world.calendar.clone();
    let mut streams: Vec<Steps> = Vec::new();
    let specials = world.specials.clone();
    let mut people_of_specials = vec![
        (
            specials.network,
            "wirtschaftskreis-pankow.de",
            ("Vorstandsvorsitzender", "Vorstandsvorsitzende"),
        ),
        (
            specials.network,
            "wirtschaftskreis-pankow.de",
            ("Geschäftsführer", "Geschäftsführerin"),
        ),
        (
            specials.ihk,
            "berlin.ihk.de",
            ("Bezirksbetreuer Pankow", "Bezirksbetreuerin Pankow"),
        ),
        (
            specials.hwk,
            "hwk-berlin.de",
            ("Betriebsberater", "Betriebsberaterin"),
        ),
    ];
    let street_domains: Vec<String> = specials
        .streets
        .iter()
        .map(|(_, street)| names::domain(street.association))
        .collect();
    for ((id, _), domain) in specials.streets.iter().zip(&street_domains) {
        people_of_specials.push((*id, domain, ("Vorsitzender", "Vorsitzende")));
    }
    for (organization, domain, role) in people_of_specials {
        let placement = Placement {
            organization,
            business: None,
            domain,
            surname: None,
            role,
            day: calendar.start,
            actor: DEMO_ACTOR,
            old_record: true,
        };
        streams.push(add(rng, world, &placement));
    }
    for i in 0..world.businesses.len() {
        let business = world.businesses[i].clone();
        let count = match business.size {
            SizeClass::None => usize::from(rng.random_bool(0.2)),
            SizeClass::From1To3 => usize::from(rng.random_bool(0.3)),
            SizeClass::From4To6 => usize::from(rng.random_bool(0.55)),
            SizeClass::From7To9 => 1,
            SizeClass::From10To19 | SizeClass::From20To49 => 1 + usize::from(rng.random_bool(0.5)),
            _ => 2,
        };
        let old_record = business.registered_on == calendar.start;
        let actor = if old_record {
            DEMO_ACTOR
        } else {
            world.manager_on(&business, business.registered_on)
        };
        for n in 0..count.max(usize::from(i < 3)) {
            let role = role(rng, &business.legal_form, business.sector.division, n);
            let placement = Placement {
                organization: business.id,
                business: Some(i),
                domain: &business.domain,
                surname: (n == 0 && rng.random_bool(0.7))
                    .then_some(business.surname)
                    .flatten(),
                role,
                day: business.registered_on,
                actor,
                old_record,
            };
            let mut steps = add(rng, world, &placement);
            let person = world.persons.len() - 1;
            world.businesses[i].persons.push(person);
            if let Some(closed) = business.closed_on {
                steps.push((
                    closed,
                    world.manager_on(&business, closed).to_owned(),
                    unlink(world.persons[person].id, business.id),
                ));
                world.persons[person].until = Some(closed);
            }
            streams.push(steps);
        }
    }
    person_changes::changes_over_the_years(rng, world, &mut streams);
    person_changes::erasures(world, &mut streams);
    for steps in streams {
        plan.push_stream(steps);
    }
}

/// The steps adding one person: personal data, link, consents. Records the person in the world.
fn add(rng: &mut SmallRng, world: &mut World, placement: &Placement) -> Steps {
    let id: PersonId = new_id(rng);
    let (first, last, female) = names::person_name(rng, placement.surname);
    let role = if female {
        placement.role.1
    } else {
        placement.role.0
    };
    let personal = PersonalData {
        name: PersonName::parse(&format!("{first} {last}"))
            .unwrap_or_else(|_| unreachable!("names are not empty")),
        email: rng
            .random_bool(0.85)
            .then(|| Email::parse(&names::personal_mail(rng, first, last, placement.domain)).ok())
            .flatten(),
        phone: rng
            .random_bool(0.8)
            .then(|| Phone::parse(&names::phone(rng)).ok())
            .flatten(),
        notes: text(NOTES.choose(rng).copied().unwrap_or_default()),
    };
    let day = placement.day;
    let actor = placement.actor.to_owned();
    let mut steps: Steps = vec![
        (
            day,
            actor.clone(),
            PersonCommand::Add(AddPerson {
                person: id,
                personal,
            })
            .into(),
        ),
        (
            day,
            actor.clone(),
            PersonCommand::Link(LinkPerson {
                person: id,
                organization: placement.organization,
                role: title(role),
            })
            .into(),
        ),
    ];
    let mut invitations_from = None;
    for (purpose, share) in [
        (
            ConsentPurpose::Invitations,
            if placement.business.is_none() {
                1.0
            } else {
                0.65
            },
        ),
        (ConsentPurpose::Newsletter, 0.4),
        (ConsentPurpose::PhoneContact, 0.3),
        (ConsentPurpose::DataStorage, 0.25),
    ] {
        if !rng.random_bool(share) {
            continue;
        }
        let (given_on, channel, source) = if placement.old_record {
            let first_year = world.calendar.first_year;
            let given = date(
                rng.random_range(first_year - 6..first_year),
                rng.random_range(1..=12),
                rng.random_range(1..=28),
            );
            (
                given,
                ConsentChannel::Letter,
                "Schriftliche Einwilligung aus der bisherigen Kontaktliste übernommen",
            )
        } else {
            let (channel, source) = *CONSENT_SOURCES.choose(rng).unwrap_or(&CONSENT_SOURCES[0]);
            (add_days(day, rng.random_range(0..20)), channel, source)
        };
        let recorded_on = given_on.max(day);
        if purpose == ConsentPurpose::Invitations {
            invitations_from = Some(recorded_on);
        }
        steps.push((
            recorded_on,
            actor.clone(),
            PersonCommand::RecordConsent(RecordConsent {
                person: id,
                purpose,
                channel,
                source: text(source),
                given_on,
            })
            .into(),
        ));
    }
    world.persons.push(PersonRecord {
        id,
        organization: placement.organization,
        business: placement.business,
        from: day,
        until: None,
        invitations_from,
    });
    steps
}

pub(crate) fn unlink(person: PersonId, organization: OrganizationId) -> Action {
    PersonCommand::Unlink(UnlinkPerson {
        person,
        organization,
    })
    .into()
}

/// The person's function (masculine, feminine), by legal form, sector and whether they are the
/// first of their company.
fn role(
    rng: &mut SmallRng,
    form: &names::LegalForm,
    division: &str,
    n: usize,
) -> (&'static str, &'static str) {
    if n > 0 {
        return [
            ("Prokurist", "Prokuristin"),
            ("Personalleiter", "Personalleiterin"),
            ("Betriebsleiter", "Betriebsleiterin"),
            ("Ausbildungsbeauftragter", "Ausbildungsbeauftragte"),
            ("Filialleiter", "Filialleiterin"),
        ]
        .choose(rng)
        .copied()
        .unwrap_or(("Prokurist", "Prokuristin"));
    }
    match division {
        "86" => ("Praxisinhaber", "Praxisinhaberin"),
        "69" if !form.owner_run() => ("Partner", "Partnerin"),
        _ if form.owner_run() => ("Inhaber", "Inhaberin"),
        _ => ("Geschäftsführer", "Geschäftsführerin"),
    }
}

const NOTES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "Bevorzugt Kontakt per E-Mail",
    "Am besten vormittags erreichbar",
    "Ansprechpartner für Ausbildungsfragen",
    "Engagiert im Geschäftsstraßenverband",
];

const CONSENT_SOURCES: &[(ConsentChannel, &str)] = &[
    (
        ConsentChannel::InPerson,
        "Visitenkarte beim Betriebsbesuch, mündliche Einwilligung dokumentiert",
    ),
    (
        ConsentChannel::WebForm,
        "Anmeldeformular Veranstaltungsverteiler auf berlin.de",
    ),
    (
        ConsentChannel::Email,
        "Einwilligung per E-Mail an die Wirtschaftsförderung",
    ),
    (
        ConsentChannel::Phone,
        "Telefonische Einwilligung, Gesprächsnotiz",
    ),
];
