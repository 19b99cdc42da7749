//! One block of the synthetic dataset: a few hundred partners and every
//! agreement among them. Blocks are independent (each has its own random
//! stream and its partners only sign with each other), so a dataset of any
//! size is generated and written one block at a time.
//!
//! Block 0 is the signing of 18 January 2021: 56 companies (29 PMA, 27
//! PMDN) and 196 UMKM who all sign there, the event's agreements summing to
//! exactly Rp1.500.000.000.000. Later blocks are cohorts that joined the
//! program afterwards.

use chrono::{Datelike, Duration, NaiveDate};
use kemitraan_core::ident::{Kbli, KbliVersion, Nib, Npwp};
use kemitraan_core::model::{
    Agreement, KindDetails, Partner, Party, Period, SourceRef, Transaction,
};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::ProvinceCode;
use kemitraan_core::size_class::SizeClass;
use kemitraan_core::Rupiah;

use super::names;
use super::tables::{Profile, COUNTRIES, OTHER_FORMS, PLACES, PROFILES};
use super::GenerateError;
use crate::rng::Rng;

pub const EVENT_ID: &str = "E20210118";
pub const EVENT_PMA: u32 = 29;
pub const EVENT_PMDN: u32 = 27;
pub const EVENT_UMKM: u32 = 196;
/// Partners of block 0, and the smallest scale.
pub const EVENT_PARTNERS: u64 = (EVENT_PMA + EVENT_PMDN + EVENT_UMKM) as u64;
/// Rp1,5 triliun, in juta.
pub const EVENT_TOTAL_JUTA: i64 = 1_500_000;
/// UMKM of block 0 on the President's path Rp1 M -> Rp5 M -> Rp10 M.
const PATH_UMKM: usize = 12;
/// Partners per later block.
pub const BLOCK_SIZE: u64 = 250;

const JUTA: i64 = 1_000_000;

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, GenerateError> {
    NaiveDate::from_ymd_opt(y, m, d)
        .ok_or_else(|| GenerateError::Internal(format!("bad date {y}-{m}-{d}")))
}

pub fn event_date() -> Result<NaiveDate, GenerateError> {
    ymd(2021, 1, 18)
}

/// The date the generated figures are as of; no transaction is later.
pub fn as_of() -> Result<NaiveDate, GenerateError> {
    ymd(2025, 12, 31)
}

/// The size of every block, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockPlan {
    pub index: u64,
    /// Global index of the block's first partner.
    pub first_partner: u64,
    pub companies: u32,
    pub umkm: u32,
}

impl BlockPlan {
    pub fn partners(&self) -> u64 {
        u64::from(self.companies) + u64::from(self.umkm)
    }

    pub fn is_event(&self) -> bool {
        self.index == 0
    }
}

/// Block 0 (the event), then blocks of about [`BLOCK_SIZE`] partners.
pub fn plan(scale: u64) -> Vec<BlockPlan> {
    let mut blocks = vec![BlockPlan {
        index: 0,
        first_partner: 0,
        companies: EVENT_PMA + EVENT_PMDN,
        umkm: EVENT_UMKM,
    }];
    let rest = scale.saturating_sub(EVENT_PARTNERS);
    if rest == 0 {
        return blocks;
    }
    let n = rest.div_ceil(BLOCK_SIZE);
    let (base, extra) = (rest / n, rest % n);
    let mut first = EVENT_PARTNERS;
    for i in 0..n {
        let size = base + u64::from(i < extra);
        let companies = if size >= 2 {
            (size * 22 / 100).max(1)
        } else {
            0
        };
        blocks.push(BlockPlan {
            index: i + 1,
            first_partner: first,
            companies: companies as u32,
            umkm: (size - companies) as u32,
        });
        first += size;
    }
    blocks
}

/// How ids, NIB and NPWP are formed for a dataset.
#[derive(Clone, Debug)]
pub struct IdSpace {
    partner_width: usize,
    agreement_width: usize,
    nib_offset: u64,
    npwp_offset: u64,
}

fn digits(n: u64) -> usize {
    n.to_string().len()
}

impl IdSpace {
    pub fn new(scale: u64, seed: u64) -> IdSpace {
        IdSpace {
            partner_width: digits(scale).max(7),
            agreement_width: (digits(scale) + 1).max(8),
            nib_offset: seed % 100_000_000,
            npwp_offset: seed % 10_000_000_000,
        }
    }

    /// `P0000001` for the first partner.
    pub fn partner(&self, global: u64) -> String {
        format!("P{:0w$}", global + 1, w = self.partner_width)
    }

    /// `A00000001` for the first agreement.
    pub fn agreement(&self, n: u64) -> String {
        format!("A{:0w$}", n + 1, w = self.agreement_width)
    }

    /// 13 digits, unique for the first 10^8 partners (a bijection of the
    /// index modulo 10^8).
    fn nib(&self, global: u64) -> String {
        let x = (global.wrapping_mul(7_919_113).wrapping_add(self.nib_offset)) % 100_000_000;
        format!("91200{x:08}")
    }

    /// 16 digits: "0", a company type 01-03, ten digits unique per partner,
    /// "000" (head office).
    fn npwp(&self, global: u64) -> String {
        let x = (global
            .wrapping_mul(3_141_592_653)
            .wrapping_add(self.npwp_offset))
            % 10_000_000_000;
        format!("00{}{x:010}000", 1 + global % 3)
    }
}

pub struct Block {
    pub partners: Vec<Partner>,
    pub agreements: Vec<Agreement>,
}

struct Company {
    profile: usize,
    weight: u32,
}

struct Umkm {
    profile: usize,
    class: SizeClass,
    sales_juta: i64,
    anchor: usize,
    path: bool,
    companies: Vec<usize>,
}

#[derive(Clone)]
struct Draft {
    co: usize,
    um: usize,
    pattern: Pattern,
    other: Option<&'static str>,
    event: bool,
    /// On the President's path (Rp1 M -> Rp5 M -> Rp10 M).
    path: bool,
    parent: Option<usize>,
    step: u32,
    signed: NaiveDate,
    start: NaiveDate,
    end: NaiveDate,
    years: i64,
    value_juta: i64,
}

fn internal<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> GenerateError + '_ {
    move |e| GenerateError::Internal(format!("{what}: {e}"))
}

/// `start` plus `years` years, minus one day (start days are <= 28).
fn period_end(start: NaiveDate, years: i64) -> Result<NaiveDate, GenerateError> {
    let anniversary = ymd(start.year() + years as i32, start.month(), start.day())?;
    anniversary
        .pred_opt()
        .ok_or_else(|| GenerateError::Internal("date underflow".into()))
}

/// A day in `lo..=hi`, moved back to the 28th at most so that anniversaries
/// always exist.
fn random_date(rng: &mut Rng, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
    let span = (hi - lo).num_days().max(0);
    let d = lo + Duration::days(rng.range(0, span));
    if d.day() > 28 {
        d.with_day(28).unwrap_or(d)
    } else {
        d
    }
}

fn clamp_day(d: NaiveDate) -> NaiveDate {
    if d.day() > 28 {
        d.with_day(28).unwrap_or(d)
    } else {
        d
    }
}

fn annual_juta(rng: &mut Rng, class: SizeClass) -> i64 {
    match class {
        SizeClass::Mikro => rng.range(60, 900),
        SizeClass::Kecil => rng.range(600, 7_000),
        _ => rng.range(4_000, 30_000),
    }
}

fn pick_pattern(rng: &mut Rng, profile: &Profile) -> (Pattern, Option<&'static str>) {
    let weights: Vec<u32> = profile.patterns.iter().map(|(_, w)| *w).collect();
    let pattern = profile.patterns[rng.weighted(&weights)].0;
    let other = (pattern == Pattern::Lain).then(|| *rng.pick(&OTHER_FORMS));
    (pattern, other)
}

fn place(rng: &mut Rng, code: &str) -> Result<(ProvinceCode, String), GenerateError> {
    let province = ProvinceCode::parse(code).map_err(internal("province"))?;
    let cities = PLACES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, _, cities)| *cities)
        .unwrap_or(&[]);
    let city = if cities.is_empty() {
        province.capital()
    } else if rng.percent(55) {
        cities[0]
    } else {
        rng.pick(cities)
    };
    Ok((province, city.to_owned()))
}

fn weighted_province(rng: &mut Rng) -> &'static str {
    let weights: Vec<u32> = PLACES.iter().map(|(_, w, _)| *w).collect();
    PLACES[rng.weighted(&weights)].0
}

/// A company of `um` has not signed with yet, preferring `profile`.
fn new_counterpart(rng: &mut Rng, companies: &[Company], um: &Umkm) -> Option<usize> {
    if companies.is_empty() {
        return None;
    }
    for attempt in 0..12 {
        let c = rng.below(companies.len() as u64) as usize;
        let same = companies[c].profile == um.profile;
        if !um.companies.contains(&c) && (same || attempt >= 6) {
            return Some(c);
        }
    }
    None
}

/// Builds block `plan`. Agreement ids start at `first_agreement`.
pub fn build(
    seed: u64,
    plan: &BlockPlan,
    ids: &IdSpace,
    first_agreement: u64,
) -> Result<Block, GenerateError> {
    let mut rng = Rng::stream(seed, plan.index);
    let event = plan.is_event();
    let as_of = as_of()?;
    let n_c = plan.companies as usize;
    let n_u = plan.umkm as usize;

    // Companies.
    let mut pma_flags: Vec<bool> = if event {
        let mut v = vec![true; EVENT_PMA as usize];
        v.extend(std::iter::repeat_n(false, EVENT_PMDN as usize));
        rng.shuffle(&mut v);
        v
    } else {
        (0..n_c).map(|_| rng.percent(50)).collect()
    };
    pma_flags.truncate(n_c);
    let profile_weights: Vec<u32> = PROFILES.iter().map(|p| p.weight).collect();
    let mut companies = Vec::with_capacity(n_c);
    let mut partners = Vec::with_capacity(n_c + n_u);
    for (c, pma) in pma_flags.iter().enumerate() {
        let profile = if event && c < PROFILES.len() {
            c
        } else {
            rng.weighted(&profile_weights)
        };
        let prof = &PROFILES[profile];
        let code = if rng.percent(70) {
            *rng.pick(prof.company_provinces)
        } else {
            weighted_province(&mut rng)
        };
        let (province, city) = place(&mut rng, code)?;
        let global = plan.first_partner + c as u64;
        let npwp = Npwp::parse(&ids.npwp(global)).map_err(internal("npwp"))?;
        let details = if *pma {
            let weights: Vec<u32> = COUNTRIES.iter().map(|(_, w)| *w).collect();
            KindDetails::Pma {
                npwp,
                country: COUNTRIES[rng.weighted(&weights)].0.to_owned(),
            }
        } else {
            KindDetails::Pmdn { npwp }
        };
        partners.push(Partner {
            id: ids.partner(global),
            name: names::company(&mut rng, prof, *pma),
            details,
            nib: Nib::parse(&ids.nib(global)).map_err(internal("nib"))?,
            kbli: Kbli::parse(rng.pick::<&str>(prof.company_kbli), KbliVersion::V2020)
                .map_err(internal("kbli"))?,
            province,
            city,
        });
        companies.push(Company {
            profile,
            weight: rng.range(1, 4) as u32,
        });
    }

    // UMKM.
    let company_weights: Vec<u32> = companies.iter().map(|c| c.weight).collect();
    let mut provinces_once: Vec<&str> = PLACES.iter().map(|(c, _, _)| *c).collect();
    rng.shuffle(&mut provinces_once);
    let mut umkms = Vec::with_capacity(n_u);
    for j in 0..n_u {
        let anchor = if j < n_c {
            j
        } else {
            rng.weighted(&company_weights)
        };
        let profile = companies.get(anchor).map(|c| c.profile).unwrap_or(0);
        let prof = &PROFILES[profile];
        let path = event && (3..3 + PATH_UMKM).contains(&j);
        let class = if event && j < 3 {
            [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah][j]
        } else if path {
            SizeClass::Kecil
        } else {
            [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah][rng.weighted(&[40, 35, 25])]
        };
        let (sales, modal) = match class {
            SizeClass::Mikro => (rng.range(300, 2_000), rng.range(50, 1_000)),
            SizeClass::Kecil if path => (rng.range(12_000, 15_000), rng.range(1_001, 5_000)),
            SizeClass::Kecil => (
                rng.range(2_001, 15_000),
                if rng.percent(85) {
                    rng.range(1_001, 5_000)
                } else {
                    rng.range(400, 1_000)
                },
            ),
            _ => (
                rng.range(15_001, 50_000),
                if rng.percent(85) {
                    rng.range(5_001, 10_000)
                } else {
                    rng.range(2_000, 5_000)
                },
            ),
        };
        let code = if event && j < provinces_once.len() {
            provinces_once[j]
        } else {
            weighted_province(&mut rng)
        };
        let (province, city) = place(&mut rng, code)?;
        let global = plan.first_partner + (n_c + j) as u64;
        partners.push(Partner {
            id: ids.partner(global),
            name: names::umkm(&mut rng, prof),
            details: KindDetails::Umkm {
                modal_usaha: Rupiah(modal * JUTA),
                hasil_penjualan_tahunan: Rupiah(sales * JUTA),
            },
            nib: Nib::parse(&ids.nib(global)).map_err(internal("nib"))?,
            kbli: Kbli::parse(rng.pick::<&str>(prof.umkm_kbli), KbliVersion::V2020)
                .map_err(internal("kbli"))?,
            province,
            city,
        });
        umkms.push(Umkm {
            profile,
            class,
            sales_juta: sales,
            anchor,
            path,
            companies: Vec::new(),
        });
    }

    let mut drafts: Vec<Draft> = Vec::new();
    if n_c > 0 {
        first_agreements(&mut rng, event, &companies, &mut umkms, &mut drafts)?;
        later_pairs(&mut rng, event, &companies, &mut umkms, &mut drafts)?;
        renewals(&mut rng, &umkms, &mut drafts, as_of)?;
    }

    // Ids in order of signing.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|i| {
        let d = &drafts[*i];
        (d.signed, d.start, d.co, d.um, *i)
    });
    let mut id_of = vec![String::new(); drafts.len()];
    for (rank, i) in order.iter().enumerate() {
        id_of[*i] = ids.agreement(first_agreement + rank as u64);
    }
    let mut agreements = Vec::with_capacity(drafts.len());
    for i in order {
        let d = &drafts[i];
        let (company_role, umkm_role) = d.pattern.roles();
        let value = Rupiah(d.value_juta * JUTA);
        agreements.push(Agreement {
            id: id_of[i].clone(),
            company: Party {
                partner_id: partners[d.co].id.clone(),
                role: company_role,
            },
            umkm: Party {
                partner_id: partners[n_c + d.um].id.clone(),
                role: umkm_role,
            },
            pattern: d.pattern,
            pattern_other: d.other.map(str::to_owned),
            event_id: d.event.then(|| EVENT_ID.to_owned()),
            renews: d.parent.map(|p| id_of[p].clone()),
            date_signed: d.signed,
            period: Period {
                start: d.start,
                end: d.end,
            },
            value,
            transactions: transactions(&mut rng, d, value, as_of),
            source: SourceRef {
                title: "Kesepakatan Kemitraan Usaha (dokumen rekaan)".to_owned(),
                reference: format!("KKU/{}/{}", d.signed.year(), id_of[i]),
                url: None,
            },
        });
    }
    Ok(Block {
        partners,
        agreements,
    })
}

/// Every UMKM's first agreement: at the event in block 0, on a random day
/// from February 2021 otherwise.
fn first_agreements(
    rng: &mut Rng,
    event: bool,
    companies: &[Company],
    umkms: &mut [Umkm],
    drafts: &mut Vec<Draft>,
) -> Result<(), GenerateError> {
    let event_day = event_date()?;
    let feb = ymd(2021, 2, 1)?;
    let last_first = ymd(2025, 12, 15)?;
    for (j, um) in umkms.iter_mut().enumerate() {
        let (signed, start) = if event {
            (event_day, if rng.percent(50) { event_day } else { feb })
        } else {
            let s = random_date(rng, feb, last_first);
            (s, clamp_day(s + Duration::days(rng.range(0, 45))))
        };
        let years = if um.path { 1 } else { rng.range(1, 3) };
        let (pattern, other) = pick_pattern(rng, &PROFILES[um.profile]);
        let value_juta = if um.path {
            1_000
        } else {
            annual_juta(rng, um.class) * years
        };
        um.companies.push(um.anchor);
        drafts.push(Draft {
            co: um.anchor,
            um: j,
            pattern,
            other,
            event,
            path: um.path,
            parent: None,
            step: 0,
            signed,
            start,
            end: period_end(start, years)?,
            years,
            value_juta,
        });
    }
    if !event {
        return Ok(());
    }
    // A few UMKM sign with a second company at the event.
    for (j, um) in umkms.iter_mut().enumerate() {
        if um.path || !rng.percent(10) {
            continue;
        }
        let Some(c) = new_counterpart(rng, companies, um) else {
            continue;
        };
        let years = rng.range(1, 3);
        let (pattern, other) = pick_pattern(rng, &PROFILES[companies[c].profile]);
        let start = if rng.percent(50) { event_day } else { feb };
        um.companies.push(c);
        drafts.push(Draft {
            co: c,
            um: j,
            pattern,
            other,
            event: true,
            path: false,
            parent: None,
            step: 0,
            signed: event_day,
            start,
            end: period_end(start, years)?,
            years,
            value_juta: annual_juta(rng, um.class) * years,
        });
    }
    // Every pattern at least once at the event.
    let mut forced = vec![false; drafts.len()];
    for pattern in Pattern::ALL {
        if drafts.iter().any(|d| d.pattern == pattern) {
            continue;
        }
        let found = (0..drafts.len()).find(|i| {
            let d = &drafts[*i];
            !forced[*i]
                && !d.path
                && PROFILES[companies[d.co].profile]
                    .patterns
                    .iter()
                    .any(|(p, _)| *p == pattern)
                && drafts.iter().filter(|e| e.pattern == d.pattern).count() > 1
        });
        if let Some(i) = found {
            forced[i] = true;
            drafts[i].pattern = pattern;
            drafts[i].other = (pattern == Pattern::Lain).then(|| *rng.pick(&OTHER_FORMS));
        }
    }
    scale_event_values(drafts)
}

/// Scales the event's agreements (all but the fixed Rp1 M of the path
/// pairs) so that they sum to exactly Rp1,5 triliun.
fn scale_event_values(drafts: &mut [Draft]) -> Result<(), GenerateError> {
    let fixed: i64 = drafts.iter().filter(|d| d.path).map(|d| d.value_juta).sum();
    let target = EVENT_TOTAL_JUTA - fixed;
    let raw: i64 = drafts
        .iter()
        .filter(|d| !d.path)
        .map(|d| d.value_juta)
        .sum();
    if raw <= 0 || target <= 0 {
        return Err(GenerateError::Internal(
            "event values cannot be scaled".into(),
        ));
    }
    let mut sum = fixed;
    let mut largest: Option<usize> = None;
    for i in 0..drafts.len() {
        if drafts[i].path {
            continue;
        }
        let v = (i128::from(drafts[i].value_juta) * i128::from(target) / i128::from(raw)) as i64;
        drafts[i].value_juta = v.max(1);
        sum += drafts[i].value_juta;
        if largest.is_none_or(|l| drafts[l].value_juta < drafts[i].value_juta) {
            largest = Some(i);
        }
    }
    let l = largest.ok_or_else(|| GenerateError::Internal("no event agreement".into()))?;
    drafts[l].value_juta += EVENT_TOTAL_JUTA - sum;
    if drafts[l].value_juta <= 0 {
        return Err(GenerateError::Internal("event remainder".into()));
    }
    Ok(())
}

/// The first agreement of a new pair (company `c`, UMKM `j`). Draws the
/// pattern, then the value: the order of draws is part of the dataset's
/// reproducibility.
fn new_pair(
    rng: &mut Rng,
    companies: &[Company],
    umkm: &mut Umkm,
    (c, j): (usize, usize),
    (signed, start, years): (NaiveDate, NaiveDate, i64),
) -> Result<Draft, GenerateError> {
    let (pattern, other) = pick_pattern(rng, &PROFILES[companies[c].profile]);
    umkm.companies.push(c);
    Ok(Draft {
        co: c,
        um: j,
        pattern,
        other,
        event: false,
        path: false,
        parent: None,
        step: 0,
        signed,
        start,
        end: period_end(start, years)?,
        years,
        value_juta: annual_juta(rng, umkm.class) * years,
    })
}

/// New pairs signed after the first agreement, and a few signed in late
/// 2025 for periods that start in 2027 (upcoming).
fn later_pairs(
    rng: &mut Rng,
    event: bool,
    companies: &[Company],
    umkms: &mut [Umkm],
    drafts: &mut Vec<Draft>,
) -> Result<(), GenerateError> {
    let firsts: Vec<NaiveDate> = drafts
        .iter()
        .filter(|d| d.step == 0)
        .map(|d| d.signed)
        .collect();
    let last_signed = ymd(2025, 12, 15)?;
    let (up_lo, up_hi) = (ymd(2025, 10, 1)?, ymd(2025, 12, 20)?);
    let (start_lo, start_hi) = (ymd(2027, 1, 1)?, ymd(2027, 4, 28)?);
    for (j, um) in umkms.iter_mut().enumerate() {
        let first = firsts.get(j).copied().unwrap_or(last_signed);
        if rng.percent(30) {
            let lo = first + Duration::days(90);
            if lo < last_signed {
                if let Some(c) = new_counterpart(rng, companies, um) {
                    let signed = random_date(rng, lo, last_signed);
                    let start = clamp_day(signed + Duration::days(rng.range(0, 45)));
                    let years = rng.range(1, 3);
                    let d = new_pair(rng, companies, um, (c, j), (signed, start, years))?;
                    drafts.push(d);
                }
            }
        }
        let upcoming = if event { j % 50 == 7 } else { rng.percent(3) };
        if upcoming {
            if let Some(c) = new_counterpart(rng, companies, um) {
                let signed = random_date(rng, up_lo, up_hi);
                let start = random_date(rng, start_lo, start_hi);
                let years = rng.range(1, 2);
                let d = new_pair(rng, companies, um, (c, j), (signed, start, years))?;
                drafts.push(d);
            }
        }
    }
    Ok(())
}

/// Pairs renew year after year with growing values; the path pairs follow
/// Rp1 M -> Rp5 M -> Rp10 M.
fn renewals(
    rng: &mut Rng,
    umkms: &[Umkm],
    drafts: &mut Vec<Draft>,
    as_of: NaiveDate,
) -> Result<(), GenerateError> {
    let upcoming_from = ymd(2027, 1, 1)?;
    let mut i = 0;
    while i < drafts.len() {
        let d = drafts[i].clone();
        i += 1;
        if d.start >= upcoming_from {
            continue;
        }
        let um = &umkms[d.um];
        let signed = d.end - Duration::days(rng.range(7, 45));
        if signed > as_of {
            continue;
        }
        let path = d.path;
        let (years, value_juta) = if path && d.step < 2 {
            (1, [5_000, 10_000][d.step as usize])
        } else if path && d.step == 2 {
            if !rng.percent(60) {
                continue;
            }
            let years = rng.range(2, 3);
            (years, 10_000 * years * rng.range(100, 130) / 100)
        } else {
            if !rng.percent(55) {
                continue;
            }
            let years = rng.range(1, 3);
            let annual = d.value_juta / d.years.max(1);
            let grown = annual * rng.range(110, 200) / 100;
            let cap = annual.max(um.sales_juta * 9 / 10);
            (years, grown.min(cap).max(annual) * years)
        };
        let start = d.end + Duration::days(1);
        drafts.push(Draft {
            co: d.co,
            um: d.um,
            pattern: d.pattern,
            other: d.other,
            event: false,
            path: d.path,
            parent: Some(i - 1),
            step: d.step + 1,
            signed,
            start,
            end: period_end(start, years)?,
            years,
            value_juta,
        });
    }
    Ok(())
}

/// Payments up to `as_of`: below, at or above the commitment for ended
/// agreements, in proportion to the time gone for running ones, none for
/// those not started.
fn transactions(rng: &mut Rng, d: &Draft, value: Rupiah, as_of: NaiveDate) -> Vec<Transaction> {
    if d.start > as_of {
        return Vec::new();
    }
    let last = d.end.min(as_of);
    let elapsed = (last - d.start).num_days() + 1;
    let total = (d.end - d.start).num_days() + 1;
    let v = i128::from(value.0);
    let realised: i128 = if d.end <= as_of {
        match rng.weighted(&[45, 20, 35]) {
            0 => v * i128::from(rng.range(55, 97)) / 100,
            1 => v,
            _ => v * i128::from(rng.range(101, 130)) / 100,
        }
    } else {
        v * i128::from(elapsed) / i128::from(total.max(1)) * i128::from(rng.range(70, 120)) / 100
    };
    let realised = (realised / 1000 * 1000) as i64;
    if realised <= 0 {
        return Vec::new();
    }
    let n = (elapsed / 91).clamp(1, 12);
    let weights: Vec<i64> = (0..n).map(|_| rng.range(80, 120)).collect();
    let wsum: i64 = weights.iter().sum();
    let mut out = Vec::with_capacity(n as usize);
    let mut paid = 0i64;
    for (k, w) in weights.iter().enumerate() {
        let k = k as i64;
        let amount = if k == n - 1 {
            realised - paid
        } else {
            ((i128::from(realised) * i128::from(*w) / i128::from(wsum)) as i64) / 1000 * 1000
        };
        paid += amount;
        out.push(Transaction {
            date: d.start + Duration::days((elapsed - 1) * (k + 1) / n),
            amount: Rupiah(amount),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_starts_with_the_event_and_covers_the_scale() {
        let p = plan(EVENT_PARTNERS);
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].companies, p[0].umkm), (56, 196));
        for scale in [253, 500, 1_000, 100_003] {
            let p = plan(scale);
            let total: u64 = p.iter().map(BlockPlan::partners).sum();
            assert_eq!(total, scale);
            for w in p.windows(2) {
                assert_eq!(w[0].first_partner + w[0].partners(), w[1].first_partner);
            }
        }
    }

    #[test]
    fn ids_and_numbers_have_their_fixed_widths() {
        let ids = IdSpace::new(252, 20210118);
        assert_eq!(ids.partner(0), "P0000001");
        assert_eq!(ids.agreement(41), "A00000042");
        assert_eq!(ids.nib(5).len(), 13);
        assert_eq!(ids.npwp(5).len(), 16);
        assert!(Npwp::parse(&ids.npwp(5)).is_ok());
        let nibs: std::collections::HashSet<String> = (0..10_000).map(|g| ids.nib(g)).collect();
        assert_eq!(nibs.len(), 10_000);
        assert_eq!(IdSpace::new(12_345_678, 1).partner(0), "P00000001");
    }

    #[test]
    fn event_block_matches_the_press_release() {
        let ids = IdSpace::new(252, 20210118);
        let b = build(20210118, &plan(252)[0], &ids, 0).unwrap();
        let event: Vec<&Agreement> = b
            .agreements
            .iter()
            .filter(|a| a.event_id.as_deref() == Some(EVENT_ID))
            .collect();
        let total = Rupiah::checked_sum(event.iter().map(|a| a.value)).unwrap();
        assert_eq!(total, Rupiah::miliar(1_500));
        let umkm: std::collections::BTreeSet<&str> =
            event.iter().map(|a| a.umkm.partner_id.as_str()).collect();
        let cos: std::collections::BTreeSet<&str> = event
            .iter()
            .map(|a| a.company.partner_id.as_str())
            .collect();
        assert_eq!((cos.len(), umkm.len()), (56, 196));
    }

    #[test]
    fn same_seed_same_block_other_seed_other_block() {
        let ids = IdSpace::new(1_000, 5);
        let p = &plan(1_000)[2];
        let a = build(5, p, &ids, 0).unwrap();
        let b = build(5, p, &ids, 0).unwrap();
        assert_eq!(a.partners, b.partners);
        assert_eq!(a.agreements, b.agreements);
        let c = build(6, p, &ids, 0).unwrap();
        assert_ne!(a.partners, c.partners);
    }
}
