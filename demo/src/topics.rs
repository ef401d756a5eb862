//! Which topics the demo office's businesses bring up, and how that changes: every leaf of the
//! default topic taxonomy with a base weight, a yearly growth (Fachkräfte, renewable energy and
//! succession grow, start-up questions fade), the sectors it matters most to, the offices
//! an inquiry about it is referred to, and the German sentences contacts, inquiries and visits
//! use for it. Year-over-year statistics of the demo show these trends.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, rngs::SmallRng};

use super::sectors::SectorGroup;

#[derive(Debug)]
pub(crate) struct Topic {
    pub code: &'static str,
    weight: f64,
    /// Factor per year after 2024 (before: divided).
    growth: f64,
    groups: &'static [SectorGroup],
    /// Office codes an inquiry about it is referred to.
    pub offices: &'static [&'static str],
    /// What a business asks (inquiry description, contact summary).
    pub question: &'static str,
    /// An issue raised at a visit.
    pub issue: &'static str,
    /// A follow-up task after a visit.
    pub task: &'static str,
}

impl Topic {
    /// The top-level family (`fachkraefte` of `fachkraefte.ausbildung`).
    pub(crate) fn family(&self) -> &'static str {
        self.code.split('.').next().unwrap_or(self.code)
    }
}

use SectorGroup as G;

#[allow(clippy::too_many_arguments)] // A table row.
const fn topic(
    code: &'static str,
    weight: f64,
    growth: f64,
    groups: &'static [SectorGroup],
    offices: &'static [&'static str],
    question: &'static str,
    issue: &'static str,
    task: &'static str,
) -> Topic {
    Topic {
        code,
        weight,
        growth,
        groups,
        offices,
        question,
        issue,
        task,
    }
}

#[rustfmt::skip]
pub(crate) const TOPICS: &[Topic] = &[
    topic("gruendung.beratung", 5.0, 0.95, &[], &["ihk"],
        "Gründungsvorhaben im Bezirk: Fragen zu Businessplan und ersten Schritten",
        "Beratungsbedarf zur Gründung eines zweiten Standbeins",
        "Termin beim Gründungsservice der IHK vermitteln"),
    topic("gruendung.finanzierung", 3.0, 0.95, &[], &["ibb"],
        "Finanzierung der Gründung: Mikrokredit oder Gründungsbonus?",
        "Finanzierungslücke bei der Gründung",
        "Infos zu Mikrokrediten der IBB zusenden"),
    topic("gruendung.gewerbeanmeldung", 3.0, 0.9, &[G::Retail, G::Hospitality], &["ordnungsamt"],
        "Fragen zur Gewerbeanmeldung und zu nötigen Erlaubnissen",
        "Unklarheit über Erlaubnispflichten",
        "Merkblatt Gewerbeanmeldung zusenden"),
    topic("ansiedlung.standortsuche", 3.0, 1.0, &[G::Manufacturing, G::It], &["berlin-partner"],
        "Unternehmen sucht Standort im Bezirk für eine neue Betriebsstätte",
        "Suche nach einem zweiten Standort",
        "Standortexposé zusammenstellen"),
    topic("ansiedlung.investoren", 1.5, 1.05, &[G::Manufacturing], &["berlin-partner", "stadtentwicklungsamt"],
        "Investor fragt nach Gewerbegrundstücken und Planungsrecht",
        "Investitionsvorhaben mit Flächenbedarf",
        "Gespräch mit dem Stadtentwicklungsamt vorbereiten"),
    topic("gewerbeflaechen.suche", 6.0, 1.05, &[G::Crafts, G::Manufacturing, G::Creative], &["stadtentwicklungsamt"],
        "Suche nach Gewerbe- oder Werkstattfläche im Bezirk",
        "Fehlende Werkstattfläche",
        "Flächenangebote aus dem Gewerbeflächenportal zusammenstellen"),
    topic("gewerbeflaechen.miete", 5.0, 1.1, &[G::Retail, G::Hospitality, G::Creative, G::Health], &[],
        "Gewerbemiete soll stark steigen, Beratung zum Mietvertrag gewünscht",
        "Mieterhöhung gefährdet den Standort",
        "Kontakt zur Mieterberatung für Gewerbe herstellen"),
    topic("gewerbeflaechen.leerstand", 2.0, 1.1, &[G::Retail], &["stadtentwicklungsamt"],
        "Hinweis auf Leerstand von Ladenlokalen in der Geschäftsstraße",
        "Zunehmender Leerstand im Umfeld",
        "Leerstand an das Geschäftsstraßenmanagement melden"),
    topic("erweiterung.ausbau", 4.0, 1.0, &[G::Manufacturing, G::Crafts, G::It], &["bauamt"],
        "Betrieb möchte am Standort erweitern (Anbau, zusätzliche Halle)",
        "Erweiterungspläne am Standort",
        "Bauvoranfrage mit dem Bauamt abstimmen"),
    topic("erweiterung.verlagerung", 2.0, 1.05, &[G::Manufacturing, G::Crafts], &["stadtentwicklungsamt"],
        "Betrieb erwägt Verlagerung, weil die Fläche nicht mehr reicht",
        "Verlagerung aus dem Bezirk droht",
        "Alternativflächen im Bezirk suchen"),
    topic("erweiterung.standortsicherung", 2.5, 1.05, &[G::Manufacturing, G::Crafts], &["stadtentwicklungsamt", "umweltamt"],
        "Heranrückende Wohnbebauung gefährdet den Gewerbestandort",
        "Konflikt mit geplanter Wohnbebauung",
        "Stellungnahme zum Bebauungsplan vorbereiten"),
    topic("genehmigungen.bau", 5.0, 1.0, &[G::Crafts, G::Hospitality, G::Health], &["bauamt"],
        "Baugenehmigung bzw. Nutzungsänderung für Gewerberäume dauert lange",
        "Lange Bearbeitungsdauer im Bauamt",
        "Sachstand beim Bauamt erfragen"),
    topic("genehmigungen.gewerberecht", 4.0, 1.0, &[G::Hospitality, G::Retail], &["ordnungsamt"],
        "Fragen zur Gaststättenerlaubnis und zu Öffnungszeiten",
        "Unklare Auflagen im Gaststättenrecht",
        "Klärung mit dem Ordnungsamt herbeiführen"),
    topic("genehmigungen.immissionsschutz", 2.0, 1.0, &[G::Manufacturing, G::Crafts, G::Hospitality], &["umweltamt"],
        "Nachbarschaftsbeschwerden wegen Lärm, Auflagen zum Immissionsschutz",
        "Lärmbeschwerden aus der Nachbarschaft",
        "Termin mit dem Umweltamt vereinbaren"),
    topic("genehmigungen.werbeanlagen", 2.0, 0.95, &[G::Retail, G::Hospitality], &["strassen-gruenflaechenamt"],
        "Genehmigung für Werbeanlage bzw. Ausleger an der Fassade",
        "Genehmigung der Werbeanlage offen",
        "Antragsunterlagen Werbeanlage zusenden"),
    topic("foerderung.zuschuesse", 5.0, 1.0, &[G::Manufacturing, G::It, G::Creative], &["ibb", "senatsverwaltung-wirtschaft"],
        "Welche Zuschüsse gibt es für Investitionen (z. B. GRW)?",
        "Interesse an Investitionszuschüssen",
        "Förderprogramme GRW und Berlin Innovativ prüfen"),
    topic("foerderung.darlehen", 2.5, 1.0, &[], &["ibb"],
        "Anfrage zu Darlehen und Bürgschaften für eine Investition",
        "Finanzierungsbedarf für Investition",
        "Kontakt zur Förderberatung der IBB herstellen"),
    topic("foerderung.beratungsfoerderung", 2.0, 1.0, &[], &["senatsverwaltung-wirtschaft"],
        "Förderung externer Beratung (Coaching) möglich?",
        "Wunsch nach gefördertem Coaching",
        "Infos zur Beratungsförderung zusenden"),
    topic("fachkraefte.ausbildung", 4.0, 1.3, &[G::Crafts, G::Hospitality, G::Retail], &["arbeitsagentur", "hwk"],
        "Betrieb findet keine Auszubildenden",
        "Ausbildungsplätze bleiben unbesetzt",
        "Teilnahme an der Ausbildungsbörse anbieten"),
    topic("fachkraefte.personalgewinnung", 5.0, 1.35, &[G::Crafts, G::Health, G::It, G::Hospitality], &["arbeitsagentur", "jobcenter"],
        "Unterstützung bei der Suche nach Fachkräften gewünscht",
        "Offene Stellen seit Monaten unbesetzt",
        "Kontakt zum Arbeitgeberservice vermitteln"),
    topic("fachkraefte.weiterbildung", 2.0, 1.2, &[G::It, G::Professional], &["arbeitsagentur"],
        "Fragen zur Förderung von Weiterbildung der Beschäftigten",
        "Weiterbildungsbedarf im Team",
        "Infos zum Qualifizierungschancengesetz zusenden"),
    topic("fachkraefte.international", 2.0, 1.4, &[G::Health, G::It, G::Hospitality], &["berlin-partner"],
        "Einstellung internationaler Fachkräfte: Visum und Anerkennung",
        "Anerkennung ausländischer Abschlüsse zieht sich",
        "Kontakt zum Business Immigration Service herstellen"),
    topic("digitalisierung.breitband", 2.0, 0.95, &[G::It, G::Creative], &["senatsverwaltung-wirtschaft"],
        "Kein Glasfaseranschluss am Standort verfügbar",
        "Unzureichende Internetanbindung",
        "Ausbaustand beim Breitbandkompetenzzentrum erfragen"),
    topic("digitalisierung.betrieb", 3.0, 1.15, &[G::Retail, G::Crafts], &["ihk"],
        "Unterstützung bei der Digitalisierung (Onlineshop, Kassensystem)",
        "Digitalisierung der Abläufe geplant",
        "Digitalprämie und Beratungsangebote prüfen"),
    topic("verkehr.erreichbarkeit", 2.0, 1.0, &[G::Retail], &["strassen-gruenflaechenamt"],
        "Schlechte Erreichbarkeit des Standorts mit dem ÖPNV",
        "Erreichbarkeit für Kundschaft",
        "Anliegen an die Verkehrsplanung weitergeben"),
    topic("verkehr.parken", 4.0, 1.0, &[G::Crafts, G::Retail], &["strassen-gruenflaechenamt", "ordnungsamt"],
        "Fehlende Lieferzonen und Parkplätze für Handwerkerfahrzeuge",
        "Parkplatzsituation für Lieferverkehr",
        "Antrag auf Lieferzone unterstützen"),
    topic("verkehr.wirtschaftsverkehr", 2.0, 1.05, &[G::Logistics], &["strassen-gruenflaechenamt"],
        "Zufahrt für Lkw durch Umbau der Straße eingeschränkt",
        "Eingeschränkte Zufahrt für Lieferverkehr",
        "Gespräch mit dem Straßen- und Grünflächenamt organisieren"),
    topic("energie.kosten", 4.0, 1.0, &[G::Manufacturing, G::Hospitality], &["ihk"],
        "Energiekosten belasten den Betrieb stark",
        "Hohe Energiekosten",
        "Energieberatung der IHK vermitteln"),
    topic("energie.erneuerbare", 2.5, 1.45, &[G::Manufacturing, G::Crafts], &["umweltamt", "ibb"],
        "Photovoltaik auf dem Betriebsdach: Genehmigung und Förderung",
        "Interesse an Photovoltaik",
        "Förderprogramm SolarPLUS prüfen"),
    topic("netzwerke.kooperation", 3.0, 1.05, &[], &[],
        "Interesse an Unternehmensnetzwerken und Kooperationspartnern im Bezirk",
        "Wunsch nach Kontakten zu anderen Betrieben",
        "Kontakt zum Wirtschaftskreis herstellen"),
    topic("netzwerke.veranstaltungen", 3.0, 1.05, &[], &[],
        "Fragen zu Veranstaltungen der Wirtschaftsförderung",
        "Interesse an Veranstaltungen",
        "Einladung zum Unternehmerstammtisch senden"),
    topic("krisenberatung.liquiditaet", 2.0, 1.15, &[G::Hospitality, G::Retail], &["ibb"],
        "Liquiditätsengpass, Fragen zu Stundungen und Überbrückung",
        "Angespannte Liquidität",
        "Krisenberatung vermitteln"),
    topic("krisenberatung.insolvenz", 1.0, 1.2, &[G::Hospitality, G::Retail], &["ihk"],
        "Drohende Insolvenz, Beratung zu Sanierungsmöglichkeiten",
        "Drohende Insolvenz",
        "Kontakt zur Sanierungsberatung herstellen"),
    topic("nachfolge", 2.5, 1.2, &[G::Crafts, G::Retail, G::Manufacturing], &["hwk", "ihk"],
        "Inhaber sucht Nachfolge für den Betrieb",
        "Nachfolge ungeklärt",
        "Nachfolgebörse der Kammern empfehlen"),
    topic("tourismus", 1.5, 1.05, &[G::Hospitality], &["berlin-partner"],
        "Kooperation mit Tourismusangeboten im Bezirk",
        "Mehr Gäste aus dem Tourismus gewünscht",
        "Kontakt zu visitBerlin herstellen"),
    topic("kreativwirtschaft", 2.0, 1.0, &[G::Creative], &["senatsverwaltung-wirtschaft"],
        "Atelier- und Proberäume für Kreativschaffende gesucht",
        "Fehlende bezahlbare Arbeitsräume",
        "Atelierprogramm empfehlen"),
    topic("einzelhandel.geschaeftsstrassen", 3.5, 1.05, &[G::Retail, G::Hospitality], &["stadtentwicklungsamt"],
        "Aktionen zur Belebung der Geschäftsstraße",
        "Rückläufige Kundenfrequenz",
        "Geschäftsstraßeninitiative einbinden"),
    topic("einzelhandel.nahversorgung", 1.5, 1.0, &[G::Retail], &["stadtentwicklungsamt"],
        "Fragen zum Zentrenkonzept und zur Nahversorgung",
        "Sorge um Nahversorgungsstandort",
        "Zentrenkonzept erläutern"),
    topic("sondernutzung.aussengastronomie", 3.5, 1.0, &[G::Hospitality], &["strassen-gruenflaechenamt", "ordnungsamt"],
        "Antrag auf Sondernutzung für Außengastronomie",
        "Genehmigung der Außengastronomie",
        "Sondernutzungsantrag begleiten"),
    topic("sondernutzung.strassenland", 2.0, 1.0, &[G::Retail, G::Crafts], &["strassen-gruenflaechenamt"],
        "Aufstellen von Warenauslagen bzw. Gerüst auf dem Gehweg",
        "Sondernutzung für Auslagen",
        "Antrag beim Straßen- und Grünflächenamt unterstützen"),
    topic("baustellen", 3.0, 1.05, &[G::Retail, G::Hospitality], &["strassen-gruenflaechenamt"],
        "Umsatzeinbußen durch Baustelle vor dem Geschäft",
        "Baustelle vor dem Geschäft",
        "Baustellenkoordination um Information bitten"),
    topic("sicherheit.kriminalitaet", 1.5, 1.05, &[G::Retail], &["polizei"],
        "Einbrüche und Vandalismus im Gewerbegebiet",
        "Einbrüche im Umfeld",
        "Präventionsberatung der Polizei vermitteln"),
    topic("sicherheit.sauberkeit", 2.5, 1.05, &[G::Retail, G::Hospitality], &["ordnungsamt"],
        "Vermüllung und illegale Ablagerungen vor dem Geschäft",
        "Sauberkeit im Umfeld",
        "Meldung an das Ordnungsamt weitergeben"),
    topic("sonstiges", 2.0, 1.0, &[], &[],
        "Sonstiges Anliegen an die Wirtschaftsförderung",
        "Sonstiges",
        "Rückruf vereinbaren"),
];

/// How much a topic weighs for a business of that group in that month.
fn weight(topic: &Topic, group: Option<SectorGroup>, day: NaiveDate) -> f64 {
    let years = day.year() - 2024;
    let mut weight = topic.weight * topic.growth.powi(years);
    if group.is_some_and(|group| topic.groups.contains(&group)) {
        weight *= 3.0;
    }
    if topic.code == "sondernutzung.aussengastronomie" && (3..=6).contains(&day.month()) {
        weight *= 2.5;
    }
    weight
}

/// `count` different topics for a business of that group on that day.
pub(crate) fn pick(
    rng: &mut SmallRng,
    group: Option<SectorGroup>,
    day: NaiveDate,
    count: usize,
) -> Vec<&'static Topic> {
    let mut chosen: Vec<&'static Topic> = Vec::with_capacity(count);
    let weights: Vec<f64> = TOPICS.iter().map(|t| weight(t, group, day)).collect();
    while chosen.len() < count.min(TOPICS.len()) {
        let total: f64 = TOPICS
            .iter()
            .zip(&weights)
            .filter(|(t, _)| !chosen.iter().any(|c| c.code == t.code))
            .map(|(_, w)| w)
            .sum();
        let mut roll = rng.random_range(0.0..total.max(f64::MIN_POSITIVE));
        for (topic, w) in TOPICS.iter().zip(&weights) {
            if chosen.iter().any(|c| c.code == topic.code) {
                continue;
            }
            if roll < *w {
                chosen.push(topic);
                break;
            }
            roll -= w;
        }
    }
    chosen
}

/// One to three topics, mostly one.
pub(crate) fn pick_some(
    rng: &mut SmallRng,
    group: Option<SectorGroup>,
    day: NaiveDate,
) -> Vec<&'static Topic> {
    let count = match rng.random_range(0..10) {
        0..6 => 1,
        6..9 => 2,
        _ => 3,
    };
    pick(rng, group, day, count)
}

/// German label of a topic family, for the retreat's agenda.
pub(crate) fn family_label(family: &str) -> &'static str {
    wifo_domain::defaults::default_topics()
        .into_iter()
        .find(|(code, _, _)| *code == family)
        .map_or("Sonstiges", |(_, name, _)| name)
}

#[cfg(test)]
#[path = "topics_tests.rs"]
mod tests;
