//! Constant tables the generator draws from: sector profiles (which KBLI
//! codes and partnership patterns go together), places, countries and the
//! invented words names are built from.
//!
//! KBLI codes are KBLI 2020 codes chosen as plausible for the sector; the
//! dataset stores codes only, never their titles.

use kemitraan_core::pattern::Pattern;

/// A line of business: what the large company does, what its UMKM partners
/// do, and which patterns such partnerships take.
pub struct Profile {
    pub weight: u32,
    pub company_kbli: &'static [&'static str],
    pub umkm_kbli: &'static [&'static str],
    pub patterns: &'static [(Pattern, u32)],
    /// Province codes where such companies cluster (used 70 % of the time).
    pub company_provinces: &'static [&'static str],
    /// Last word of an Indonesian company name ("PT ... Agro").
    pub noun_id: &'static [&'static str],
    /// Last words of a PMA name ("PT ... Components Indonesia").
    pub noun_en: &'static [&'static str],
    /// What an UMKM of this line makes or does ("UD Keripik ...").
    pub products: &'static [&'static str],
    /// Kind of cooperative ("Koperasi Produsen ...").
    pub koperasi: &'static str,
}

use Pattern::*;

pub const PROFILES: [Profile; 11] = [
    Profile {
        weight: 10,
        company_kbli: &["10431", "01262"],
        umkm_kbli: &["01262", "01291"],
        patterns: &[(IntiPlasma, 6), (RantaiPasok, 2), (BagiHasil, 1)],
        company_provinces: &["14", "12", "61", "62", "64", "16", "15"],
        noun_id: &["Agro", "Perkebunan", "Agrindo"],
        noun_en: &["Plantations", "Agri Resources"],
        products: &["Sawit", "Kebun", "Tani"],
        koperasi: "Produsen",
    },
    Profile {
        weight: 14,
        company_kbli: &["10710", "10792", "11040"],
        umkm_kbli: &["10792", "10710", "01111", "01131"],
        patterns: &[
            (RantaiPasok, 4),
            (PerdaganganUmum, 3),
            (Subkontrak, 2),
            (Lain, 1),
        ],
        company_provinces: &["31", "32", "35", "33", "36"],
        noun_id: &["Pangan", "Boga", "Makanan"],
        noun_en: &["Foods", "Food Industries"],
        products: &["Keripik", "Roti", "Sambal", "Kue", "Sayur"],
        koperasi: "Pemasaran",
    },
    Profile {
        weight: 10,
        company_kbli: &["29300", "29100"],
        umkm_kbli: &["25920", "22220", "25111"],
        patterns: &[(Subkontrak, 5), (RantaiPasok, 3), (KerjaSamaOperasional, 1)],
        company_provinces: &["32", "36", "31", "35", "33", "21"],
        noun_id: &["Otomotif", "Komponen", "Teknik"],
        noun_en: &["Components", "Auto Parts", "Precision"],
        products: &["Logam", "Presisi", "Bubut", "Cetak"],
        koperasi: "Produsen",
    },
    Profile {
        weight: 9,
        company_kbli: &["13121", "14111", "15201"],
        umkm_kbli: &["14111", "13134", "15201"],
        patterns: &[(Subkontrak, 4), (RantaiPasok, 2), (Lain, 1)],
        company_provinces: &["32", "33", "36", "34"],
        noun_id: &["Tekstil", "Busana", "Sandang"],
        noun_en: &["Textiles", "Apparel", "Footwear"],
        products: &["Batik", "Konveksi", "Tenun", "Sepatu"],
        koperasi: "Produsen",
    },
    Profile {
        weight: 9,
        company_kbli: &["47111", "46100"],
        umkm_kbli: &["47111", "10792", "47241"],
        patterns: &[(Waralaba, 4), (PerdaganganUmum, 3), (DistribusiKeagenan, 3)],
        company_provinces: &["31", "36", "32", "35"],
        noun_id: &["Niaga", "Ritel", "Dagang"],
        noun_en: &["Retail", "Trading"],
        products: &["Kelontong", "Grosir", "Warung"],
        koperasi: "Konsumen",
    },
    Profile {
        weight: 8,
        company_kbli: &["05100", "24202", "35101"],
        umkm_kbli: &["81210", "49431", "56210", "80100"],
        patterns: &[
            (Penyumberluaran, 5),
            (KerjaSamaOperasional, 2),
            (Subkontrak, 1),
        ],
        company_provinces: &["64", "72", "82", "73", "16", "63"],
        noun_id: &["Energi", "Tambang", "Mineral"],
        noun_en: &["Mining", "Energy", "Metals"],
        products: &["Jasa Kebersihan", "Angkutan", "Katering", "Jasa Keamanan"],
        koperasi: "Jasa",
    },
    Profile {
        weight: 7,
        company_kbli: &["63122", "62019"],
        umkm_kbli: &["47911", "62019", "73100"],
        patterns: &[
            (DistribusiKeagenan, 3),
            (BagiHasil, 3),
            (KerjaSamaOperasional, 1),
            (Lain, 1),
        ],
        company_provinces: &["31", "32", "51", "34"],
        noun_id: &["Digital", "Teknologi", "Data"],
        noun_en: &["Digital", "Technology"],
        products: &["Kreatif", "Media", "Daring"],
        koperasi: "Jasa",
    },
    Profile {
        weight: 7,
        company_kbli: &["10213", "10221"],
        umkm_kbli: &["03111", "03221", "03251"],
        patterns: &[(IntiPlasma, 3), (RantaiPasok, 3), (PerdaganganUmum, 2)],
        company_provinces: &["71", "81", "73", "35", "74"],
        noun_id: &["Bahari", "Samudra", "Perikanan"],
        noun_en: &["Seafood", "Marine Products"],
        products: &["Ikan", "Udang", "Bahari"],
        koperasi: "Nelayan",
    },
    Profile {
        weight: 6,
        company_kbli: &["10120", "10801"],
        umkm_kbli: &["01461", "01462"],
        patterns: &[(IntiPlasma, 5), (UsahaPatungan, 1)],
        company_provinces: &["32", "33", "35", "12"],
        noun_id: &["Ternak", "Unggas", "Pakan"],
        noun_en: &["Feed", "Poultry"],
        products: &["Ternak", "Unggas", "Ayam"],
        koperasi: "Peternak",
    },
    Profile {
        weight: 7,
        company_kbli: &["55110", "79120"],
        umkm_kbli: &["56101", "79120", "32902"],
        patterns: &[
            (KerjaSamaOperasional, 3),
            (PerdaganganUmum, 2),
            (UsahaPatungan, 2),
            (Lain, 1),
        ],
        company_provinces: &["51", "52", "31", "34", "53"],
        noun_id: &["Wisata", "Pesona", "Graha"],
        noun_en: &["Hospitality", "Resorts"],
        products: &["Kuliner", "Wisata", "Kriya"],
        koperasi: "Jasa",
    },
    Profile {
        weight: 6,
        company_kbli: &["31001", "16101"],
        umkm_kbli: &["31001", "16221", "16292"],
        patterns: &[(Subkontrak, 4), (RantaiPasok, 2), (UsahaPatungan, 1)],
        company_provinces: &["33", "35", "32", "61"],
        noun_id: &["Mebel", "Kayu", "Interior"],
        noun_en: &["Furniture", "Wood Industries"],
        products: &["Mebel", "Ukir", "Anyaman"],
        koperasi: "Produsen",
    },
];

/// Names of "bentuk kemitraan lain" forms.
pub const OTHER_FORMS: [&str; 5] = [
    "Pendampingan ekspor bersama",
    "Alih teknologi dan pelatihan mutu",
    "Lisensi resep dan merek lokal",
    "Pembinaan sertifikasi halal",
    "Pemasaran bersama daring",
];

/// Every province with places for a partner's `city`: the capital first,
/// then plausible kabupaten/kota. Codes of Kepmendagri 100.1.1-6117/2022;
/// the capitals match `province::PROVINCES` (checked by a test).
pub const PLACES: [(&str, u32, &[&str]); 38] = [
    (
        "11",
        4,
        &["Banda Aceh", "Lhokseumawe", "Kabupaten Aceh Besar"],
    ),
    (
        "12",
        10,
        &["Medan", "Pematangsiantar", "Kabupaten Deli Serdang"],
    ),
    ("13", 4, &["Padang", "Bukittinggi", "Payakumbuh"]),
    ("14", 5, &["Pekanbaru", "Dumai", "Kabupaten Kampar"]),
    ("15", 3, &["Jambi", "Kabupaten Muaro Jambi"]),
    ("16", 6, &["Palembang", "Prabumulih", "Kabupaten Banyuasin"]),
    ("17", 3, &["Bengkulu", "Kabupaten Rejang Lebong"]),
    (
        "18",
        6,
        &["Bandar Lampung", "Metro", "Kabupaten Lampung Selatan"],
    ),
    ("19", 2, &["Pangkalpinang", "Kabupaten Belitung"]),
    ("21", 3, &["Tanjungpinang", "Batam"]),
    (
        "31",
        8,
        &["Jakarta", "Jakarta Utara", "Jakarta Timur", "Jakarta Barat"],
    ),
    (
        "32",
        30,
        &[
            "Bandung",
            "Bekasi",
            "Bogor",
            "Kabupaten Karawang",
            "Cirebon",
        ],
    ),
    (
        "33",
        22,
        &["Semarang", "Surakarta", "Kabupaten Kudus", "Pekalongan"],
    ),
    (
        "34",
        3,
        &["Yogyakarta", "Kabupaten Sleman", "Kabupaten Bantul"],
    ),
    (
        "35",
        25,
        &[
            "Surabaya",
            "Malang",
            "Kabupaten Sidoarjo",
            "Kabupaten Pasuruan",
        ],
    ),
    ("36", 8, &["Serang", "Tangerang", "Cilegon"]),
    (
        "51",
        3,
        &["Denpasar", "Kabupaten Gianyar", "Kabupaten Badung"],
    ),
    ("52", 4, &["Mataram", "Kabupaten Lombok Tengah", "Bima"]),
    (
        "53",
        4,
        &["Kupang", "Kabupaten Manggarai Barat", "Kabupaten Sikka"],
    ),
    ("61", 4, &["Pontianak", "Singkawang", "Kabupaten Sanggau"]),
    ("62", 2, &["Palangka Raya", "Kabupaten Kotawaringin Timur"]),
    (
        "63",
        3,
        &["Banjarbaru", "Banjarmasin", "Kabupaten Tanah Laut"],
    ),
    ("64", 3, &["Samarinda", "Balikpapan", "Bontang"]),
    ("65", 1, &["Tanjung Selor", "Tarakan", "Kabupaten Nunukan"]),
    ("71", 2, &["Manado", "Bitung", "Kabupaten Minahasa"]),
    (
        "72",
        2,
        &["Palu", "Kabupaten Morowali", "Kabupaten Banggai"],
    ),
    ("73", 7, &["Makassar", "Parepare", "Kabupaten Gowa"]),
    ("74", 2, &["Kendari", "Baubau", "Kabupaten Kolaka"]),
    ("75", 1, &["Gorontalo", "Kabupaten Boalemo"]),
    ("76", 1, &["Mamuju", "Kabupaten Polewali Mandar"]),
    ("81", 1, &["Ambon", "Tual", "Kabupaten Maluku Tengah"]),
    (
        "82",
        1,
        &["Sofifi", "Ternate", "Kabupaten Halmahera Tengah"],
    ),
    ("91", 1, &["Jayapura", "Kabupaten Keerom"]),
    ("92", 1, &["Manokwari", "Kabupaten Teluk Bintuni"]),
    ("93", 1, &["Merauke", "Kabupaten Boven Digoel"]),
    ("94", 1, &["Nabire", "Kabupaten Mimika"]),
    ("95", 1, &["Wamena", "Kabupaten Lanny Jaya"]),
    ("96", 1, &["Sorong", "Kabupaten Raja Ampat"]),
];

/// Countries of origin of PMA companies (ISO 3166-1 alpha-2), weighted
/// roughly by how often they invest in Indonesia.
pub const COUNTRIES: [(&str, u32); 14] = [
    ("SG", 20),
    ("JP", 14),
    ("CN", 12),
    ("HK", 8),
    ("KR", 8),
    ("MY", 6),
    ("NL", 5),
    ("US", 5),
    ("TW", 3),
    ("AU", 3),
    ("DE", 3),
    ("GB", 3),
    ("TH", 2),
    ("IN", 2),
];

/// Syllables invented names are made of; a name joins two or three.
pub const HEADS: [&str; 24] = [
    "Ka", "La", "Ri", "Su", "Mo", "Ta", "Ne", "Vi", "Ra", "Do", "Pe", "Lu", "Sa", "Ga", "Bi", "No",
    "Ve", "Ja", "Ro", "Mi", "Te", "Wi", "Ha", "Zo",
];
pub const MIDDLES: [&str; 12] = [
    "r", "l", "n", "ma", "ri", "va", "lo", "se", "ni", "ka", "de", "tu",
];
pub const TAILS: [&str; 16] = [
    "vando", "lindra", "mera", "tora", "vesta", "nika", "rano", "sela", "dipa", "vanta", "loka",
    "mira", "sindo", "taru", "wana", "rupa",
];

/// Second words of Indonesian business names.
pub const DESCRIPTORS: [&str; 14] = [
    "Nusa",
    "Sentosa",
    "Makmur",
    "Abadi",
    "Lestari",
    "Prima",
    "Mandiri",
    "Jaya",
    "Utama",
    "Cemerlang",
    "Bersama",
    "Raya",
    "Sejahtera",
    "Gemilang",
];

#[cfg(test)]
mod tests {
    use super::*;
    use kemitraan_core::province::{ProvinceCode, PROVINCES};

    #[test]
    fn places_cover_every_province_with_its_capital_first() {
        for (p, (code, _, cities)) in PROVINCES.iter().zip(PLACES.iter()) {
            assert_eq!(p.code, *code);
            assert_eq!(p.capital, cities[0], "capital of {code}");
        }
    }

    #[test]
    fn profiles_use_valid_codes_and_cover_every_pattern() {
        for p in &PROFILES {
            for code in p.company_kbli.iter().chain(p.umkm_kbli) {
                kemitraan_core::ident::Kbli::parse(code, kemitraan_core::ident::KbliVersion::V2020)
                    .unwrap();
            }
            for code in p.company_provinces {
                ProvinceCode::parse(code).unwrap();
            }
        }
        for pattern in Pattern::ALL {
            assert!(
                PROFILES
                    .iter()
                    .any(|p| p.patterns.iter().any(|(q, _)| *q == pattern)),
                "{pattern:?}"
            );
        }
    }
}
