//! One accent folding for every text match in the app: the partner search
//! ([`crate::search`]) and the agreement list's name filter
//! ([`crate::agreement_query`]) fold the same way, so "Sinár" finds the same
//! names on /mitra and /perjanjian.
//!
//! The table is written out by hand for the Latin letters that occur in
//! names (Latin-1 Supplement and Latin Extended-A, plus combining marks of
//! decomposed input): a Unicode normalisation crate would cost far more wasm
//! than the handful of letters Indonesian and the investors' languages use.
//! Letters of other scripts are kept as they are, lowercased.

/// The ASCII folding of one lowercase Latin letter with a diacritic, or of a
/// ligature; `None` when the character has no folding.
fn fold_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Apostrophes join what they separate ("Ma'ruf" is one word, "maruf").
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Combining diacritical marks (decomposed accents): dropped.
pub fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Appends `c` lowercased and folded to `out`. Apostrophes and combining
/// marks are dropped; every other character is kept (lowercased).
pub fn push_folded(c: char, out: &mut String) {
    if is_apostrophe(c) || is_combining(c) {
        return;
    }
    for lower in c.to_lowercase() {
        match fold_letter(lower) {
            Some(s) => out.push_str(s),
            None => out.push(lower),
        }
    }
}

/// `s` lowercased with accents removed, apostrophes and combining marks
/// dropped, and everything else kept: "Sinár Ma'ruf" -> "sinar maruf".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_ligatures_and_apostrophes_fold() {
        assert_eq!(fold("Sinár JAYA"), "sinar jaya");
        assert_eq!(fold("Straße Œuvre Ø"), "strasse oeuvre o");
        assert_eq!(fold("Ma'ruf Ma’ruf"), "maruf maruf");
        // "e" followed by a combining acute accent.
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    #[test]
    fn other_characters_are_kept_lowercased() {
        assert_eq!(fold("PT. Maju-Jaya 2"), "pt. maju-jaya 2");
        assert_eq!(fold("ΑΒΓ"), "αβγ");
    }
}
