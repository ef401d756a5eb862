//! Personal data for display: read from the person's newest `personal` event in the log and
//! opened with their key at the moment of the request. Nothing personal is kept in the views,
//! so an erased person reads as „gelöscht“ everywhere at once.

use wifo_domain::{
    ids::PersonId,
    person::PersonEvent,
    personal::{Erasable, PersonalData},
};
use wifo_store::{Codec, EventStore, Position};

use crate::views::Views;

/// The person's personal data: `None` if the person is unknown, `Erased` after erasure.
pub async fn personal_data(
    views_position: Option<Position>,
    erased: bool,
    store: &dyn EventStore,
    codec: &Codec,
) -> Option<Erasable<PersonalData>> {
    if erased {
        return Some(Erasable::Erased);
    }
    let position = views_position?;
    let events = store
        .read_all_range(Position(position.0.saturating_sub(1)), position)
        .await
        .ok()?;
    let recorded = events.first()?;
    match codec.decode::<PersonEvent>(recorded).ok()? {
        PersonEvent::Added { personal, .. } | PersonEvent::Updated { personal, .. } => {
            Some(personal)
        }
        _ => None,
    }
}

/// Where a person's personal data is and whether they were erased, from the views.
pub fn locate(views: &Views, person: PersonId) -> Option<(Option<Position>, bool)> {
    views
        .persons
        .get(&person)
        .map(|record| (record.personal_at, record.erased))
}

/// The persons not erased whose name matches every word of `query` (prefix or small typo, as in
/// the directory search), at most `limit`, in id order. Reads only the in-memory name index: no
/// personal data is opened.
pub fn find_persons(views: &Views, query: &str, limit: usize) -> Vec<PersonId> {
    let mut found: Option<std::collections::BTreeSet<PersonId>> = None;
    let folded = crate::views::search::fold(query);
    for word in folded.split(' ').filter(|word| !word.is_empty()) {
        let matching: std::collections::BTreeSet<PersonId> = views
            .person_names
            .find(word)
            .into_iter()
            .map(|(person, _)| person)
            .collect();
        found = Some(match found {
            None => matching,
            Some(before) => before.intersection(&matching).copied().collect(),
        });
    }
    found
        .unwrap_or_default()
        .into_iter()
        .filter(|person| {
            views
                .persons
                .get(person)
                .is_some_and(|record| !record.erased)
        })
        .take(limit)
        .collect()
}
