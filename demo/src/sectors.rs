//! The sectors (WZ 2008) of the demo office: the sections and the divisions the demo uses, with
//! how often each occurs among a Berlin district's businesses and how such businesses are
//! typically named. Not the whole WZ: the admin imports that; the demo only needs a believable
//! mix (retail, gastronomy, crafts, health, professional services, IT, creative industries …).

use rand::{Rng, rngs::SmallRng};
use wifo_domain::taxonomy::Entry;

/// What kind of business a sector stands for, as far as topics and visits care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum SectorGroup {
    Retail,
    Hospitality,
    Crafts,
    Health,
    Professional,
    It,
    Manufacturing,
    Creative,
    PersonalServices,
    Logistics,
    Other,
}

/// One WZ division the demo's businesses belong to.
#[derive(Debug)]
pub(crate) struct Sector {
    pub division: &'static str,
    /// Relative frequency among the district's businesses.
    pub weight: u32,
    pub group: SectorGroup,
    /// A trade of the Handwerksordnung: visits may be joint with the Handwerkskammer.
    pub handwerk: bool,
    /// Name patterns: `{S}` surname, `{F}` fancy name, `{I}` Italian name, `{T}` tech word,
    /// `{V}` first name.
    pub patterns: &'static [&'static str],
}

#[rustfmt::skip]
pub(crate) const SECTIONS: &[(&str, &str)] = &[
    ("C", "Verarbeitendes Gewerbe"),
    ("F", "Baugewerbe"),
    ("G", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen"),
    ("H", "Verkehr und Lagerei"),
    ("I", "Gastgewerbe"),
    ("J", "Information und Kommunikation"),
    ("K", "Erbringung von Finanz- und Versicherungsdienstleistungen"),
    ("L", "Grundstücks- und Wohnungswesen"),
    ("M", "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen"),
    ("N", "Erbringung von sonstigen wirtschaftlichen Dienstleistungen"),
    ("O", "Öffentliche Verwaltung, Verteidigung; Sozialversicherung"),
    ("P", "Erziehung und Unterricht"),
    ("Q", "Gesundheits- und Sozialwesen"),
    ("R", "Kunst, Unterhaltung und Erholung"),
    ("S", "Erbringung von sonstigen Dienstleistungen"),
];

#[rustfmt::skip]
pub(crate) const DIVISIONS: &[(&str, &str)] = &[
    ("10", "Herstellung von Nahrungs- und Futtermitteln"),
    ("18", "Herstellung von Druckerzeugnissen; Vervielfältigung von bespielten Ton-, Bild- und Datenträgern"),
    ("25", "Herstellung von Metallerzeugnissen"),
    ("31", "Herstellung von Möbeln"),
    ("32", "Herstellung von sonstigen Waren"),
    ("41", "Hochbau"),
    ("43", "Vorbereitende Baustellenarbeiten, Bauinstallation und sonstiges Ausbaugewerbe"),
    ("45", "Handel mit Kraftfahrzeugen; Instandhaltung und Reparatur von Kraftfahrzeugen"),
    ("46", "Großhandel (ohne Handel mit Kraftfahrzeugen)"),
    ("47", "Einzelhandel (ohne Handel mit Kraftfahrzeugen)"),
    ("49", "Landverkehr und Transport in Rohrfernleitungen"),
    ("55", "Beherbergung"),
    ("56", "Gastronomie"),
    ("58", "Verlagswesen"),
    ("59", "Herstellung, Verleih und Vertrieb von Filmen und Fernsehprogrammen; Kinos; Tonstudios und Verlegen von Musik"),
    ("62", "Erbringung von Dienstleistungen der Informationstechnologie"),
    ("63", "Informationsdienstleistungen"),
    ("66", "Mit Finanz- und Versicherungsdienstleistungen verbundene Tätigkeiten"),
    ("68", "Grundstücks- und Wohnungswesen"),
    ("69", "Rechts- und Steuerberatung, Wirtschaftsprüfung"),
    ("70", "Verwaltung und Führung von Unternehmen und Betrieben; Unternehmensberatung"),
    ("71", "Architektur- und Ingenieurbüros; technische, physikalische und chemische Untersuchung"),
    ("73", "Werbung und Marktforschung"),
    ("74", "Sonstige freiberufliche, wissenschaftliche und technische Tätigkeiten"),
    ("77", "Vermietung von beweglichen Sachen"),
    ("79", "Reisebüros, Reiseveranstalter und Erbringung sonstiger Reservierungsdienstleistungen"),
    ("81", "Gebäudebetreuung; Garten- und Landschaftsbau"),
    ("84", "Öffentliche Verwaltung, Verteidigung; Sozialversicherung"),
    ("85", "Erziehung und Unterricht"),
    ("86", "Gesundheitswesen"),
    ("88", "Sozialwesen (ohne Heime)"),
    ("90", "Kreative, künstlerische und unterhaltende Tätigkeiten"),
    ("93", "Erbringung von Dienstleistungen des Sports, der Unterhaltung und der Erholung"),
    ("94", "Interessenvertretungen sowie kirchliche und sonstige religiöse Vereinigungen (ohne Sozialwesen und Sport)"),
    ("95", "Reparatur von Datenverarbeitungsgeräten und Gebrauchsgütern"),
    ("96", "Erbringung von sonstigen überwiegend persönlichen Dienstleistungen"),
];

use SectorGroup as G;

const fn sector(
    division: &'static str,
    weight: u32,
    group: SectorGroup,
    handwerk: bool,
    patterns: &'static [&'static str],
) -> Sector {
    Sector {
        division,
        weight,
        group,
        handwerk,
        patterns,
    }
}

#[rustfmt::skip]
pub(crate) const SECTORS: &[Sector] = &[
    sector("47", 150, G::Retail, false, &[
        "Buchhandlung {F}", "Blumen {S}", "Optik {S}", "Schuhhaus {S}", "Feinkost {S}",
        "Spätkauf {F}", "Weinhandlung {S}", "Fahrradladen {F}", "Bioladen {F}", "Spielwaren {F}",
        "Boutique {F}", "Apotheke {F}", "Getränke {S}", "Papeterie {F}", "Reformhaus {S}",
    ]),
    sector("56", 110, G::Hospitality, false, &[
        "Café {F}", "Restaurant {F}", "Bistro {F}", "Trattoria {I}", "Imbiss {F}", "Kneipe {F}",
        "Bar {F}", "Pizzeria {I}", "Eiscafé {I}", "{S}s Grill", "Sushi {F}", "Biergarten {F}",
    ]),
    sector("55", 8, G::Hospitality, false, &[
        "Hotel {F}", "Pension {F}", "Hostel {F}",
    ]),
    sector("43", 75, G::Crafts, true, &[
        "Elektro {S}", "Sanitär {S}", "Heizung & Sanitär {S}", "Malerbetrieb {S}",
        "Dachdeckerei {S}", "Fliesen {S}", "{S} Haustechnik", "Trockenbau {S}", "Tischlerei {S}",
    ]),
    sector("41", 12, G::Crafts, true, &[
        "{S} Bau", "Bauunternehmen {S}", "{S} Hochbau",
    ]),
    sector("86", 65, G::Health, false, &[
        "Praxis Dr. {S}", "Zahnarztpraxis Dr. {S}", "Physiotherapie {S}", "Ergotherapie {F}",
        "Hausarztpraxis {S}", "Logopädie {S}",
    ]),
    sector("88", 15, G::Health, false, &[
        "Pflegedienst {F}", "Kita {F}", "Tagespflege {F}",
    ]),
    sector("69", 40, G::Professional, false, &[
        "Kanzlei {S} & Partner", "Steuerberatung {S}", "Rechtsanwälte {S} & {S}", "Steuerbüro {S}",
    ]),
    sector("70", 40, G::Professional, false, &[
        "{S} Consulting", "Unternehmensberatung {S}", "{F} Beratung",
    ]),
    sector("71", 30, G::Professional, false, &[
        "Architekturbüro {S}", "Ingenieurbüro {S}", "{S} Architekten", "Vermessungsbüro {S}",
    ]),
    sector("73", 20, G::Creative, false, &[
        "{F} Werbeagentur", "Agentur {F}", "{T} Kommunikation",
    ]),
    sector("74", 35, G::Creative, false, &[
        "Fotostudio {F}", "Designbüro {S}", "Übersetzungsbüro {S}", "Grafikdesign {S}",
    ]),
    sector("62", 50, G::It, false, &[
        "{T}", "{T} Software", "{S} IT-Service", "{T} Digital",
    ]),
    sector("63", 8, G::It, false, &[
        "{T} Data", "{T} Media",
    ]),
    sector("58", 8, G::Creative, false, &[
        "{F} Verlag", "Verlag {S}",
    ]),
    sector("59", 15, G::Creative, false, &[
        "{F} Film", "{F} Filmproduktion", "Tonstudio {F}",
    ]),
    sector("10", 20, G::Manufacturing, true, &[
        "Bäckerei {S}", "Konditorei {S}", "Fleischerei {S}", "Kaffeerösterei {F}",
        "Eismanufaktur {F}", "Brotmanufaktur {F}",
    ]),
    sector("18", 5, G::Manufacturing, false, &[
        "Druckerei {S}", "{S} Druck", "Copyshop {F}",
    ]),
    sector("25", 8, G::Manufacturing, true, &[
        "Metallbau {S}", "{S} Metalltechnik", "Schlosserei {S}", "Stahlbau {S}",
    ]),
    sector("31", 5, G::Manufacturing, true, &[
        "Möbelwerkstatt {S}", "{S} Möbelbau",
    ]),
    sector("32", 10, G::Manufacturing, true, &[
        "Goldschmiede {S}", "Zahntechnik {S}", "Keramikwerkstatt {F}",
    ]),
    sector("90", 40, G::Creative, false, &[
        "Atelier {S}", "Theater {F}", "Ensemble {F}", "Galerie {S}", "Tanzstudio {F}",
    ]),
    sector("93", 15, G::PersonalServices, false, &[
        "Fitnessstudio {F}", "Kletterhalle {F}", "Sportstudio {S}",
    ]),
    sector("96", 70, G::PersonalServices, true, &[
        "Friseur {F}", "Salon {V}", "Kosmetikstudio {F}", "Nagelstudio {F}", "Barbershop {F}",
        "Textilreinigung {S}", "Bestattungen {S}", "Tattoostudio {F}",
    ]),
    sector("95", 12, G::Crafts, true, &[
        "Schuhmacherei {S}", "Handyreparatur {F}", "Uhrmacher {S}", "Schneiderei {S}",
    ]),
    sector("45", 20, G::Crafts, true, &[
        "Autowerkstatt {S}", "Kfz-Service {S}", "{S} Autoservice", "Reifen {S}",
    ]),
    sector("46", 20, G::Logistics, false, &[
        "{S} Handelsgesellschaft", "{F} Großhandel", "{S} Import-Export",
    ]),
    sector("49", 15, G::Logistics, false, &[
        "Taxi {S}", "{S} Transporte", "Umzüge {S}", "Kurierdienst {F}",
    ]),
    sector("68", 25, G::Other, false, &[
        "Hausverwaltung {S}", "Immobilien {S}", "{F} Immobilien",
    ]),
    sector("66", 10, G::Other, false, &[
        "Versicherungsbüro {S}", "Finanzberatung {S}",
    ]),
    sector("77", 6, G::Other, false, &[
        "{F} Verleih", "Fahrradverleih {F}",
    ]),
    sector("79", 6, G::Other, false, &[
        "Reisebüro {F}", "{F} Reisen",
    ]),
    sector("81", 20, G::Crafts, true, &[
        "Gebäudereinigung {S}", "Garten- und Landschaftsbau {S}", "{S} Gebäudeservice",
    ]),
    sector("85", 22, G::Other, false, &[
        "Fahrschule {S}", "Nachhilfe {F}", "Sprachschule {F}", "Musikschule {F}", "Yogaschule {F}",
    ]),
];

/// A sector, picked by frequency.
pub(crate) fn pick(rng: &mut SmallRng) -> &'static Sector {
    let total: u32 = SECTORS.iter().map(|sector| sector.weight).sum();
    let mut roll = rng.random_range(0..total);
    for sector in SECTORS {
        if roll < sector.weight {
            return sector;
        }
        roll -= sector.weight;
    }
    &SECTORS[0]
}

/// The sector taxonomy the demo defines: sections first, then divisions, so parents come first.
pub(crate) fn taxonomy_entries() -> Vec<Entry> {
    SECTIONS
        .iter()
        .chain(DIVISIONS)
        .map(|(code, name)| Entry::new(code, name, None))
        .collect()
}

#[cfg(test)]
#[path = "sectors_tests.rs"]
mod tests;
