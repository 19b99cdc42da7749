//! Text folding for search: lowercase, accents stripped, punctuation turned
//! into word breaks, and the legal forms of Indonesian business names
//! recognised.
//!
//! Letters are folded by [`crate::fold`], the one folding the agreement
//! list's name filter uses too.

use crate::fold::{is_apostrophe, is_combining, push_folded};

/// Legal forms of Indonesian business names. In a query they only break ties
/// (unless the query is nothing but legal forms), and they never count as a
/// word of the name when deciding whether a name matches exactly, so "PT"
/// does not drown "Sumber Makmur".
pub const LEGAL_FORMS: [&str; 8] = [
    "pt", "cv", "ud", "tbk", "koperasi", "persero", "perum", "kud",
];

/// True for a folded token that is a legal form ([`LEGAL_FORMS`]).
pub fn is_legal_form(token: &str) -> bool {
    LEGAL_FORMS.contains(&token)
}

/// Calls `f` with each folded token of `text`, in order. A token is a run of
/// letters and digits after folding; everything else separates tokens.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        if is_apostrophe(c) || is_combining(c) {
            continue;
        }
        if c.is_alphanumeric() {
            push_folded(c, &mut word);
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The folded tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.to_owned()));
    out
}

/// `text` folded and with single spaces between tokens: the form two strings
/// are compared in.
pub fn normalize(text: &str) -> String {
    tokens(text).join(" ")
}

/// The digits of `text` when it is nothing but digits and the separators
/// people type inside numbers (spaces, `.`, `-`); `None` otherwise.
pub fn digits_only(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if !(c.is_whitespace() || c == '.' || c == '-') {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_and_strips_accents() {
        assert_eq!(normalize("Café Ñusantara"), "cafe nusantara");
        assert_eq!(normalize("ÆRØ Straße"), "aero strasse");
        assert_eq!(normalize("Łódź Śląsk"), "lodz slask");
        assert_eq!(normalize("SUMBER  Makmur"), "sumber makmur");
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(normalize("Cafe\u{0301}"), normalize("Café"));
    }

    #[test]
    fn punctuation_separates_and_apostrophes_join() {
        assert_eq!(normalize("PT. Sumber-Makmur, Tbk."), "pt sumber makmur tbk");
        assert_eq!(normalize("Toko Ma'ruf"), "toko maruf");
        assert_eq!(normalize("PT Pertamina (Persero)"), "pt pertamina persero");
        assert_eq!(normalize("  "), "");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(normalize("上海 Trading"), "上海 trading");
    }

    #[test]
    fn legal_forms() {
        for t in tokens("PT CV UD Tbk Koperasi Persero") {
            assert!(is_legal_form(&t), "{t}");
        }
        assert!(!is_legal_form("sumber"));
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(
            digits_only("912 0020 210118").as_deref(),
            Some("9120020210118")
        );
        assert_eq!(
            digits_only("91.2002-0210118").as_deref(),
            Some("9120020210118")
        );
        assert_eq!(digits_only("PT 123"), None);
        assert_eq!(digits_only(" "), None);
    }
}
