//! The word index of the search (`WordIndex`, ids by folded word) and its typo tolerance: a
//! query word finds an indexed word that begins with it, or one
//! whose beginning is at most one edit away (two for words of eight letters or more) — an edit
//! being a letter inserted, left out, replaced, or two neighbours swapped ("druk" finds
//! "druckerei", "mülelr" finds "mueller"). Words of up to three letters must match exactly,
//! or every short query would find half the office.
//!
//! A query word that begins some indexed word is taken as typed; only one that begins none is
//! looked up as a typo. That scan reads only the indexed words with the query word's first
//! letter (a typo in the first letter is rare and would make every search read every word).

use std::collections::BTreeSet;
use std::ops::Bound;

/// How well a query word matched an indexed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Closeness {
    /// Within the allowed edits of a beginning of the word.
    Typo,
    /// The word begins with the query word.
    Prefix,
}

/// A query word of one or two digits only.
fn is_short_number(word: &str) -> bool {
    word.len() < 3 && !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_digit())
}

/// How many edits a query word may be away from a word it finds.
pub fn allowed_edits(query_word: &str) -> usize {
    match query_word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The fewest edits that turn `query` into some beginning of `word`, if at most `limit`
/// (optimal string alignment distance against every prefix at once).
pub fn prefix_distance(query: &str, word: &str, limit: usize) -> Option<usize> {
    let query: Vec<char> = query.chars().collect();
    let word: Vec<char> = word.chars().take(query.len() + limit).collect();
    // rows[i][j]: edits between query[..i] and word[..j]; three rows for the swap.
    let width = word.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=query.len() {
        current[0] = i;
        for j in 1..width {
            let substitution = usize::from(query[i - 1] != word[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + substitution);
            if i > 1 && j > 1 && query[i - 1] == word[j - 2] && query[i - 2] == word[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        if current.iter().min().is_some_and(|least| *least > limit) {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous.into_iter().min().filter(|least| *least <= limit)
}

/// Ids by the folded words they are found by: the organizations' index (`search.rs`) and the
/// contact persons' (`person_names.rs`) are both one of these.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct WordIndex<Id: Ord> {
    words: BTreeSet<(String, Id)>,
}

impl<Id: Ord> Default for WordIndex<Id> {
    fn default() -> Self {
        Self {
            words: BTreeSet::new(),
        }
    }
}

impl<Id: Ord + Copy> WordIndex<Id> {
    /// Replaces the words `id` is found by (folded, blank-separated) from `old` to `new`.
    pub fn replace(&mut self, id: Id, old: &str, new: &str) {
        for word in old.split(' ') {
            self.words.remove(&(word.to_owned(), id));
        }
        for word in new.split(' ').filter(|word| !word.is_empty()) {
            self.words.insert((word.to_owned(), id));
        }
    }

    /// The ids with a word that the (folded) query word matches; `least` is the smallest id.
    pub fn find(&self, query_word: &str, least: Id) -> Vec<(Id, Closeness)> {
        find(&self.words, query_word, least)
    }
}

/// Every id of `index` (word, id) with a word that `query_word` matches, with the best
/// closeness per id. `least` is the smallest id, where a range over one word starts.
pub fn find<Id: Ord + Copy>(
    index: &BTreeSet<(String, Id)>,
    query_word: &str,
    least: Id,
) -> Vec<(Id, Closeness)> {
    let mut found: Vec<(Id, Closeness)> = index
        .range((
            Bound::Included((query_word.to_owned(), least)),
            Bound::Unbounded,
        ))
        .take_while(|(word, _)| word.starts_with(query_word))
        // A number of one or two digits is a whole word („Sichtbar 1“), not the beginning of
        // every postal code; from three digits on it may begin one („131“).
        .filter(|(word, _)| !is_short_number(query_word) || word == query_word)
        .map(|(_, id)| (*id, Closeness::Prefix))
        .collect();
    // Only a word that begins no indexed word is taken for a typo: a search for a correctly
    // typed word stays a range read, and the scan runs for the misspelt one.
    let limit = allowed_edits(query_word);
    if let (true, Some(first)) = (limit > 0 && found.is_empty(), query_word.chars().next()) {
        let start = first.to_string();
        let mut last_word: Option<&str> = None;
        let mut last_matched = false;
        for (word, id) in index
            .range((Bound::Included((start, least)), Bound::Unbounded))
            .take_while(|(word, _)| word.starts_with(first))
        {
            if last_word != Some(word.as_str()) {
                last_word = Some(word.as_str());
                last_matched = !word.starts_with(query_word)
                    && prefix_distance(query_word, word, limit).is_some();
            }
            if last_matched {
                found.push((*id, Closeness::Typo));
            }
        }
    }
    // The best closeness per id.
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    found.dedup_by_key(|(id, _)| *id);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_beginning_within_the_allowed_edits_is_found() {
        assert_eq!(prefix_distance("druk", "druckerei", 1), Some(1));
        assert_eq!(prefix_distance("drucker", "druckerei", 1), Some(0));
        // Two neighbours swapped count as one edit.
        assert_eq!(prefix_distance("mulelr", "muller", 1), Some(1));
        assert_eq!(prefix_distance("kaya", "kayra", 1), Some(1));
        assert_eq!(prefix_distance("schnieder", "schneider", 2), Some(1));
        assert_eq!(prefix_distance("bauer", "becker", 1), None);
        assert_eq!(prefix_distance("xyz", "abc", 2), None);
    }

    #[test]
    fn a_short_number_is_a_whole_word_and_a_longer_one_begins_a_postal_code() {
        let index: BTreeSet<(String, u32)> = [
            ("1".to_owned(), 1),
            ("13187".to_owned(), 2),
            ("12".to_owned(), 3),
        ]
        .into();
        assert_eq!(find(&index, "1", 0), vec![(1, Closeness::Prefix)]);
        assert_eq!(find(&index, "131", 0), vec![(2, Closeness::Prefix)]);
    }

    #[test]
    fn short_words_must_match_exactly() {
        assert_eq!(allowed_edits("abc"), 0);
        assert_eq!(allowed_edits("abcd"), 1);
        assert_eq!(allowed_edits("abcdefgh"), 2);
        let index: BTreeSet<(String, u32)> = [("bau".to_owned(), 1), ("bar".to_owned(), 2)].into();
        assert_eq!(find(&index, "bau", 0), vec![(1, Closeness::Prefix)]);
    }

    #[test]
    fn a_word_that_begins_some_word_is_taken_as_typed() {
        let index: BTreeSet<(String, u32)> = [
            ("druck".to_owned(), 1),
            ("druckerei".to_owned(), 2),
            ("drunk".to_owned(), 1),
            ("kaya".to_owned(), 3),
        ]
        .into();
        // „drunk“ is one edit from „druc“, but „druc“ begins „druck“: no typo is looked for.
        assert_eq!(
            find(&index, "druc", 0),
            vec![(1, Closeness::Prefix), (2, Closeness::Prefix)]
        );
        assert_eq!(find(&index, "drun", 0), vec![(1, Closeness::Prefix)]);
        assert_eq!(
            find(&index, "druk", 0),
            vec![(1, Closeness::Typo), (2, Closeness::Typo)]
        );
        assert!(find(&index, "zzzz", 0).is_empty());
    }
}
