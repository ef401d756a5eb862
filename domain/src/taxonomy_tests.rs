//! Given/when/then tests of the `taxonomy` decider, one per rule.

use super::*;
use crate::decider::spec::given;

fn entry(code: &str, name: &str, parent: Option<&str>) -> Entry {
    Entry::new(code, name, parent)
}

fn define(taxonomy: TaxonomyKind, entries: Vec<Entry>) -> TaxonomyCommand {
    TaxonomyCommand::Define(DefineEntries {
        taxonomy,
        entries,
        skip_existing: false,
    })
}

fn reimport(taxonomy: TaxonomyKind, entries: Vec<Entry>) -> TaxonomyCommand {
    TaxonomyCommand::Define(DefineEntries {
        taxonomy,
        entries,
        skip_existing: true,
    })
}

fn defined(taxonomy: TaxonomyKind, entries: Vec<Entry>) -> TaxonomyEvent {
    TaxonomyEvent::EntriesDefined { taxonomy, entries }
}

fn topics() -> TaxonomyEvent {
    defined(
        TaxonomyKind::Topics,
        vec![
            entry("foerderung", "Förderung", None),
            entry("foerderung.zuschuesse", "Zuschüsse", Some("foerderung")),
            entry("gruendung", "Gründung", None),
        ],
    )
}

fn retired(code: &str) -> TaxonomyEvent {
    TaxonomyEvent::EntryRetired {
        taxonomy: TaxonomyKind::Topics,
        code: code.into(),
    }
}

fn rename(code: &str, name: &str) -> TaxonomyCommand {
    TaxonomyCommand::Rename(RenameEntry {
        taxonomy: TaxonomyKind::Topics,
        code: code.into(),
        name: name.into(),
    })
}

fn retire(code: &str) -> TaxonomyCommand {
    TaxonomyCommand::Retire(RetireEntry {
        taxonomy: TaxonomyKind::Topics,
        code: code.into(),
    })
}

fn reactivate(code: &str) -> TaxonomyCommand {
    TaxonomyCommand::Reactivate(ReactivateEntry {
        taxonomy: TaxonomyKind::Topics,
        code: code.into(),
    })
}

#[test]
fn a_batch_is_one_event_with_canonical_codes_and_names_and_parents_earlier_in_it() {
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Topics,
            vec![
                entry(" foerderung ", "Förderung", None),
                entry("foerderung.zuschuesse", "  Zuschüsse ", Some("foerderung")),
                entry("gruendung", "Gründung", None),
            ],
        ))
        .then(vec![topics()]);
}

#[test]
fn sector_codes_are_canonical_and_their_parents_follow_from_the_shape() {
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Sectors,
            vec![
                entry("c", "Verarbeitendes Gewerbe", None),
                entry("10", "Herstellung von Nahrungs- und Futtermitteln", None),
                entry("107", "Herstellung von Back- und Teigwaren", Some("10")),
                entry("10.71", "Herstellung von Backwaren", Some("10.7")),
            ],
        ))
        .then(vec![defined(
            TaxonomyKind::Sectors,
            vec![
                entry("C", "Verarbeitendes Gewerbe", None),
                entry(
                    "10",
                    "Herstellung von Nahrungs- und Futtermitteln",
                    Some("C"),
                ),
                entry("10.7", "Herstellung von Back- und Teigwaren", Some("10")),
                entry("10.71", "Herstellung von Backwaren", Some("10.7")),
            ],
        )]);
}

#[test]
fn a_region_or_sector_under_another_than_its_shape_parent_is_refused() {
    let bezirk = defined(TaxonomyKind::Regions, vec![entry("01", "Mitte", None)]);
    given::<Taxonomy>(vec![bezirk.clone()])
        .when(define(
            TaxonomyKind::Regions,
            vec![entry("0210", "Kreuzberg Nord", Some("01"))],
        ))
        .then_error(TaxonomyError::WrongParent {
            code: "0210".into(),
            given: "01".into(),
            expected: Some("02".into()),
        });
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Sectors,
            vec![entry("C", "Verarbeitendes Gewerbe", Some("B"))],
        ))
        .then_error(TaxonomyError::WrongParent {
            code: "C".into(),
            given: "B".into(),
            expected: None,
        });
    given::<Taxonomy>(vec![bezirk])
        .when(define(
            TaxonomyKind::Regions,
            vec![entry("0110", "Zentrum", None)],
        ))
        .then(vec![defined(
            TaxonomyKind::Regions,
            vec![entry("0110", "Zentrum", Some("01"))],
        )]);
}

#[test]
fn an_invalid_code_for_the_kind_is_refused_naming_the_code() {
    let cases = [
        (
            TaxonomyKind::Topics,
            "Förderung",
            Code::parse("Förderung").err(),
        ),
        (
            TaxonomyKind::Offices,
            "Ordnungsamt",
            Code::parse("Ordnungsamt").err(),
        ),
        (TaxonomyKind::Regions, "011", RegionCode::parse("011").err()),
        (TaxonomyKind::Sectors, "04", WzCode::parse("04").err()),
    ];
    for (taxonomy, code, reason) in cases {
        given::<Taxonomy>(vec![])
            .when(define(taxonomy, vec![entry(code, "Name", None)]))
            .then_error(TaxonomyError::InvalidCode {
                taxonomy,
                code: code.into(),
                reason: reason.expect("the code is invalid"),
            });
    }
}

#[test]
fn an_empty_name_is_refused() {
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Topics,
            vec![entry("energie", "  ", None)],
        ))
        .then_error(TaxonomyError::InvalidName {
            code: "energie".into(),
            reason: InvalidValue::Empty { field: "Titel" },
        });
}

#[test]
fn a_code_already_defined_is_refused() {
    given::<Taxonomy>(vec![topics()])
        .when(define(
            TaxonomyKind::Topics,
            vec![
                entry("energie", "Energie", None),
                entry("foerderung", "Förderung", None),
            ],
        ))
        .then_error(TaxonomyError::AlreadyDefined("foerderung".into()));
}

#[test]
fn a_code_twice_in_one_batch_is_refused_even_when_re_importing() {
    for command in [define, reimport] {
        given::<Taxonomy>(vec![])
            .when(command(
                TaxonomyKind::Topics,
                vec![
                    entry("energie", "Energie", None),
                    entry("energie", "Energie", None),
                ],
            ))
            .then_error(TaxonomyError::DefinedTwice("energie".into()));
    }
}

#[test]
fn a_parent_must_exist_already_or_earlier_in_the_batch() {
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Topics,
            vec![
                entry("energie.kosten", "Energiekosten", Some("energie")),
                entry("energie", "Energie", None),
            ],
        ))
        .then_error(TaxonomyError::UnknownParent {
            code: "energie.kosten".into(),
            parent: "energie".into(),
        });
    given::<Taxonomy>(vec![])
        .when(define(
            TaxonomyKind::Topics,
            vec![entry("energie", "Energie", Some("energie"))],
        ))
        .then_error(TaxonomyError::UnknownParent {
            code: "energie".into(),
            parent: "energie".into(),
        });
    given::<Taxonomy>(vec![topics()])
        .when(define(
            TaxonomyKind::Topics,
            vec![entry("foerderung.darlehen", "Darlehen", Some("foerderung"))],
        ))
        .then(vec![defined(
            TaxonomyKind::Topics,
            vec![entry("foerderung.darlehen", "Darlehen", Some("foerderung"))],
        )]);
}

#[test]
fn no_new_entry_below_a_retired_one() {
    given::<Taxonomy>(vec![topics(), retired("gruendung")])
        .when(define(
            TaxonomyKind::Topics,
            vec![entry("gruendung.beratung", "Beratung", Some("gruendung"))],
        ))
        .then_error(TaxonomyError::ParentRetired {
            code: "gruendung.beratung".into(),
            parent: "gruendung".into(),
        });
}

#[test]
fn re_importing_skips_identical_entries_renames_changed_ones_and_adds_new_ones() {
    let same_file = || {
        vec![
            entry("foerderung", "Förderung", None),
            entry("foerderung.zuschuesse", "Zuschüsse", Some("foerderung")),
            entry("gruendung", "Gründung", None),
        ]
    };
    given::<Taxonomy>(vec![topics()])
        .when(reimport(TaxonomyKind::Topics, same_file()))
        .then(vec![]);
    let mut changed = same_file();
    changed[2] = entry("gruendung", "Gründung und Start-ups", None);
    changed.push(entry(
        "gruendung.beratung",
        "Gründungsberatung",
        Some("gruendung"),
    ));
    given::<Taxonomy>(vec![topics()])
        .when(reimport(TaxonomyKind::Topics, changed))
        .then(vec![
            defined(
                TaxonomyKind::Topics,
                vec![entry(
                    "gruendung.beratung",
                    "Gründungsberatung",
                    Some("gruendung"),
                )],
            ),
            TaxonomyEvent::EntryRenamed {
                taxonomy: TaxonomyKind::Topics,
                code: "gruendung".into(),
                name: "Gründung und Start-ups".into(),
            },
        ]);
}

#[test]
fn re_importing_an_entry_under_another_parent_is_refused() {
    given::<Taxonomy>(vec![topics()])
        .when(reimport(
            TaxonomyKind::Topics,
            vec![entry(
                "foerderung.zuschuesse",
                "Zuschüsse",
                Some("gruendung"),
            )],
        ))
        .then_error(TaxonomyError::ParentDiffers("foerderung.zuschuesse".into()));
}

#[test]
fn renaming_records_the_new_name() {
    given::<Taxonomy>(vec![topics()])
        .when(rename("gruendung", "Gründung und Start-ups"))
        .then(vec![TaxonomyEvent::EntryRenamed {
            taxonomy: TaxonomyKind::Topics,
            code: "gruendung".into(),
            name: "Gründung und Start-ups".into(),
        }]);
}

#[test]
fn renaming_an_unknown_entry_or_to_the_same_name_is_refused() {
    given::<Taxonomy>(vec![topics()])
        .when(rename("energie", "Energie"))
        .then_error(TaxonomyError::UnknownCode("energie".into()));
    given::<Taxonomy>(vec![topics()])
        .when(rename("gruendung", " Gründung "))
        .then_error(TaxonomyError::SameName("gruendung".into()));
}

#[test]
fn retiring_records_it_and_refuses_unknown_or_retired_entries() {
    given::<Taxonomy>(vec![topics()])
        .when(retire("gruendung"))
        .then(vec![retired("gruendung")]);
    given::<Taxonomy>(vec![topics()])
        .when(retire("energie"))
        .then_error(TaxonomyError::UnknownCode("energie".into()));
    given::<Taxonomy>(vec![topics(), retired("gruendung")])
        .when(retire("gruendung"))
        .then_error(TaxonomyError::AlreadyRetired("gruendung".into()));
}

#[test]
fn retiring_an_entry_with_active_children_is_refused() {
    given::<Taxonomy>(vec![topics()])
        .when(retire("foerderung"))
        .then_error(TaxonomyError::HasActiveChildren {
            code: "foerderung".into(),
            count: 1,
        });
    given::<Taxonomy>(vec![topics(), retired("foerderung.zuschuesse")])
        .when(retire("foerderung"))
        .then(vec![retired("foerderung")]);
}

#[test]
fn only_a_retired_entry_can_be_reactivated_and_not_below_a_retired_parent() {
    given::<Taxonomy>(vec![topics(), retired("gruendung")])
        .when(reactivate("gruendung"))
        .then(vec![TaxonomyEvent::EntryReactivated {
            taxonomy: TaxonomyKind::Topics,
            code: "gruendung".into(),
        }]);
    given::<Taxonomy>(vec![topics()])
        .when(reactivate("gruendung"))
        .then_error(TaxonomyError::NotRetired("gruendung".into()));
    given::<Taxonomy>(vec![topics()])
        .when(reactivate("energie"))
        .then_error(TaxonomyError::UnknownCode("energie".into()));
    given::<Taxonomy>(vec![
        topics(),
        retired("foerderung.zuschuesse"),
        retired("foerderung"),
    ])
    .when(reactivate("foerderung.zuschuesse"))
    .then_error(TaxonomyError::ParentRetired {
        code: "foerderung.zuschuesse".into(),
        parent: "foerderung".into(),
    });
}

#[test]
fn each_kind_is_its_own_stream_and_its_name_parses_back() {
    for kind in TaxonomyKind::ALL {
        assert_eq!(Taxonomy::stream_id(&define(kind, vec![])), kind.as_str());
        assert_eq!(TaxonomyKind::parse(kind.as_str()), Ok(kind));
    }
    assert!(TaxonomyKind::parse("themen").is_err());
}

#[test]
fn the_state_holds_name_parent_and_retirement_per_code() {
    let state = Taxonomy::fold(&[
        topics(),
        retired("gruendung"),
        TaxonomyEvent::EntryRenamed {
            taxonomy: TaxonomyKind::Topics,
            code: "foerderung".into(),
            name: "Förderprogramme".into(),
        },
    ]);
    assert_eq!(
        state.entries.get("foerderung.zuschuesse"),
        Some(&DefinedEntry {
            name: "Zuschüsse".into(),
            parent: Some("foerderung".into()),
            retired: false,
        })
    );
    assert_eq!(state.entries["foerderung"].name, "Förderprogramme");
    assert!(state.entries["gruendung"].retired);
    assert_eq!(
        state.active_children("foerderung").collect::<Vec<_>>(),
        ["foerderung.zuschuesse"]
    );
}
