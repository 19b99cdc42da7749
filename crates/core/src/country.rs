//! Names of the investors' countries of origin (ISO 3166-1 alpha-2), for the
//! countries that occur in the data and a few more that commonly invest in
//! Indonesia. A code not in the table is shown as the code alone.

use crate::Lang;

/// (code, Indonesian name, English name).
const COUNTRIES: [(&str, &str, &str); 22] = [
    ("AE", "Uni Emirat Arab", "United Arab Emirates"),
    ("AU", "Australia", "Australia"),
    ("CA", "Kanada", "Canada"),
    ("CH", "Swiss", "Switzerland"),
    ("CN", "Tiongkok", "China"),
    ("DE", "Jerman", "Germany"),
    ("FR", "Prancis", "France"),
    ("GB", "Britania Raya", "United Kingdom"),
    ("HK", "Hong Kong", "Hong Kong"),
    ("IN", "India", "India"),
    ("JP", "Jepang", "Japan"),
    ("KR", "Korea Selatan", "South Korea"),
    ("MY", "Malaysia", "Malaysia"),
    ("NL", "Belanda", "Netherlands"),
    ("PH", "Filipina", "Philippines"),
    ("SA", "Arab Saudi", "Saudi Arabia"),
    ("SG", "Singapura", "Singapore"),
    ("TH", "Thailand", "Thailand"),
    ("TW", "Taiwan", "Taiwan"),
    ("US", "Amerika Serikat", "United States"),
    (
        "VG",
        "Kepulauan Virgin Britania Raya",
        "British Virgin Islands",
    ),
    ("VN", "Vietnam", "Vietnam"),
];

/// The country's name in `lang`, or `None` for a code not in the table.
/// The code is matched without regard to case or surrounding spaces.
pub fn country_name(code: &str, lang: Lang) -> Option<&'static str> {
    let code = code.trim();
    COUNTRIES
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, id, en)| if lang == Lang::Id { *id } else { *en })
}

/// "Jepang (JP)"; the bare code when the name is unknown.
pub fn country_label(code: &str, lang: Lang) -> String {
    let code = code.trim().to_ascii_uppercase();
    match country_name(&code, lang) {
        Some(name) => format!("{name} ({code})"),
        None => code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_both_languages() {
        assert_eq!(country_name("JP", Lang::Id), Some("Jepang"));
        assert_eq!(country_name("jp", Lang::En), Some("Japan"));
        assert_eq!(country_label("NL", Lang::Id), "Belanda (NL)");
        assert_eq!(country_label("us", Lang::En), "United States (US)");
        assert_eq!(country_label("ZZ", Lang::Id), "ZZ");
        assert_eq!(country_name("", Lang::Id), None);
    }

    #[test]
    fn the_table_is_sorted_and_covers_the_generator() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        for code in [
            "SG", "JP", "CN", "HK", "KR", "MY", "NL", "US", "TW", "AU", "DE", "GB", "TH", "IN",
        ] {
            assert!(country_name(code, Lang::Id).is_some(), "{code}");
        }
    }
}
