//! The two interface languages.
//!
//! The app is Indonesian first (the program, its documents and most of its
//! readers are Indonesian) with an English mode for foreign investors (PMA)
//! and journalists. Every formatter in this crate takes a [`Lang`] instead of
//! reading a global, so the same value can be rendered in both languages side
//! by side and tests stay deterministic.

use serde::{Deserialize, Serialize};

/// Interface language. Serialized as `"id"` / `"en"` (the BCP 47 primary
/// subtags), which is also what goes into URLs and `localStorage`.
///
/// The default is Indonesian: the program is Indonesian and so is most of its
/// audience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia (default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Indonesian first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// BCP 47 primary subtag: `"id"` or `"en"` (for `<html lang>` and URLs).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Reads a language tag such as `"id"`, `"EN"`, `"id-ID"` or `"en_US"`.
    ///
    /// Only the primary subtag counts, because browsers report
    /// `navigator.language` with a region (`"id-ID"`, `"en-GB"`). The old
    /// ISO 639 code `"in"` for Indonesian is accepted too: some Android and
    /// Java stacks still emit it. Anything else gives `None`, so the caller
    /// chooses the fallback.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let primary = s.split(['-', '_']).next().unwrap_or(s);
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") {
            Some(Lang::Id)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(Lang::Id.code(), "id");
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::En.to_string(), "en");
        assert_eq!(Lang::default(), Lang::Id);
    }

    #[test]
    fn parse_tags() {
        assert_eq!(Lang::parse("id"), Some(Lang::Id));
        assert_eq!(Lang::parse(" ID "), Some(Lang::Id));
        assert_eq!(Lang::parse("id-ID"), Some(Lang::Id));
        assert_eq!(Lang::parse("in"), Some(Lang::Id));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("ms"), None);
        assert_eq!(Lang::parse("ind"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn serde_lowercase() {
        assert_eq!(serde_json::to_string(&Lang::Id).unwrap(), "\"id\"");
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
        assert!(serde_json::from_str::<Lang>("\"EN\"").is_err());
    }
}
