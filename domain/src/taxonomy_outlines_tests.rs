//! Given/when/then tests of importing region outlines.

use super::*;
use crate::decider::spec::given;
use crate::taxonomy::{Entry, Taxonomy, TaxonomyCommand};
use crate::values::Outline;

const SOURCE: &str = "Amt für Statistik Berlin-Brandenburg (CC BY 3.0 DE)";

fn regions() -> TaxonomyEvent {
    TaxonomyEvent::EntriesDefined {
        taxonomy: TaxonomyKind::Regions,
        entries: vec![
            Entry::new("03", "Pankow", None),
            Entry::new("0310", "Buch", Some("03")),
            Entry::new("0320", "Pankow Nord", Some("03")),
        ],
    }
}

fn square(offset: i32) -> Outline {
    let (a, b) = (13_400_000 + offset, 52_500_000);
    Outline::parse(vec![vec![vec![
        [a, b],
        [a + 1000, b],
        [a + 1000, b + 1000],
        [a, b],
    ]]])
    .expect("valid")
}

fn outline(code: &str, offset: i32) -> RegionOutline {
    RegionOutline {
        code: code.to_owned(),
        outline: square(offset),
    }
}

fn draw(outlines: Vec<RegionOutline>) -> TaxonomyCommand {
    TaxonomyCommand::DrawOutlines(DrawOutlines {
        taxonomy: TaxonomyKind::Regions,
        source: format!("  {SOURCE} "),
        outlines,
    })
}

fn imported(outlines: Vec<RegionOutline>) -> TaxonomyEvent {
    TaxonomyEvent::OutlinesImported {
        taxonomy: TaxonomyKind::Regions,
        source: SOURCE.to_owned(),
        outlines,
    }
}

#[test]
fn outlines_of_defined_regions_are_one_event_with_the_trimmed_source() {
    given::<Taxonomy>(vec![regions()])
        .when(draw(vec![outline("0310", 0), outline("0320", 5000)]))
        .then(vec![imported(vec![
            outline("0310", 0),
            outline("0320", 5000),
        ])]);
}

#[test]
fn a_reimport_writes_only_what_changed_and_nothing_when_nothing_did() {
    let before = vec![
        regions(),
        imported(vec![outline("0310", 0), outline("0320", 5000)]),
    ];
    given::<Taxonomy>(before.clone())
        .when(draw(vec![outline("0310", 0), outline("0320", 7000)]))
        .then(vec![imported(vec![outline("0320", 7000)])]);
    given::<Taxonomy>(before)
        .when(draw(vec![outline("0310", 0), outline("0320", 5000)]))
        .then_error(TaxonomyError::OutlinesUnchanged);
}

#[test]
fn an_outline_of_a_region_the_office_has_not_defined_is_refused() {
    given::<Taxonomy>(vec![regions()])
        .when(draw(vec![outline("0310", 0), outline("0110", 0)]))
        .then_error(TaxonomyError::UnknownCode("0110".into()));
}

#[test]
fn a_region_twice_no_outline_and_no_source_are_refused() {
    given::<Taxonomy>(vec![regions()])
        .when(draw(vec![outline("0310", 0), outline("0310", 1)]))
        .then_error(TaxonomyError::DefinedTwice("0310".into()));
    given::<Taxonomy>(vec![regions()])
        .when(draw(vec![]))
        .then_error(TaxonomyError::NoOutlines);
    given::<Taxonomy>(vec![regions()])
        .when(TaxonomyCommand::DrawOutlines(DrawOutlines {
            taxonomy: TaxonomyKind::Regions,
            source: "  ".into(),
            outlines: vec![outline("0310", 0)],
        }))
        .then_error(TaxonomyError::InvalidSource(
            crate::values::InvalidValue::Empty { field: "Titel" },
        ));
}

#[test]
fn only_regions_have_outlines() {
    given::<Taxonomy>(vec![])
        .when(TaxonomyCommand::DrawOutlines(DrawOutlines {
            taxonomy: TaxonomyKind::Topics,
            source: SOURCE.into(),
            outlines: vec![outline("gruendung", 0)],
        }))
        .then_error(TaxonomyError::OutlinesOnlyForRegions(TaxonomyKind::Topics));
}

#[test]
fn the_state_holds_the_latest_outline_of_each_region_with_its_source() {
    let state = [
        regions(),
        imported(vec![outline("0310", 0)]),
        imported(vec![outline("0310", 9000)]),
    ]
    .iter()
    .fold(TaxonomyState::default(), |state, event| {
        <Taxonomy as crate::Decider>::evolve(state, event)
    });
    assert_eq!(state.outlines.len(), 1);
    assert_eq!(state.outlines["0310"].outline, square(9000));
    assert_eq!(state.outlines["0310"].source, SOURCE);
}
