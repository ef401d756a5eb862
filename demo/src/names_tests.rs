//! Unit tests of `names`.

use rand::SeedableRng;
use wifo_domain::values::{Email, OrganizationName, Phone};

use super::*;
use crate::sectors::SECTORS;

fn names(seed: u64) -> Vec<String> {
    let mut rng = SmallRng::seed_from_u64(seed);
    (0..200)
        .map(|i| {
            let sector = &SECTORS[i % SECTORS.len()];
            let form = legal_form(&mut rng, SizeClass::From1To3, sector.division);
            company_name(&mut rng, sector, form).full
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_names_and_another_seed_others() {
    assert_eq!(names(42), names(42));
    assert_ne!(names(42), names(43));
}

#[test]
fn names_mails_and_phones_pass_the_domain_checks() {
    let mut rng = SmallRng::seed_from_u64(7);
    for i in 0..500 {
        let sector = &SECTORS[i % SECTORS.len()];
        let form = legal_form(&mut rng, SizeClass::From10To19, sector.division);
        let name = company_name(&mut rng, sector, form);
        assert!(!name.full.contains('{'), "{}", name.full);
        OrganizationName::parse(&name.full).expect("name");
        let (first, last, _) = person_name(&mut rng, name.surname);
        let mail = personal_mail(&mut rng, first, last, &domain(&name.base));
        Email::parse(&mail).unwrap_or_else(|_| panic!("{mail}"));
        Phone::parse(&phone(&mut rng)).expect("phone");
    }
}

#[test]
fn slugs_spell_umlauts_out() {
    assert_eq!(slug("Bäckerei Krüger"), "baeckerei-krueger");
    assert_eq!(slug("Kanzlei Yilmaz & Partner"), "kanzlei-yilmaz-partner");
    assert_eq!(slug("Café am Weißen See"), "cafe-am-weissen-see");
    assert_eq!(slug("Şahin"), "sahin");
}
