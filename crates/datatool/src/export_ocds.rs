//! `export-ocds`: an OCDS-shaped release package of a dataset's agreements.
//!
//! OCDS-shaped, not certified: both parties are private businesses, there
//! is no tender (so no `initiationType`), and pattern, PMA/PMDN and
//! investment value live in extension fields under the key `"kemitraan"`
//! (on the release and on each party's `details`). `docs/api.md` lists every
//! field. Releases are written one at a time, so memory does not grow with
//! the dataset.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use kemitraan_core::model::{
    is_valid_id, paths, Agreement, AgreementDetail, AgreementSummary, DatasetMeta, DetailBucket,
    Page, Partner, PartnerDetail,
};
use kemitraan_core::ocds::{date_time, release, PartyInfo};
use serde::de::DeserializeOwned;
use serde_json::json;

#[derive(Clone, Debug)]
pub struct ExportArgs {
    pub dir: PathBuf,
    /// Standard output when `None`.
    pub out: Option<PathBuf>,
    /// Only this agreement.
    pub agreement: Option<String>,
}

#[derive(Debug)]
pub enum ExportError {
    /// A file of the dataset could not be read.
    Read {
        path: PathBuf,
        source: io::Error,
    },
    /// A file of the dataset is not JSON of the contract's shape.
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// The output could not be written.
    Write {
        path: String,
        source: io::Error,
    },
    InvalidId(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Read { path, source } => write!(f, "{}: {source}", path.display()),
            ExportError::Json { path, source } => write!(f, "{}: {source}", path.display()),
            ExportError::Write { path, source } => write!(f, "{path}: {source}"),
            ExportError::InvalidId(id) => write!(f, "{id:?} is not a valid agreement id"),
        }
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Read { source, .. } => Some(source),
            ExportError::Json { source, .. } => Some(source),
            ExportError::Write { source, .. } => Some(source),
            ExportError::InvalidId(_) => None,
        }
    }
}

pub use kemitraan_core::ocds::OCID_PREFIX;

fn read<T: DeserializeOwned>(dir: &Path, rel: &str) -> Result<T, ExportError> {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).map_err(|source| ExportError::Read {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| ExportError::Json { path, source })
}

/// Agreements exported at a time: their details and their parties'
/// records are read bucket by bucket (each bucket file once per chunk) and
/// held until the chunk is written, in id order.
const CHUNK: usize = 100_000;

/// Reads the details of `ids` from their buckets (`file(b)`, `count` items
/// in the list), each bucket once; `keep` takes what is needed of one.
fn read_by_bucket<T: DeserializeOwned, U>(
    dir: &Path,
    file: fn(u32) -> String,
    count: u64,
    ids: &BTreeSet<&str>,
    id_of: impl Fn(&T) -> &str,
    keep: impl Fn(T) -> U,
) -> Result<HashMap<String, U>, ExportError> {
    let buckets = paths::detail_buckets(count);
    let wanted: BTreeSet<u32> = ids.iter().map(|id| paths::bucket_of(id, buckets)).collect();
    let mut out = HashMap::with_capacity(ids.len());
    for b in wanted {
        let bucket: DetailBucket<T> = read(dir, &file(b))?;
        for d in bucket.items {
            if ids.contains(id_of(&d)) {
                out.insert(id_of(&d).to_owned(), keep(d));
            }
        }
    }
    Ok(out)
}

/// The agreements `ids` (in this order) with their two parties.
fn read_chunk(
    dir: &Path,
    meta: &DatasetMeta,
    ids: &[String],
) -> Result<Vec<(Agreement, Partner, Partner)>, ExportError> {
    let wanted: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let mut agreements = read_by_bucket(
        dir,
        paths::agreement_bucket,
        meta.counts.agreements,
        &wanted,
        |d: &AgreementDetail| d.agreement.id.as_str(),
        |d| d.agreement,
    )?;
    let parties: BTreeSet<&str> = agreements
        .values()
        .flat_map(|a| [a.company.partner_id.as_str(), a.umkm.partner_id.as_str()])
        .collect();
    let partners = read_by_bucket(
        dir,
        paths::partner_bucket,
        meta.counts.partners,
        &parties,
        |d: &PartnerDetail| d.partner.id.as_str(),
        |d| d.partner,
    )?;
    let missing = |what: &str, id: &str, file: String| ExportError::Read {
        path: dir.join(file),
        source: io::Error::new(
            io::ErrorKind::NotFound,
            format!("{what} {id} is not in its bucket"),
        ),
    };
    ids.iter()
        .map(|id| {
            let a = agreements.remove(id).ok_or_else(|| {
                missing(
                    "agreement",
                    id,
                    paths::agreement(id, meta.counts.agreements),
                )
            })?;
            let party = |pid: &str| {
                partners.get(pid).cloned().ok_or_else(|| {
                    missing("partner", pid, paths::partner(pid, meta.counts.partners))
                })
            };
            let (c, u) = (party(&a.company.partner_id)?, party(&a.umkm.partner_id)?);
            Ok((a, c, u))
        })
        .collect()
}

pub fn run(args: &ExportArgs) -> Result<u64, ExportError> {
    let meta: DatasetMeta = read(&args.dir, paths::META)?;
    let out_name = args
        .out
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "stdout".to_owned());
    let werr = |source: io::Error| ExportError::Write {
        path: out_name.clone(),
        source,
    };
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(fs::File::create(p).map_err(werr)?),
        None => Box::new(io::stdout().lock()),
    };
    let mut w = BufWriter::new(sink);

    let ids: Vec<String> = match &args.agreement {
        Some(id) => {
            if !is_valid_id(id) {
                return Err(ExportError::InvalidId(id.clone()));
            }
            vec![id.clone()]
        }
        None => Vec::new(),
    };
    let header = json!({
        "uri": format!("urn:kemitraan:ocds:{}:{}", meta.version, meta.as_of),
        "publishedDate": date_time(meta.as_of),
        "publisher": { "name": meta.name },
        "version": "1.1",
        "kemitraan": {
            "note": "OCDS-shaped export of a Kemitraan dataset; not certified OCDS. Extension fields are under \"kemitraan\".",
            "synthetic": meta.synthetic,
            "source": meta.source,
        }
    });
    // The header without its closing brace, then the releases.
    let head = serde_json::to_string(&header).map_err(|e| ExportError::Write {
        path: out_name.clone(),
        source: io::Error::other(e),
    })?;
    let head = head.strip_suffix('}').unwrap_or(&head);
    write!(w, "{head},\"releases\":[").map_err(werr)?;

    let mut count = 0u64;
    let mut emit = |a: &Agreement,
                    company: &Partner,
                    umkm: &Partner,
                    w: &mut BufWriter<Box<dyn Write>>|
     -> Result<(), ExportError> {
        let r = release(
            a,
            &PartyInfo::from_partner(company),
            &PartyInfo::from_partner(umkm),
            meta.as_of,
        );
        if count > 0 {
            w.write_all(b",").map_err(werr)?;
        }
        w.write_all(b"\n").map_err(werr)?;
        serde_json::to_writer(&mut *w, &r).map_err(|e| ExportError::Write {
            path: out_name.clone(),
            source: io::Error::other(e),
        })?;
        count += 1;
        Ok(())
    };
    let mut chunk: Vec<String> = Vec::new();
    let mut flush =
        |chunk: &mut Vec<String>, w: &mut BufWriter<Box<dyn Write>>| -> Result<(), ExportError> {
            for (a, c, u) in read_chunk(&args.dir, &meta, chunk)? {
                emit(&a, &c, &u, w)?;
            }
            chunk.clear();
            Ok(())
        };
    if ids.is_empty() {
        for n in 1..=meta.agreement_pages {
            let page: Page<AgreementSummary> = read(&args.dir, &paths::agreement_page(n))?;
            for item in page.items {
                if !is_valid_id(&item.id) {
                    return Err(ExportError::InvalidId(item.id));
                }
                chunk.push(item.id);
                if chunk.len() >= CHUNK {
                    flush(&mut chunk, &mut w)?;
                }
            }
        }
    } else {
        chunk = ids;
    }
    flush(&mut chunk, &mut w)?;
    w.write_all(b"\n]}\n").map_err(werr)?;
    w.flush().map_err(werr)?;
    Ok(count)
}
