//! The taxonomy streams of the demo office: the default topics and offices, Pankow's regions
//! (LOR) and the sectors the demo uses, defined on the first day; later the admin's upkeep — a
//! topic for a short-lived aid programme added and retired, an office renamed, one retired by
//! mistake and reactivated the next day.

use wifo_domain::{
    defaults::default_taxonomy_commands,
    taxonomy::{
        DefineEntries, DrawOutlines, Entry, ReactivateEntry, RenameEntry, RetireEntry,
        TaxonomyCommand, TaxonomyKind,
    },
};

use super::{
    calendar::{Calendar, add_workdays},
    plan::Plan,
    regions::RegionSet,
    sectors,
    staff::ADMIN,
};

/// A topic the admin adds for an aid programme and retires when it ends.
const SHORT_LIVED_TOPIC: (&str, &str, &str) = (
    "foerderung.energiehilfen",
    "Härtefallhilfen Energie",
    "foerderung",
);

pub(crate) fn push_steps(plan: &mut Plan, calendar: &Calendar, regions: &RegionSet) {
    for command in default_taxonomy_commands() {
        plan.push(calendar.start, ADMIN, command);
    }
    for (taxonomy, entries) in [
        (TaxonomyKind::Regions, regions.taxonomy_entries()),
        (TaxonomyKind::Sectors, sectors::taxonomy_entries()),
    ] {
        plan.push(
            calendar.start,
            ADMIN,
            TaxonomyCommand::Define(DefineEntries {
                taxonomy,
                entries,
                skip_existing: false,
            }),
        );
    }
    if !regions.outlines.is_empty() {
        plan.push(
            calendar.start,
            ADMIN,
            TaxonomyCommand::DrawOutlines(DrawOutlines {
                taxonomy: TaxonomyKind::Regions,
                source: super::regions::OUTLINE_SOURCE.to_owned(),
                outlines: regions.outlines.clone(),
            }),
        );
    }
    let (code, name, parent) = SHORT_LIVED_TOPIC;
    plan.push(
        calendar.at_fraction(0.2),
        ADMIN,
        TaxonomyCommand::Define(DefineEntries {
            taxonomy: TaxonomyKind::Topics,
            entries: vec![Entry::new(code, name, Some(parent))],
            skip_existing: false,
        }),
    );
    plan.push(
        calendar.at_fraction(0.6),
        ADMIN,
        TaxonomyCommand::Retire(RetireEntry {
            taxonomy: TaxonomyKind::Topics,
            code: code.to_owned(),
        }),
    );
    plan.push(
        calendar.at_fraction(0.3),
        ADMIN,
        TaxonomyCommand::Rename(RenameEntry {
            taxonomy: TaxonomyKind::Offices,
            code: "lagetsi".to_owned(),
            name:
                "Landesamt für Arbeitsschutz, Gesundheitsschutz und technische Sicherheit (LAGetSi)"
                    .to_owned(),
        }),
    );
    let mistake = calendar.at_fraction(0.5);
    plan.push(
        mistake,
        ADMIN,
        TaxonomyCommand::Retire(RetireEntry {
            taxonomy: TaxonomyKind::Offices,
            code: "quartiersmanagement".to_owned(),
        }),
    );
    plan.push(
        add_workdays(mistake, 1),
        ADMIN,
        TaxonomyCommand::Reactivate(ReactivateEntry {
            taxonomy: TaxonomyKind::Offices,
            code: "quartiersmanagement".to_owned(),
        }),
    );
}
