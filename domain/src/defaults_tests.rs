//! Unit tests of `defaults`.

use std::collections::BTreeSet;

use super::*;
use crate::{
    decider::{Decider, spec::given},
    taxonomy::Taxonomy,
    values::{Code, Title},
};

#[test]
fn every_default_code_parses_every_name_is_a_title_and_every_parent_comes_first() {
    for list in [default_topics(), default_offices()] {
        let mut seen = BTreeSet::new();
        for (code, name, parent) in list {
            assert_eq!(Code::parse(code).map(String::from).as_deref(), Ok(code));
            assert!(Title::parse(name).is_ok(), "{name}");
            if let Some(parent) = parent {
                assert!(seen.contains(parent), "{code}: parent {parent} missing");
            }
            assert!(seen.insert(code), "{code} twice");
        }
    }
    assert!((30..=70).contains(&default_topics().len()));
}

#[test]
fn the_default_commands_define_everything_once_and_change_nothing_when_run_again() {
    for command in default_taxonomy_commands() {
        let events = Taxonomy::decide(&command, &Taxonomy::initial_state()).expect("defaults");
        let [crate::taxonomy::TaxonomyEvent::EntriesDefined { entries, .. }] = events.as_slice()
        else {
            panic!("expected one batch, got {events:?}");
        };
        let TaxonomyCommand::Define(define) = &command else {
            unreachable!()
        };
        assert_eq!(entries, &define.entries);
        given::<Taxonomy>(events.clone()).when(command).then(vec![]);
    }
}
