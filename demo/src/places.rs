//! Where the demo office's businesses sit and meet: the Ortsteile of Pankow with their real
//! postcodes, shopping streets and the Bezirksregionen (LOR) they lie in, and the venues the
//! office books for its gatherings. The table is hand-made and small on purpose; it only has to
//! make addresses and region codes that belong together.

use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};

/// One postcode area of the district.
#[derive(Debug)]
pub(crate) struct Area {
    pub postal_code: &'static str,
    /// The Ortsteil, as people name it.
    pub locality: &'static str,
    /// LOR Bezirksregion codes the area lies in; a business gets a Planungsraum below one.
    pub bezirksregionen: &'static [&'static str],
    pub streets: &'static [&'static str],
    /// Relative density of businesses.
    pub weight: u32,
}

pub(crate) const AREAS: &[Area] = &[
    Area {
        postal_code: "10405",
        locality: "Prenzlauer Berg",
        bezirksregionen: &["037016", "037015"],
        streets: &[
            "Prenzlauer Allee",
            "Greifswalder Str.",
            "Winsstr.",
            "Marienburger Str.",
            "Immanuelkirchstr.",
            "Hufelandstr.",
            "Bötzowstr.",
            "Danziger Str.",
        ],
        weight: 12,
    },
    Area {
        postal_code: "10435",
        locality: "Prenzlauer Berg",
        bezirksregionen: &["037015"],
        streets: &[
            "Kastanienallee",
            "Schönhauser Allee",
            "Oderberger Str.",
            "Kollwitzstr.",
            "Knaackstr.",
            "Sredzkistr.",
            "Wörther Str.",
        ],
        weight: 12,
    },
    Area {
        postal_code: "10437",
        locality: "Prenzlauer Berg",
        bezirksregionen: &["036013", "036012"],
        streets: &[
            "Stargarder Str.",
            "Pappelallee",
            "Lychener Str.",
            "Dunckerstr.",
            "Raumerstr.",
            "Schliemannstr.",
            "Danziger Str.",
        ],
        weight: 12,
    },
    Area {
        postal_code: "10439",
        locality: "Prenzlauer Berg",
        bezirksregionen: &["036011", "036012"],
        streets: &[
            "Schönhauser Allee",
            "Wichertstr.",
            "Schivelbeiner Str.",
            "Gudvanger Str.",
            "Bornholmer Str.",
            "Greifenhagener Str.",
        ],
        weight: 10,
    },
    Area {
        postal_code: "13086",
        locality: "Weißensee",
        bezirksregionen: &["035009"],
        streets: &[
            "Berliner Allee",
            "Langhansstr.",
            "Charlottenburger Str.",
            "Gustav-Adolf-Str.",
            "Lehderstr.",
        ],
        weight: 8,
    },
    Area {
        postal_code: "13088",
        locality: "Weißensee",
        bezirksregionen: &["035010", "035009"],
        streets: &[
            "Berliner Allee",
            "Rennbahnstr.",
            "Falkenberger Str.",
            "Indira-Gandhi-Str.",
            "Roelckestr.",
        ],
        weight: 7,
    },
    Area {
        postal_code: "13089",
        locality: "Heinersdorf",
        bezirksregionen: &["033005"],
        streets: &[
            "Romain-Rolland-Str.",
            "Tino-Schwierzina-Str.",
            "Rothenbachstr.",
        ],
        weight: 3,
    },
    Area {
        postal_code: "13125",
        locality: "Buch",
        bezirksregionen: &["031001", "033004"],
        streets: &[
            "Wiltbergstr.",
            "Hobrechtsfelder Chaussee",
            "Karower Chaussee",
            "Robert-Rössle-Str.",
            "Achillesstr.",
        ],
        weight: 4,
    },
    Area {
        postal_code: "13127",
        locality: "Französisch Buchholz",
        bezirksregionen: &["032003"],
        streets: &["Hauptstr.", "Schönerlinder Str.", "Rosenthaler Weg"],
        weight: 3,
    },
    Area {
        postal_code: "13129",
        locality: "Blankenburg",
        bezirksregionen: &["033005"],
        streets: &["Alt-Blankenburg", "Krugstege", "Heinersdorfer Str."],
        weight: 2,
    },
    Area {
        postal_code: "13156",
        locality: "Niederschönhausen",
        bezirksregionen: &["032002"],
        streets: &[
            "Dietzgenstr.",
            "Grabbeallee",
            "Blankenfelder Str.",
            "Platanenstr.",
            "Buchholzer Str.",
        ],
        weight: 4,
    },
    Area {
        postal_code: "13158",
        locality: "Rosenthal",
        bezirksregionen: &["034006"],
        streets: &[
            "Hauptstr.",
            "Kopenhagener Str.",
            "Friedrich-Engels-Str.",
            "Schönholzer Str.",
        ],
        weight: 3,
    },
    Area {
        postal_code: "13159",
        locality: "Blankenfelde",
        bezirksregionen: &["032002"],
        streets: &["Hauptstr.", "Möllersfelder Weg"],
        weight: 1,
    },
    Area {
        postal_code: "13187",
        locality: "Pankow",
        bezirksregionen: &["034007", "034008"],
        streets: &[
            "Breite Str.",
            "Berliner Str.",
            "Florastr.",
            "Wollankstr.",
            "Mühlenstr.",
            "Schulstr.",
            "Damerowstr.",
            "Kissingenstr.",
        ],
        weight: 14,
    },
    Area {
        postal_code: "13189",
        locality: "Pankow",
        bezirksregionen: &["034008"],
        streets: &[
            "Prenzlauer Promenade",
            "Granitzstr.",
            "Wisbyer Str.",
            "Mühlenstr.",
            "Maximilianstr.",
        ],
        weight: 8,
    },
];

/// An area, picked by business density.
pub(crate) fn pick_area(rng: &mut SmallRng) -> &'static Area {
    let total: u32 = AREAS.iter().map(|area| area.weight).sum();
    let mut roll = rng.random_range(0..total);
    for area in AREAS {
        if roll < area.weight {
            return area;
        }
        roll -= area.weight;
    }
    &AREAS[0]
}

/// The area a postcode belongs to.
pub(crate) fn area_of(postal_code: &str) -> Option<&'static Area> {
    AREAS.iter().find(|area| area.postal_code == postal_code)
}

/// A street of the area with a house number (`Florastr. 84a`).
pub(crate) fn street_address(rng: &mut SmallRng, area: &Area) -> (&'static str, String) {
    let street = area.streets.choose(rng).copied().unwrap_or("Breite Str.");
    let number: u32 = rng.random_range(1..=160);
    let suffix = match rng.random_range(0..100) {
        0..=5 => "a",
        6..=7 => "b",
        _ => "",
    };
    (street, format!("{street} {number}{suffix}"))
}

/// A shopping street with its own association (Geschäftsstraßenverband, Initiative).
#[derive(Debug)]
pub(crate) struct ShoppingStreet {
    pub association: &'static str,
    pub street: &'static str,
    pub postal_code: &'static str,
    pub address: &'static str,
}

pub(crate) const SHOPPING_STREETS: &[ShoppingStreet] = &[
    ShoppingStreet {
        association: "Geschäftsstraßeninitiative Breite Straße Pankow e.V.",
        street: "Breite Str.",
        postal_code: "13187",
        address: "Breite Str. 2",
    },
    ShoppingStreet {
        association: "Interessengemeinschaft Schönhauser Allee e.V.",
        street: "Schönhauser Allee",
        postal_code: "10439",
        address: "Schönhauser Allee 120",
    },
    ShoppingStreet {
        association: "Händlergemeinschaft Berliner Allee Weißensee",
        street: "Berliner Allee",
        postal_code: "13088",
        address: "Berliner Allee 100",
    },
];

/// Venues for the office's own gatherings, by occasion.
pub(crate) const VENUE_TOWN_HALL: &str =
    "Rathaus Pankow, Festsaal, Breite Str. 24a–26, 13187 Berlin";
pub(crate) const VENUE_COUNCIL_HALL: &str =
    "Rathaus Pankow, BVV-Saal, Breite Str. 24a–26, 13187 Berlin";
pub(crate) const VENUE_PALACE: &str = "Schloss Schönhausen, Tschaikowskistr. 1, 13156 Berlin";
pub(crate) const VENUE_BREWERY: &str = "Kulturbrauerei, Schönhauser Allee 36, 10435 Berlin";
pub(crate) const VENUE_BREADFACTORY: &str = "Brotfabrik, Caligariplatz 1, 13086 Berlin";
pub(crate) const VENUE_WABE: &str = "WABE, Danziger Str. 101, 10405 Berlin";
pub(crate) const VENUE_OFFICE: &str =
    "Wirtschaftsförderung, Fröbelstr. 17, Haus 4, Raum 215, 10405 Berlin";
pub(crate) const VENUE_WEISSENSEE: &str = "Rathaus Weißensee, Berliner Allee 252–260, 13088 Berlin";
pub(crate) const VENUE_IHK: &str = "IHK Berlin, Fasanenstr. 85, 10623 Berlin";
