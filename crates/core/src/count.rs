//! Counts of things written with their noun: "1 agreement", "2 agreements",
//! "1.234 perjanjian". Indonesian nouns do not change in the plural; English
//! ones do, so every count the app shows goes through [`count_text`]
//! instead of a format string that gets "1 agreements" wrong.

use crate::money::format_number;
use crate::Lang;

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Noun {
    /// Partnership agreements (perjanjian).
    Agreement,
    /// Partners of any kind (mitra).
    Partner,
    /// Signing events (acara).
    Event,
}

impl Noun {
    /// The noun for `n` things, without the number.
    pub fn word(self, n: u64, lang: Lang) -> &'static str {
        match (self, lang, n == 1) {
            (Noun::Agreement, Lang::Id, _) => "perjanjian",
            (Noun::Agreement, Lang::En, true) => "agreement",
            (Noun::Agreement, Lang::En, false) => "agreements",
            (Noun::Partner, Lang::Id, _) => "mitra",
            (Noun::Partner, Lang::En, true) => "partner",
            (Noun::Partner, Lang::En, false) => "partners",
            (Noun::Event, Lang::Id, _) => "acara",
            (Noun::Event, Lang::En, true) => "event",
            (Noun::Event, Lang::En, false) => "events",
        }
    }
}

/// `n` grouped the language's way, then the noun: "1.234 perjanjian",
/// "1,234 agreements", "1 agreement".
pub fn count_text(noun: Noun, n: u64, lang: Lang) -> String {
    let number = format_number(i64::try_from(n).unwrap_or(i64::MAX), lang);
    format!("{number} {}", noun.word(n, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_singular_for_one_only() {
        assert_eq!(count_text(Noun::Agreement, 1, Lang::En), "1 agreement");
        assert_eq!(count_text(Noun::Agreement, 0, Lang::En), "0 agreements");
        assert_eq!(count_text(Noun::Agreement, 2, Lang::En), "2 agreements");
        assert_eq!(count_text(Noun::Partner, 1, Lang::En), "1 partner");
        assert_eq!(count_text(Noun::Partner, 1_234, Lang::En), "1,234 partners");
        assert_eq!(count_text(Noun::Event, 1, Lang::En), "1 event");
        assert_eq!(count_text(Noun::Event, 3, Lang::En), "3 events");
    }

    #[test]
    fn indonesian_nouns_do_not_change() {
        assert_eq!(count_text(Noun::Agreement, 1, Lang::Id), "1 perjanjian");
        assert_eq!(
            count_text(Noun::Agreement, 1_234, Lang::Id),
            "1.234 perjanjian"
        );
        assert_eq!(count_text(Noun::Partner, 1, Lang::Id), "1 mitra");
        assert_eq!(count_text(Noun::Event, 2, Lang::Id), "2 acara");
    }
}
