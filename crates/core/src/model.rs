//! The types of the JSON contract served under `/api/v1/`.
//!
//! `docs/api.md` describes the same contract for people and `docs/schema/`
//! holds a JSON Schema for every resource; tests in the data tool check that
//! the three agree. Amounts are whole rupiah ([`Rupiah`]); dates are ISO 8601
//! calendar dates. Anything derived from dates (an agreement's status) is
//! computed by the reader, never stored, so that a dataset does not go stale.
//!
//! Large datasets are served as static files: lists come in pages of
//! [`DatasetMeta::page_size`] items ([`Page`]), and every partner and agreement
//! has a file of its own, so no client ever downloads the whole set to show one
//! item. [`paths`] names every file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ident::{Kbli, Nib, Npwp};
use crate::pattern::{Pattern, Role};
use crate::province::ProvinceCode;
use crate::size_class::{classify, Classification};
use crate::{Lang, Rupiah};

/// `meta.json`: what the dataset is, and how it is paged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DatasetMeta {
    /// The dataset's name.
    pub name: String,
    /// The dataset's version.
    pub version: String,
    /// The date the figures are as of; "today" for an agreement's status is
    /// the reader's clock, not this date.
    pub as_of: NaiveDate,
    /// True when names and figures are invented. The app says so on every
    /// page.
    pub synthetic: bool,
    /// Who published the data.
    pub source: String,
    /// What the dataset holds, in a sentence or two.
    pub description: String,
    /// Items per list page.
    pub page_size: u32,
    /// Pages of `partners/page-{n}.json`.
    pub partner_pages: u32,
    /// Pages of `agreements/page-{n}.json`.
    pub agreement_pages: u32,
    /// How many items of each resource.
    pub counts: Counts,
    /// The code lists that identifiers in this dataset follow.
    pub code_lists: CodeLists,
}

/// How many items of each resource the dataset holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Partners of every kind.
    pub partners: u64,
    /// Agreements.
    pub agreements: u64,
    /// Signing events.
    pub events: u64,
}

/// The code lists the dataset's identifiers follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeLists {
    /// e.g. "Kepmendagri 100.1.1-6117/2022".
    pub province: String,
    /// The default KBLI version; each code also carries its own.
    pub kbli: String,
}

/// One page of a list resource.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// 1-based.
    pub page: u32,
    /// How many pages the list has.
    pub pages: u32,
    /// Items per page (the last page may hold fewer).
    pub page_size: u32,
    /// Items in the whole list.
    pub total: u64,
    /// This page's items.
    pub items: Vec<T>,
}

/// Detail files packed together: the partners or agreements whose id
/// falls in bucket `bucket` of `buckets` ([`paths::bucket_of`]), in id
/// order. A million items as one file each were 2,4 million files to write
/// and deploy; packed by [`paths::DETAIL_BUCKET_ITEMS`] they are about
/// 75 000, and an item page still costs one request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DetailBucket<T> {
    /// 0-based.
    pub bucket: u32,
    /// How many buckets the resource has.
    pub buckets: u32,
    /// The details of the bucket, in ascending id order.
    pub items: Vec<T>,
}

/// The three kinds of partner the program knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Penanaman Modal Asing: a foreign-investment company.
    Pma,
    /// Penanaman Modal Dalam Negeri: a domestic-investment company.
    Pmdn,
    /// Usaha Mikro, Kecil dan Menengah: a micro, small or medium business.
    Umkm,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Pma, Kind::Pmdn, Kind::Umkm];

    /// The key used in the JSON and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Pma => "pma",
            Kind::Pmdn => "pmdn",
            Kind::Umkm => "umkm",
        }
    }

    /// Reads [`Kind::key`]; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// "PMA", "PMDN", "UMKM": the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Pma => "PMA",
            Kind::Pmdn => "PMDN",
            Kind::Umkm => "UMKM",
        }
    }

    /// The kind spelled out, for readers who do not know the acronyms.
    pub fn long_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Pma, Lang::Id) => "Penanaman Modal Asing",
            (Kind::Pma, Lang::En) => "Foreign investment company",
            (Kind::Pmdn, Lang::Id) => "Penanaman Modal Dalam Negeri",
            (Kind::Pmdn, Lang::En) => "Domestic investment company",
            (Kind::Umkm, Lang::Id) => "Usaha Mikro, Kecil dan Menengah",
            (Kind::Umkm, Lang::En) => "Micro, small or medium business",
        }
    }

    /// PMA and PMDN are companies; UMKM are not.
    pub fn is_company(self) -> bool {
        self != Kind::Umkm
    }
}

/// What only one kind of partner has. Flattened into [`Partner`] with a
/// `"kind"` tag, so a partner reads `{"kind": "umkm", "modal_usaha": ...}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum KindDetails {
    /// A foreign-investment company.
    Pma {
        /// The company's tax number.
        npwp: Npwp,
        /// ISO 3166-1 alpha-2 code of the investor's country of origin.
        country: String,
    },
    /// A domestic-investment company.
    Pmdn {
        /// The company's tax number.
        npwp: Npwp,
    },
    /// An individual's NPWP is their NIK (personal data), so UMKM carry none.
    Umkm {
        /// Modal usaha, excluding land and buildings.
        modal_usaha: Rupiah,
        /// Hasil penjualan tahunan: annual sales.
        hasil_penjualan_tahunan: Rupiah,
    },
}

/// A partner's detail (`partners/by-id/{b}.json`) holds one, with its
/// agreements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Partner {
    /// The partner's id (see [`is_valid_id`]).
    pub id: String,
    /// The registered name.
    pub name: String,
    #[serde(flatten)]
    /// What only this kind of partner has.
    pub details: KindDetails,
    /// Nomor Induk Berusaha.
    pub nib: Nib,
    /// The main business line.
    pub kbli: Kbli,
    /// The province of the registered address.
    pub province: ProvinceCode,
    /// The city or regency.
    pub city: String,
}

impl Partner {
    /// PMA, PMDN or UMKM.
    pub fn kind(&self) -> Kind {
        match self.details {
            KindDetails::Pma { .. } => Kind::Pma,
            KindDetails::Pmdn { .. } => Kind::Pmdn,
            KindDetails::Umkm { .. } => Kind::Umkm,
        }
    }

    /// The PP 7/2021 class of an UMKM, with the test that set it; `None` for
    /// companies.
    pub fn size(&self) -> Option<Classification> {
        match self.details {
            KindDetails::Umkm {
                modal_usaha,
                hasil_penjualan_tahunan,
            } => classify(Some(modal_usaha), Some(hasil_penjualan_tahunan)),
            _ => None,
        }
    }

    /// Enough of the partner to name and link it.
    pub fn to_ref(&self) -> PartnerRef {
        PartnerRef {
            id: self.id.clone(),
            name: self.name.clone(),
            kind: self.kind(),
        }
    }
}

/// Enough of a partner to name and link it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRef {
    /// The partner's id.
    pub id: String,
    /// The partner's name.
    pub name: String,
    /// PMA, PMDN or UMKM.
    pub kind: Kind,
}

/// A partner in a list page (`partners/page-{n}.json`): what search, facets
/// and sorting need, without the identifiers a list does not show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerSummary {
    /// The partner's id.
    pub id: String,
    /// The registered name.
    pub name: String,
    /// PMA, PMDN or UMKM.
    pub kind: Kind,
    /// Nomor Induk Berusaha.
    pub nib: Nib,
    /// The province of the registered address.
    pub province: ProvinceCode,
    /// The city or regency.
    pub city: String,
    /// The main business line.
    pub kbli: Kbli,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// An UMKM's size class.
    pub size: Option<Classification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// A PMA's country of origin (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// How many agreements it is a party to.
    pub agreement_count: u32,
    /// The committed value of those agreements, summed.
    pub committed: Rupiah,
    /// The patterns of its agreements, each once, sorted.
    pub patterns: Vec<Pattern>,
}

/// One partner's detail: an item of `partners/by-id/{b}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerDetail {
    /// The partner.
    pub partner: Partner,
    /// Its agreements, newest first.
    pub agreements: Vec<AgreementSummary>,
    /// The partners it has signed with, each once, by name.
    pub counterparts: Vec<PartnerRef>,
}

/// One side of an agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    /// The partner's id.
    pub partner_id: String,
    /// The role it plays under the agreement's pattern.
    pub role: Role,
}

/// An agreement's term, both days included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    pub start: NaiveDate,
    /// The last day.
    pub end: NaiveDate,
}

/// A payment or delivery that realised part of the commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// The day it was made.
    pub date: NaiveDate,
    /// The amount realised.
    pub amount: Rupiah,
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The document's title.
    pub title: String,
    /// A document number or other reference, e.g. "KKU/2021/0001".
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Where to read it, when public.
    pub url: Option<String>,
}

/// An agreement's state on a given day; derived from its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not started yet.
    Upcoming,
    /// Running.
    Active,
    /// Past its end.
    Ended,
}

impl Status {
    /// Every status, in time order.
    pub const ALL: [Status; 3] = [Status::Upcoming, Status::Active, Status::Ended];

    /// Upcoming before the start, active from start to end inclusive, ended
    /// after.
    pub fn on(period: Period, today: NaiveDate) -> Status {
        if today < period.start {
            Status::Upcoming
        } else if today <= period.end {
            Status::Active
        } else {
            Status::Ended
        }
    }

    /// The key used in URLs.
    pub fn key(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Active => "active",
            Status::Ended => "ended",
        }
    }

    /// Reads [`Status::key`]; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The label on the badge and in the filter: "Akan datang", "Berjalan",
    /// "Selesai" / "Upcoming", "Active", "Ended". The CSV writes it in
    /// lower case.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Upcoming, Lang::Id) => "Akan datang",
            (Status::Active, Lang::Id) => "Berjalan",
            (Status::Ended, Lang::Id) => "Selesai",
            (Status::Upcoming, Lang::En) => "Upcoming",
            (Status::Active, Lang::En) => "Active",
            (Status::Ended, Lang::En) => "Ended",
        }
    }
}

/// A partnership agreement (Kesepakatan Kemitraan Usaha) between one large
/// company and one UMKM.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// The agreement's id (see [`is_valid_id`]).
    pub id: String,
    /// The PMA or PMDN company.
    pub company: Party,
    /// The UMKM.
    pub umkm: Party,
    /// The partnership pattern.
    pub pattern: Pattern,
    /// The name of the form when `pattern` is [`Pattern::Lain`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_other: Option<String>,
    /// The signing event, when it was signed at one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The agreement this one renews, for a pair signing again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renews: Option<String>,
    /// The day it was signed.
    pub date_signed: NaiveDate,
    /// The term of the partnership.
    pub period: Period,
    /// The committed value.
    pub value: Rupiah,
    /// Oldest first.
    pub transactions: Vec<Transaction>,
    /// The document it comes from.
    pub source: SourceRef,
}

impl Agreement {
    /// The status on `today`.
    pub fn status(&self, today: NaiveDate) -> Status {
        Status::on(self.period, today)
    }

    /// The sum of the transactions; `None` if it overflows.
    pub fn realised(&self) -> Option<Rupiah> {
        Rupiah::checked_sum(self.transactions.iter().map(|t| t.amount))
    }
}

/// An agreement in a list (`agreements/page-{n}.json`, a partner's page, a
/// pair history): both parties named, so a list needs no second fetch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementSummary {
    /// The agreement's id.
    pub id: String,
    /// The PMA or PMDN company.
    pub company: PartnerRef,
    /// The UMKM.
    pub umkm: PartnerRef,
    /// The company's province.
    pub company_province: ProvinceCode,
    /// The UMKM's province.
    pub umkm_province: ProvinceCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The UMKM's size class.
    pub umkm_size: Option<Classification>,
    /// The partnership pattern.
    pub pattern: Pattern,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The signing event, when it was signed at one.
    pub event_id: Option<String>,
    /// The day it was signed.
    pub date_signed: NaiveDate,
    /// The term of the partnership.
    pub period: Period,
    /// The committed value.
    pub value: Rupiah,
    /// The sum of its transactions.
    pub realised: Rupiah,
}

impl AgreementSummary {
    /// The status on `today`.
    pub fn status(&self, today: NaiveDate) -> Status {
        Status::on(self.period, today)
    }
}

/// One agreement's detail: an item of `agreements/by-id/{b}.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreementDetail {
    /// The agreement.
    pub agreement: Agreement,
    /// The company party, named.
    pub company: PartnerRef,
    /// The UMKM party, named.
    pub umkm: PartnerRef,
    /// Every agreement between the same two partners, oldest first,
    /// including this one.
    pub pair_history: Vec<AgreementSummary>,
}

/// Where an event took place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Held as a virtual meeting.
    #[serde(rename = "virtual")]
    pub is_virtual: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// The place's name, for an event held in person.
    pub location: Option<String>,
}

/// Headline figures of an event as they were reported at the time, kept
/// apart from what the dataset holds so the two can be compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedFigures {
    /// Companies (PMA and PMDN).
    pub companies: u32,
    /// PMA companies.
    pub pma: u32,
    /// PMDN companies.
    pub pmdn: u32,
    /// UMKM.
    pub umkm: u32,
    /// The investment announced.
    pub investment: Rupiah,
}

/// A signing event (`events.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event's id.
    pub id: String,
    /// The event's name.
    pub name: String,
    /// The day it was held.
    pub date: NaiveDate,
    /// Where it was held.
    pub place: Place,
    /// Its figures as reported at the time.
    pub reported: ReportedFigures,
    /// Where the report comes from.
    pub source: SourceRef,
}

/// `events.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Events {
    /// Every event.
    pub items: Vec<Event>,
}

/// One row of a breakdown in [`Summary`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The dimension's key: a kind, province code, KBLI category letter,
    /// pattern key, year, or size class.
    pub key: String,
    /// Partners in the bucket.
    pub partners: u64,
    /// Agreements in the bucket.
    pub agreements: u64,
    /// Their committed value, summed.
    pub committed: Rupiah,
    /// Their realised value, summed.
    pub realised: Rupiah,
}

/// Totals over the whole dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Partners of every kind.
    pub partners: u64,
    /// PMA and PMDN companies.
    pub companies: u64,
    /// PMA companies.
    pub pma: u64,
    /// PMDN companies.
    pub pmdn: u64,
    /// UMKM.
    pub umkm: u64,
    /// Agreements.
    pub agreements: u64,
    /// Committed value, summed.
    pub committed: Rupiah,
    /// Realised value, summed.
    pub realised: Rupiah,
}

/// `summary.json`: counts and totals, so the home page needs one small file.
///
/// How each breakdown counts (also in `docs/api.md`): `partners` counts the
/// partners in the bucket; `agreements`, `committed` and `realised` count the
/// agreements whose party falls in it. by_kind: an agreement falls in its
/// company's kind and in "umkm". by_province, by_sector, by_size_class: the
/// UMKM's province, KBLI category and class (where the benefit lands);
/// partners of every kind count in their own province and sector. by_pattern
/// and by_year (year signed): agreements only, `partners` is the number of
/// distinct UMKM.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Totals over the whole dataset.
    pub totals: Totals,
    /// By partner kind.
    pub by_kind: Vec<Bucket>,
    /// By the UMKM's province.
    pub by_province: Vec<Bucket>,
    /// By the UMKM's KBLI category.
    pub by_sector: Vec<Bucket>,
    /// By partnership pattern.
    pub by_pattern: Vec<Bucket>,
    /// By year signed.
    pub by_year: Vec<Bucket>,
    /// By the UMKM's size class.
    pub by_size_class: Vec<Bucket>,
}

/// Ids are used in file names and URLs, so they are restricted to ASCII
/// letters, digits, `-` and `_`, 1 to 64 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The file of every resource, relative to the API base (`/api/v1/`).
pub mod paths {
    /// The dataset's description.
    pub const META: &str = "meta.json";
    /// The counts and breakdowns.
    pub const SUMMARY: &str = "summary.json";
    /// The signing events.
    pub const EVENTS: &str = "events.json";

    /// `page` is 1-based.
    pub fn partner_page(page: u32) -> String {
        format!("partners/page-{page}.json")
    }

    /// Items per detail bucket, on average: the bucket count of a list of
    /// `n` items is [`detail_buckets`]`(n)`.
    pub const DETAIL_BUCKET_ITEMS: u64 = 32;

    /// `max(1, ceil(n / DETAIL_BUCKET_ITEMS))`: the number of detail
    /// buckets of a list of `n` items (`meta.json`'s counts).
    pub fn detail_buckets(n: u64) -> u32 {
        u32::try_from(n.div_ceil(DETAIL_BUCKET_ITEMS).max(1)).unwrap_or(u32::MAX)
    }

    /// The bucket of an id: its 32-bit FNV-1a hash (of the id's bytes)
    /// modulo `buckets` (0 when `buckets` is 0). A client that knows only
    /// the id finds its file without an index.
    pub fn bucket_of(id: &str, buckets: u32) -> u32 {
        let mut h: u32 = 0x811c_9dc5;
        for b in id.bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        h.checked_rem(buckets).unwrap_or(0)
    }

    /// Partner detail bucket `bucket` (0-based).
    pub fn partner_bucket(bucket: u32) -> String {
        format!("partners/by-id/{bucket}.json")
    }

    /// The bucket holding partner `id` in a dataset of `partners` partners.
    pub fn partner(id: &str, partners: u64) -> String {
        partner_bucket(bucket_of(id, detail_buckets(partners)))
    }

    /// One page of the agreement list (`page` is 1-based).
    pub fn agreement_page(page: u32) -> String {
        format!("agreements/page-{page}.json")
    }

    /// Agreement detail bucket `bucket` (0-based).
    pub fn agreement_bucket(bucket: u32) -> String {
        format!("agreements/by-id/{bucket}.json")
    }

    /// The bucket holding agreement `id` in a dataset of `agreements`
    /// agreements.
    pub fn agreement(id: &str, agreements: u64) -> String {
        agreement_bucket(bucket_of(id, detail_buckets(agreements)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn status_is_derived_from_the_period() {
        let p = Period {
            start: d(2021, 1, 18),
            end: d(2022, 1, 17),
        };
        assert_eq!(Status::on(p, d(2021, 1, 17)), Status::Upcoming);
        assert_eq!(Status::on(p, d(2021, 1, 18)), Status::Active);
        assert_eq!(Status::on(p, d(2022, 1, 17)), Status::Active);
        assert_eq!(Status::on(p, d(2022, 1, 18)), Status::Ended);
    }

    #[test]
    fn partner_json_is_flat_with_a_kind_tag() {
        let json = r#"{"id":"U00001","name":"UD Contoh Rekaan","kind":"umkm",
            "modal_usaha":900000000,"hasil_penjualan_tahunan":2000000001,
            "nib":"1234567890123","kbli":{"code":"10792","version":"2020"},
            "province":"17","city":"Bengkulu"}"#;
        let p: Partner = serde_json::from_str(json).unwrap();
        assert_eq!(p.kind(), Kind::Umkm);
        let size = p.size().unwrap();
        assert_eq!(size.class, crate::size_class::SizeClass::Kecil);
        assert_eq!(size.test, crate::size_class::SizeTest::Sales);
        let back: Partner = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn a_company_without_npwp_is_rejected() {
        let json = r#"{"id":"C1","name":"PT Rekaan","kind":"pmdn",
            "nib":"1234567890123","kbli":{"code":"10792","version":"2020"},
            "province":"31","city":"Jakarta"}"#;
        assert!(serde_json::from_str::<Partner>(json).is_err());
    }

    #[test]
    fn a_bad_nib_is_rejected_when_decoding() {
        let json = r#"{"id":"C1","name":"PT Rekaan","kind":"pmdn","npwp":"0123456789012345",
            "nib":"12345","kbli":{"code":"10792","version":"2020"},
            "province":"31","city":"Jakarta"}"#;
        assert!(serde_json::from_str::<Partner>(json).is_err());
    }

    #[test]
    fn ids_are_safe_in_paths() {
        assert!(is_valid_id("A2021-0001"));
        assert!(!is_valid_id("../etc"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a b"));
        assert_eq!(paths::agreement_page(3), "agreements/page-3.json");
    }

    #[test]
    fn detail_buckets_are_fnv1a_of_the_id() {
        // FNV-1a 32 of "a" is 0xe40c292c (the published test vector).
        assert_eq!(paths::bucket_of("a", u32::MAX), 0xe40c_292c);
        assert_eq!(paths::bucket_of("", 7), 0x811c_9dc5 % 7);
        assert_eq!(paths::bucket_of("x", 0), 0);
        assert_eq!(paths::detail_buckets(0), 1);
        assert_eq!(paths::detail_buckets(32), 1);
        assert_eq!(paths::detail_buckets(33), 2);
        assert_eq!(paths::detail_buckets(1_000_000), 31_250);
        let b = paths::bucket_of("U1", paths::detail_buckets(252));
        assert_eq!(
            paths::partner("U1", 252),
            format!("partners/by-id/{b}.json")
        );
        assert!(b < 8);
        // Ids spread evenly: 10 000 ids in 100 buckets, none far from 100.
        let mut counts = [0u32; 100];
        for i in 0..10_000 {
            counts[paths::bucket_of(&format!("P{i:07}"), 100) as usize] += 1;
        }
        assert!(counts.iter().all(|c| (50..150).contains(c)), "{counts:?}");
    }
}
