//! Detail buckets (`partners/by-id/{b}.json`, `agreements/by-id/{b}.json`,
//! `model::DetailBucket`): every partner's and agreement's detail, packed about
//! [`paths::DETAIL_BUCKET_ITEMS`] to a file by the hash of its id.
//!
//! Why a spill: a bucket holds ids from every part of the list (that is
//! what lets a client find it from the id alone), but the writer gets the
//! details group by group. Holding them all until the end would take
//! gigabytes at a million partners. So each detail is serialized at once
//! and appended, as one line `bucket \t id \t json`, to one of at most
//! [`SPILL_FILES`] spill files, each covering a run of buckets; at the end
//! each spill file is read back alone, sorted and cut into its buckets (in
//! parallel, one spill file per thread at a time), and deleted.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use kemitraan_core::model::paths::{bucket_of, detail_buckets};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::write::WriteError;

/// Spill files per resource: enough that one holds a few tens of MB at a
/// million items, few enough to keep them all open.
pub const SPILL_FILES: u32 = 256;

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Collects one resource's details and writes its buckets at the end.
pub struct BucketWriter {
    dir: PathBuf,
    /// `paths::partner_bucket` or `paths::agreement_bucket`.
    file: fn(u32) -> String,
    buckets: u32,
    spills: Vec<BufWriter<fs::File>>,
    spill_dir: PathBuf,
}

impl BucketWriter {
    /// A writer for `count` items into `dir` (the dataset) at `file(b)`.
    pub fn create(dir: &Path, file: fn(u32) -> String, count: u64) -> Result<Self, WriteError> {
        let buckets = detail_buckets(count);
        let first = dir.join(file(0));
        let base = first.parent().unwrap_or(dir).to_owned();
        let spill_dir = base.join(".spill");
        fs::create_dir_all(&spill_dir).map_err(io_err(&spill_dir))?;
        let n = SPILL_FILES.min(buckets);
        let mut spills = Vec::with_capacity(n as usize);
        for k in 0..n {
            let p = spill_dir.join(k.to_string());
            let f = fs::File::create(&p).map_err(io_err(&p))?;
            spills.push(BufWriter::with_capacity(64 * 1024, f));
        }
        Ok(BucketWriter {
            dir: dir.to_owned(),
            file,
            buckets,
            spills,
            spill_dir,
        })
    }

    /// The spill file of bucket `b`: `floor(b * K / B)`, so spill `i` holds
    /// buckets `[ceil(i * B / K), ceil((i + 1) * B / K))`.
    fn spill_of(&self, b: u32) -> usize {
        let k = self.spills.len() as u64;
        ((u64::from(b) * k) / u64::from(self.buckets)) as usize
    }

    /// Adds the detail of `id` (a valid id: no tab, no line feed).
    pub fn push<T: Serialize>(&mut self, id: &str, detail: &T) -> Result<(), WriteError> {
        let b = bucket_of(id, self.buckets);
        let k = self.spill_of(b);
        let path = self.spill_dir.join(k.to_string());
        let w = &mut self.spills[k];
        write!(w, "{b}\t{id}\t").map_err(io_err(&path))?;
        serde_json::to_writer(&mut *w, detail).map_err(|source| WriteError::Json {
            path: path.clone(),
            source,
        })?;
        w.write_all(b"\n").map_err(io_err(&path))
    }

    /// Writes every bucket (empty ones too: a missing file is an error, an
    /// unknown id in a present bucket is "not found") with `threads`
    /// threads, and removes the spill files.
    pub fn finish(self, threads: usize) -> Result<u32, WriteError> {
        let BucketWriter {
            dir,
            file,
            buckets,
            spills,
            spill_dir,
        } = self;
        let k = spills.len();
        for (i, mut w) in spills.into_iter().enumerate() {
            w.flush().map_err(io_err(&spill_dir.join(i.to_string())))?;
        }
        let next = AtomicUsize::new(0);
        let work = || -> Result<(), WriteError> {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= k {
                    return Ok(());
                }
                // The buckets b with floor(b * k / B) == i (`spill_of`).
                let first = (i as u64 * u64::from(buckets)).div_ceil(k as u64) as u32;
                let end = ((i as u64 + 1) * u64::from(buckets)).div_ceil(k as u64) as u32;
                let path = spill_dir.join(i.to_string());
                let text = fs::read_to_string(&path).map_err(io_err(&path))?;
                let mut lines: Vec<(u32, &str, &str)> = text
                    .lines()
                    .filter_map(|l| {
                        let (b, rest) = l.split_once('\t')?;
                        let (id, json) = rest.split_once('\t')?;
                        Some((b.parse().ok()?, id, json))
                    })
                    .collect();
                lines.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
                let mut at = 0;
                for b in first..end {
                    let mut body = format!("{{\"bucket\":{b},\"buckets\":{buckets},\"items\":[");
                    let mut sep = "";
                    while at < lines.len() && lines[at].0 == b {
                        body.push_str(sep);
                        body.push_str(lines[at].2);
                        sep = ",";
                        at += 1;
                    }
                    body.push_str("]}\n");
                    let out = dir.join(file(b));
                    fs::write(&out, body).map_err(io_err(&out))?;
                }
                drop(lines);
                fs::remove_file(&path).map_err(io_err(&path))?;
            }
        };
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads.max(1)).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|_| Err(panicked(&spill_dir))))
                .collect::<Result<Vec<()>, WriteError>>()
        })?;
        fs::remove_dir(&spill_dir).map_err(io_err(&spill_dir))?;
        Ok(buckets)
    }
}

fn panicked(path: &Path) -> WriteError {
    WriteError::Io {
        path: path.to_owned(),
        source: io::Error::other("a bucket thread panicked"),
    }
}

/// Reads details by id from a dataset's buckets, keeping the last few
/// buckets read (an export reads a company's detail once per agreement).
pub struct BucketReader<'a, T> {
    dir: &'a Path,
    file: fn(u32) -> String,
    buckets: u32,
    cache: Vec<(u32, Vec<T>)>,
}

/// A bucket could not be read, or the id is not in its bucket.
#[derive(Debug)]
pub enum ReadError {
    Io(PathBuf, io::Error),
    Json(PathBuf, serde_json::Error),
    NotFound(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(p, e) => write!(f, "{}: {e}", p.display()),
            ReadError::Json(p, e) => write!(f, "{}: {e}", p.display()),
            ReadError::NotFound(id) => write!(f, "{id} is not in its detail bucket"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a detail is found by.
pub trait HasId {
    /// The id of the partner or agreement.
    fn id(&self) -> &str;
}

impl HasId for kemitraan_core::model::PartnerDetail {
    fn id(&self) -> &str {
        &self.partner.id
    }
}

impl HasId for kemitraan_core::model::AgreementDetail {
    fn id(&self) -> &str {
        &self.agreement.id
    }
}

impl<'a, T: DeserializeOwned + HasId + Clone> BucketReader<'a, T> {
    /// A reader of the buckets of a list of `count` items.
    pub fn new(dir: &'a Path, file: fn(u32) -> String, count: u64) -> Self {
        BucketReader {
            dir,
            file,
            buckets: detail_buckets(count),
            cache: Vec::new(),
        }
    }

    /// The detail of `id`.
    pub fn get(&mut self, id: &str) -> Result<T, ReadError> {
        let b = bucket_of(id, self.buckets);
        if !self.cache.iter().any(|(c, _)| *c == b) {
            let path = self.dir.join((self.file)(b));
            let text = fs::read_to_string(&path).map_err(|e| ReadError::Io(path.clone(), e))?;
            let bucket: kemitraan_core::model::DetailBucket<T> =
                serde_json::from_str(&text).map_err(|e| ReadError::Json(path.clone(), e))?;
            if self.cache.len() >= 64 {
                self.cache.remove(0);
            }
            self.cache.push((b, bucket.items));
        }
        self.cache
            .iter()
            .find(|(c, _)| *c == b)
            .and_then(|(_, items)| items.iter().find(|d| d.id() == id))
            .cloned()
            .ok_or_else(|| ReadError::NotFound(id.to_owned()))
    }
}
