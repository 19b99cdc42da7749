//! Business identifiers: NIB, NPWP, KBLI — validated at the edge so the rest
//! of the app never handles a malformed one.
//!
//! Each type only checks what is publicly specified: NIB and NPWP have no
//! public checksum, so validation is about shape, not existence.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// Name of the province code list ([`crate::province::CODE_LIST`]), which
/// [`IdentError::ProvinceUnknown`] quotes.
pub const PROVINCE_CODE_LIST: &str = "Kepmendagri 100.1.1-6117/2022";
const CODE_LIST: &str = PROVINCE_CODE_LIST;

/// What is wrong with an identifier. `Display` is English; use
/// [`IdentError::message`] for the interface language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdentError {
    /// NIB must have exactly 13 digits.
    NibLength {
        /// How many digits were found.
        found: usize,
    },
    /// NIB contains something other than digits (internal spaces included).
    NibNonDigit,
    /// NPWP must have 15 (old) or 16 digits once `.`, `-` and spaces go.
    NpwpLength {
        /// How many digits were found.
        found: usize,
    },
    /// NPWP contains something other than digits, `.`, `-` or spaces.
    NpwpNonDigit,
    /// A KBLI code has exactly 5 digits.
    KbliLength {
        /// How many characters were found.
        found: usize,
    },
    /// A KBLI code contains something other than digits.
    KbliNonDigit,
    /// The 2-digit division (golongan pokok) does not exist in KBLI 2020.
    KbliUnknownDivision(String),
    /// KBLI version other than 2020 or 2025.
    KbliVersionUnknown(String),
    /// Not a province code of Kepmendagri 100.1.1-6117/2022.
    ProvinceUnknown(String),
}

impl IdentError {
    /// The message in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        use IdentError::*;
        match (self, lang) {
            (NibLength { found }, Lang::Id) => {
                format!("NIB harus terdiri dari 13 angka; yang diisi {found}.")
            }
            (NibLength { found }, Lang::En) => {
                format!("An NIB has exactly 13 digits; found {found}.")
            }
            (NibNonDigit, Lang::Id) => "NIB hanya boleh berisi angka.".into(),
            (NibNonDigit, Lang::En) => "An NIB may contain digits only.".into(),
            (NpwpLength { found }, Lang::Id) => {
                format!("NPWP harus terdiri dari 15 atau 16 angka; yang diisi {found}.")
            }
            (NpwpLength { found }, Lang::En) => {
                format!("An NPWP has 15 or 16 digits; found {found}.")
            }
            (NpwpNonDigit, Lang::Id) => {
                "NPWP hanya boleh berisi angka, titik dan tanda hubung.".into()
            }
            (NpwpNonDigit, Lang::En) => "An NPWP may contain digits, dots and dashes only.".into(),
            (KbliLength { found }, Lang::Id) => {
                format!("Kode KBLI harus terdiri dari 5 angka; yang diisi {found}.")
            }
            (KbliLength { found }, Lang::En) => {
                format!("A KBLI code has exactly 5 digits; found {found}.")
            }
            (KbliNonDigit, Lang::Id) => "Kode KBLI hanya boleh berisi angka.".into(),
            (KbliNonDigit, Lang::En) => "A KBLI code may contain digits only.".into(),
            (KbliUnknownDivision(d), Lang::Id) => {
                format!("Golongan pokok {d} tidak ada dalam KBLI 2020.")
            }
            (KbliUnknownDivision(d), Lang::En) => {
                format!("Division {d} does not exist in KBLI 2020.")
            }
            (KbliVersionUnknown(v), Lang::Id) => {
                format!("Versi KBLI \"{v}\" tidak dikenal; gunakan 2020 atau 2025.")
            }
            (KbliVersionUnknown(v), Lang::En) => {
                format!("Unknown KBLI version \"{v}\"; use 2020 or 2025.")
            }
            (ProvinceUnknown(c), Lang::Id) => {
                format!("Kode provinsi \"{c}\" tidak ada dalam {CODE_LIST}.")
            }
            (ProvinceUnknown(c), Lang::En) => {
                format!("Province code \"{c}\" is not in {CODE_LIST}.")
            }
        }
    }
}

impl fmt::Display for IdentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for IdentError {}

/// Implements `Display`, `TryFrom<String>` and `Into<String>` for a newtype
/// over `String` with a `parse` function, so serde can use
/// `try_from = "String", into = "String"`.
macro_rules! string_ident {
    ($t:ident) => {
        impl TryFrom<String> for $t {
            type Error = IdentError;
            fn try_from(s: String) -> Result<Self, IdentError> {
                $t::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }
    };
}

// ----------------------------------------------------------------------- NIB

/// Nomor Induk Berusaha: 13 digits issued by OSS, one per business. There is
/// no public checksum, so only the shape is checked.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nib(String);

impl Nib {
    /// Exactly 13 ASCII digits; surrounding whitespace is trimmed, internal
    /// spaces are refused (a pasted NIB with a gap is more likely a typo than
    /// formatting, since OSS prints it ungrouped).
    pub fn parse(s: &str) -> Result<Self, IdentError> {
        let s = s.trim();
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentError::NibNonDigit);
        }
        if s.len() != 13 {
            return Err(IdentError::NibLength { found: s.len() });
        }
        Ok(Nib(s.to_owned()))
    }

    /// The 13 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Nib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

string_ident!(Nib);

// ---------------------------------------------------------------------- NPWP

/// Nomor Pokok Wajib Pajak, always stored in the 16-digit form.
///
/// Since 14 July 2022 (PMK 112/PMK.03/2022) companies use a 16-digit NPWP,
/// which is "0" followed by the old 15 digits (`99.999.999.9-999.999`).
/// Old-format input is still common, so 15 digits are accepted and prefixed.
///
/// An individual's 16-digit NPWP is their NIK (population number), which is
/// personal data and must never be displayed: [`Npwp::is_nik`] tells the two
/// apart (a NIK never starts with 0), and `Display` masks a NIK. Use
/// [`Npwp::as_str`] only for storage and comparison.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Npwp(String);

impl Npwp {
    /// Strips `.`, `-` and spaces wherever they are, then requires 15 or 16
    /// digits. Punctuation positions are not checked: people paste NPWPs
    /// from documents with inconsistent grouping.
    pub fn parse(s: &str) -> Result<Self, IdentError> {
        let digits: String = s
            .chars()
            .filter(|c| !matches!(c, '.' | '-') && !c.is_whitespace())
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentError::NpwpNonDigit);
        }
        match digits.len() {
            15 => Ok(Npwp(format!("0{digits}"))),
            16 => Ok(Npwp(digits)),
            found => Err(IdentError::NpwpLength { found }),
        }
    }

    /// The 16 digits, unmasked. For storage and comparison only.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when this is an individual's NIK used as NPWP (16 digits not
    /// starting with 0). Such a value is personal data.
    pub fn is_nik(&self) -> bool {
        !self.0.starts_with('0')
    }

    /// The form for display: the 16 digits, or a mask for a NIK. There is
    /// no official punctuation for the 16-digit form.
    pub fn formatted(&self) -> String {
        if self.is_nik() {
            "*".repeat(16)
        } else {
            self.0.clone()
        }
    }

    /// The old `99.999.999.9-999.999` form, when the value is "0" + an old
    /// 15-digit NPWP; `None` for a NIK.
    pub fn legacy_formatted(&self) -> Option<String> {
        let d = self.0.strip_prefix('0')?;
        Some(format!(
            "{}.{}.{}.{}-{}.{}",
            &d[0..2],
            &d[2..5],
            &d[5..8],
            &d[8..9],
            &d[9..12],
            &d[12..15]
        ))
    }
}

impl fmt::Display for Npwp {
    /// Same as [`Npwp::formatted`]: a NIK is masked.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

string_ident!(Npwp);

// ---------------------------------------------------------------------- KBLI

/// Edition of KBLI. A code means different things in different editions,
/// so the version is stored with every code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KbliVersion {
    /// Peraturan BPS 2/2020: categories A–U.
    #[serde(rename = "2020")]
    V2020,
    /// KBLI 2025: categories A–V.
    #[serde(rename = "2025")]
    V2025,
}

impl KbliVersion {
    /// The year as written in the data (`"2020"`).
    pub fn as_str(self) -> &'static str {
        match self {
            KbliVersion::V2020 => "2020",
            KbliVersion::V2025 => "2025",
        }
    }

    /// Reads [`KbliVersion::as_str`].
    pub fn parse(s: &str) -> Result<Self, IdentError> {
        match s.trim() {
            "2020" => Ok(KbliVersion::V2020),
            "2025" => Ok(KbliVersion::V2025),
            other => Err(IdentError::KbliVersionUnknown(other.to_owned())),
        }
    }
}

impl fmt::Display for KbliVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// KBLI 2020 divisions (golongan pokok) by category: (first, last, letter).
const KBLI_2020_SECTIONS: [(u8, u8, char); 21] = [
    (1, 3, 'A'),
    (5, 9, 'B'),
    (10, 33, 'C'),
    (35, 35, 'D'),
    (36, 39, 'E'),
    (41, 43, 'F'),
    (45, 47, 'G'),
    (49, 53, 'H'),
    (55, 56, 'I'),
    (58, 63, 'J'),
    (64, 66, 'K'),
    (68, 68, 'L'),
    (69, 75, 'M'),
    (77, 82, 'N'),
    (84, 84, 'O'),
    (85, 85, 'P'),
    (86, 88, 'Q'),
    (90, 93, 'R'),
    (94, 96, 'S'),
    (97, 98, 'T'),
    (99, 99, 'U'),
];

fn kbli_2020_category(division: u8) -> Option<char> {
    KBLI_2020_SECTIONS
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&division))
        .map(|(_, _, letter)| *letter)
}

/// A 5-digit KBLI code (kelompok) with its edition. Serialized as
/// `{"code":"10792","version":"2020"}`; deserialization validates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "KbliRaw", into = "KbliRaw")]
pub struct Kbli {
    code: String,
    version: KbliVersion,
}

/// The unvalidated wire shape of [`Kbli`].
#[derive(Clone, Debug, Serialize, Deserialize)]
struct KbliRaw {
    code: String,
    version: KbliVersion,
}

impl Kbli {
    /// Exactly 5 ASCII digits (surrounding spaces trimmed). For KBLI 2020
    /// the first two digits must be a division of the A–U table. KBLI 2025
    /// codes are checked for shape only: its division table (A–V) has not
    /// been verified for this project.
    pub fn parse(code: &str, version: KbliVersion) -> Result<Self, IdentError> {
        let code = code.trim();
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentError::KbliNonDigit);
        }
        if code.len() != 5 {
            return Err(IdentError::KbliLength { found: code.len() });
        }
        if version == KbliVersion::V2020 {
            let division = &code[..2];
            let known = division.parse::<u8>().ok().and_then(kbli_2020_category);
            if known.is_none() {
                return Err(IdentError::KbliUnknownDivision(division.to_owned()));
            }
        }
        Ok(Kbli {
            code: code.to_owned(),
            version,
        })
    }

    /// The 5 digits.
    pub fn as_str(&self) -> &str {
        &self.code
    }

    /// The KBLI version the code follows.
    pub fn version(&self) -> KbliVersion {
        self.version
    }

    /// The 2-digit division (golongan pokok).
    pub fn division(&self) -> &str {
        &self.code[..2]
    }

    /// The category letter (A–U) for a KBLI 2020 code; `None` for KBLI
    /// 2025, whose table is not verified here (see [`Kbli::parse`]).
    pub fn category(&self) -> Option<char> {
        match self.version {
            KbliVersion::V2020 => self.division().parse().ok().and_then(kbli_2020_category),
            KbliVersion::V2025 => None,
        }
    }
}

impl fmt::Display for Kbli {
    /// `10792 (KBLI 2020)`: the edition always travels with the code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (KBLI {})", self.code, self.version)
    }
}

impl TryFrom<KbliRaw> for Kbli {
    type Error = IdentError;
    fn try_from(raw: KbliRaw) -> Result<Self, IdentError> {
        Kbli::parse(&raw.code, raw.version)
    }
}

impl From<Kbli> for KbliRaw {
    fn from(k: Kbli) -> KbliRaw {
        KbliRaw {
            code: k.code,
            version: k.version,
        }
    }
}

/// Short name of a KBLI 2020 category (A–U), `None` for other letters.
/// Indonesian names follow Peraturan BPS 2/2020, shortened for E, N and T;
/// English names follow ISIC Rev. 4 sections, also shortened.
pub fn category_name(letter: char, lang: Lang) -> Option<&'static str> {
    let (id, en) = match letter.to_ascii_uppercase() {
        'A' => (
            "Pertanian, Kehutanan dan Perikanan",
            "Agriculture, Forestry and Fishing",
        ),
        'B' => ("Pertambangan dan Penggalian", "Mining and Quarrying"),
        'C' => ("Industri Pengolahan", "Manufacturing"),
        'D' => (
            "Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin",
            "Electricity, Gas, Steam and Air Conditioning Supply",
        ),
        'E' => (
            "Pengelolaan Air, Air Limbah dan Sampah, dan Remediasi",
            "Water Supply, Sewerage, Waste Management and Remediation",
        ),
        'F' => ("Konstruksi", "Construction"),
        'G' => (
            "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor",
            "Wholesale and Retail Trade",
        ),
        'H' => ("Pengangkutan dan Pergudangan", "Transportation and Storage"),
        'I' => (
            "Penyediaan Akomodasi dan Makan Minum",
            "Accommodation and Food Service",
        ),
        'J' => ("Informasi dan Komunikasi", "Information and Communication"),
        'K' => (
            "Aktivitas Keuangan dan Asuransi",
            "Financial and Insurance Activities",
        ),
        'L' => ("Real Estat", "Real Estate"),
        'M' => (
            "Aktivitas Profesional, Ilmiah dan Teknis",
            "Professional, Scientific and Technical Activities",
        ),
        'N' => (
            "Aktivitas Penyewaan, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha",
            "Administrative and Support Service Activities",
        ),
        'O' => (
            "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib",
            "Public Administration and Defence; Compulsory Social Security",
        ),
        'P' => ("Pendidikan", "Education"),
        'Q' => (
            "Aktivitas Kesehatan Manusia dan Aktivitas Sosial",
            "Human Health and Social Work",
        ),
        'R' => (
            "Kesenian, Hiburan dan Rekreasi",
            "Arts, Entertainment and Recreation",
        ),
        'S' => ("Aktivitas Jasa Lainnya", "Other Service Activities"),
        'T' => (
            "Aktivitas Rumah Tangga sebagai Pemberi Kerja",
            "Activities of Households as Employers",
        ),
        'U' => (
            "Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya",
            "Activities of Extraterritorial Organizations",
        ),
        _ => return None,
    };
    Some(if lang == Lang::Id { id } else { en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nib_is_exactly_13_digits() {
        let nib = Nib::parse(" 1234567890123 ").unwrap();
        assert_eq!(nib.as_str(), "1234567890123");
        assert_eq!(nib.to_string(), "1234567890123");
        assert_eq!(
            Nib::parse("123456789012"),
            Err(IdentError::NibLength { found: 12 })
        );
        assert_eq!(
            Nib::parse("12345678901234"),
            Err(IdentError::NibLength { found: 14 })
        );
        assert_eq!(Nib::parse(""), Err(IdentError::NibLength { found: 0 }));
        assert_eq!(Nib::parse("123456 7890123"), Err(IdentError::NibNonDigit));
        assert_eq!(Nib::parse("123456789012A"), Err(IdentError::NibNonDigit));
        assert_eq!(
            Nib::parse("１２３４５６７８９０１２３"),
            Err(IdentError::NibNonDigit)
        );
        // Leading zeros are significant: it is a string, not a number.
        assert_eq!(
            Nib::parse("0000000000001").unwrap().as_str(),
            "0000000000001"
        );
    }

    #[test]
    fn npwp_15_is_stored_as_16() {
        let old = Npwp::parse("01.234.567.8-901.234").unwrap();
        assert_eq!(old.as_str(), "0012345678901234");
        assert_eq!(old.as_str().len(), 16);
        assert_eq!(Npwp::parse("012345678901234").unwrap(), old);
        assert_eq!(Npwp::parse("0012345678901234").unwrap(), old);
        assert_eq!(old.formatted(), "0012345678901234");
        assert_eq!(
            old.legacy_formatted().as_deref(),
            Some("01.234.567.8-901.234")
        );
        assert!(!old.is_nik());
        // Punctuation anywhere is stripped.
        assert_eq!(Npwp::parse("0123-45678.901234").unwrap(), old);
        assert_eq!(
            Npwp::parse("01234567890123"),
            Err(IdentError::NpwpLength { found: 14 })
        );
        assert_eq!(
            Npwp::parse("00123456789012345"),
            Err(IdentError::NpwpLength { found: 17 })
        );
        assert_eq!(Npwp::parse(""), Err(IdentError::NpwpLength { found: 0 }));
        assert_eq!(
            Npwp::parse("01.234.567.8/901.234"),
            Err(IdentError::NpwpNonDigit)
        );
    }

    #[test]
    fn npwp_nik_is_never_displayed() {
        let nik = Npwp::parse("3171012345678901").unwrap();
        assert!(nik.is_nik());
        assert_eq!(nik.as_str(), "3171012345678901");
        assert_eq!(nik.to_string(), "****************");
        assert_eq!(nik.formatted(), "****************");
        assert_eq!(nik.legacy_formatted(), None);
    }

    #[test]
    fn kbli_shape_and_version() {
        let k = Kbli::parse("10792", KbliVersion::V2020).unwrap();
        assert_eq!(k.as_str(), "10792");
        assert_eq!(k.version(), KbliVersion::V2020);
        assert_eq!(k.division(), "10");
        assert_eq!(k.category(), Some('C'));
        assert_eq!(k.to_string(), "10792 (KBLI 2020)");
        assert_eq!(
            Kbli::parse("1079", KbliVersion::V2020),
            Err(IdentError::KbliLength { found: 4 })
        );
        assert_eq!(
            Kbli::parse("107920", KbliVersion::V2020),
            Err(IdentError::KbliLength { found: 6 })
        );
        assert_eq!(
            Kbli::parse("10.79", KbliVersion::V2020),
            Err(IdentError::KbliNonDigit)
        );
        // 2025 codes: shape only, no category claimed.
        let k25 = Kbli::parse("04000", KbliVersion::V2025).unwrap();
        assert_eq!(k25.category(), None);
        assert_eq!(KbliVersion::parse("2025"), Ok(KbliVersion::V2025));
        assert_eq!(
            KbliVersion::parse("2015"),
            Err(IdentError::KbliVersionUnknown("2015".into()))
        );
    }

    #[test]
    fn kbli_2020_categories() {
        let cases = [
            ("01", 'A'),
            ("03", 'A'),
            ("05", 'B'),
            ("09", 'B'),
            ("10", 'C'),
            ("33", 'C'),
            ("35", 'D'),
            ("36", 'E'),
            ("39", 'E'),
            ("41", 'F'),
            ("43", 'F'),
            ("45", 'G'),
            ("47", 'G'),
            ("49", 'H'),
            ("53", 'H'),
            ("55", 'I'),
            ("56", 'I'),
            ("58", 'J'),
            ("63", 'J'),
            ("64", 'K'),
            ("66", 'K'),
            ("68", 'L'),
            ("69", 'M'),
            ("75", 'M'),
            ("77", 'N'),
            ("82", 'N'),
            ("84", 'O'),
            ("85", 'P'),
            ("86", 'Q'),
            ("88", 'Q'),
            ("90", 'R'),
            ("93", 'R'),
            ("94", 'S'),
            ("96", 'S'),
            ("97", 'T'),
            ("98", 'T'),
            ("99", 'U'),
        ];
        for (div, letter) in cases {
            let k = Kbli::parse(&format!("{div}000"), KbliVersion::V2020).unwrap();
            assert_eq!(k.category(), Some(letter), "{div}");
        }
        for div in [
            "00", "04", "34", "40", "44", "48", "54", "57", "67", "76", "83", "89",
        ] {
            assert_eq!(
                Kbli::parse(&format!("{div}111"), KbliVersion::V2020),
                Err(IdentError::KbliUnknownDivision(div.into()))
            );
        }
    }

    #[test]
    fn category_names() {
        assert_eq!(
            category_name('A', Lang::Id),
            Some("Pertanian, Kehutanan dan Perikanan")
        );
        assert_eq!(
            category_name('a', Lang::En),
            Some("Agriculture, Forestry and Fishing")
        );
        assert_eq!(category_name('C', Lang::Id), Some("Industri Pengolahan"));
        assert_eq!(category_name('C', Lang::En), Some("Manufacturing"));
        assert_eq!(
            category_name('G', Lang::Id),
            Some("Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor")
        );
        assert_eq!(
            category_name('G', Lang::En),
            Some("Wholesale and Retail Trade")
        );
        assert_eq!(
            category_name('I', Lang::Id),
            Some("Penyediaan Akomodasi dan Makan Minum")
        );
        assert_eq!(
            category_name('I', Lang::En),
            Some("Accommodation and Food Service")
        );
        for letter in 'A'..='U' {
            assert!(category_name(letter, Lang::Id).is_some(), "{letter}");
            assert!(category_name(letter, Lang::En).is_some(), "{letter}");
        }
        assert_eq!(category_name('V', Lang::Id), None); // KBLI 2025 only
        assert_eq!(category_name('1', Lang::En), None);
    }

    #[test]
    fn serde_shapes() {
        let nib = Nib::parse("1234567890123").unwrap();
        assert_eq!(serde_json::to_string(&nib).unwrap(), "\"1234567890123\"");
        assert!(serde_json::from_str::<Nib>("\"123\"").is_err());
        let npwp: Npwp = serde_json::from_str("\"01.234.567.8-901.234\"").unwrap();
        assert_eq!(
            serde_json::to_string(&npwp).unwrap(),
            "\"0012345678901234\""
        );
        let k = Kbli::parse("10792", KbliVersion::V2020).unwrap();
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, r#"{"code":"10792","version":"2020"}"#);
        assert_eq!(serde_json::from_str::<Kbli>(&json).unwrap(), k);
        assert!(serde_json::from_str::<Kbli>(r#"{"code":"04000","version":"2020"}"#).is_err());
        assert!(serde_json::from_str::<Kbli>(r#"{"code":"10792","version":"2015"}"#).is_err());
        assert!(serde_json::from_str::<Kbli>(r#"{"code":"10792"}"#).is_err());
    }

    #[test]
    fn messages() {
        let e = IdentError::NibLength { found: 12 };
        assert_eq!(e.to_string(), "An NIB has exactly 13 digits; found 12.");
        assert_eq!(
            e.message(Lang::Id),
            "NIB harus terdiri dari 13 angka; yang diisi 12."
        );
        let p = IdentError::ProvinceUnknown("97".into());
        assert!(p
            .message(Lang::Id)
            .contains("Kepmendagri 100.1.1-6117/2022"));
        let boxed: Box<dyn std::error::Error> = Box::new(IdentError::KbliNonDigit);
        assert_eq!(boxed.to_string(), "A KBLI code may contain digits only.");
    }
}
