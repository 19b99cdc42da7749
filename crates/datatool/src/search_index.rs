//! The prebuilt search index (`search/` beside the JSON; format in
//! docs/api.md, "Search index"): written by `generate` and `import`,
//! rebuilt for an existing dataset by `build-index DIR`, checked by
//! `validate`. The format itself lives in `kemitraan_core::search::shard`.

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use kemitraan_core::model::{paths, DatasetMeta, Page, PartnerSummary};
use kemitraan_core::search::shard::{write_index, IndexStats, WriteOptions};
use kemitraan_core::search::Row;

use crate::write::WriteError;

/// The index's directory under the dataset.
pub const DIR: &str = "search";

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Replaces `dir/search/` with the index of `rows`.
pub fn write(dir: &Path, rows: &[Row]) -> Result<IndexStats, WriteError> {
    write_with(dir, rows, &WriteOptions::default())
}

/// The options an index was written with, as far as its root names them
/// (`cap`, `budget`, `parts`); the defaults for the rest, or for a dataset
/// without a readable root.
pub fn options_of(dir: &Path) -> WriteOptions {
    let mut opts = WriteOptions::default();
    let Ok(root) = fs::read_to_string(dir.join(DIR).join("root.txt")) else {
        return opts;
    };
    for line in root.lines().take(12) {
        let Some((key, value)) = line.split_once(' ') else {
            continue;
        };
        let Ok(n) = value.parse::<u32>() else {
            continue;
        };
        match key {
            "cap" => opts.cap = n,
            "budget" => opts.budget = n,
            "parts" => opts.part_rows = n,
            _ => {}
        }
    }
    opts
}

/// [`write`] with these options.
pub fn write_with(dir: &Path, rows: &[Row], opts: &WriteOptions) -> Result<IndexStats, WriteError> {
    let base = dir.join(DIR);
    if base.exists() {
        fs::remove_dir_all(&base).map_err(io_err(&base))?;
    }
    for sub in ["terms", "hoods", "nib", "lists", "tops", "pairs"] {
        let p = base.join(sub);
        fs::create_dir_all(&p).map_err(io_err(&p))?;
    }
    write_index(rows, opts, |rel, body| {
        let path = dir.join(rel);
        let mut f = io::BufWriter::new(fs::File::create(&path).map_err(io_err(&path))?);
        f.write_all(body.as_bytes()).map_err(io_err(&path))?;
        f.flush().map_err(io_err(&path))
    })
}

/// Reads `meta.json` and every partner page of a dataset.
pub fn read_partners(dir: &Path) -> Result<Vec<PartnerSummary>, String> {
    let read = |rel: &str| -> Result<String, String> {
        fs::read_to_string(dir.join(rel)).map_err(|e| format!("{}: {e}", dir.join(rel).display()))
    };
    let meta: DatasetMeta =
        serde_json::from_str(&read(paths::META)?).map_err(|e| format!("{}: {e}", paths::META))?;
    let mut items = Vec::with_capacity(meta.counts.partners as usize);
    for n in 1..=meta.partner_pages {
        let rel = paths::partner_page(n);
        let page: Page<PartnerSummary> =
            serde_json::from_str(&read(&rel)?).map_err(|e| format!("{rel}: {e}"))?;
        items.extend(page.items);
    }
    Ok(items)
}

/// `build-index DIR [--budget ROWS]`: (re)writes the index of an existing
/// dataset.
pub fn build(dir: &Path, budget: Option<u32>) -> Result<String, String> {
    let started = Instant::now();
    let items = read_partners(dir)?;
    let read_s = started.elapsed().as_secs_f64();
    let rows: Vec<Row> = items.iter().map(Row::from_summary).collect();
    drop(items);
    let mut opts = WriteOptions::default();
    if let Some(b) = budget {
        opts.budget = b;
    }
    let stats = write_with(dir, &rows, &opts).map_err(|e| e.to_string())?;
    Ok(format!(
        "search index of {} partners in {}: {} terms, {} term shards (largest {} rows), {} NIB shards, {} list files, {} precomputed first pages, {} typo neighbourhoods, {} facet pairs, root {} bytes, {:.1} MB in all; {:.1} s (reading pages {:.1} s)",
        stats.partners,
        dir.join(DIR).display(),
        stats.terms,
        stats.term_shards,
        stats.largest_shard_rows,
        stats.nib_shards,
        stats.list_files,
        stats.top_files,
        stats.hood_files,
        stats.pair_files,
        stats.root_bytes,
        stats.total_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        read_s,
    ))
}

/// Compares `dir/search/` with the index the partner list gives; returns
/// (file, message) for each difference, and the number of files checked.
pub fn check(dir: &Path, items: &[PartnerSummary]) -> (Vec<(String, String)>, u64) {
    let rows: Vec<Row> = items.iter().map(Row::from_summary).collect();
    let mut problems = Vec::new();
    let mut expected = BTreeSet::new();
    let _ = write_index(&rows, &options_of(dir), |rel, body| {
        expected.insert(rel.to_string());
        match fs::read(dir.join(rel)) {
            Err(_) => problems.push((
                rel.to_string(),
                "missing: run `kemitraan-data build-index`".to_string(),
            )),
            Ok(bytes) if bytes != body.as_bytes() => problems.push((
                rel.to_string(),
                "differs from the index of the partner pages: run `kemitraan-data build-index`"
                    .to_string(),
            )),
            Ok(_) => {}
        }
        Ok::<(), ()>(())
    });
    for sub in ["", "terms", "hoods", "nib", "lists", "tops", "pairs"] {
        let p = dir.join(DIR).join(sub);
        let Ok(entries) = fs::read_dir(&p) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().is_dir() {
                continue;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if sub.is_empty() {
                format!("{DIR}/{name}")
            } else {
                format!("{DIR}/{sub}/{name}")
            };
            if !expected.contains(&rel) {
                problems.push((rel, "not a file of the index".to_string()));
            }
        }
    }
    (problems, expected.len() as u64)
}
