//! `validate DIR`: reads every file of a dataset with the core types and
//! checks it against the contract (`docs/api.md`).
//!
//! Decoding is strict: a file is decoded into its `model` type and encoded
//! again, and the two must be the same JSON, so an unknown field, a 15-digit
//! NPWP or a `null` where a field should be left out is reported. The list
//! items, detail files and `summary.json` are then compared with what the
//! writer would make from the partners and agreements ([`write::group_files`],
//! `kemitraan_core::summary`).

pub mod diff;
pub mod rules;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::Path;

use kemitraan_core::model::{
    is_valid_id, paths, Agreement, AgreementDetail, DatasetMeta, DetailBucket, Events, Kind, Page,
    Partner, PartnerDetail, Summary,
};
use kemitraan_core::summary::summarize;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::buckets::HasId;
use crate::write::{self, page_count};

/// One thing wrong, with the file it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub partners: u64,
    pub pma: u64,
    pub pmdn: u64,
    pub umkm: u64,
    pub agreements: u64,
    pub events: u64,
    pub files: u64,
}

impl Report {
    fn problem(&mut self, file: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.to_owned(),
            message: message.into(),
        });
    }

    pub fn ok_line(&self, dir: &Path) -> String {
        format!(
            "OK {}: {} partners ({} PMA, {} PMDN, {} UMKM), {} agreements, {} events, {} files checked",
            dir.display(),
            self.partners,
            self.pma,
            self.pmdn,
            self.umkm,
            self.agreements,
            self.events,
            self.files
        )
    }
}

/// Reads `rel` and decodes it strictly; reports and returns `None` on any
/// problem.
fn read_strict<T: DeserializeOwned + Serialize>(
    dir: &Path,
    rel: &str,
    report: &mut Report,
) -> Option<T> {
    report.files += 1;
    let text = match fs::read_to_string(dir.join(rel)) {
        Ok(t) => t,
        Err(e) => {
            report.problem(rel, format!("cannot read: {e}"));
            return None;
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            report.problem(rel, format!("not JSON: {e}"));
            return None;
        }
    };
    let decoded: T = match T::deserialize(&value) {
        Ok(d) => d,
        Err(e) => {
            report.problem(rel, format!("does not match the contract: {e}"));
            return None;
        }
    };
    match serde_json::to_value(&decoded) {
        Ok(back) => {
            if let Some(d) = diff::first_difference(&value, &back, "the file", "the contract") {
                report.problem(rel, format!("not in the contract's form: {d}"));
                return None;
            }
        }
        Err(e) => {
            report.problem(rel, format!("cannot encode again: {e}"));
            return None;
        }
    }
    Some(decoded)
}

/// Compares a file's content with what the rows give.
fn compare<T: Serialize>(rel: &str, file: &T, expected: &T, report: &mut Report) {
    match (serde_json::to_value(file), serde_json::to_value(expected)) {
        (Ok(f), Ok(e)) => {
            if let Some(d) = diff::first_difference(&f, &e, "the file", "the rows") {
                report.problem(rel, format!("disagrees with the rows: {d}"));
            }
        }
        _ => report.problem(rel, "cannot encode for comparison"),
    }
}

/// Reads every page of one list; returns its items in order.
fn read_pages<T: DeserializeOwned + Serialize>(
    dir: &Path,
    list: &str,
    page_file: fn(u32) -> String,
    total: u64,
    stated_pages: u32,
    page_size: u32,
    report: &mut Report,
) -> Vec<T> {
    let pages = page_count(total, page_size);
    if stated_pages != pages {
        report.problem(
            paths::META,
            format!("{list}_pages is {stated_pages}, but {total} items in pages of {page_size} make {pages}"),
        );
    }
    let mut items = Vec::new();
    for n in 1..=pages {
        let rel = page_file(n);
        let Some(page) = read_strict::<Page<T>>(dir, &rel, report) else {
            continue;
        };
        if page.page != n
            || page.pages != pages
            || page.page_size != page_size
            || page.total != total
        {
            report.problem(
                &rel,
                format!(
                    "header says page {} of {}, size {}, total {}; expected page {n} of {pages}, size {page_size}, total {total}",
                    page.page, page.pages, page.page_size, page.total
                ),
            );
        }
        let want = if n < pages {
            u64::from(page_size)
        } else {
            total - u64::from(pages - 1) * u64::from(page_size)
        };
        if page.items.len() as u64 != want {
            report.problem(&rel, format!("{} items, expected {want}", page.items.len()));
        }
        items.extend(page.items);
    }
    // No page beyond the last.
    if let Ok(entries) = fs::read_dir(dir.join(list)) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(n) = name
                .strip_prefix("page-")
                .and_then(|s| s.strip_suffix(".json"))
                .and_then(|s| s.parse::<u32>().ok())
            {
                if n == 0 || n > pages {
                    report.problem(
                        &format!("{list}/{name}"),
                        format!("page beyond the {pages} page(s)"),
                    );
                }
            }
        }
    }
    items
}

/// Ids on pages: each valid, listed once, in ascending order.
fn check_listing<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
    report: &mut Report,
) -> HashSet<String> {
    let mut seen = HashSet::new();
    let mut prev: Option<&str> = None;
    for id in ids {
        if !is_valid_id(id) {
            report.problem(list, format!("invalid id {id:?}"));
        }
        if !seen.insert(id.to_owned()) {
            report.problem(list, format!("{id} is listed more than once"));
        } else if prev.is_some_and(|p| p >= id) {
            report.problem(list, format!("{id} is out of id order"));
        }
        prev = Some(id);
    }
    seen
}

/// How a problem names one item's detail: its bucket file and its id
/// (`agreements/by-id/7.json A00000001`).
fn label(bucket: &str, id: &str) -> String {
    format!("{bucket} {id}")
}

/// Files in a list's folder other than its pages and `by-id/`.
fn check_unlisted(dir: &Path, list: &str, report: &mut Report) {
    let Ok(entries) = fs::read_dir(dir.join(list)) else {
        report.problem(list, "directory missing");
        return;
    };
    let mut extra: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("page-") && n != "by-id")
        .collect();
    extra.sort();
    for name in extra {
        report.problem(
            &format!("{list}/{name}"),
            "not a file of the contract (details are in by-id/ buckets)",
        );
    }
}

/// Reads every detail bucket of a list of `count` items (`file(b)`): each
/// strictly, with the right header, its ids ascending and each in its own
/// bucket, and no other file in the folder. Returns the details by id.
fn read_buckets<T: DeserializeOwned + Serialize + HasId>(
    dir: &Path,
    file: fn(u32) -> String,
    count: u64,
    report: &mut Report,
) -> HashMap<String, T> {
    let buckets = paths::detail_buckets(count);
    let mut out = HashMap::new();
    for b in 0..buckets {
        let rel = file(b);
        let Some(bucket) = read_strict::<DetailBucket<T>>(dir, &rel, report) else {
            continue;
        };
        if bucket.bucket != b || bucket.buckets != buckets {
            report.problem(
                &rel,
                format!(
                    "header says bucket {} of {}; expected {b} of {buckets}",
                    bucket.bucket, bucket.buckets
                ),
            );
        }
        let mut prev: Option<String> = None;
        for d in bucket.items {
            let id = d.id().to_owned();
            if paths::bucket_of(&id, buckets) != b {
                report.problem(
                    &rel,
                    format!("{id} belongs in bucket {}", paths::bucket_of(&id, buckets)),
                );
            }
            if prev.as_deref().is_some_and(|p| p >= id.as_str()) {
                report.problem(&rel, format!("{id} is out of id order"));
            }
            prev = Some(id.clone());
            if out.insert(id.clone(), d).is_some() {
                report.problem(&rel, format!("{id} is there twice"));
            }
        }
    }
    let folder = dir.join(file(0));
    if let Some(folder) = folder.parent() {
        if let Ok(entries) = fs::read_dir(folder) {
            let mut extra: Vec<String> = entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    n.strip_suffix(".json")
                        .and_then(|b| b.parse::<u32>().ok())
                        .is_none_or(|b| b >= buckets || file(b).rsplit('/').next() != Some(n))
                })
                .collect();
            extra.sort();
            let base = file(0);
            let base = base.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            for name in extra {
                report.problem(
                    &format!("{base}/{name}"),
                    format!("not one of the {buckets} detail buckets"),
                );
            }
        }
    }
    out
}

/// The files under `aggregates/` are exactly what the list pages give.
fn check_aggregates(
    dir: &Path,
    items: &[kemitraan_core::model::AgreementSummary],
    report: &mut Report,
) {
    let fix = "run `kemitraan-data aggregate DIR`";
    let mut expected = HashSet::new();
    let result = crate::aggregates::for_each_file(items, |rel, want| {
        report.files += 1;
        expected.insert(rel.to_owned());
        match fs::read(dir.join(rel)) {
            Ok(bytes) if bytes == want => {}
            Ok(_) => report.problem(
                rel,
                format!("differs from what the agreement pages give; {fix}"),
            ),
            Err(e) => report.problem(rel, format!("cannot read: {e}; {fix}")),
        }
        Ok(())
    });
    if let Err(e) = result {
        report.problem(crate::aggregates::DIR, format!("cannot build: {e}"));
        return;
    }
    for rel in crate::aggregates::existing_files(dir) {
        if !expected.contains(&rel) {
            report.problem(&rel, format!("not an aggregate of this dataset; {fix}"));
        }
    }
}

pub fn validate(dir: &Path) -> Report {
    let mut report = Report::default();
    let Some(meta) = read_strict::<DatasetMeta>(dir, paths::META, &mut report) else {
        return report;
    };
    if meta.page_size == 0 {
        report.problem(paths::META, "page_size is 0");
        return report;
    }
    let events = read_strict::<Events>(dir, paths::EVENTS, &mut report);
    let summary = read_strict::<Summary>(dir, paths::SUMMARY, &mut report);
    let event_ids: Vec<&str> = events
        .as_ref()
        .map(|e| e.items.iter().map(|e| e.id.as_str()).collect())
        .unwrap_or_default();
    if let Some(ev) = &events {
        report.events = ev.items.len() as u64;
        if meta.counts.events != report.events {
            report.problem(
                paths::META,
                format!(
                    "counts.events is {}, events.json has {}",
                    meta.counts.events, report.events
                ),
            );
        }
        let mut seen = HashSet::new();
        for e in &ev.items {
            if !is_valid_id(&e.id) || !seen.insert(e.id.as_str()) {
                report.problem(
                    paths::EVENTS,
                    format!("event id {:?} is invalid or repeated", e.id),
                );
            }
        }
    }

    let partner_items = read_pages::<kemitraan_core::model::PartnerSummary>(
        dir,
        "partners",
        paths::partner_page,
        meta.counts.partners,
        meta.partner_pages,
        meta.page_size,
        &mut report,
    );
    let agreement_items = read_pages::<kemitraan_core::model::AgreementSummary>(
        dir,
        "agreements",
        paths::agreement_page,
        meta.counts.agreements,
        meta.agreement_pages,
        meta.page_size,
        &mut report,
    );
    let listed_p = check_listing(
        "partners pages",
        partner_items.iter().map(|i| i.id.as_str()),
        &mut report,
    );
    let listed_a = check_listing(
        "agreements pages",
        agreement_items.iter().map(|i| i.id.as_str()),
        &mut report,
    );
    check_unlisted(dir, "partners", &mut report);
    let (index_problems, index_files) = crate::search_index::check(dir, &partner_items);
    for (file, message) in index_problems {
        report.problem(&file, message);
    }
    report.files += index_files;
    check_unlisted(dir, "agreements", &mut report);

    // Detail buckets: every listed item once, nothing unlisted.
    let np = meta.counts.partners;
    let na = meta.counts.agreements;
    let mut by_bucket_p: HashMap<String, PartnerDetail> =
        read_buckets(dir, paths::partner_bucket, np, &mut report);
    let mut by_bucket_a: HashMap<String, AgreementDetail> =
        read_buckets(dir, paths::agreement_bucket, na, &mut report);
    let mut partner_details = Vec::with_capacity(partner_items.len());
    for item in partner_items.iter().filter(|i| is_valid_id(&i.id)) {
        match by_bucket_p.remove(&item.id) {
            Some(d) => partner_details.push(d),
            None => report.problem(
                &label(&paths::partner(&item.id, np), &item.id),
                format!("partner {} is listed but not in its bucket", item.id),
            ),
        }
    }
    let mut agreement_details = Vec::with_capacity(agreement_items.len());
    for item in agreement_items.iter().filter(|i| is_valid_id(&i.id)) {
        match by_bucket_a.remove(&item.id) {
            Some(d) => agreement_details.push(d),
            None => report.problem(
                &label(&paths::agreement(&item.id, na), &item.id),
                format!("agreement {} is listed but not in its bucket", item.id),
            ),
        }
    }
    for (left, list, file) in [
        (
            by_bucket_p.keys().cloned().collect::<Vec<_>>(),
            "partner",
            paths::partner as fn(&str, u64) -> String,
        ),
        (
            by_bucket_a.keys().cloned().collect::<Vec<_>>(),
            "agreement",
            paths::agreement,
        ),
    ] {
        let mut left = left;
        left.sort();
        let n = if list == "partner" { np } else { na };
        for id in left {
            report.problem(
                &label(&file(&id, n), &id),
                format!("{list} {id} is not listed on any page"),
            );
        }
    }
    drop((by_bucket_p, by_bucket_a, listed_p, listed_a));

    // Rules of each item.
    let partners: Vec<Partner> = partner_details.iter().map(|d| d.partner.clone()).collect();
    let by_id: HashMap<&str, &Partner> = partners.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut nibs: HashMap<&str, &str> = HashMap::new();
    for p in &partners {
        for m in rules::partner(p) {
            report.problem(&label(&paths::partner(&p.id, np), &p.id), m);
        }
        if let Some(other) = nibs.insert(p.nib.as_str(), p.id.as_str()) {
            report.problem(
                &label(&paths::partner(&p.id, np), &p.id),
                format!("NIB {} is also partner {other}'s", p.nib),
            );
        }
        match p.kind() {
            Kind::Pma => report.pma += 1,
            Kind::Pmdn => report.pmdn += 1,
            Kind::Umkm => report.umkm += 1,
        }
    }
    report.partners = partners.len() as u64;
    let all: Vec<Agreement> = agreement_details
        .iter()
        .map(|d| d.agreement.clone())
        .collect();
    let agreement_by_id: HashMap<&str, &Agreement> =
        all.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut good = Vec::with_capacity(all.len());
    for a in &all {
        let rel = label(&paths::agreement(&a.id, na), &a.id);
        let problems = rules::agreement(a, &by_id, &event_ids, meta.as_of);
        let parties_ok = by_id
            .get(a.company.partner_id.as_str())
            .is_some_and(|p| p.kind().is_company())
            && by_id
                .get(a.umkm.partner_id.as_str())
                .is_some_and(|p| p.kind() == Kind::Umkm);
        for m in problems {
            report.problem(&rel, m);
        }
        if let Some(m) = rules::renewal(a, &agreement_by_id) {
            report.problem(&rel, m);
        }
        if parties_ok && a.realised().is_some() {
            good.push(a.clone());
        }
    }
    report.agreements = all.len() as u64;

    // Lists, details and summary against what the rows give.
    if good.len() == all.len()
        && partners.len() == partner_items.len()
        && all.len() == agreement_items.len()
    {
        match write::group_files(&partners, &all) {
            Ok(files) => {
                for ((item, detail), (want_item, want_detail)) in partner_items
                    .iter()
                    .zip(&partner_details)
                    .zip(&files.partners)
                    .map(|((i, d), w)| ((i, d), (&w.0, &w.1)))
                {
                    compare(
                        &format!("{} item {}", "partners pages", item.id),
                        item,
                        want_item,
                        &mut report,
                    );
                    compare(
                        &label(&paths::partner(&item.id, np), &item.id),
                        detail,
                        want_detail,
                        &mut report,
                    );
                }
                for ((item, detail), (want_item, want_detail)) in agreement_items
                    .iter()
                    .zip(&agreement_details)
                    .zip(&files.agreements)
                    .map(|((i, d), w)| ((i, d), (&w.0, &w.1)))
                {
                    compare(
                        &format!("{} item {}", "agreements pages", item.id),
                        item,
                        want_item,
                        &mut report,
                    );
                    compare(
                        &label(&paths::agreement(&item.id, na), &item.id),
                        detail,
                        want_detail,
                        &mut report,
                    );
                }
            }
            Err(e) => report.problem("-", format!("cannot rebuild the lists: {e}")),
        }
    } else {
        report.problem(
            "-",
            "lists and details were not compared because of the problems above",
        );
    }
    check_aggregates(dir, &agreement_items, &mut report);
    if let Some(summary) = &summary {
        match summarize(&partners, &good) {
            Ok(want) => compare(paths::SUMMARY, summary, &want, &mut report),
            Err(e) => report.problem(paths::SUMMARY, format!("cannot recompute: {e}")),
        }
    }
    report
}
