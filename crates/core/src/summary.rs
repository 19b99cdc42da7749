//! Computes `summary.json` ([`Summary`]) from partners and agreements.
//!
//! The counting rules are those on [`Summary`] (and in `docs/api.md`):
//!
//! - `partners` counts the partners in a bucket; `agreements`, `committed`
//!   and `realised` count the agreements whose party falls in it.
//! - by_kind: every partner in its own kind; an agreement in its company's
//!   kind (`pma` or `pmdn`) and in `umkm`. All three kinds are always listed.
//! - by_province, by_sector, by_size_class: partners of every kind in their
//!   own province and KBLI category (only UMKM have a class); an agreement in
//!   its UMKM's province, category and class, where the benefit lands.
//! - by_pattern, by_year (year signed): agreements only; `partners` is the
//!   number of distinct UMKM among them.
//!
//! Order: by_kind pma, pmdn, umkm; by_province by code; by_sector by
//! category letter, with `"-"` (a KBLI 2025 code, whose category this crate
//! does not map) last; by_pattern in the order the law lists the patterns;
//! by_year ascending; by_size_class mikro, kecil, menengah (always listed),
//! then besar only when an UMKM's figures put it there. Buckets other than
//! the always-listed ones appear only when something falls in them.
//!
//! Large datasets are summed group by group ([`SummaryBuilder::add_group`]),
//! so the caller never holds the whole dataset: a group is a set of partners
//! together with all of their agreements.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use crate::model::{Agreement, Bucket, Kind, Partner, Summary, Totals};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::SizeClass;
use crate::Rupiah;

/// The key of the sector bucket of a KBLI code whose category is unknown.
pub const UNKNOWN_SECTOR: &str = "-";

/// Why a summary could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryError {
    /// An agreement names a partner that is not in its group.
    UnknownPartner {
        /// The agreement's id.
        agreement: String,
        /// The partner's id.
        partner: String,
    },
    /// The company party of an agreement is an UMKM.
    NotACompany {
        /// The agreement's id.
        agreement: String,
        /// The partner's id.
        partner: String,
    },
    /// The UMKM party of an agreement is a PMA or PMDN company.
    NotAnUmkm {
        /// The agreement's id.
        agreement: String,
        /// The partner's id.
        partner: String,
    },
    /// Two partners of a group share an id.
    DuplicatePartner(String),
    /// A sum does not fit in an `i64` of rupiah.
    Overflow,
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SummaryError::UnknownPartner { agreement, partner } => {
                write!(f, "agreement {agreement} names unknown partner {partner}")
            }
            SummaryError::NotACompany { agreement, partner } => write!(
                f,
                "agreement {agreement}: company party {partner} is not a PMA/PMDN company"
            ),
            SummaryError::NotAnUmkm { agreement, partner } => write!(
                f,
                "agreement {agreement}: UMKM party {partner} is not an UMKM"
            ),
            SummaryError::DuplicatePartner(id) => write!(f, "partner id {id} appears twice"),
            SummaryError::Overflow => f.write_str("a total does not fit in 64 bits of rupiah"),
        }
    }
}

impl std::error::Error for SummaryError {}

#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    partners: u64,
    agreements: u64,
    committed: Rupiah,
    realised: Rupiah,
}

impl Acc {
    fn add_agreement(&mut self, value: Rupiah, realised: Rupiah) -> Result<(), SummaryError> {
        self.agreements += 1;
        self.committed = self
            .committed
            .checked_add(value)
            .ok_or(SummaryError::Overflow)?;
        self.realised = self
            .realised
            .checked_add(realised)
            .ok_or(SummaryError::Overflow)?;
        Ok(())
    }

    fn bucket(&self, key: String) -> Bucket {
        Bucket {
            key,
            partners: self.partners,
            agreements: self.agreements,
            committed: self.committed,
            realised: self.realised,
        }
    }
}

/// What the breakdowns need to know of a partner.
struct Facts {
    kind: Kind,
    province: ProvinceCode,
    sector: String,
    class: Option<SizeClass>,
}

fn sector_key(p: &Partner) -> String {
    match p.kbli.category() {
        Some(c) => c.to_string(),
        None => UNKNOWN_SECTOR.to_owned(),
    }
}

/// Sums a dataset group by group; see the module documentation.
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    total: Acc,
    companies: u64,
    by_kind: [Acc; 3],
    by_province: BTreeMap<ProvinceCode, Acc>,
    by_sector: BTreeMap<String, Acc>,
    by_pattern: BTreeMap<Pattern, Acc>,
    by_year: BTreeMap<i32, Acc>,
    by_size_class: BTreeMap<SizeClass, Acc>,
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Pma => 0,
        Kind::Pmdn => 1,
        Kind::Umkm => 2,
    }
}

impl SummaryBuilder {
    /// An empty summary.
    pub fn new() -> SummaryBuilder {
        SummaryBuilder::default()
    }

    /// Adds a closed group: every party of `agreements` is in `partners`,
    /// and no partner of the group has an agreement outside it (the
    /// distinct-UMKM counts of by_pattern and by_year rely on this).
    ///
    /// On error the builder may hold part of the group; discard it.
    pub fn add_group(
        &mut self,
        partners: &[Partner],
        agreements: &[Agreement],
    ) -> Result<(), SummaryError> {
        let mut facts: HashMap<&str, Facts> = HashMap::with_capacity(partners.len());
        for p in partners {
            let f = Facts {
                kind: p.kind(),
                province: p.province,
                sector: sector_key(p),
                class: p.size().map(|c| c.class),
            };
            self.total.partners += 1;
            if f.kind.is_company() {
                self.companies += 1;
            }
            self.by_kind[kind_index(f.kind)].partners += 1;
            self.by_province.entry(f.province).or_default().partners += 1;
            self.by_sector.entry(f.sector.clone()).or_default().partners += 1;
            if let Some(class) = f.class {
                self.by_size_class.entry(class).or_default().partners += 1;
            }
            if facts.insert(p.id.as_str(), f).is_some() {
                return Err(SummaryError::DuplicatePartner(p.id.clone()));
            }
        }

        let mut pattern_umkm: HashSet<(Pattern, &str)> = HashSet::new();
        let mut year_umkm: HashSet<(i32, &str)> = HashSet::new();
        for a in agreements {
            let lookup = |id: &str| {
                facts.get(id).ok_or_else(|| SummaryError::UnknownPartner {
                    agreement: a.id.clone(),
                    partner: id.to_owned(),
                })
            };
            let company = lookup(&a.company.partner_id)?;
            let umkm = lookup(&a.umkm.partner_id)?;
            if !company.kind.is_company() {
                return Err(SummaryError::NotACompany {
                    agreement: a.id.clone(),
                    partner: a.company.partner_id.clone(),
                });
            }
            if umkm.kind != Kind::Umkm {
                return Err(SummaryError::NotAnUmkm {
                    agreement: a.id.clone(),
                    partner: a.umkm.partner_id.clone(),
                });
            }
            let value = a.value;
            let realised = a.realised().ok_or(SummaryError::Overflow)?;
            let year = chrono::Datelike::year(&a.date_signed);

            self.total.add_agreement(value, realised)?;
            self.by_kind[kind_index(company.kind)].add_agreement(value, realised)?;
            self.by_kind[kind_index(Kind::Umkm)].add_agreement(value, realised)?;
            self.by_province
                .entry(umkm.province)
                .or_default()
                .add_agreement(value, realised)?;
            self.by_sector
                .entry(umkm.sector.clone())
                .or_default()
                .add_agreement(value, realised)?;
            if let Some(class) = umkm.class {
                self.by_size_class
                    .entry(class)
                    .or_default()
                    .add_agreement(value, realised)?;
            }
            let umkm_id = a.umkm.partner_id.as_str();
            let pattern = self.by_pattern.entry(a.pattern).or_default();
            pattern.add_agreement(value, realised)?;
            if pattern_umkm.insert((a.pattern, umkm_id)) {
                pattern.partners += 1;
            }
            let by_year = self.by_year.entry(year).or_default();
            by_year.add_agreement(value, realised)?;
            if year_umkm.insert((year, umkm_id)) {
                by_year.partners += 1;
            }
        }
        Ok(())
    }

    /// The summary of everything added.
    pub fn finish(mut self) -> Summary {
        for class in [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah] {
            self.by_size_class.entry(class).or_default();
        }
        let mut by_sector: Vec<Bucket> = self
            .by_sector
            .iter()
            .filter(|(k, _)| k.as_str() != UNKNOWN_SECTOR)
            .map(|(k, acc)| acc.bucket(k.clone()))
            .collect();
        if let Some(acc) = self.by_sector.get(UNKNOWN_SECTOR) {
            by_sector.push(acc.bucket(UNKNOWN_SECTOR.to_owned()));
        }
        Summary {
            totals: Totals {
                partners: self.total.partners,
                companies: self.companies,
                pma: self.by_kind[0].partners,
                pmdn: self.by_kind[1].partners,
                umkm: self.by_kind[2].partners,
                agreements: self.total.agreements,
                committed: self.total.committed,
                realised: self.total.realised,
            },
            by_kind: Kind::ALL
                .iter()
                .map(|k| self.by_kind[kind_index(*k)].bucket(k.key().to_owned()))
                .collect(),
            by_province: self
                .by_province
                .iter()
                .map(|(k, acc)| acc.bucket(k.as_str().to_owned()))
                .collect(),
            by_sector,
            by_pattern: self
                .by_pattern
                .iter()
                .map(|(k, acc)| acc.bucket(k.key().to_owned()))
                .collect(),
            by_year: self
                .by_year
                .iter()
                .map(|(k, acc)| acc.bucket(k.to_string()))
                .collect(),
            by_size_class: self
                .by_size_class
                .iter()
                .filter(|(k, acc)| **k != SizeClass::Besar || acc.partners > 0)
                .map(|(k, acc)| acc.bucket(size_key(*k).to_owned()))
                .collect(),
        }
    }
}

/// The bucket key of a size class: its serde name.
pub fn size_key(class: SizeClass) -> &'static str {
    match class {
        SizeClass::Mikro => "mikro",
        SizeClass::Kecil => "kecil",
        SizeClass::Menengah => "menengah",
        SizeClass::Besar => "besar",
    }
}

/// The summary of a whole dataset held in memory (one group).
pub fn summarize(partners: &[Partner], agreements: &[Agreement]) -> Result<Summary, SummaryError> {
    let mut b = SummaryBuilder::new();
    b.add_group(partners, agreements)?;
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::ident::{Kbli, KbliVersion, Nib, Npwp};
    use crate::model::{KindDetails, Party, Period, SourceRef, Transaction};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn partner(id: &str, details: KindDetails, province: &str, kbli: &str) -> Partner {
        Partner {
            id: id.into(),
            name: format!("Rekaan {id}"),
            details,
            nib: Nib::parse("9120000000001").unwrap(),
            kbli: Kbli::parse(kbli, KbliVersion::V2020).unwrap(),
            province: ProvinceCode::parse(province).unwrap(),
            city: "Kota".into(),
        }
    }

    fn umkm(id: &str, sales_juta: i64, province: &str) -> Partner {
        partner(
            id,
            KindDetails::Umkm {
                modal_usaha: Rupiah::juta(500),
                hasil_penjualan_tahunan: Rupiah::juta(sales_juta),
            },
            province,
            "10792",
        )
    }

    fn agreement(id: &str, c: &str, u: &str, p: Pattern, signed: NaiveDate, v: i64) -> Agreement {
        let (rc, ru) = p.roles();
        Agreement {
            id: id.into(),
            company: Party {
                partner_id: c.into(),
                role: rc,
            },
            umkm: Party {
                partner_id: u.into(),
                role: ru,
            },
            pattern: p,
            pattern_other: None,
            event_id: None,
            renews: None,
            date_signed: signed,
            period: Period {
                start: signed,
                end: d(2030, 1, 1),
            },
            value: Rupiah::juta(v),
            transactions: vec![Transaction {
                date: signed,
                amount: Rupiah::juta(v / 2),
            }],
            source: SourceRef {
                title: "t".into(),
                reference: "r".into(),
                url: None,
            },
        }
    }

    fn sample() -> (Vec<Partner>, Vec<Agreement>) {
        let pma = partner(
            "C1",
            KindDetails::Pma {
                npwp: Npwp::parse("0012345678901000").unwrap(),
                country: "JP".into(),
            },
            "31",
            "29300",
        );
        let pmdn = partner(
            "C2",
            KindDetails::Pmdn {
                npwp: Npwp::parse("0012345678902000").unwrap(),
            },
            "32",
            "01262",
        );
        let partners = vec![
            pma,
            pmdn,
            umkm("U1", 1_500, "17"),
            umkm("U2", 20_000, "17"),
            umkm("U3", 900, "91"),
        ];
        let agreements = vec![
            agreement("A1", "C1", "U1", Pattern::Subkontrak, d(2021, 1, 18), 1_000),
            agreement("A2", "C1", "U1", Pattern::Subkontrak, d(2022, 1, 18), 5_000),
            agreement("A3", "C2", "U2", Pattern::IntiPlasma, d(2021, 1, 18), 2_000),
            agreement("A4", "C2", "U1", Pattern::IntiPlasma, d(2021, 5, 1), 100),
        ];
        (partners, agreements)
    }

    fn bucket<'a>(list: &'a [Bucket], key: &str) -> &'a Bucket {
        list.iter().find(|b| b.key == key).unwrap()
    }

    #[test]
    fn totals_count_partners_and_agreements() {
        let (p, a) = sample();
        let s = summarize(&p, &a).unwrap();
        assert_eq!(s.totals.partners, 5);
        assert_eq!((s.totals.companies, s.totals.pma, s.totals.pmdn), (2, 1, 1));
        assert_eq!(s.totals.umkm, 3);
        assert_eq!(s.totals.agreements, 4);
        assert_eq!(s.totals.committed, Rupiah::juta(8_100));
        assert_eq!(s.totals.realised, Rupiah::juta(4_050));
    }

    #[test]
    fn by_kind_counts_an_agreement_for_its_company_and_for_umkm() {
        let (p, a) = sample();
        let s = summarize(&p, &a).unwrap();
        let keys: Vec<&str> = s.by_kind.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["pma", "pmdn", "umkm"]);
        assert_eq!(s.by_kind[0].agreements, 2);
        assert_eq!(s.by_kind[0].committed, Rupiah::juta(6_000));
        assert_eq!(s.by_kind[1].agreements, 2);
        assert_eq!(s.by_kind[2].agreements, 4);
        assert_eq!(s.by_kind[2].partners, 3);
    }

    #[test]
    fn province_and_sector_follow_the_umkm_for_agreements() {
        let (p, a) = sample();
        let s = summarize(&p, &a).unwrap();
        let keys: Vec<&str> = s.by_province.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["17", "31", "32", "91"]);
        let bengkulu = bucket(&s.by_province, "17");
        assert_eq!((bengkulu.partners, bengkulu.agreements), (2, 4));
        let jakarta = bucket(&s.by_province, "31");
        assert_eq!((jakarta.partners, jakarta.agreements), (1, 0));
        // Every UMKM is in C (10792), the companies in C and A.
        assert_eq!(bucket(&s.by_sector, "C").agreements, 4);
        assert_eq!(bucket(&s.by_sector, "C").partners, 4);
        assert_eq!(bucket(&s.by_sector, "A").partners, 1);
        assert_eq!(bucket(&s.by_sector, "A").agreements, 0);
    }

    #[test]
    fn pattern_and_year_count_distinct_umkm() {
        let (p, a) = sample();
        let s = summarize(&p, &a).unwrap();
        let keys: Vec<&str> = s.by_pattern.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["inti_plasma", "subkontrak"]);
        let sub = bucket(&s.by_pattern, "subkontrak");
        assert_eq!((sub.partners, sub.agreements), (1, 2));
        let inti = bucket(&s.by_pattern, "inti_plasma");
        assert_eq!((inti.partners, inti.agreements), (2, 2));
        let y2021 = bucket(&s.by_year, "2021");
        assert_eq!((y2021.partners, y2021.agreements), (2, 3));
        assert_eq!(bucket(&s.by_year, "2022").partners, 1);
    }

    #[test]
    fn size_classes_are_always_listed() {
        let (p, a) = sample();
        let s = summarize(&p, &a).unwrap();
        let keys: Vec<&str> = s.by_size_class.iter().map(|b| b.key.as_str()).collect();
        assert_eq!(keys, ["mikro", "kecil", "menengah"]);
        // U1 sells Rp1,5 M (Mikro), U2 Rp20 M (Menengah), U3 Rp900 jt.
        assert_eq!(s.by_size_class[0].partners, 2);
        assert_eq!(s.by_size_class[0].agreements, 3);
        assert_eq!(s.by_size_class[1].partners, 0);
        assert_eq!(s.by_size_class[2].agreements, 1);
    }

    #[test]
    fn groups_add_up_to_the_whole() {
        let (p, a) = sample();
        let whole = summarize(&p, &a).unwrap();
        // U3 has no agreement, so it can form a group of its own.
        let mut b = SummaryBuilder::new();
        b.add_group(&p[..4], &a).unwrap();
        b.add_group(&p[4..], &[]).unwrap();
        assert_eq!(b.finish(), whole);
    }

    #[test]
    fn bad_parties_are_errors() {
        let (p, mut a) = sample();
        a[0].umkm.partner_id = "U9".into();
        assert_eq!(
            summarize(&p, &a),
            Err(SummaryError::UnknownPartner {
                agreement: "A1".into(),
                partner: "U9".into()
            })
        );
        let (p, mut a) = sample();
        a[0].company.partner_id = "U2".into();
        assert!(matches!(
            summarize(&p, &a),
            Err(SummaryError::NotACompany { .. })
        ));
        let (p, mut a) = sample();
        a[0].umkm.partner_id = "C2".into();
        assert!(matches!(
            summarize(&p, &a),
            Err(SummaryError::NotAnUmkm { .. })
        ));
        let (mut p, a) = sample();
        p[1].id = "C1".into();
        assert_eq!(
            summarize(&p, &a),
            Err(SummaryError::DuplicatePartner("C1".into()))
        );
    }

    #[test]
    fn overflow_is_an_error() {
        let (p, mut a) = sample();
        a[0].value = Rupiah(i64::MAX);
        assert_eq!(summarize(&p, &a), Err(SummaryError::Overflow));
    }
}
