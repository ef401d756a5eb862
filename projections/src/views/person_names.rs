//! Contact persons by the words of their name, so the directory finds an organization by the
//! person who speaks for it ("Sabine"). The names come decrypted from the log, so this index is
//! **held in memory only**: never written to a snapshot (the views skip it), rebuilt at start
//! from each person's newest personal event, and a person leaves it when erased.

use std::collections::HashMap;

use wifo_domain::ids::PersonId;

use super::fuzzy::{Closeness, WordIndex};
use super::search::fold;

#[derive(Clone, Default)]
pub struct PersonNames {
    words: WordIndex<PersonId>,
    folded: HashMap<PersonId, String>,
}

impl std::fmt::Debug for PersonNames {
    /// The number of persons only: the names are personal data and do not belong in a log.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "PersonNames({} persons)", self.folded.len())
    }
}

impl PersonNames {
    /// The person's name is now `name`.
    pub fn set(&mut self, person: PersonId, name: &str) {
        let folded = fold(name);
        let old = self
            .folded
            .insert(person, folded.clone())
            .unwrap_or_default();
        self.words.replace(person, &old, &folded);
    }

    /// The person is forgotten (erased).
    pub fn remove(&mut self, person: PersonId) {
        if let Some(old) = self.folded.remove(&person) {
            self.words.replace(person, &old, "");
        }
    }

    pub fn contains(&self, person: PersonId) -> bool {
        self.folded.contains_key(&person)
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Persons with a name word that the (folded) query word matches.
    pub fn find(&self, query_word: &str) -> Vec<(PersonId, Closeness)> {
        self.words
            .find(query_word, PersonId::from_uuid(uuid::Uuid::nil()))
    }
}
