//! Invented names. The first word is coined from syllables (`Kavando`,
//! `Rilindra`), so a name reads as Indonesian but is plainly made up; the
//! rest are common words and the legal form (PT, PT ... Tbk, CV, UD,
//! Koperasi).

use super::tables::{Profile, DESCRIPTORS, HEADS, MIDDLES, TAILS};
use crate::rng::Rng;

/// A coined word such as "Kavando" or "Rimalindra".
pub fn coined(rng: &mut Rng) -> String {
    let mut w = String::from(*rng.pick(&HEADS));
    if rng.percent(40) {
        w.push_str(rng.pick::<&str>(&MIDDLES));
    }
    w.push_str(rng.pick::<&str>(&TAILS));
    w
}

/// A large company: PMDN names are Indonesian, PMA names often end in
/// "Indonesia"; a few PMDN are listed (Tbk).
pub fn company(rng: &mut Rng, profile: &Profile, pma: bool) -> String {
    let root = coined(rng);
    if pma && rng.percent(70) {
        format!("PT {root} {} Indonesia", rng.pick(profile.noun_en))
    } else {
        let name = format!(
            "PT {root} {} {}",
            rng.pick(&DESCRIPTORS),
            rng.pick(profile.noun_id)
        );
        if !pma && rng.percent(12) {
            format!("{name} Tbk")
        } else {
            name
        }
    }
}

/// An UMKM: UD, CV, Koperasi or a small PT.
pub fn umkm(rng: &mut Rng, profile: &Profile) -> String {
    let root = coined(rng);
    match rng.weighted(&[30, 35, 15, 20]) {
        0 => format!("UD {} {root}", rng.pick(profile.products)),
        1 => format!("CV {root} {}", rng.pick(&DESCRIPTORS)),
        2 => format!(
            "Koperasi {} {} {root}",
            profile.koperasi,
            rng.pick(profile.products)
        ),
        _ => format!(
            "PT {root} {} {}",
            rng.pick(profile.products),
            rng.pick(&DESCRIPTORS)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tables::PROFILES;
    use super::*;

    #[test]
    fn names_carry_a_legal_form() {
        let mut rng = Rng::new(3);
        for i in 0..200 {
            let p = &PROFILES[i % PROFILES.len()];
            let c = company(&mut rng, p, i % 2 == 0);
            assert!(c.starts_with("PT "), "{c}");
            let u = umkm(&mut rng, p);
            assert!(
                ["UD ", "CV ", "Koperasi ", "PT "]
                    .iter()
                    .any(|f| u.starts_with(f)),
                "{u}"
            );
        }
    }

    #[test]
    fn few_pmdn_are_listed() {
        let mut rng = Rng::new(11);
        let tbk = (0..10_000)
            .filter(|i| company(&mut rng, &PROFILES[i % 11], false).ends_with(" Tbk"))
            .count();
        assert!((800..1_600).contains(&tbk), "{tbk}");
    }

    #[test]
    fn coined_words_are_capitalised_and_plain_ascii() {
        let mut rng = Rng::new(9);
        for _ in 0..100 {
            let w = coined(&mut rng);
            assert!(w.len() >= 4);
            assert!(w.chars().next().unwrap().is_ascii_uppercase());
            assert!(w.chars().skip(1).all(|c| c.is_ascii_lowercase()));
        }
    }
}
