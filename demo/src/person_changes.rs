//! What happens to contact persons after they were added: some get a new phone number, some
//! withdraw the newsletter, some leave their company (a few for another business in the
//! district), and two have their personal data erased — one on their own request, one when the
//! retention period after their company closed ran out. Each kind is forced on the first person
//! it fits, so even a small office shows every person event.

use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::{
    person::{
        ConsentPurpose, ErasureReason, LinkPerson, PersonCommand, UpdatePerson, WithdrawConsent,
    },
    values::Phone,
};

use super::{
    calendar::{add_days, sub_days},
    names,
    persons::{Steps, unlink},
    plan::{Action, title},
    staff::ADMIN,
    world::World,
};

/// New phone numbers, withdrawn newsletters, people leaving (some for another business). Each
/// kind is forced on the first person it fits, so every event occurs.
pub(crate) fn changes_over_the_years(rng: &mut SmallRng, world: &mut World, streams: &mut [Steps]) {
    let calendar = world.calendar.clone();
    let (mut need_update, mut need_withdrawal, mut need_leave) = (true, true, true);
    for (index, steps) in streams.iter_mut().enumerate() {
        let record = world.persons[index].clone();
        let Some(business) = record.business.map(|b| world.businesses[b].clone()) else {
            continue;
        };
        let last = steps
            .iter()
            .map(|(day, _, _)| *day)
            .max()
            .unwrap_or(record.from);
        let end = sub_days(record.until.unwrap_or(calendar.today), 1);
        let later = |rng: &mut SmallRng| calendar.random_workday(rng, add_days(last, 20), end);
        if (need_update || rng.random_bool(0.05))
            && let Some(day) = later(rng)
        {
            let personal = steps.iter().find_map(|(_, _, action)| match action {
                Action::Person(PersonCommand::Add(add)) => Some(add.personal.clone()),
                _ => None,
            });
            if let Some(mut personal) = personal {
                let old = personal.phone.clone();
                while personal.phone == old {
                    personal.phone = Phone::parse(&names::phone(rng)).ok();
                }
                let actor = world.manager_on(&business, day).to_owned();
                steps.push((
                    day,
                    actor,
                    PersonCommand::Update(UpdatePerson {
                        person: record.id,
                        personal,
                    })
                    .into(),
                ));
                need_update = false;
            }
        }
        let newsletter = steps.iter().find_map(|(day, _, action)| match action {
            Action::Person(PersonCommand::RecordConsent(c))
                if c.purpose == ConsentPurpose::Newsletter =>
            {
                Some((*day, c.given_on))
            }
            _ => None,
        });
        if let Some((recorded, given)) = newsletter
            && (need_withdrawal || rng.random_bool(0.05))
            && let Some(day) = calendar.random_workday(rng, add_days(recorded.max(last), 30), end)
        {
            let actor = world.manager_on(&business, day).to_owned();
            steps.push((
                day,
                actor,
                PersonCommand::WithdrawConsent(WithdrawConsent {
                    person: record.id,
                    purpose: ConsentPurpose::Newsletter,
                    withdrawn_on: day.max(given),
                })
                .into(),
            ));
            need_withdrawal = false;
        }
        if record.until.is_none()
            && (need_leave || rng.random_bool(0.03))
            && let Some(day) = later(rng)
        {
            let actor = world.manager_on(&business, day).to_owned();
            steps.push((day, actor.clone(), unlink(record.id, record.organization)));
            world.persons[index].until = Some(day);
            let next: Vec<usize> = world
                .active_on(day)
                .into_iter()
                .filter(|&b| world.businesses[b].id != record.organization)
                .collect();
            if (need_leave || rng.random_bool(0.4))
                && let Some(&other) = next.choose(rng)
            {
                let organization = world.businesses[other].id;
                steps.push((
                    day,
                    actor,
                    PersonCommand::Link(LinkPerson {
                        person: record.id,
                        organization,
                        role: title("Geschäftsführung"),
                    })
                    .into(),
                ));
            }
            need_leave = false;
        }
    }
}

/// Two erasures: one on request of a person who left, one after the retention period of a
/// person whose company closed.
pub(crate) fn erasures(world: &mut World, streams: &mut [Steps]) {
    let calendar = world.calendar.clone();
    let last_day = |steps: &Steps| steps.iter().map(|(day, _, _)| *day).max();
    let mut erased = Vec::new();
    for (reason, fraction) in [
        (ErasureReason::RetentionPeriodExpired, 0.9),
        (ErasureReason::DataSubjectRequest, 0.8),
    ] {
        let day = calendar.at_fraction(fraction);
        let candidate = (0..streams.len())
            .filter(|i| !erased.contains(i))
            .filter(|&i| {
                let record = &world.persons[i];
                record.business.is_some()
                    && record.until.is_some()
                    && last_day(&streams[i]).is_some_and(|last| last < day)
            });
        let candidate = candidate.min_by_key(|&i| {
            (
                reason == ErasureReason::RetentionPeriodExpired
                    && world.persons[i]
                        .business
                        .and_then(|b| world.businesses[b].closed_on)
                        .is_none(),
                i,
            )
        });
        let Some(index) = candidate.or_else(|| {
            (0..streams.len()).find(|&i| {
                !erased.contains(&i) && last_day(&streams[i]).is_some_and(|last| last < day)
            })
        }) else {
            continue;
        };
        let person = world.persons[index].id;
        streams[index].push((
            day,
            ADMIN.to_owned(),
            Action::ErasePerson { person, reason },
        ));
        let record = &mut world.persons[index];
        record.until = Some(record.until.map_or(day, |until| until.min(day)));
        erased.push(index);
    }
}
