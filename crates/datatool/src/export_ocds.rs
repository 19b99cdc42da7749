//! `export-ocds`: an OCDS-shaped release package of a dataset's agreements.
//!
//! OCDS-shaped, not certified: both parties are private businesses, there
//! is no tender (so no `initiationType`), and pattern, PMA/PMDN and
//! investment value live in extension fields under the key `"kemitraan"`
//! (on the release and on each party's `details`). `docs/api.md` lists every
//! field. Releases are written one at a time, so memory does not grow with
//! the dataset.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use kemitraan_core::model::{
    is_valid_id, paths, Agreement, AgreementDetail, AgreementSummary, DatasetMeta, Page, Partner,
    PartnerDetail,
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

/// Keeps recently read partners, so a company with many agreements is read
/// once, without holding every partner of a large dataset.
struct Partners<'a> {
    dir: &'a Path,
    cache: HashMap<String, Partner>,
}

impl Partners<'_> {
    fn get(&mut self, id: &str) -> Result<Partner, ExportError> {
        if let Some(p) = self.cache.get(id) {
            return Ok(p.clone());
        }
        if !is_valid_id(id) {
            return Err(ExportError::InvalidId(id.to_owned()));
        }
        let d: PartnerDetail = read(self.dir, &paths::partner(id))?;
        if self.cache.len() >= 20_000 {
            self.cache.clear();
        }
        self.cache.insert(id.to_owned(), d.partner.clone());
        Ok(d.partner)
    }
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

    let mut partners = Partners {
        dir: &args.dir,
        cache: HashMap::new(),
    };
    let mut count = 0u64;
    let mut emit = |a: &Agreement, w: &mut BufWriter<Box<dyn Write>>| -> Result<(), ExportError> {
        let company = partners.get(&a.company.partner_id)?;
        let umkm = partners.get(&a.umkm.partner_id)?;
        let r = release(
            a,
            &PartyInfo::from_partner(&company),
            &PartyInfo::from_partner(&umkm),
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
    if ids.is_empty() {
        for n in 1..=meta.agreement_pages {
            let page: Page<AgreementSummary> = read(&args.dir, &paths::agreement_page(n))?;
            for item in page.items {
                if !is_valid_id(&item.id) {
                    return Err(ExportError::InvalidId(item.id));
                }
                let d: AgreementDetail = read(&args.dir, &paths::agreement(&item.id))?;
                emit(&d.agreement, &mut w)?;
            }
        }
    } else {
        for id in &ids {
            let d: AgreementDetail = read(&args.dir, &paths::agreement(id))?;
            emit(&d.agreement, &mut w)?;
        }
    }
    w.write_all(b"\n]}\n").map_err(werr)?;
    w.flush().map_err(werr)?;
    Ok(count)
}
