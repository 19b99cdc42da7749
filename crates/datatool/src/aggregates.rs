//! The precomputed agreement aggregates under `aggregates/`
//! (`kemitraan_core::agreement_index`, `docs/api.md`): written by `generate`
//! and `import` after the lists, by `aggregate DIR` for an existing dataset,
//! and compared byte for byte by `validate`.
//!
//! `index.json` and the pages are compact JSON: the cube is thousands of
//! small arrays, and the pages copy the list (about four times over), so
//! indentation would double the disk they take. `figures.json` is
//! pretty-printed like every other file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use kemitraan_core::agreement_index::{
    self, build, Overflow, PageMap, Timeline, PAIRS_FROM, SHARD_PAGE_SIZE,
};
use kemitraan_core::model::{paths, AgreementSummary, DatasetMeta, Page};
use serde::Serialize;

use crate::write::WriteError;

/// The folder of every aggregate file, relative to the dataset.
pub const DIR: &str = "aggregates";

fn json_err(path: &str) -> impl FnOnce(serde_json::Error) -> WriteError + '_ {
    move |source| WriteError::Json {
        path: PathBuf::from(path),
        source,
    }
}

fn pretty<T: Serialize>(path: &str, value: &T) -> Result<Vec<u8>, WriteError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(json_err(path))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn compact<T: Serialize>(path: &str, value: &T) -> Result<Vec<u8>, WriteError> {
    let mut bytes = serde_json::to_vec(value).map_err(json_err(path))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Calls `f(relative path, bytes)` for every aggregate file of `items` (the
/// whole list), one file at a time so the bytes of
/// all shards are never held at once.
pub fn for_each_file(
    items: &[AgreementSummary],
    mut f: impl FnMut(&str, Vec<u8>) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let built = build(items, items.len() >= PAIRS_FROM, |path, t: Timeline| {
        let bytes = compact(&path, &t)?;
        f(&path, bytes)
    })?;
    let page = |rows: &[usize], n: u32, pages: u32| Page {
        page: n,
        pages,
        page_size: SHARD_PAGE_SIZE,
        total: rows.len() as u64,
        // References: the same JSON as the items, without a copy of
        // every row for every page (the shards copy the list 3-4 times).
        items: rows
            .iter()
            .skip((n as usize - 1) * SHARD_PAGE_SIZE as usize)
            .take(SHARD_PAGE_SIZE as usize)
            .map(|i| &items[*i])
            .collect::<Vec<&AgreementSummary>>(),
    };
    for (info, rows) in built.index.shards.iter().zip(&built.shard_rows) {
        for n in 1..=info.pages {
            let path = agreement_index::paths::shard_page(info.dim, &info.value, n);
            let bytes = compact(&path, &page(rows, n, info.pages))?;
            f(&path, bytes)?;
        }
    }
    for (sort, rows) in &built.sorted_rows {
        for n in 1..=built.index.sorted_pages {
            let path = agreement_index::paths::sorted_page(*sort, n);
            // The sorted pages are the first rows of the whole list: their
            // header counts the whole list.
            let mut p = page(rows, n, built.index.sorted_pages);
            p.total = built.index.all.count;
            let bytes = compact(&path, &p)?;
            f(&path, bytes)?;
        }
    }
    for (i, (info, rows)) in built.index.shards.iter().zip(&built.shard_rows).enumerate() {
        let list: Vec<&AgreementSummary> = rows.iter().map(|i| &items[*i]).collect();
        let path = agreement_index::paths::page_map(info.dim, &info.value);
        f(
            &path,
            compact(&path, &PageMap::of(&list, SHARD_PAGE_SIZE as usize))?,
        )?;
        if let Some(cube) = built.shard_cube(items, i) {
            let path = agreement_index::paths::cube(info.dim, &info.value);
            f(&path, compact(&path, &cube)?)?;
        }
    }
    let path = agreement_index::paths::CUBE_ALL;
    f(path, compact(path, &built.cube)?)?;
    let path = agreement_index::paths::FIGURES;
    f(path, pretty(path, &built.figures)?)?;
    let path = agreement_index::paths::INDEX;
    f(path, compact(path, &built.index)?)
}

impl From<Overflow> for WriteError {
    fn from(_: Overflow) -> WriteError {
        WriteError::Summary(kemitraan_core::summary::SummaryError::Overflow)
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Replaces `dir/aggregates/` with the aggregates of `items`.
pub fn write(dir: &Path, items: &[AgreementSummary]) -> Result<(), WriteError> {
    let root = dir.join(DIR);
    if root.exists() {
        fs::remove_dir_all(&root).map_err(io_err(&root))?;
    }
    for_each_file(items, |rel, bytes| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        fs::write(&path, bytes).map_err(io_err(&path))
    })
}

/// Reads the list pages of an existing dataset (as `meta.json` counts them).
pub fn read_list(dir: &Path) -> Result<Vec<AgreementSummary>, WriteError> {
    let read = |rel: &str| -> Result<String, WriteError> {
        let path = dir.join(rel);
        fs::read_to_string(&path).map_err(io_err(&path))
    };
    let meta: DatasetMeta =
        serde_json::from_str(&read(paths::META)?).map_err(json_err(paths::META))?;
    let mut items = Vec::new();
    for n in 1..=meta.agreement_pages {
        let rel = paths::agreement_page(n);
        let page: Page<AgreementSummary> =
            serde_json::from_str(&read(&rel)?).map_err(json_err(&rel))?;
        items.extend(page.items);
    }
    Ok(items)
}

/// `aggregate DIR`: (re)writes the aggregates of an existing dataset.
/// Returns the number of agreements.
pub fn run(dir: &Path) -> Result<usize, WriteError> {
    let items = read_list(dir)?;
    write(dir, &items)?;
    Ok(items.len())
}

/// Every file under `dir/aggregates/`, relative to `dir`, sorted.
pub fn existing_files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, at: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(at) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else if let Ok(rel) = p.strip_prefix(base) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &dir.join(DIR), &mut out);
    out.sort();
    out
}
