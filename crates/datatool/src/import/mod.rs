//! `import`: CSV files (layout in `docs/import.md`) into the contract's
//! layout, written by the same writer as `generate`.
//!
//! Every row is either kept as it is or rejected with a `FILE:LINE:COLUMN:
//! reason` line; nothing is dropped or changed silently. A row that names a
//! rejected row (an agreement of a rejected partner, a transaction of a
//! rejected agreement) is rejected too, with a reason that says so.

mod rows;
mod table;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use kemitraan_core::model::{Agreement, Events, Kind, Partner, Transaction};

use crate::write::{LayoutWriter, MetaInfo, WriteError};

pub use rows::{AGREEMENT_COLUMNS, AGREEMENT_OPTIONAL, PARTNER_COLUMNS, TRANSACTION_COLUMNS};

#[derive(Clone, Debug)]
pub struct ImportArgs {
    pub partners: PathBuf,
    pub agreements: PathBuf,
    pub transactions: Option<PathBuf>,
    pub events: Option<PathBuf>,
    pub out: PathBuf,
    pub as_of: Option<NaiveDate>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub synthetic: bool,
    pub page_size: u32,
}

/// One rejected row (or header): `FILE:LINE:COLUMN: reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub file: String,
    pub line: u64,
    /// The column's name from the header, `#N` for an unnamed position, or
    /// `-` for the row as a whole.
    pub column: String,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.reason
        )
    }
}

#[derive(Debug)]
pub enum ImportError {
    /// The events file could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A CSV table could not be opened or read.
    Csv {
        path: PathBuf,
        source: csv::Error,
    },
    /// The events file is not valid JSON of the expected shape.
    Events {
        path: PathBuf,
        source: serde_json::Error,
    },
    /// No agreement or transaction gives a date, and `--as-of` was not given.
    NoAsOf,
    Write(WriteError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Read { path, source } => write!(f, "{}: {source}", path.display()),
            ImportError::Csv { path, source } => write!(f, "{}: {source}", path.display()),
            ImportError::Events { path, source } => {
                write!(f, "{}: not a valid events file: {source}", path.display())
            }
            ImportError::NoAsOf => {
                f.write_str("no date in the data to take as the dataset's date: give --as-of")
            }
            ImportError::Write(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Read { source, .. } => Some(source),
            ImportError::Csv { source, .. } => Some(source),
            ImportError::Events { source, .. } => Some(source),
            ImportError::NoAsOf => None,
            ImportError::Write(e) => Some(e),
        }
    }
}

impl From<WriteError> for ImportError {
    fn from(e: WriteError) -> Self {
        ImportError::Write(e)
    }
}

#[derive(Debug)]
pub struct ImportReport {
    /// In file order: partners, agreements, transactions.
    pub rejected: Vec<RowError>,
    pub partners: u64,
    pub agreements: u64,
    pub transactions: u64,
}

impl ImportReport {
    pub fn line(&self, out: &Path) -> String {
        format!(
            "imported {} partners, {} agreements, {} transactions into {}; {} row(s) rejected",
            self.partners,
            self.agreements,
            self.transactions,
            out.display(),
            self.rejected.len()
        )
    }
}

/// A late payment may come this long after the period ends.
pub const LATE_PAYMENT_DAYS: i64 = 90;

fn file_name(p: &Path) -> String {
    p.display().to_string()
}

fn reject(file: &str, line: u64, column: &str, reason: String) -> RowError {
    RowError {
        file: file.to_owned(),
        line,
        column: column.to_owned(),
        reason,
    }
}

/// Rows kept by id, with their line, and the lines of the ids rejected: a
/// row that names a rejected id is rejected with a reason that says so.
struct Kept<T> {
    rows: BTreeMap<String, (u64, T)>,
    rejected: HashMap<String, u64>,
}

impl<T> Kept<T> {
    fn new() -> Self {
        Kept {
            rows: BTreeMap::new(),
            rejected: HashMap::new(),
        }
    }

    /// Notes a rejected row's id (the first line wins).
    fn reject(&mut self, id: &str, line: u64) {
        if !id.is_empty() {
            self.rejected.entry(id.to_owned()).or_insert(line);
        }
    }
}

/// Imports the CSV files of `args` into `args.out`. Every rejected row is in
/// the report, in file order, then line order.
pub fn run(args: &ImportArgs) -> Result<ImportReport, ImportError> {
    let mut rejected = Vec::new();
    let events = read_events(args.events.as_deref())?;
    let event_ids: HashSet<&str> = events.items.iter().map(|e| e.id.as_str()).collect();

    let pfile = file_name(&args.partners);
    let partners = read_partners(&args.partners, &pfile, &mut rejected)?;
    let afile = file_name(&args.agreements);
    let mut agreements =
        read_agreements(args, (&afile, &pfile), &partners, &event_ids, &mut rejected)?;
    drop_broken_renewals(&mut agreements, &afile, &mut rejected);
    let transactions = match &args.transactions {
        Some(path) => read_transactions(path, args.as_of, &afile, &mut agreements, &mut rejected)?,
        None => 0,
    };

    // Report in file order, then line order.
    let files = [
        pfile.clone(),
        afile.clone(),
        args.transactions
            .as_deref()
            .map(file_name)
            .unwrap_or_default(),
    ];
    rejected.sort_by_key(|e| (files.iter().position(|f| *f == e.file), e.line));

    let partners: Vec<Partner> = partners.rows.into_values().map(|(_, p)| p).collect();
    let mut agreements: Vec<Agreement> = agreements.rows.into_values().map(|(_, a)| a).collect();
    for a in &mut agreements {
        // Oldest first; same-day payments keep their order in the file.
        a.transactions.sort_by_key(|t| t.date);
    }
    write(args, (&pfile, &afile), &partners, &agreements, &events)?;
    Ok(ImportReport {
        rejected,
        partners: partners.len() as u64,
        agreements: agreements.len() as u64,
        transactions,
    })
}

/// The events of `--events`, or none.
fn read_events(path: Option<&Path>) -> Result<Events, ImportError> {
    let Some(path) = path else {
        return Ok(Events { items: Vec::new() });
    };
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| ImportError::Events {
        path: path.to_owned(),
        source,
    })
}

/// The partners file: valid rows with a new id and a new NIB are kept.
fn read_partners(
    path: &Path,
    pfile: &str,
    rejected: &mut Vec<RowError>,
) -> Result<Kept<Partner>, ImportError> {
    let table = table::read(path, pfile, &PARTNER_COLUMNS, &[])?;
    rejected.extend(table.errors);
    let mut kept = Kept::new();
    let mut nibs: HashMap<String, (String, u64)> = HashMap::new();
    for row in &table.rows {
        let p = match rows::partner(pfile, row) {
            Err(errs) => {
                kept.reject(row.get("id"), row.line);
                rejected.extend(errs);
                continue;
            }
            Ok(p) => p,
        };
        if let Some((line, _)) = kept.rows.get(&p.id) {
            rejected.push(reject(
                pfile,
                row.line,
                "id",
                format!("duplicate id {} (first on line {line})", p.id),
            ));
        } else if let Some((other, line)) = nibs.get(p.nib.as_str()) {
            rejected.push(reject(
                pfile,
                row.line,
                "nib",
                format!("NIB {} is already partner {other}'s (line {line})", p.nib),
            ));
            kept.reject(&p.id, row.line);
        } else {
            nibs.insert(p.nib.as_str().to_owned(), (p.id.clone(), row.line));
            kept.rows.insert(p.id.clone(), (row.line, p));
        }
    }
    Ok(kept)
}

/// Why a party of an agreement cannot be `id` in `column`: unknown,
/// rejected, or of the wrong kind (`want_company` for the company side).
fn party_error(
    partners: &Kept<Partner>,
    pfile: &str,
    id: &str,
    want_company: bool,
) -> Option<String> {
    match partners.rows.get(id) {
        Some((_, p)) if want_company && p.kind() == Kind::Umkm => {
            Some(format!("partner {id} is an UMKM, not a PMA/PMDN company"))
        }
        Some((_, p)) if !want_company && p.kind() != Kind::Umkm => Some(format!(
            "partner {id} is a {} company, not an UMKM",
            p.kind().label()
        )),
        Some(_) => None,
        None => Some(match partners.rejected.get(id) {
            Some(line) => format!("partner {id} was rejected ({pfile} line {line})"),
            None => format!("unknown partner {id}"),
        }),
    }
}

/// The agreements file: valid rows with a new id whose parties, event and
/// date check out are kept.
fn read_agreements(
    args: &ImportArgs,
    (afile, pfile): (&str, &str),
    partners: &Kept<Partner>,
    event_ids: &HashSet<&str>,
    rejected: &mut Vec<RowError>,
) -> Result<Kept<Agreement>, ImportError> {
    let table = table::read(
        &args.agreements,
        afile,
        &AGREEMENT_COLUMNS,
        &AGREEMENT_OPTIONAL,
    )?;
    rejected.extend(table.errors);
    let mut kept = Kept::new();
    for row in &table.rows {
        let a = match rows::agreement(afile, row) {
            Err(errs) => {
                kept.reject(row.get("id"), row.line);
                rejected.extend(errs);
                continue;
            }
            Ok(a) => a,
        };
        if let Some((line, _)) = kept.rows.get(&a.id) {
            rejected.push(reject(
                afile,
                row.line,
                "id",
                format!("duplicate id {} (first on line {line})", a.id),
            ));
            continue;
        }
        let mut errs = Vec::new();
        let sides = [
            (&a.company.partner_id, true, "company_id"),
            (&a.umkm.partner_id, false, "umkm_id"),
        ];
        for (id, want_company, column) in sides {
            if let Some(reason) = party_error(partners, pfile, id, want_company) {
                errs.push(reject(afile, row.line, column, reason));
            }
        }
        if let Some(e) = &a.event_id {
            if !event_ids.contains(e.as_str()) {
                errs.push(reject(
                    afile,
                    row.line,
                    "event_id",
                    format!("unknown event {e} (events come from --events)"),
                ));
            }
        }
        if let Some(as_of) = args.as_of {
            if a.date_signed > as_of {
                errs.push(reject(
                    afile,
                    row.line,
                    "date_signed",
                    format!("signed {} after --as-of {as_of}", a.date_signed),
                ));
            }
        }
        if errs.is_empty() {
            kept.rows.insert(a.id.clone(), (row.line, a));
        } else {
            kept.reject(&a.id, row.line);
            rejected.extend(errs);
        }
    }
    Ok(kept)
}

/// `renews` must name a kept agreement of the same pair signed no later;
/// dropping one can break another, so this repeats until nothing changes.
fn drop_broken_renewals(
    agreements: &mut Kept<Agreement>,
    afile: &str,
    rejected: &mut Vec<RowError>,
) {
    loop {
        let mut bad: Vec<(String, RowError)> = Vec::new();
        for (id, (line, a)) in &agreements.rows {
            let Some(r) = &a.renews else { continue };
            let reason = match agreements.rows.get(r) {
                None => match agreements.rejected.get(r) {
                    Some(l) => {
                        format!("renews agreement {r}, which was rejected ({afile} line {l})")
                    }
                    None => format!("renews unknown agreement {r}"),
                },
                Some((_, old))
                    if old.company.partner_id != a.company.partner_id
                        || old.umkm.partner_id != a.umkm.partner_id =>
                {
                    format!("renews agreement {r}, which is between other partners")
                }
                Some((_, old)) if old.date_signed > a.date_signed => {
                    format!(
                        "renews agreement {r}, which was signed later ({})",
                        old.date_signed
                    )
                }
                Some(_) if r == id => "an agreement cannot renew itself".to_owned(),
                Some(_) => continue,
            };
            bad.push((id.clone(), reject(afile, *line, "renews", reason)));
        }
        if bad.is_empty() {
            return;
        }
        for (id, err) in bad {
            if let Some((line, _)) = agreements.rows.remove(&id) {
                agreements.rejected.insert(id, line);
            }
            rejected.push(err);
        }
    }
}

/// Why a payment on `date` does not fit the agreement's period (with
/// [`LATE_PAYMENT_DAYS`] of grace) or `--as-of`.
fn payment_date_error(a: &Agreement, date: NaiveDate, as_of: Option<NaiveDate>) -> Option<String> {
    let latest = a.period.end + Duration::days(LATE_PAYMENT_DAYS);
    if date < a.period.start {
        Some(format!(
            "paid {date}, before the period started {}",
            a.period.start
        ))
    } else if date > latest {
        Some(format!(
            "paid {date}, more than {LATE_PAYMENT_DAYS} days after the period ended {}",
            a.period.end
        ))
    } else if as_of.is_some_and(|d| date > d) {
        Some(format!("paid {date}, after --as-of"))
    } else {
        None
    }
}

/// The transactions file: each valid payment of a kept agreement, dated
/// within its period, is added to it. Returns how many were kept.
fn read_transactions(
    path: &Path,
    as_of: Option<NaiveDate>,
    afile: &str,
    agreements: &mut Kept<Agreement>,
    rejected: &mut Vec<RowError>,
) -> Result<u64, ImportError> {
    let tfile = file_name(path);
    let table = table::read(path, &tfile, &TRANSACTION_COLUMNS, &[])?;
    rejected.extend(table.errors);
    let mut kept = 0u64;
    for row in &table.rows {
        let (id, date, amount) = match rows::transaction(&tfile, row) {
            Ok(t) => t,
            Err(errs) => {
                rejected.extend(errs);
                continue;
            }
        };
        let Some((_, a)) = agreements.rows.get_mut(&id) else {
            let reason = match agreements.rejected.get(&id) {
                Some(l) => format!("agreement {id} was rejected ({afile} line {l})"),
                None => format!("unknown agreement {id}"),
            };
            rejected.push(reject(&tfile, row.line, "agreement_id", reason));
            continue;
        };
        match payment_date_error(a, date, as_of) {
            Some(r) => rejected.push(reject(&tfile, row.line, "date", r)),
            None => {
                a.transactions.push(Transaction { date, amount });
                kept += 1;
            }
        }
    }
    Ok(kept)
}

/// Writes the kept rows with the writer `generate` uses. The dataset's date
/// is `--as-of`, else the latest date in the data.
fn write(
    args: &ImportArgs,
    (pfile, afile): (&str, &str),
    partners: &[Partner],
    agreements: &[Agreement],
    events: &Events,
) -> Result<(), ImportError> {
    let as_of = match args.as_of {
        Some(d) => d,
        None => agreements
            .iter()
            .flat_map(|a| {
                std::iter::once(a.date_signed).chain(a.transactions.iter().map(|t| t.date))
            })
            .max()
            .ok_or(ImportError::NoAsOf)?,
    };
    let mut writer = LayoutWriter::create(
        &args.out,
        args.page_size,
        partners.len() as u64,
        agreements.len() as u64,
    )?;
    writer.write_group(partners, agreements)?;
    let info = MetaInfo {
        name: args
            .name
            .clone()
            .unwrap_or_else(|| "Data kemitraan (impor CSV)".to_owned()),
        version: args.version.clone().unwrap_or_else(|| "1".to_owned()),
        as_of,
        synthetic: args.synthetic,
        source: format!(
            "Diimpor oleh kemitraan-data import dari {}, {}{}",
            pfile,
            afile,
            args.transactions
                .as_ref()
                .map(|t| format!(" dan {}", file_name(t)))
                .unwrap_or_default()
        ),
        description: "Data yang diimpor dari berkas CSV; sumber setiap perjanjian tercantum \
            pada perjanjian itu. / Data imported from CSV files; each agreement names its source."
            .to_owned(),
    };
    writer.finish(info, events)?;
    Ok(())
}
