//! The taxonomies a new installation starts with: a German topic list for the questions small
//! businesses bring to a Wirtschaftsförderung, and the offices inquiries are referred to (Berlin
//! names, as the first deployment is a Berlin district). Both are ordinary taxonomy entries
//! afterwards — renamed, extended or retired by the admin like any other. Applying the default
//! commands again is harmless: they skip what already exists.

use crate::taxonomy::{DefineEntries, Entry, TaxonomyCommand, TaxonomyKind};

/// `(code, name, parent code)`; parents come before their children.
pub type DefaultEntry = (&'static str, &'static str, Option<&'static str>);

/// `(code, name)`: a code's parent is the code up to its last dot (`foerderung.zuschuesse` lies
/// below `foerderung`).
const TOPICS: &[(&str, &str)] = &[
    ("gruendung", "Gründung"),
    ("gruendung.beratung", "Gründungsberatung"),
    ("gruendung.finanzierung", "Gründungsfinanzierung"),
    ("gruendung.gewerbeanmeldung", "Gewerbeanmeldung"),
    ("ansiedlung", "Ansiedlung und Standortsuche"),
    ("ansiedlung.standortsuche", "Standortsuche"),
    ("ansiedlung.investoren", "Investorenbetreuung"),
    ("gewerbeflaechen", "Gewerbeflächen und -räume"),
    ("gewerbeflaechen.suche", "Flächen- und Raumsuche"),
    ("gewerbeflaechen.miete", "Gewerbemiete und Mietvertrag"),
    ("gewerbeflaechen.leerstand", "Leerstand"),
    ("erweiterung", "Erweiterung und Verlagerung"),
    ("erweiterung.ausbau", "Betriebserweiterung"),
    ("erweiterung.verlagerung", "Verlagerung"),
    ("erweiterung.standortsicherung", "Standortsicherung"),
    ("genehmigungen", "Genehmigungen und Verwaltungsverfahren"),
    ("genehmigungen.bau", "Baugenehmigung und Nutzungsänderung"),
    (
        "genehmigungen.gewerberecht",
        "Gewerbe- und Gaststättenrecht",
    ),
    (
        "genehmigungen.immissionsschutz",
        "Immissionsschutz und Umweltauflagen",
    ),
    ("genehmigungen.werbeanlagen", "Werbeanlagen"),
    ("foerderung", "Förderung und Finanzierung"),
    ("foerderung.zuschuesse", "Zuschüsse"),
    ("foerderung.darlehen", "Darlehen und Bürgschaften"),
    ("foerderung.beratungsfoerderung", "Beratungsförderung"),
    ("fachkraefte", "Fachkräfte und Ausbildung"),
    ("fachkraefte.ausbildung", "Ausbildung"),
    ("fachkraefte.personalgewinnung", "Personalgewinnung"),
    ("fachkraefte.weiterbildung", "Weiterbildung"),
    ("fachkraefte.international", "Internationale Fachkräfte"),
    ("digitalisierung", "Breitband und Digitalisierung"),
    (
        "digitalisierung.breitband",
        "Breitband- und Mobilfunkversorgung",
    ),
    ("digitalisierung.betrieb", "Digitalisierung im Betrieb"),
    ("verkehr", "Verkehr und Logistik"),
    ("verkehr.erreichbarkeit", "Erreichbarkeit und ÖPNV"),
    ("verkehr.parken", "Parken und Lieferzonen"),
    (
        "verkehr.wirtschaftsverkehr",
        "Wirtschaftsverkehr und Logistik",
    ),
    ("energie", "Energie und Klimaschutz"),
    ("energie.kosten", "Energiekosten und Energieeffizienz"),
    ("energie.erneuerbare", "Erneuerbare Energien"),
    ("netzwerke", "Netzwerke und Veranstaltungen"),
    (
        "netzwerke.kooperation",
        "Unternehmensnetzwerke und Kooperationen",
    ),
    ("netzwerke.veranstaltungen", "Veranstaltungen"),
    ("krisenberatung", "Krisenberatung"),
    ("krisenberatung.liquiditaet", "Liquiditätsengpass"),
    ("krisenberatung.insolvenz", "Insolvenzgefahr"),
    ("nachfolge", "Unternehmensnachfolge"),
    ("tourismus", "Tourismus"),
    ("kreativwirtschaft", "Kultur- und Kreativwirtschaft"),
    ("einzelhandel", "Einzelhandel und Geschäftsstraßen"),
    (
        "einzelhandel.geschaeftsstrassen",
        "Geschäftsstraßenmanagement",
    ),
    ("einzelhandel.nahversorgung", "Zentren und Nahversorgung"),
    ("sondernutzung", "Außengastronomie und Sondernutzung"),
    ("sondernutzung.aussengastronomie", "Außengastronomie"),
    (
        "sondernutzung.strassenland",
        "Sondernutzung öffentlichen Straßenlands",
    ),
    ("baustellen", "Baustellen und Straßenbau"),
    ("sicherheit", "Sicherheit und Sauberkeit"),
    ("sicherheit.kriminalitaet", "Kriminalität und Vandalismus"),
    ("sicherheit.sauberkeit", "Sauberkeit und Müll"),
    ("sonstiges", "Sonstiges"),
];

const OFFICES: &[(&str, &str)] = &[
    ("ordnungsamt", "Ordnungsamt"),
    ("bauamt", "Bauamt (Bau- und Wohnungsaufsicht)"),
    ("umweltamt", "Umwelt- und Naturschutzamt"),
    ("stadtentwicklungsamt", "Stadtentwicklungsamt"),
    ("strassen-gruenflaechenamt", "Straßen- und Grünflächenamt"),
    ("gesundheitsamt", "Gesundheitsamt"),
    ("veterinaeramt", "Veterinär- und Lebensmittelaufsicht"),
    ("buergeramt", "Bürgeramt"),
    ("jobcenter", "Jobcenter"),
    ("arbeitsagentur", "Agentur für Arbeit"),
    ("ihk", "IHK Berlin"),
    ("hwk", "Handwerkskammer Berlin"),
    ("finanzamt", "Finanzamt"),
    ("lagetsi", "Gewerbeaufsicht (LAGetSi)"),
    (
        "senatsverwaltung-wirtschaft",
        "Wirtschaftsverwaltung des Landes",
    ),
    ("ibb", "Investitionsbank Berlin (IBB)"),
    (
        "berlin-partner",
        "Berlin Partner für Wirtschaft und Technologie",
    ),
    ("polizei", "Polizei"),
    ("quartiersmanagement", "Quartiersmanagement"),
];

/// The default topic classification, `(code, name, parent)`, parents first.
pub fn default_topics() -> Vec<DefaultEntry> {
    with_parents(TOPICS)
}

/// The default offices inquiries are referred to, `(code, name, parent)`.
pub fn default_offices() -> Vec<DefaultEntry> {
    with_parents(OFFICES)
}

/// The default leadership who may take part in a visit, `(code, name, parent)`.
pub fn default_leadership() -> Vec<DefaultEntry> {
    with_parents(&[
        ("buergermeister", "Bürgermeister/in"),
        ("bezirksbuergermeister", "Bezirksbürgermeister/in"),
        ("bezirksstadtrat", "Bezirksstadtrat/Bezirksstadträtin"),
        ("stadtrat", "Stadtrat/Stadträtin"),
        ("senator", "Senator/in"),
        ("staatssekretaer", "Staatssekretär/in"),
    ])
}

/// One `DefineEntries` per default taxonomy, with `skip_existing`, so running them on an existing
/// installation adds what is missing and changes nothing else.
pub fn default_taxonomy_commands() -> Vec<TaxonomyCommand> {
    [
        (TaxonomyKind::Topics, default_topics()),
        (TaxonomyKind::Offices, default_offices()),
        (TaxonomyKind::Leadership, default_leadership()),
    ]
    .into_iter()
    .map(|(taxonomy, entries)| {
        TaxonomyCommand::Define(DefineEntries {
            taxonomy,
            entries: entries
                .into_iter()
                .map(|(code, name, parent)| Entry::new(code, name, parent))
                .collect(),
            skip_existing: true,
        })
    })
    .collect()
}

fn with_parents(table: &[(&'static str, &'static str)]) -> Vec<DefaultEntry> {
    table
        .iter()
        .map(|&(code, name)| (code, name, code.rsplit_once('.').map(|(parent, _)| parent)))
        .collect()
}

#[cfg(test)]
#[path = "defaults_tests.rs"]
mod tests;
