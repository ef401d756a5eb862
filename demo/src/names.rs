//! Names for the demo office: first names and surnames as they occur in a Berlin district
//! (German, Turkish, Polish, Vietnamese, Arabic …), company names built from a sector's patterns
//! ("Bäckerei Krüger", "Café Lindenblatt", "Kanzlei Yilmaz & Partner") with a legal form, and the
//! mail domains and phone numbers that go with them. Everything is drawn from the caller's rng, so
//! a seed always names the same office.

use rand::{Rng, rngs::SmallRng, seq::IndexedRandom};
use wifo_domain::values::SizeClass;

use super::sectors::Sector;

#[rustfmt::skip]
pub(crate) const SURNAMES: &[&str] = &[
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause",
    "Lehmann", "Schulze", "Köhler", "Herrmann", "König", "Walter", "Kaiser", "Fuchs", "Peters",
    "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller",
    "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke",
    "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Schumacher", "Krämer",
    "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas",
    "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn", "Pohl", "Engel", "Horn", "Busch",
    "Bergmann", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Yilmaz", "Kaya", "Demir", "Şahin",
    "Çelik", "Öztürk", "Aydın", "Nguyen", "Tran", "Pham", "Kowalski", "Nowak", "Wiśniewski",
    "Kowalczyk", "Jankowski", "Popescu", "Ivanov", "Petrov", "Rossi", "Haddad", "Al-Khatib",
    "Schulte", "Mahlow", "Kühne",
];

#[rustfmt::skip]
pub(crate) const FEMALE_FIRST_NAMES: &[&str] = &[
    "Anna", "Maria", "Julia", "Laura", "Katharina", "Sarah", "Lisa", "Sabine", "Susanne", "Petra",
    "Claudia", "Nicole", "Stefanie", "Andrea", "Kerstin", "Birgit", "Anja", "Melanie", "Christina",
    "Jana", "Franziska", "Lena", "Marie", "Sophie", "Ayşe", "Elif", "Fatma", "Zeynep", "Linh",
    "Mai", "Agnieszka", "Katarzyna", "Olga", "Ines", "Heike", "Ute", "Manuela", "Doreen", "Yvonne",
    "Grit", "Leila", "Nadine",
];

#[rustfmt::skip]
pub(crate) const MALE_FIRST_NAMES: &[&str] = &[
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Jörg", "Uwe",
    "Torsten", "Sven", "Matthias", "Alexander", "Daniel", "Tobias", "Jan", "Felix", "Lukas",
    "Jonas", "Paul", "Maximilian", "Florian", "Mehmet", "Mustafa", "Ali", "Emre", "Can", "Minh",
    "Duc", "Piotr", "Tomasz", "Marek", "Dmitri", "Ronny", "Rico", "Dirk", "Olaf", "Ralf", "Karsten",
    "Karim", "Omar",
];

/// Fancy names for shops, cafés and studios, mostly from Pankow's places.
#[rustfmt::skip]
const FANCY: &[&str] = &[
    "Lindenblatt", "am Kiez", "Sonnenschein", "Kastanie", "Zum Anker", "Eckhaus", "Kiezglück",
    "Blattgold", "Himmelblau", "Pankegrün", "Schönhauser", "am Weißen See", "Rosenthaler",
    "Florakiez", "Gartenstadt", "Kollwitz", "am Wasserturm", "Morgenrot", "Stadtfuchs", "Nordlicht",
    "Bücherwurm", "Grüne Tanne", "Feierabend", "Zeitlos", "Panke", "Helmholtz", "Bötzow",
    "Kiezperle", "Sternschnuppe", "Goldrausch", "Wolkenlos", "Rübezahl",
];

#[rustfmt::skip]
const ITALIAN: &[&str] = &[
    "Bella Vista", "da Marco", "Toscana", "La Piazza", "da Giovanni", "Il Gusto", "Sole Mio",
    "Bellini", "Amalfi", "Da Enzo",
];

#[rustfmt::skip]
const TECH: &[&str] = &[
    "Datenwerk", "Pixelhafen", "Codeschmiede", "Bitfabrik", "Cloudkontor", "Kiezcode", "Softwerk",
    "Byteschmiede", "Webmanufaktur", "Appwerk", "Netzfabrik", "Logikhaus",
];

/// The legal form of a business, as it appears in the name and the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LegalForm {
    Einzelunternehmen,
    EingetragenerKaufmann,
    Gbr,
    Ug,
    Gmbh,
    GmbhCoKg,
    PartGmbB,
}

impl LegalForm {
    pub(crate) fn label(self) -> &'static str {
        match self {
            LegalForm::Einzelunternehmen => "Einzelunternehmen",
            LegalForm::EingetragenerKaufmann => "e.K.",
            LegalForm::Gbr => "GbR",
            LegalForm::Ug => "UG (haftungsbeschränkt)",
            LegalForm::Gmbh => "GmbH",
            LegalForm::GmbhCoKg => "GmbH & Co. KG",
            LegalForm::PartGmbB => "PartG mbB",
        }
    }

    /// What follows the name (`Elektro Hoffmann GmbH`); nothing for a sole proprietorship.
    pub(crate) fn suffix(self) -> &'static str {
        match self {
            LegalForm::Einzelunternehmen => "",
            other => other.label(),
        }
    }

    /// Whether a person running it is its owner (Inhaber) rather than a managing director.
    pub(crate) fn owner_run(self) -> bool {
        matches!(
            self,
            LegalForm::Einzelunternehmen | LegalForm::EingetragenerKaufmann | LegalForm::Gbr
        )
    }
}

/// A legal form fitting the size: the smallest are sole proprietors, the larger GmbHs.
pub(crate) fn legal_form(rng: &mut SmallRng, size: SizeClass, division: &str) -> LegalForm {
    use LegalForm as L;
    if division == "69" && rng.random_bool(0.3) {
        return L::PartGmbB;
    }
    let roll = rng.random_range(0..100);
    match size {
        SizeClass::None => match roll {
            0..70 => L::Einzelunternehmen,
            70..80 => L::EingetragenerKaufmann,
            80..90 => L::Ug,
            _ => L::Gbr,
        },
        SizeClass::From1To3 => match roll {
            0..40 => L::Einzelunternehmen,
            40..60 => L::EingetragenerKaufmann,
            60..75 => L::Ug,
            75..90 => L::Gmbh,
            _ => L::Gbr,
        },
        SizeClass::From4To6 | SizeClass::From7To9 => match roll {
            0..10 => L::Einzelunternehmen,
            10..30 => L::EingetragenerKaufmann,
            30..40 => L::Ug,
            40..90 => L::Gmbh,
            _ => L::Gbr,
        },
        _ => match roll {
            0..80 => L::Gmbh,
            80..95 => L::GmbhCoKg,
            _ => L::EingetragenerKaufmann,
        },
    }
}

/// A generated company name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CompanyName {
    /// Without legal form: what people say, and what the mail domain is made of.
    pub base: String,
    /// With legal form: the registered name.
    pub full: String,
    /// The surname in the name, if any; the owner often carries it.
    pub surname: Option<&'static str>,
}

/// A company name from one of the sector's patterns.
pub(crate) fn company_name(rng: &mut SmallRng, sector: &Sector, form: LegalForm) -> CompanyName {
    let pattern = sector.patterns.choose(rng).copied().unwrap_or("{S}");
    let mut surname = None;
    let mut base = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        base.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        let placeholder = &rest[start + 1..start + end];
        let part = match placeholder {
            "S" => {
                let name = pick(rng, SURNAMES);
                surname.get_or_insert(name);
                name
            }
            "F" => pick(rng, FANCY),
            "I" => pick(rng, ITALIAN),
            "T" => pick(rng, TECH),
            "V" => pick(rng, FEMALE_FIRST_NAMES),
            _ => "",
        };
        base.push_str(part);
        rest = &rest[start + end + 1..];
    }
    base.push_str(rest);
    let full = match form.suffix() {
        "" => base.clone(),
        suffix => format!("{base} {suffix}"),
    };
    CompanyName {
        base,
        full,
        surname,
    }
}

/// A person's name; the surname is `surname` if given.
pub(crate) fn person_name(
    rng: &mut SmallRng,
    surname: Option<&'static str>,
) -> (&'static str, &'static str, bool) {
    let female = rng.random_bool(0.5);
    let first = if female {
        pick(rng, FEMALE_FIRST_NAMES)
    } else {
        pick(rng, MALE_FIRST_NAMES)
    };
    let last = surname.unwrap_or_else(|| pick(rng, SURNAMES));
    (first, last, female)
}

/// Lower-case ASCII for mail addresses and domains: umlauts become `ae`, `oe`, `ue`, `ß` becomes
/// `ss`, other letters lose their accents, runs of anything else become one `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let replacement = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'ı' | 'í' | 'ì' => "i",
            'ş' | 'ś' => "s",
            'ç' | 'ć' => "c",
            'ğ' => "g",
            'é' | 'è' | 'ę' => "e",
            'á' | 'à' | 'ą' => "a",
            'ó' | 'ò' => "o",
            'ł' => "l",
            'ń' => "n",
            'ź' | 'ż' => "z",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if replacement == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(replacement);
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The mail and web domain of a company (`baeckerei-krueger.de`).
pub(crate) fn domain(base: &str) -> String {
    format!("{}.de", slug(base))
}

/// A Berlin landline (`030 4471 2983`) or now and then a mobile number.
pub(crate) fn phone(rng: &mut SmallRng) -> String {
    if rng.random_bool(0.15) {
        let prefix = ["0151", "0160", "0170", "0171", "0176"]
            .choose(rng)
            .copied()
            .unwrap_or("0176");
        return format!("{prefix} {}", rng.random_range(1_000_000..99_999_999));
    }
    format!(
        "030 {} {:04}",
        rng.random_range(2000..9999),
        rng.random_range(0..10_000)
    )
}

/// A personal mail address at the company's domain, in one of the usual shapes.
pub(crate) fn personal_mail(rng: &mut SmallRng, first: &str, last: &str, domain: &str) -> String {
    let first = slug(first);
    let last = slug(last);
    match rng.random_range(0..3) {
        0 => format!("{first}.{last}@{domain}"),
        1 => format!("{}.{last}@{domain}", first.chars().next().unwrap_or('x')),
        _ => format!("{last}@{domain}"),
    }
}

fn pick(rng: &mut SmallRng, list: &[&'static str]) -> &'static str {
    list.choose(rng).copied().unwrap_or_default()
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
