//! Logged contacts (Kontakte) of the demo office: calls, mails, meetings and consultations with
//! the district's businesses over the years, more with larger ones, on topics that follow the
//! trends of `topics.rs`. Now and then a contact is corrected the next day (wrong channel or
//! date) or retracted because it was logged twice. Gatherings log their own contacts through
//! [`log`].

use chrono::NaiveDate;
use rand::{Rng, rngs::SmallRng};
use wifo_domain::{
    contact::{Channel, ContactCommand, CorrectContact, LogContact, RetractContact},
    ids::{ContactId, PersonId},
    values::SizeClass,
};

use super::{
    calendar::{add_workdays, sub_days},
    plan::{Action, Plan, code, new_id, text, user},
    topics::{self, Topic},
    world::{Business, World},
};

/// Contacts per business and year, by size.
fn yearly_contacts(size: SizeClass) -> f64 {
    match size {
        SizeClass::None => 0.3,
        SizeClass::From1To3 => 0.4,
        SizeClass::From4To6 => 0.6,
        SizeClass::From7To9 => 0.8,
        SizeClass::From10To19 => 1.2,
        SizeClass::From20To49 => 1.8,
        _ => 2.5,
    }
}

const CHANNELS: &[(Channel, u32)] = &[
    (Channel::Phone, 35),
    (Channel::Mail, 30),
    (Channel::Meeting, 8),
    (Channel::Consultation, 12),
    (Channel::Forum, 4),
    (Channel::Stammtisch, 3),
    (Channel::Sprechtag, 3),
    (Channel::Fair, 2),
    (Channel::Other, 3),
];

pub(crate) fn generate(rng: &mut SmallRng, plan: &mut Plan, world: &World) {
    let calendar = &world.calendar;
    let mut count = 0usize;
    for year in calendar.years() {
        let (first, last) = calendar.year_bounds(year);
        for business in &world.businesses {
            let Some((from, until)) = business.active_within(first, last.min(calendar.today))
            else {
                continue;
            };
            let expected = yearly_contacts(business.size);
            let trials = (expected * 2.0).ceil() as u32;
            let contacts = (0..trials)
                .filter(|_| rng.random_bool(expected / f64::from(trials)))
                .count();
            for _ in 0..contacts {
                let Some(day) = calendar.random_workday(rng, from, until) else {
                    continue;
                };
                let channel = pick_channel(rng);
                let how_many = 1 + usize::from(rng.random_bool(0.25));
                let topics = topics::pick(rng, Some(business.sector.group), day, how_many);
                let person = world
                    .persons_of(business, day)
                    .first()
                    .copied()
                    .filter(|_| rng.random_bool(0.6));
                let staff = world.manager_on(business, day);
                let amend = match count {
                    3 => Some(Amendment::Correct),
                    7 => Some(Amendment::Retract),
                    _ if rng.random_bool(0.02) => Some(Amendment::Correct),
                    _ if rng.random_bool(0.005) => Some(Amendment::Retract),
                    _ => None,
                };
                log(
                    rng,
                    plan,
                    Logged {
                        business,
                        person,
                        channel,
                        day,
                        topics: &topics,
                        staff,
                    },
                    amend,
                );
                count += 1;
            }
        }
    }
}

/// One contact to log.
pub(crate) struct Logged<'a> {
    pub business: &'a Business,
    pub person: Option<PersonId>,
    pub channel: Channel,
    pub day: NaiveDate,
    pub topics: &'a [&'static Topic],
    pub staff: &'a str,
}

/// What happens to a logged contact afterwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Amendment {
    /// Corrected the next working day: the date was a day off and the channel wrong.
    Correct,
    /// Retracted: it had been logged twice.
    Retract,
}

/// Logs one contact, and its correction or retraction.
pub(crate) fn log(
    rng: &mut SmallRng,
    plan: &mut Plan,
    contact: Logged,
    amendment: Option<Amendment>,
) {
    let id: ContactId = new_id(rng);
    let summary = summary(contact.channel, contact.topics, &contact.business.name);
    let topic_codes: Vec<_> = contact.topics.iter().map(|t| code(t.code)).collect();
    let logged_on = contact.day;
    let mut steps: Vec<(NaiveDate, String, Action)> = vec![(
        logged_on,
        contact.staff.to_owned(),
        ContactCommand::Log(LogContact {
            contact: id,
            organization: contact.business.id,
            person: contact.person,
            channel: contact.channel,
            contacted_on: contact.day,
            topics: topic_codes.clone(),
            summary: text(&summary),
            staff: user(contact.staff),
        })
        .into(),
    )];
    let next_day = add_workdays(logged_on, 1);
    match amendment {
        Some(Amendment::Correct) => {
            let channel = if contact.channel == Channel::Phone {
                Channel::Meeting
            } else {
                Channel::Phone
            };
            steps.push((
                next_day,
                contact.staff.to_owned(),
                ContactCommand::Correct(CorrectContact {
                    contact: id,
                    organization: contact.business.id,
                    person: contact.person,
                    channel,
                    contacted_on: sub_days(contact.day, 1),
                    topics: topic_codes,
                    summary: text(&format!(
                        "{} (korrigiert: Datum und Kanal)",
                        self::summary(channel, contact.topics, &contact.business.name)
                    )),
                    staff: user(contact.staff),
                })
                .into(),
            ));
        }
        Some(Amendment::Retract) => steps.push((
            next_day,
            contact.staff.to_owned(),
            ContactCommand::Retract(RetractContact {
                contact: id,
                reason: text("Versehentlich doppelt erfasst"),
            })
            .into(),
        )),
        None => {}
    }
    plan.push_stream(steps);
}

fn pick_channel(rng: &mut SmallRng) -> Channel {
    let total: u32 = CHANNELS.iter().map(|(_, w)| w).sum();
    let mut roll = rng.random_range(0..total);
    for (channel, weight) in CHANNELS {
        if roll < *weight {
            return *channel;
        }
        roll -= weight;
    }
    Channel::Phone
}

fn summary(channel: Channel, topics: &[&Topic], business: &str) -> String {
    let subject = topics
        .first()
        .map_or("Allgemeiner Austausch", |t| t.question);
    format!("{} mit {business}: {subject}", channel.label())
}
