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

use chrono::NaiveDate;
use kemitraan_core::model::{
    is_valid_id, paths, Agreement, AgreementDetail, AgreementSummary, DatasetMeta, Kind,
    KindDetails, Page, Partner, PartnerDetail, Status,
};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::Lang;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

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
    Read { path: PathBuf, message: String },
    Write { path: String, source: io::Error },
    InvalidId(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Read { path, message } => write!(f, "{}: {message}", path.display()),
            ExportError::Write { path, source } => write!(f, "{path}: {source}"),
            ExportError::InvalidId(id) => write!(f, "{id:?} is not a valid agreement id"),
        }
    }
}

impl std::error::Error for ExportError {}

/// The prefix of every `ocid`.
pub const OCID_PREFIX: &str = "ocds-kemitraan-";

fn read<T: DeserializeOwned>(dir: &Path, rel: &str) -> Result<T, ExportError> {
    let path = dir.join(rel);
    let text = fs::read_to_string(&path).map_err(|e| ExportError::Read {
        path: path.clone(),
        message: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| ExportError::Read {
        path,
        message: e.to_string(),
    })
}

/// OCDS dates are date-times; the program's dates are days in WIB.
fn date_time(d: NaiveDate) -> String {
    format!("{d}T00:00:00+07:00")
}

fn money(amount: i64) -> Value {
    json!({ "amount": amount, "currency": "IDR" })
}

/// Who pays whom: in a franchise the UMKM pays fees, in distribution it buys
/// the principal's goods; otherwise the company buys from the UMKM.
fn umkm_pays(p: Pattern) -> bool {
    matches!(p, Pattern::Waralaba | Pattern::DistribusiKeagenan)
}

fn party(p: &Partner, roles: [&str; 2], role_in_pattern: &str) -> Value {
    let (scale, ext) = match &p.details {
        KindDetails::Pma { country, .. } => (
            "large".to_owned(),
            json!({"kind": "pma", "country": country, "role": role_in_pattern}),
        ),
        KindDetails::Pmdn { .. } => (
            "large".to_owned(),
            json!({"kind": "pmdn", "role": role_in_pattern}),
        ),
        KindDetails::Umkm { .. } => (
            p.size()
                .map(|c| c.class.ocds_scale().to_owned())
                .unwrap_or_else(|| "sme".to_owned()),
            json!({"kind": "umkm", "role": role_in_pattern, "sizeTest": p.size().map(|c| c.test)}),
        ),
    };
    json!({
        "id": p.id,
        "name": p.name,
        "identifier": { "scheme": "ID-NIB", "id": p.nib.as_str(), "legalName": p.name },
        "address": {
            "locality": p.city,
            "region": p.province.name(),
            "countryName": "Indonesia"
        },
        "roles": roles,
        "details": { "scale": scale, "kemitraan": ext }
    })
}

/// One release for one agreement.
pub fn release(a: &Agreement, company: &Partner, umkm: &Partner, as_of: NaiveDate) -> Value {
    let (company_role, umkm_role) = a.pattern.roles();
    let (company_roles, umkm_roles) = if umkm_pays(a.pattern) {
        (["supplier", "payee"], ["buyer", "payer"])
    } else {
        (["buyer", "payer"], ["supplier", "payee"])
    };
    let (payer, payee) = if umkm_pays(a.pattern) {
        (umkm, company)
    } else {
        (company, umkm)
    };
    let org = |p: &Partner| json!({ "id": p.id, "name": p.name });
    let transactions: Vec<Value> = a
        .transactions
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({
                "id": format!("{}-{}", a.id, i + 1),
                "date": date_time(t.date),
                "value": money(t.amount.0),
                "payer": org(payer),
                "payee": org(payee),
            })
        })
        .collect();
    let status = match Status::on(a.period, as_of) {
        Status::Upcoming => "pending",
        Status::Active => "active",
        Status::Ended => "terminated",
    };
    let mut tag = vec!["contract"];
    if !transactions.is_empty() {
        tag.push("implementation");
    }
    let company_kind = match company.kind() {
        Kind::Pma => "pma",
        Kind::Pmdn => "pmdn",
        Kind::Umkm => "umkm",
    };
    json!({
        "ocid": format!("{OCID_PREFIX}{}", a.id),
        "id": format!("{}-{}", a.id, a.date_signed),
        "date": date_time(a.date_signed),
        "tag": tag,
        "language": "id",
        "parties": [
            party(company, company_roles, company_role.label(Lang::Id)),
            party(umkm, umkm_roles, umkm_role.label(Lang::Id)),
        ],
        "contracts": [{
            "id": a.id,
            "title": format!("Kesepakatan Kemitraan Usaha: {}", a.pattern.label(Lang::Id)),
            "status": status,
            "value": money(a.value.0),
            "period": { "startDate": date_time(a.period.start), "endDate": date_time(a.period.end) },
            "dateSigned": date_time(a.date_signed),
            "implementation": { "transactions": transactions },
        }],
        "kemitraan": {
            "pattern": a.pattern.key(),
            "patternLabel": a.pattern.label(Lang::Id),
            "patternOther": a.pattern_other,
            "companyKind": company_kind,
            "investment": money(a.value.0),
            "eventId": a.event_id,
            "renews": a.renews.as_ref().map(|r| format!("{OCID_PREFIX}{r}")),
            "source": { "title": a.source.title, "reference": a.source.reference, "url": a.source.url },
        }
    })
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
        let r = release(a, &company, &umkm, meta.as_of);
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
