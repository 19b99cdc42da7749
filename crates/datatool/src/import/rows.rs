//! Turns one CSV row into a contract type, with every problem of the row
//! reported against its column. Cross-row checks (duplicates, references)
//! are in `import/mod.rs`.

use chrono::NaiveDate;
use kemitraan_core::ident::{Kbli, KbliVersion, Nib, Npwp};
use kemitraan_core::model::{
    is_valid_id, Agreement, KindDetails, Partner, Party, Period, SourceRef,
};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::ProvinceCode;
use kemitraan_core::Rupiah;

use super::table::Row;
use super::RowError;

pub const PARTNER_COLUMNS: [&str; 12] = [
    "id",
    "name",
    "kind",
    "nib",
    "npwp",
    "country",
    "modal_usaha",
    "hasil_penjualan_tahunan",
    "kbli",
    "kbli_version",
    "province",
    "city",
];

pub const AGREEMENT_COLUMNS: [&str; 10] = [
    "id",
    "company_id",
    "umkm_id",
    "pattern",
    "date_signed",
    "start",
    "end",
    "value",
    "source_title",
    "source_reference",
];

/// Columns an agreements file may leave out (`pattern_other` is still
/// required in a row whose pattern is `lain`).
pub const AGREEMENT_OPTIONAL: [&str; 4] = ["pattern_other", "event_id", "renews", "source_url"];

pub const TRANSACTION_COLUMNS: [&str; 3] = ["agreement_id", "date", "amount"];

/// Collects the errors of one row.
pub struct Check<'a> {
    file: &'a str,
    row: &'a Row,
    pub errors: Vec<RowError>,
}

impl<'a> Check<'a> {
    pub fn new(file: &'a str, row: &'a Row) -> Self {
        Check {
            file,
            row,
            errors: Vec::new(),
        }
    }

    pub fn fail(&mut self, column: &str, reason: impl Into<String>) {
        self.errors.push(RowError {
            file: self.file.to_owned(),
            line: self.row.line,
            column: column.to_owned(),
            reason: reason.into(),
        });
    }

    fn required(&mut self, column: &str) -> Option<String> {
        let v = self.row.get(column);
        if v.is_empty() {
            self.fail(column, "missing value");
            None
        } else {
            Some(v.to_owned())
        }
    }

    fn optional(&self, column: &str) -> Option<String> {
        let v = self.row.get(column);
        (!v.is_empty()).then(|| v.to_owned())
    }

    fn must_be_empty(&mut self, column: &str, why: &str) {
        if !self.row.get(column).is_empty() {
            self.fail(column, why.to_owned());
        }
    }

    fn id(&mut self, column: &str) -> Option<String> {
        let v = self.required(column)?;
        if is_valid_id(&v) {
            Some(v)
        } else {
            self.fail(
                column,
                format!("id {v:?} is not valid: use 1-64 ASCII letters, digits, '-' or '_'"),
            );
            None
        }
    }

    fn amount(&mut self, column: &str) -> Option<Rupiah> {
        let v = self.required(column)?;
        match parse_amount(&v) {
            Ok(r) => Some(r),
            Err(reason) => {
                self.fail(column, reason);
                None
            }
        }
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        let v = self.required(column)?;
        match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.fail(column, format!("{v:?} is not a date YYYY-MM-DD"));
                None
            }
        }
    }
}

/// Whole rupiah, digits only. A minus sign is reported as a negative value.
pub fn parse_amount(v: &str) -> Result<Rupiah, String> {
    if let Some(rest) = v.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("negative value {v}: amounts are 0 or more"));
        }
    }
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{v:?} is not a whole number of rupiah (digits only, e.g. 1500000000)"
        ));
    }
    v.parse::<i64>()
        .map(Rupiah)
        .map_err(|_| format!("{v} is too large"))
}

pub fn partner(file: &str, row: &Row) -> Result<Partner, Vec<RowError>> {
    let mut c = Check::new(file, row);
    let id = c.id("id");
    let name = c.required("name");
    let kind = c.required("kind");
    let nib = c.required("nib").and_then(|v| match Nib::parse(&v) {
        Ok(n) => Some(n),
        Err(e) => {
            c.fail("nib", e.to_string());
            None
        }
    });
    let version = c
        .required("kbli_version")
        .and_then(|v| match KbliVersion::parse(&v) {
            Ok(k) => Some(k),
            Err(e) => {
                c.fail("kbli_version", e.to_string());
                None
            }
        });
    let kbli = match (c.required("kbli"), version) {
        (Some(code), Some(version)) => match Kbli::parse(&code, version) {
            Ok(k) => Some(k),
            Err(e) => {
                c.fail("kbli", e.to_string());
                None
            }
        },
        _ => None,
    };
    let province = c
        .required("province")
        .and_then(|v| match ProvinceCode::parse(&v) {
            Ok(p) => Some(p),
            Err(_) => {
                c.fail(
                    "province",
                    format!(
                        "unknown province code {v:?} (two digits of Kepmendagri 100.1.1-6117/2022)"
                    ),
                );
                None
            }
        });
    let city = c.required("city");

    let company_npwp = |c: &mut Check| {
        c.required("npwp").and_then(|v| match Npwp::parse(&v) {
            Ok(n) if n.is_nik() => {
                c.fail(
                    "npwp",
                    "a 16-digit NPWP that does not start with 0 is a personal NIK; a company's is 0 + its 15 digits",
                );
                None
            }
            Ok(n) => Some(n),
            Err(e) => {
                c.fail("npwp", e.to_string());
                None
            }
        })
    };
    let no_figures = |c: &mut Check| {
        for col in ["modal_usaha", "hasil_penjualan_tahunan"] {
            c.must_be_empty(
                col,
                "only UMKM rows carry modal_usaha and hasil_penjualan_tahunan",
            );
        }
    };
    let details = match kind.as_deref() {
        None => None,
        Some("pma") => {
            let npwp = company_npwp(&mut c);
            no_figures(&mut c);
            let country = c.required("country").and_then(|v| {
                if v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase()) {
                    Some(v)
                } else {
                    c.fail(
                        "country",
                        format!("{v:?} is not an ISO 3166-1 alpha-2 code such as JP"),
                    );
                    None
                }
            });
            match (npwp, country) {
                (Some(npwp), Some(country)) => Some(KindDetails::Pma { npwp, country }),
                _ => None,
            }
        }
        Some("pmdn") => {
            let npwp = company_npwp(&mut c);
            no_figures(&mut c);
            c.must_be_empty("country", "only PMA rows carry a country of origin");
            npwp.map(|npwp| KindDetails::Pmdn { npwp })
        }
        Some("umkm") => {
            c.must_be_empty(
                "npwp",
                "UMKM carry no NPWP (an individual's NPWP is their NIK, personal data); leave it empty",
            );
            c.must_be_empty("country", "only PMA rows carry a country of origin");
            let modal = c.amount("modal_usaha");
            let sales = c.amount("hasil_penjualan_tahunan");
            match (modal, sales) {
                (Some(modal_usaha), Some(hasil_penjualan_tahunan)) => Some(KindDetails::Umkm {
                    modal_usaha,
                    hasil_penjualan_tahunan,
                }),
                _ => None,
            }
        }
        Some(other) => {
            c.fail(
                "kind",
                format!("unknown kind {other:?} (pma, pmdn or umkm)"),
            );
            None
        }
    };
    match (id, name, details, nib, kbli, province, city) {
        (
            Some(id),
            Some(name),
            Some(details),
            Some(nib),
            Some(kbli),
            Some(province),
            Some(city),
        ) if c.errors.is_empty() => Ok(Partner {
            id,
            name,
            details,
            nib,
            kbli,
            province,
            city,
        }),
        _ => Err(c.errors),
    }
}

/// An agreement row, before its references are checked. Its transactions
/// come from the transactions file.
pub fn agreement(file: &str, row: &Row) -> Result<Agreement, Vec<RowError>> {
    let mut c = Check::new(file, row);
    let id = c.id("id");
    let company = c.id("company_id");
    let umkm = c.id("umkm_id");
    let pattern = c
        .required("pattern")
        .and_then(|v| match Pattern::from_key(&v) {
            Some(p) => Some(p),
            None => {
                let keys: Vec<&str> = Pattern::ALL.iter().map(|p| p.key()).collect();
                c.fail(
                    "pattern",
                    format!("unknown pattern {v:?} (one of {})", keys.join(", ")),
                );
                None
            }
        });
    let other = c.optional("pattern_other");
    match (pattern, &other) {
        (Some(Pattern::Lain), None) => c.fail(
            "pattern_other",
            "missing value: pattern lain needs the name of the form",
        ),
        (Some(p), Some(_)) if p != Pattern::Lain => {
            c.fail("pattern_other", "only pattern lain takes pattern_other")
        }
        _ => {}
    }
    let event_id = c.optional("event_id");
    let renews = c.optional("renews");
    let signed = c.date("date_signed");
    let start = c.date("start");
    let end = c.date("end");
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            c.fail("end", format!("end {e} is before start {s}"));
        }
    }
    if let (Some(d), Some(e)) = (signed, end) {
        if d > e {
            c.fail(
                "date_signed",
                format!("signed {d} after the period ended {e}"),
            );
        }
    }
    if let (Some(d), Some(s)) = (signed, start) {
        if (s - d).num_days() < -366 {
            c.fail(
                "date_signed",
                format!("signed {d}, more than a year after the period started {s}"),
            );
        }
    }
    let value = c.amount("value");
    let title = c.required("source_title");
    let reference = c.required("source_reference");
    let url = c.optional("source_url");
    match (
        id, company, umkm, pattern, signed, start, end, value, title, reference,
    ) {
        (
            Some(id),
            Some(company),
            Some(umkm),
            Some(pattern),
            Some(date_signed),
            Some(start),
            Some(end),
            Some(value),
            Some(title),
            Some(reference),
        ) if c.errors.is_empty() => {
            let (company_role, umkm_role) = pattern.roles();
            Ok(Agreement {
                id,
                company: Party {
                    partner_id: company,
                    role: company_role,
                },
                umkm: Party {
                    partner_id: umkm,
                    role: umkm_role,
                },
                pattern,
                pattern_other: other,
                event_id,
                renews,
                date_signed,
                period: Period { start, end },
                value,
                transactions: Vec::new(),
                source: SourceRef {
                    title,
                    reference,
                    url,
                },
            })
        }
        _ => Err(c.errors),
    }
}

/// A transaction row: (agreement id, date, amount).
pub fn transaction(file: &str, row: &Row) -> Result<(String, NaiveDate, Rupiah), Vec<RowError>> {
    let mut c = Check::new(file, row);
    let id = c.id("agreement_id");
    let date = c.date("date");
    let amount = c.amount("amount");
    match (id, date, amount) {
        (Some(id), Some(date), Some(amount)) if c.errors.is_empty() => Ok((id, date, amount)),
        _ => Err(c.errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_plain_non_negative_integers() {
        assert_eq!(parse_amount("1500000000"), Ok(Rupiah(1_500_000_000)));
        assert!(parse_amount("-5")
            .unwrap_err()
            .starts_with("negative value"));
        assert!(parse_amount("1.500")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(parse_amount("99999999999999999999")
            .unwrap_err()
            .contains("too large"));
    }
}
