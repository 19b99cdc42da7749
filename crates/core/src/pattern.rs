//! Pola kemitraan: the partnership patterns of PP 7/2021 and the roles the two
//! parties play in each.
//!
//! The law lists the patterns as a minimum ("paling sedikit"), so the list ends
//! with [`Pattern::Lain`] ("bentuk kemitraan lain"), whose free-text name is
//! carried by the agreement itself.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A partnership pattern. Serialized as the snake-case identifier shown in
/// `docs/api.md` (`"inti_plasma"`, ...), which is stable across languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// Inti-plasma: a large company supports UMKM that supply it.
    IntiPlasma,
    /// Subkontrak: the UMKM makes parts or does work for the company.
    Subkontrak,
    /// Waralaba: franchise.
    Waralaba,
    /// Perdagangan umum: general trade.
    PerdaganganUmum,
    /// Distribusi dan keagenan: distribution and agency.
    DistribusiKeagenan,
    /// Rantai pasok: supply chain.
    RantaiPasok,
    /// Bagi hasil: profit sharing.
    BagiHasil,
    /// Kerja sama operasional: joint operation.
    KerjaSamaOperasional,
    /// Usaha patungan: joint venture.
    UsahaPatungan,
    /// Penyumberluaran: outsourcing.
    Penyumberluaran,
    /// Bentuk kemitraan lain: another form, named by the agreement.
    Lain,
}

/// The role of one party in an agreement, named as the pattern names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The core company of inti-plasma.
    Inti,
    /// The plasma (supplying UMKM) of inti-plasma.
    Plasma,
    /// The contractor of a subcontract.
    Kontraktor,
    /// The subcontractor.
    Subkontraktor,
    /// The franchisor.
    PemberiWaralaba,
    /// The franchisee.
    PenerimaWaralaba,
    /// The buyer in general trade.
    PenerimaBarang,
    /// The supplier.
    Pemasok,
    /// The principal of distribution and agency.
    Prinsipal,
    /// The distributor or agent.
    DistributorAgen,
    /// The buyer in a supply chain.
    Pembeli,
    /// The owner of the capital in profit sharing.
    PemilikModal,
    /// The party that runs the business in profit sharing.
    PengelolaUsaha,
    /// A partner in a joint operation.
    MitraOperasi,
    /// A partner in a joint venture.
    MitraPatungan,
    /// The user of outsourced services.
    PenggunaJasa,
    /// The provider of outsourced services.
    PenyediaJasa,
    /// A partner of another form.
    Mitra,
}

impl Pattern {
    /// Every pattern, in the order the law lists them.
    pub const ALL: [Pattern; 11] = [
        Pattern::IntiPlasma,
        Pattern::Subkontrak,
        Pattern::Waralaba,
        Pattern::PerdaganganUmum,
        Pattern::DistribusiKeagenan,
        Pattern::RantaiPasok,
        Pattern::BagiHasil,
        Pattern::KerjaSamaOperasional,
        Pattern::UsahaPatungan,
        Pattern::Penyumberluaran,
        Pattern::Lain,
    ];

    /// The identifier used in JSON and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Pattern::IntiPlasma => "inti_plasma",
            Pattern::Subkontrak => "subkontrak",
            Pattern::Waralaba => "waralaba",
            Pattern::PerdaganganUmum => "perdagangan_umum",
            Pattern::DistribusiKeagenan => "distribusi_keagenan",
            Pattern::RantaiPasok => "rantai_pasok",
            Pattern::BagiHasil => "bagi_hasil",
            Pattern::KerjaSamaOperasional => "kerja_sama_operasional",
            Pattern::UsahaPatungan => "usaha_patungan",
            Pattern::Penyumberluaran => "penyumberluaran",
            Pattern::Lain => "lain",
        }
    }

    /// Reads the identifier of [`Pattern::key`]; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Pattern> {
        Pattern::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The pattern's name as the law writes it (Id) or in English.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Pattern::IntiPlasma, Lang::Id) => "Inti-plasma",
            (Pattern::IntiPlasma, Lang::En) => "Nucleus–plasma",
            (Pattern::Subkontrak, Lang::Id) => "Subkontrak",
            (Pattern::Subkontrak, Lang::En) => "Subcontracting",
            (Pattern::Waralaba, Lang::Id) => "Waralaba",
            (Pattern::Waralaba, Lang::En) => "Franchise",
            (Pattern::PerdaganganUmum, Lang::Id) => "Perdagangan umum",
            (Pattern::PerdaganganUmum, Lang::En) => "General trade",
            (Pattern::DistribusiKeagenan, Lang::Id) => "Distribusi dan keagenan",
            (Pattern::DistribusiKeagenan, Lang::En) => "Distribution and agency",
            (Pattern::RantaiPasok, Lang::Id) => "Rantai pasok",
            (Pattern::RantaiPasok, Lang::En) => "Supply chain",
            (Pattern::BagiHasil, Lang::Id) => "Bagi hasil",
            (Pattern::BagiHasil, Lang::En) => "Profit sharing",
            (Pattern::KerjaSamaOperasional, Lang::Id) => "Kerja sama operasional",
            (Pattern::KerjaSamaOperasional, Lang::En) => "Joint operation",
            (Pattern::UsahaPatungan, Lang::Id) => "Usaha patungan",
            (Pattern::UsahaPatungan, Lang::En) => "Joint venture",
            (Pattern::Penyumberluaran, Lang::Id) => "Penyumberluaran",
            (Pattern::Penyumberluaran, Lang::En) => "Outsourcing",
            (Pattern::Lain, Lang::Id) => "Bentuk kemitraan lain",
            (Pattern::Lain, Lang::En) => "Other partnership form",
        }
    }

    /// One line that tells a citizen what the pattern means.
    pub fn explain(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Pattern::IntiPlasma, Lang::Id) => {
                "Usaha besar (inti) membina dan membeli hasil produksi UMKM (plasma)."
            }
            (Pattern::IntiPlasma, Lang::En) => {
                "The large company (nucleus) trains the UMKM (plasma) and buys what it produces."
            }
            (Pattern::Subkontrak, Lang::Id) => {
                "UMKM mengerjakan sebagian produksi atau komponen untuk usaha besar."
            }
            (Pattern::Subkontrak, Lang::En) => {
                "The UMKM makes part of the large company's product or its components."
            }
            (Pattern::Waralaba, Lang::Id) => {
                "Usaha besar memberi hak memakai merek dan sistem usahanya kepada UMKM."
            }
            (Pattern::Waralaba, Lang::En) => {
                "The large company licenses its brand and business system to the UMKM."
            }
            (Pattern::PerdaganganUmum, Lang::Id) => {
                "Usaha besar membeli barang atau jasa dari UMKM sebagai pemasok."
            }
            (Pattern::PerdaganganUmum, Lang::En) => {
                "The large company buys goods or services from the UMKM as a supplier."
            }
            (Pattern::DistribusiKeagenan, Lang::Id) => {
                "UMKM menjadi distributor atau agen barang dan jasa usaha besar."
            }
            (Pattern::DistribusiKeagenan, Lang::En) => {
                "The UMKM distributes or acts as agent for the large company's goods."
            }
            (Pattern::RantaiPasok, Lang::Id) => {
                "UMKM masuk rantai pasok usaha besar, dari bahan baku sampai produk jadi."
            }
            (Pattern::RantaiPasok, Lang::En) => {
                "The UMKM joins the large company's supply chain, from inputs to finished goods."
            }
            (Pattern::BagiHasil, Lang::Id) => {
                "Para pihak berbagi keuntungan usaha sesuai porsi yang disepakati."
            }
            (Pattern::BagiHasil, Lang::En) => {
                "The parties share the business's profit in agreed portions."
            }
            (Pattern::KerjaSamaOperasional, Lang::Id) => {
                "Para pihak menjalankan satu kegiatan usaha bersama tanpa badan usaha baru."
            }
            (Pattern::KerjaSamaOperasional, Lang::En) => {
                "The parties run one business activity together without a new company."
            }
            (Pattern::UsahaPatungan, Lang::Id) => "Para pihak mendirikan badan usaha baru bersama.",
            (Pattern::UsahaPatungan, Lang::En) => "The parties found a new company together.",
            (Pattern::Penyumberluaran, Lang::Id) => {
                "UMKM menyediakan jasa penunjang di luar pekerjaan pokok usaha besar."
            }
            (Pattern::Penyumberluaran, Lang::En) => {
                "The UMKM provides support services outside the large company's core work."
            }
            (Pattern::Lain, Lang::Id) => "Bentuk kemitraan lain yang disepakati para pihak.",
            (Pattern::Lain, Lang::En) => "Another partnership form agreed by the parties.",
        }
    }

    /// The roles of (large company, UMKM) in this pattern.
    pub fn roles(self) -> (Role, Role) {
        match self {
            Pattern::IntiPlasma => (Role::Inti, Role::Plasma),
            Pattern::Subkontrak => (Role::Kontraktor, Role::Subkontraktor),
            Pattern::Waralaba => (Role::PemberiWaralaba, Role::PenerimaWaralaba),
            Pattern::PerdaganganUmum => (Role::PenerimaBarang, Role::Pemasok),
            Pattern::DistribusiKeagenan => (Role::Prinsipal, Role::DistributorAgen),
            Pattern::RantaiPasok => (Role::Pembeli, Role::Pemasok),
            Pattern::BagiHasil => (Role::PemilikModal, Role::PengelolaUsaha),
            Pattern::KerjaSamaOperasional => (Role::MitraOperasi, Role::MitraOperasi),
            Pattern::UsahaPatungan => (Role::MitraPatungan, Role::MitraPatungan),
            Pattern::Penyumberluaran => (Role::PenggunaJasa, Role::PenyediaJasa),
            Pattern::Lain => (Role::Mitra, Role::Mitra),
        }
    }
}

impl Role {
    /// The role's name in the interface language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Inti, Lang::Id) => "Inti",
            (Role::Inti, Lang::En) => "Nucleus",
            (Role::Plasma, _) => "Plasma",
            (Role::Kontraktor, Lang::Id) => "Kontraktor",
            (Role::Kontraktor, Lang::En) => "Contractor",
            (Role::Subkontraktor, Lang::Id) => "Subkontraktor",
            (Role::Subkontraktor, Lang::En) => "Subcontractor",
            (Role::PemberiWaralaba, Lang::Id) => "Pemberi waralaba",
            (Role::PemberiWaralaba, Lang::En) => "Franchisor",
            (Role::PenerimaWaralaba, Lang::Id) => "Penerima waralaba",
            (Role::PenerimaWaralaba, Lang::En) => "Franchisee",
            (Role::PenerimaBarang, Lang::Id) => "Penerima barang",
            (Role::PenerimaBarang, Lang::En) => "Buyer",
            (Role::Pemasok, Lang::Id) => "Pemasok",
            (Role::Pemasok, Lang::En) => "Supplier",
            (Role::Prinsipal, Lang::Id) => "Prinsipal",
            (Role::Prinsipal, Lang::En) => "Principal",
            (Role::DistributorAgen, Lang::Id) => "Distributor/agen",
            (Role::DistributorAgen, Lang::En) => "Distributor/agent",
            (Role::Pembeli, Lang::Id) => "Pembeli",
            (Role::Pembeli, Lang::En) => "Offtaker",
            (Role::PemilikModal, Lang::Id) => "Pemilik modal",
            (Role::PemilikModal, Lang::En) => "Capital provider",
            (Role::PengelolaUsaha, Lang::Id) => "Pengelola usaha",
            (Role::PengelolaUsaha, Lang::En) => "Operator",
            (Role::MitraOperasi, Lang::Id) => "Mitra operasi",
            (Role::MitraOperasi, Lang::En) => "Operating partner",
            (Role::MitraPatungan, Lang::Id) => "Mitra patungan",
            (Role::MitraPatungan, Lang::En) => "Venture partner",
            (Role::PenggunaJasa, Lang::Id) => "Pengguna jasa",
            (Role::PenggunaJasa, Lang::En) => "Client",
            (Role::PenyediaJasa, Lang::Id) => "Penyedia jasa",
            (Role::PenyediaJasa, Lang::En) => "Service provider",
            (Role::Mitra, Lang::Id) => "Mitra",
            (Role::Mitra, Lang::En) => "Partner",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde() {
        for p in Pattern::ALL {
            assert_eq!(Pattern::from_key(p.key()), Some(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.key()));
        }
        assert_eq!(Pattern::from_key("tidak_ada"), None);
    }

    #[test]
    fn roles_follow_the_pattern() {
        assert_eq!(Pattern::IntiPlasma.roles(), (Role::Inti, Role::Plasma));
        assert_eq!(
            Pattern::Waralaba.roles(),
            (Role::PemberiWaralaba, Role::PenerimaWaralaba)
        );
        assert_eq!(Pattern::PerdaganganUmum.roles().1, Role::Pemasok);
    }

    #[test]
    fn the_list_ends_with_other() {
        assert_eq!(Pattern::ALL.last(), Some(&Pattern::Lain));
        assert_eq!(Pattern::Lain.label(Lang::Id), "Bentuk kemitraan lain");
    }
}
