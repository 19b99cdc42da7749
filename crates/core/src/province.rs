//! The 38 provinces of Indonesia with the codes of
//! Kepmendagri 100.1.1-6117/2022.
//!
//! Trap: before the 2022 Papua split the list used 91 = Papua Barat and
//! 94 = Papua. Under the current list 91 is Papua, 92 Papua Barat and 94
//! Papua Tengah. Public data mixes both, so a bare "91" or "94" from an old
//! file means a different province; store [`CODE_LIST`] next to a code, and
//! recode old data on import rather than guessing at display time.
//!
//! Capitals follow the same source; note Kalimantan Selatan's capital is
//! Banjarbaru (moved from Banjarmasin in 2022) and Maluku Utara's is Sofifi.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ident::IdentError;
/// Name of the code list the codes in this module come from. Defined beside
/// the identifier errors that quote it, so `ident` needs nothing from here.
pub use crate::ident::PROVINCE_CODE_LIST as CODE_LIST;

/// One province: two-digit code, official name, capital.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Province {
    /// Two-digit code.
    pub code: &'static str,
    /// Official name.
    pub name: &'static str,
    /// Capital city.
    pub capital: &'static str,
}

const fn p(code: &'static str, name: &'static str, capital: &'static str) -> Province {
    Province {
        code,
        name,
        capital,
    }
}

/// All provinces, sorted by code.
pub static PROVINCES: [Province; 38] = [
    p("11", "Aceh", "Banda Aceh"),
    p("12", "Sumatera Utara", "Medan"),
    p("13", "Sumatera Barat", "Padang"),
    p("14", "Riau", "Pekanbaru"),
    p("15", "Jambi", "Jambi"),
    p("16", "Sumatera Selatan", "Palembang"),
    p("17", "Bengkulu", "Bengkulu"),
    p("18", "Lampung", "Bandar Lampung"),
    p("19", "Kepulauan Bangka Belitung", "Pangkalpinang"),
    p("21", "Kepulauan Riau", "Tanjungpinang"),
    p("31", "DKI Jakarta", "Jakarta"),
    p("32", "Jawa Barat", "Bandung"),
    p("33", "Jawa Tengah", "Semarang"),
    p("34", "DI Yogyakarta", "Yogyakarta"),
    p("35", "Jawa Timur", "Surabaya"),
    p("36", "Banten", "Serang"),
    p("51", "Bali", "Denpasar"),
    p("52", "Nusa Tenggara Barat", "Mataram"),
    p("53", "Nusa Tenggara Timur", "Kupang"),
    p("61", "Kalimantan Barat", "Pontianak"),
    p("62", "Kalimantan Tengah", "Palangka Raya"),
    p("63", "Kalimantan Selatan", "Banjarbaru"),
    p("64", "Kalimantan Timur", "Samarinda"),
    p("65", "Kalimantan Utara", "Tanjung Selor"),
    p("71", "Sulawesi Utara", "Manado"),
    p("72", "Sulawesi Tengah", "Palu"),
    p("73", "Sulawesi Selatan", "Makassar"),
    p("74", "Sulawesi Tenggara", "Kendari"),
    p("75", "Gorontalo", "Gorontalo"),
    p("76", "Sulawesi Barat", "Mamuju"),
    p("81", "Maluku", "Ambon"),
    p("82", "Maluku Utara", "Sofifi"),
    p("91", "Papua", "Jayapura"),
    p("92", "Papua Barat", "Manokwari"),
    p("93", "Papua Selatan", "Merauke"),
    p("94", "Papua Tengah", "Nabire"),
    p("95", "Papua Pegunungan", "Wamena"),
    p("96", "Papua Barat Daya", "Sorong"),
];

/// A province code valid in [`CODE_LIST`]. Serialized as the JSON string
/// `"31"`; deserializing an unknown code fails, so a stored value always
/// names a province.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProvinceCode(u8); // index into PROVINCES, which is sorted by code

impl ProvinceCode {
    /// Accepts a two-digit code of the current list (surrounding spaces are
    /// ignored). Anything else, including codes only the old list had, is
    /// [`IdentError::ProvinceUnknown`].
    pub fn parse(s: &str) -> Result<Self, IdentError> {
        let code = s.trim();
        PROVINCES
            .iter()
            .position(|p| p.code == code)
            .map(|i| ProvinceCode(i as u8))
            .ok_or_else(|| IdentError::ProvinceUnknown(code.to_owned()))
    }

    /// Finds a province by its exact official name, ignoring case and
    /// surrounding spaces (`"jawa barat"`). No fuzzy matching: "Jakarta" vs
    /// "DKI Jakarta" is for the import step to decide explicitly.
    pub fn by_name(name: &str) -> Option<Self> {
        let name = name.trim();
        PROVINCES
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(name))
            .map(|i| ProvinceCode(i as u8))
    }

    /// Every province, sorted by code.
    pub fn all() -> impl Iterator<Item = ProvinceCode> {
        (0..PROVINCES.len()).map(|i| ProvinceCode(i as u8))
    }

    /// The province's record.
    pub fn province(self) -> &'static Province {
        // The index is only ever built from a position in PROVINCES.
        &PROVINCES[usize::from(self.0)]
    }

    /// The two-digit code.
    pub fn as_str(self) -> &'static str {
        self.province().code
    }

    /// The official name.
    pub fn name(self) -> &'static str {
        self.province().name
    }

    /// The capital city.
    pub fn capital(self) -> &'static str {
        self.province().capital
    }
}

impl fmt::Display for ProvinceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ProvinceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProvinceCode({:?})", self.as_str())
    }
}

impl TryFrom<String> for ProvinceCode {
    type Error = IdentError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ProvinceCode::parse(&s)
    }
}

impl From<ProvinceCode> for String {
    fn from(c: ProvinceCode) -> String {
        c.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list as written in domain.md, copied verbatim.
    const DOMAIN_LIST: &str =
        "11 Aceh (Banda Aceh) · 12 Sumatera Utara (Medan) · 13 Sumatera Barat (Padang) ·
14 Riau (Pekanbaru) · 15 Jambi (Jambi) · 16 Sumatera Selatan (Palembang) ·
17 Bengkulu (Bengkulu) · 18 Lampung (Bandar Lampung) · 19 Kepulauan Bangka
Belitung (Pangkalpinang) · 21 Kepulauan Riau (Tanjungpinang) · 31 DKI Jakarta
(Jakarta) · 32 Jawa Barat (Bandung) · 33 Jawa Tengah (Semarang) · 34 DI
Yogyakarta (Yogyakarta) · 35 Jawa Timur (Surabaya) · 36 Banten (Serang) ·
51 Bali (Denpasar) · 52 Nusa Tenggara Barat (Mataram) · 53 Nusa Tenggara Timur
(Kupang) · 61 Kalimantan Barat (Pontianak) · 62 Kalimantan Tengah (Palangka
Raya) · 63 Kalimantan Selatan (Banjarbaru) · 64 Kalimantan Timur (Samarinda) ·
65 Kalimantan Utara (Tanjung Selor) · 71 Sulawesi Utara (Manado) · 72 Sulawesi
Tengah (Palu) · 73 Sulawesi Selatan (Makassar) · 74 Sulawesi Tenggara
(Kendari) · 75 Gorontalo (Gorontalo) · 76 Sulawesi Barat (Mamuju) · 81 Maluku
(Ambon) · 82 Maluku Utara (Sofifi) · 91 Papua (Jayapura) · 92 Papua Barat
(Manokwari) · 93 Papua Selatan (Merauke) · 94 Papua Tengah (Nabire) ·
95 Papua Pegunungan (Wamena) · 96 Papua Barat Daya (Sorong)";

    #[test]
    fn table_matches_domain_notes() {
        let flat = DOMAIN_LIST.replace('\n', " ");
        let entries: Vec<&str> = flat.split(" · ").map(str::trim).collect();
        assert_eq!(entries.len(), 38);
        for (entry, prov) in entries.iter().zip(PROVINCES.iter()) {
            let (code, rest) = entry.split_once(' ').unwrap();
            let (name, capital) = rest.trim_end_matches(')').split_once(" (").unwrap();
            assert_eq!(
                (prov.code, prov.name, prov.capital),
                (code, name, capital),
                "{entry}"
            );
        }
    }

    #[test]
    fn codes_are_sorted_unique_two_digits() {
        assert_eq!(PROVINCES.len(), 38);
        for w in PROVINCES.windows(2) {
            assert!(w[0].code < w[1].code);
        }
        for p in &PROVINCES {
            assert!(p.code.len() == 2 && p.code.bytes().all(|b| b.is_ascii_digit()));
        }
        assert_eq!(ProvinceCode::all().count(), 38);
    }

    #[test]
    fn papua_trap() {
        // Current list; the old list had 91 = Papua Barat, 94 = Papua.
        assert_eq!(ProvinceCode::parse("91").unwrap().name(), "Papua");
        assert_eq!(ProvinceCode::parse("92").unwrap().name(), "Papua Barat");
        assert_eq!(ProvinceCode::parse("94").unwrap().name(), "Papua Tengah");
        assert_eq!(ProvinceCode::by_name("Papua Barat").unwrap().as_str(), "92");
        assert_eq!(CODE_LIST, "Kepmendagri 100.1.1-6117/2022");
    }

    #[test]
    fn lookups() {
        let bengkulu = ProvinceCode::parse(" 17 ").unwrap();
        assert_eq!(bengkulu.name(), "Bengkulu");
        assert_eq!(bengkulu.capital(), "Bengkulu");
        assert_eq!(bengkulu.to_string(), "17");
        assert_eq!(format!("{bengkulu:?}"), "ProvinceCode(\"17\")");
        let kalsel = ProvinceCode::parse("63").unwrap();
        assert_eq!(kalsel.province().capital, "Banjarbaru");
        assert_eq!(ProvinceCode::by_name("dki jakarta").unwrap().as_str(), "31");
        assert_eq!(ProvinceCode::by_name("Jakarta"), None);
        assert!(ProvinceCode::parse("11").unwrap() < ProvinceCode::parse("96").unwrap());
    }

    #[test]
    fn unknown_codes() {
        for bad in ["", "0", "10", "20", "97", "031", "3l", "99", "Jakarta"] {
            assert_eq!(
                ProvinceCode::parse(bad),
                Err(IdentError::ProvinceUnknown(bad.trim().to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn serde_string() {
        let c = ProvinceCode::parse("31").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"31\"");
        assert_eq!(
            serde_json::from_str::<ProvinceCode>("\"96\"")
                .unwrap()
                .name(),
            "Papua Barat Daya"
        );
        assert!(serde_json::from_str::<ProvinceCode>("\"97\"").is_err());
        assert!(serde_json::from_str::<ProvinceCode>("31").is_err());
    }
}
