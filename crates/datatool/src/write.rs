//! Writes a dataset in the layout of the contract (`model::paths`), shared by
//! `generate` and `import`.
//!
//! The caller hands over the dataset in groups ([`LayoutWriter::write_group`]):
//! a group is a set of partners together with every agreement that names
//! them, and groups come in id order. The writer spills each partner's and
//! agreement's detail at once (`buckets`, packed into detail buckets at the
//! end) and keeps only the current list page, the running summary, each
//! partner's search row (about 150 bytes; the search index is written from
//! them at the end, `search_index`) and the agreement list items (the
//! aggregates sort them).
//!
//! List pages and the small files are pretty-printed JSON (two-space
//! indent, fields in the order of the `model` types) with a trailing
//! newline; detail buckets are compact JSON. The same input always gives
//! the same bytes.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use kemitraan_core::model::{
    is_valid_id, paths, Agreement, AgreementDetail, AgreementSummary, CodeLists, Counts,
    DatasetMeta, Events, Kind, KindDetails, Page, Partner, PartnerDetail, PartnerRef,
    PartnerSummary,
};
use kemitraan_core::province::CODE_LIST;
use kemitraan_core::search::Row;
use kemitraan_core::summary::{SummaryBuilder, SummaryError};
use kemitraan_core::Rupiah;
use serde::Serialize;

use crate::buckets::BucketWriter;

/// The default KBLI version named in `meta.json`.
pub const KBLI_CODE_LIST: &str = "KBLI 2020 (Peraturan BPS 2/2020)";

#[derive(Debug)]
pub enum WriteError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// The output directory holds something that is not a dataset; nothing
    /// is deleted.
    NotADataset {
        dir: PathBuf,
        entry: String,
    },
    InvalidId(String),
    /// Ids must come in ascending order across groups (pages are in id order).
    OutOfOrder {
        previous: String,
        id: String,
    },
    UnknownPartner {
        agreement: String,
        partner: String,
    },
    Summary(SummaryError),
    /// More or fewer items than announced when the writer was created.
    CountMismatch {
        what: &'static str,
        announced: u64,
        written: u64,
    },
    ZeroPageSize,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            WriteError::Json { path, source } => write!(f, "{}: {source}", path.display()),
            WriteError::NotADataset { dir, entry } => write!(
                f,
                "{} is not empty and does not hold a dataset ({entry}); refusing to write there",
                dir.display()
            ),
            WriteError::InvalidId(id) => write!(
                f,
                "id {id:?} is not valid (1-64 ASCII letters, digits, '-' or '_')"
            ),
            WriteError::OutOfOrder { previous, id } => {
                write!(
                    f,
                    "id {id} comes after {previous}: groups must be in id order"
                )
            }
            WriteError::UnknownPartner { agreement, partner } => {
                write!(f, "agreement {agreement} names unknown partner {partner}")
            }
            WriteError::Summary(e) => write!(f, "summary: {e}"),
            WriteError::CountMismatch {
                what,
                announced,
                written,
            } => write!(f, "{written} {what} written, {announced} announced"),
            WriteError::ZeroPageSize => f.write_str("page size must be at least 1"),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            WriteError::Json { source, .. } => Some(source),
            WriteError::Summary(e) => Some(e),
            _ => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes `value` as pretty JSON with a trailing newline.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), WriteError> {
    let file = fs::File::create(path).map_err(io_err(path))?;
    let mut w = BufWriter::with_capacity(32 * 1024, file);
    serde_json::to_writer_pretty(&mut w, value).map_err(|source| WriteError::Json {
        path: path.to_owned(),
        source,
    })?;
    w.write_all(b"\n").map_err(io_err(path))?;
    w.flush().map_err(io_err(path))
}

const DATASET_ENTRIES: [&str; 7] = [
    paths::META,
    paths::SUMMARY,
    paths::EVENTS,
    "partners",
    "agreements",
    crate::aggregates::DIR,
    crate::search_index::DIR,
];

/// Makes `dir` ready for a new dataset: creates it, or empties the dataset
/// a previous run left there. Refuses a non-empty directory that holds
/// anything else, so a typo in `--out` cannot delete unrelated files.
pub fn prepare_dir(dir: &Path) -> Result<(), WriteError> {
    if dir.exists() {
        let entries = fs::read_dir(dir).map_err(io_err(dir))?;
        let mut names = Vec::new();
        for e in entries {
            let e = e.map_err(io_err(dir))?;
            names.push(e.file_name().to_string_lossy().into_owned());
        }
        if let Some(other) = names
            .iter()
            .find(|n| !DATASET_ENTRIES.contains(&n.as_str()))
        {
            return Err(WriteError::NotADataset {
                dir: dir.to_owned(),
                entry: other.clone(),
            });
        }
        if !names.is_empty() && !names.iter().any(|n| n == paths::META) {
            return Err(WriteError::NotADataset {
                dir: dir.to_owned(),
                entry: format!("no {}", paths::META),
            });
        }
        for name in names {
            let p = dir.join(&name);
            if p.is_dir() {
                fs::remove_dir_all(&p).map_err(io_err(&p))?;
            } else {
                fs::remove_file(&p).map_err(io_err(&p))?;
            }
        }
    }
    for sub in ["partners/by-id", "agreements/by-id"] {
        let p = dir.join(sub);
        fs::create_dir_all(&p).map_err(io_err(&p))?;
    }
    Ok(())
}

/// `max(1, ceil(total / page_size))`: an empty list still has page 1.
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    total.div_ceil(size).max(1) as u32
}

/// Streams the items of one list into `page-{n}.json` files.
struct PageWriter<T> {
    dir: PathBuf,
    page_file: fn(u32) -> String,
    page_size: u32,
    pages: u32,
    total: u64,
    written: u64,
    page: u32,
    items: Vec<T>,
}

impl<T: Serialize> PageWriter<T> {
    fn new(dir: &Path, page_file: fn(u32) -> String, page_size: u32, total: u64) -> Self {
        PageWriter {
            dir: dir.to_owned(),
            page_file,
            page_size,
            pages: page_count(total, page_size),
            total,
            written: 0,
            page: 0,
            items: Vec::new(),
        }
    }

    fn push(&mut self, item: T) -> Result<(), WriteError> {
        self.items.push(item);
        self.written += 1;
        if self.items.len() >= self.page_size as usize {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), WriteError> {
        self.page += 1;
        let page = Page {
            page: self.page,
            pages: self.pages,
            page_size: self.page_size,
            total: self.total,
            items: std::mem::take(&mut self.items),
        };
        write_json(&self.dir.join((self.page_file)(self.page)), &page)
    }

    fn finish(mut self, what: &'static str) -> Result<(), WriteError> {
        if self.written != self.total {
            return Err(WriteError::CountMismatch {
                what,
                announced: self.total,
                written: self.written,
            });
        }
        if !self.items.is_empty() || self.page == 0 {
            self.flush()?;
        }
        Ok(())
    }
}

/// What `meta.json` says beyond the counts the writer knows.
#[derive(Clone, Debug)]
pub struct MetaInfo {
    pub name: String,
    pub version: String,
    pub as_of: NaiveDate,
    pub synthetic: bool,
    pub source: String,
    pub description: String,
}

pub struct LayoutWriter {
    dir: PathBuf,
    page_size: u32,
    partners: PageWriter<PartnerSummary>,
    agreements: PageWriter<AgreementSummary>,
    partner_details: BucketWriter,
    agreement_details: BucketWriter,
    summary: SummaryBuilder,
    /// Every partner's search row, for the index written at the end.
    search_rows: Vec<Row>,
    last_partner: Option<String>,
    last_agreement: Option<String>,
    /// Every list item, for the aggregates written at the end (they sort
    /// the whole list).
    all_agreements: Vec<AgreementSummary>,
    /// Print the time of each step of `finish` on stderr.
    pub report_times: bool,
}

fn check_order(last: &mut Option<String>, id: &str) -> Result<(), WriteError> {
    if !is_valid_id(id) {
        return Err(WriteError::InvalidId(id.to_owned()));
    }
    if let Some(prev) = last.as_deref() {
        if prev >= id {
            return Err(WriteError::OutOfOrder {
                previous: prev.to_owned(),
                id: id.to_owned(),
            });
        }
    }
    *last = Some(id.to_owned());
    Ok(())
}

/// Newest first: by date signed, then id, both descending.
fn newest_first(a: &AgreementSummary, b: &AgreementSummary) -> std::cmp::Ordering {
    b.date_signed.cmp(&a.date_signed).then(b.id.cmp(&a.id))
}

impl LayoutWriter {
    /// Prepares `dir` ([`prepare_dir`]) for a dataset of `partners` partners
    /// and `agreements` agreements.
    pub fn create(
        dir: &Path,
        page_size: u32,
        partners: u64,
        agreements: u64,
    ) -> Result<LayoutWriter, WriteError> {
        if page_size == 0 {
            return Err(WriteError::ZeroPageSize);
        }
        prepare_dir(dir)?;
        Ok(LayoutWriter {
            dir: dir.to_owned(),
            page_size,
            partners: PageWriter::new(dir, paths::partner_page, page_size, partners),
            agreements: PageWriter::new(dir, paths::agreement_page, page_size, agreements),
            partner_details: BucketWriter::create(dir, paths::partner_bucket, partners)?,
            agreement_details: BucketWriter::create(dir, paths::agreement_bucket, agreements)?,
            summary: SummaryBuilder::new(),
            search_rows: Vec::new(),
            last_partner: None,
            last_agreement: None,
            all_agreements: Vec::new(),
            report_times: false,
        })
    }

    /// Writes one group. Partners and agreements must each be sorted by id,
    /// and come after every id of the groups before.
    pub fn write_group(
        &mut self,
        partners: &[Partner],
        agreements: &[Agreement],
    ) -> Result<(), WriteError> {
        for p in partners {
            check_order(&mut self.last_partner, &p.id)?;
        }
        for a in agreements {
            check_order(&mut self.last_agreement, &a.id)?;
        }
        // Partners (and the summary) on a second thread, agreements on this
        // one: the two halves share nothing but the input.
        let summary = &mut self.summary;
        let partner_side = (
            &mut self.partner_details,
            &mut self.partners,
            &mut self.search_rows,
        );
        let agreement_side = (
            &mut self.agreement_details,
            &mut self.agreements,
            &mut self.all_agreements,
        );
        std::thread::scope(|s| -> Result<(), WriteError> {
            let partner_work = s.spawn(move || -> Result<(), WriteError> {
                summary
                    .add_group(partners, agreements)
                    .map_err(WriteError::Summary)?;
                let (details, pages, rows) = partner_side;
                each_partner_file(partners, agreements, |item, detail| {
                    details.push(&item.id, detail)?;
                    rows.push(Row::from_summary(&item));
                    pages.push(item)
                })
            });
            let (details, pages, all) = agreement_side;
            let mine = each_agreement_file(partners, agreements, |item, detail| {
                details.push(&item.id, detail)?;
                all.push(item.clone());
                pages.push(item.clone())
            });
            let theirs = partner_work.join().unwrap_or_else(|_| {
                Err(WriteError::Io {
                    path: PathBuf::new(),
                    source: io::Error::other("the partner thread panicked"),
                })
            });
            mine.and(theirs)
        })
    }

    /// Writes the last pages, the aggregates (`crate::aggregates`),
    /// `summary.json`, `events.json`, the search index and `meta.json`
    /// (last, so a dataset with a `meta.json` is complete).
    pub fn finish(self, info: MetaInfo, events: &Events) -> Result<DatasetMeta, WriteError> {
        let partner_total = self.partners.total;
        let agreement_total = self.agreements.total;
        let partner_pages = self.partners.pages;
        let agreement_pages = self.agreements.pages;
        self.partners.finish("partners")?;
        self.agreements.finish("agreements")?;
        // The detail buckets, the aggregates and the search index need
        // nothing of each other: on two cores they take half the time side
        // by side.
        let (dir, rows, list) = (&self.dir, &self.search_rows, &self.all_agreements);
        let (partner_details, agreement_details) = (self.partner_details, self.agreement_details);
        let report = self.report_times;
        let timed = move |what: &str, started: Instant| {
            if report {
                eprintln!(
                    "{what}: {:.1} s ({})",
                    started.elapsed().as_secs_f64(),
                    crate::progress::thread_cpu()
                );
            }
        };
        std::thread::scope(|s| -> Result<(), WriteError> {
            let aggregates = s.spawn(move || {
                let t = Instant::now();
                let r = crate::aggregates::write(dir, list);
                timed("aggregates", t);
                r
            });
            let index = s.spawn(move || {
                let t = Instant::now();
                let r = crate::search_index::write(dir, rows).map(|_| ());
                timed("search index", t);
                r
            });
            let t = Instant::now();
            let details = partner_details
                .finish(1)
                .and_then(|_| agreement_details.finish(1));
            timed("detail buckets", t);
            let joined = |h: std::thread::ScopedJoinHandle<'_, Result<(), WriteError>>| {
                h.join().unwrap_or_else(|_| {
                    Err(WriteError::Io {
                        path: dir.to_owned(),
                        source: io::Error::other("a writer thread panicked"),
                    })
                })
            };
            let (a, i) = (joined(aggregates), joined(index));
            details?;
            a?;
            i
        })?;
        let summary = self.summary.finish();
        write_json(&self.dir.join(paths::SUMMARY), &summary)?;
        write_json(&self.dir.join(paths::EVENTS), events)?;
        let meta = DatasetMeta {
            name: info.name,
            version: info.version,
            as_of: info.as_of,
            synthetic: info.synthetic,
            source: info.source,
            description: info.description,
            page_size: self.page_size,
            partner_pages,
            agreement_pages,
            counts: Counts {
                partners: partner_total,
                agreements: agreement_total,
                events: events.items.len() as u64,
            },
            code_lists: CodeLists {
                province: CODE_LIST.to_owned(),
                kbli: KBLI_CODE_LIST.to_owned(),
            },
        };
        write_json(&self.dir.join(paths::META), &meta)?;
        Ok(meta)
    }
}

/// Everything the files of one group hold: each partner's list item and
/// detail file, each agreement's list item and detail file, in input order.
/// `validate` compares a dataset's files with this.
pub struct GroupFiles {
    pub partners: Vec<(PartnerSummary, PartnerDetail)>,
    pub agreements: Vec<(AgreementSummary, AgreementDetail)>,
}

pub fn group_files(
    partners: &[Partner],
    agreements: &[Agreement],
) -> Result<GroupFiles, WriteError> {
    Ok(GroupFiles {
        partners: partner_files(partners, agreements)?,
        agreements: agreement_files(partners, agreements)?,
    })
}

/// Each agreement's list item, by index.
fn summaries<'a>(
    partners: &'a [Partner],
    agreements: &[Agreement],
) -> Result<(HashMap<&'a str, &'a Partner>, Vec<AgreementSummary>), WriteError> {
    let by_id: HashMap<&str, &Partner> = partners.iter().map(|p| (p.id.as_str(), p)).collect();
    let find = |a: &Agreement, id: &str| {
        by_id
            .get(id)
            .copied()
            .ok_or_else(|| WriteError::UnknownPartner {
                agreement: a.id.clone(),
                partner: id.to_owned(),
            })
    };
    let mut summaries = Vec::with_capacity(agreements.len());
    for a in agreements {
        let company = find(a, &a.company.partner_id)?;
        let umkm = find(a, &a.umkm.partner_id)?;
        summaries.push(agreement_summary(a, company, umkm)?);
    }
    Ok((by_id, summaries))
}

/// An agreement's detail as the writer serializes it: the same JSON as
/// `AgreementDetail`, built from references (no copy of every summary into
/// every pair history).
#[derive(Serialize)]
pub struct AgreementDetailOut<'a> {
    agreement: &'a Agreement,
    company: &'a PartnerRef,
    umkm: &'a PartnerRef,
    pair_history: Vec<&'a AgreementSummary>,
}

impl AgreementDetailOut<'_> {
    fn owned(&self) -> AgreementDetail {
        AgreementDetail {
            agreement: self.agreement.clone(),
            company: self.company.clone(),
            umkm: self.umkm.clone(),
            pair_history: self.pair_history.iter().map(|a| (*a).clone()).collect(),
        }
    }
}

/// A partner's detail as the writer serializes it (`PartnerDetail`'s JSON).
#[derive(Serialize)]
pub struct PartnerDetailOut<'a> {
    partner: &'a Partner,
    agreements: Vec<&'a AgreementSummary>,
    counterparts: Vec<PartnerRef>,
}

impl PartnerDetailOut<'_> {
    fn owned(&self) -> PartnerDetail {
        PartnerDetail {
            partner: self.partner.clone(),
            agreements: self.agreements.iter().map(|a| (*a).clone()).collect(),
            counterparts: self.counterparts.clone(),
        }
    }
}

/// Calls `f` with each agreement's list item and detail, in input order.
/// Separate from [`each_partner_file`] so the writer builds the two on two
/// threads.
pub fn each_agreement_file(
    partners: &[Partner],
    agreements: &[Agreement],
    mut f: impl FnMut(&AgreementSummary, &AgreementDetailOut) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let (_, summaries) = summaries(partners, agreements)?;
    let mut pairs: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, a) in agreements.iter().enumerate() {
        pairs
            .entry((&a.company.partner_id, &a.umkm.partner_id))
            .or_default()
            .push(i);
    }
    for (i, a) in agreements.iter().enumerate() {
        let s = &summaries[i];
        let mut history: Vec<&AgreementSummary> = pairs
            .get(&(a.company.partner_id.as_str(), a.umkm.partner_id.as_str()))
            .map(|idx| idx.iter().map(|j| &summaries[*j]).collect())
            .unwrap_or_default();
        history.sort_by(|x, y| x.date_signed.cmp(&y.date_signed).then(x.id.cmp(&y.id)));
        let detail = AgreementDetailOut {
            agreement: a,
            company: &s.company,
            umkm: &s.umkm,
            pair_history: history,
        };
        f(s, &detail)?;
    }
    Ok(())
}

/// Each agreement's list item and detail file, in input order.
pub fn agreement_files(
    partners: &[Partner],
    agreements: &[Agreement],
) -> Result<Vec<(AgreementSummary, AgreementDetail)>, WriteError> {
    let mut out = Vec::with_capacity(agreements.len());
    each_agreement_file(partners, agreements, |s, d| {
        out.push((s.clone(), d.owned()));
        Ok(())
    })?;
    Ok(out)
}

/// Each partner's list item and detail file, in input order.
pub fn partner_files(
    partners: &[Partner],
    agreements: &[Agreement],
) -> Result<Vec<(PartnerSummary, PartnerDetail)>, WriteError> {
    let mut out = Vec::with_capacity(partners.len());
    each_partner_file(partners, agreements, |s, d| {
        out.push((s, d.owned()));
        Ok(())
    })?;
    Ok(out)
}

/// Calls `f` with each partner's list item and detail, in input order.
pub fn each_partner_file(
    partners: &[Partner],
    agreements: &[Agreement],
    mut f: impl FnMut(PartnerSummary, &PartnerDetailOut) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let (by_id, summaries) = summaries(partners, agreements)?;
    let mut of_partner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in agreements.iter().enumerate() {
        of_partner.entry(&a.company.partner_id).or_default().push(i);
        if a.umkm.partner_id != a.company.partner_id {
            of_partner.entry(&a.umkm.partner_id).or_default().push(i);
        }
    }
    for p in partners {
        let idx = of_partner
            .get(p.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut list: Vec<&AgreementSummary> = idx.iter().map(|j| &summaries[*j]).collect();
        list.sort_by(|a, b| newest_first(a, b));
        let mut counterparts: BTreeSet<(&str, &str)> = BTreeSet::new();
        let mut committed = Rupiah::ZERO;
        let mut patterns = BTreeSet::new();
        for j in idx {
            let a = &agreements[*j];
            let other = if a.company.partner_id == p.id {
                &a.umkm.partner_id
            } else {
                &a.company.partner_id
            };
            if let Some(o) = by_id.get(other.as_str()) {
                counterparts.insert((o.name.as_str(), o.id.as_str()));
            }
            committed = committed
                .checked_add(a.value)
                .ok_or(WriteError::Summary(SummaryError::Overflow))?;
            patterns.insert(a.pattern);
        }
        let counterparts: Vec<PartnerRef> = counterparts
            .into_iter()
            .filter_map(|(_, id)| by_id.get(id).map(|o| o.to_ref()))
            .collect();
        let item = PartnerSummary {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind(),
            nib: p.nib.clone(),
            province: p.province,
            city: p.city.clone(),
            kbli: p.kbli.clone(),
            size: p.size(),
            country: match &p.details {
                KindDetails::Pma { country, .. } => Some(country.clone()),
                _ => None,
            },
            agreement_count: idx.len() as u32,
            committed,
            patterns: patterns.into_iter().collect(),
        };
        let detail = PartnerDetailOut {
            partner: p,
            agreements: list,
            counterparts,
        };
        f(item, &detail)?;
    }
    Ok(())
}

/// The list item of an agreement, given its two parties.
pub fn agreement_summary(
    a: &Agreement,
    company: &Partner,
    umkm: &Partner,
) -> Result<AgreementSummary, WriteError> {
    let realised = a
        .realised()
        .ok_or(WriteError::Summary(SummaryError::Overflow))?;
    Ok(AgreementSummary {
        id: a.id.clone(),
        company: company.to_ref(),
        umkm: umkm.to_ref(),
        company_province: company.province,
        umkm_province: umkm.province,
        umkm_size: if umkm.kind() == Kind::Umkm {
            umkm.size()
        } else {
            None
        },
        pattern: a.pattern,
        event_id: a.event_id.clone(),
        date_signed: a.date_signed,
        period: a.period,
        value: a.value,
        realised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_never_is_zero() {
        assert_eq!(page_count(0, 1000), 1);
        assert_eq!(page_count(1000, 1000), 1);
        assert_eq!(page_count(1001, 1000), 2);
        assert_eq!(page_count(252, 100), 3);
    }

    #[test]
    fn prepare_dir_refuses_foreign_files() {
        let dir = std::env::temp_dir().join(format!("kemitraan-write-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("notes.txt"), "keep me").unwrap();
        assert!(matches!(
            prepare_dir(&dir),
            Err(WriteError::NotADataset { .. })
        ));
        assert!(dir.join("notes.txt").exists());
        fs::remove_file(dir.join("notes.txt")).unwrap();
        // An old dataset is replaced.
        prepare_dir(&dir).unwrap();
        fs::write(dir.join(paths::META), "{}").unwrap();
        fs::write(dir.join("partners/P1.json"), "{}").unwrap();
        prepare_dir(&dir).unwrap();
        assert!(!dir.join(paths::META).exists());
        assert!(!dir.join("partners/P1.json").exists());
        assert!(dir.join("agreements").is_dir());
        fs::remove_dir_all(&dir).unwrap();
    }
}
