//! One partner as the search index sees it, and its line in an index shard.
//!
//! A [`Row`] holds exactly what [`super::IndexBuilder`] reads of a
//! [`PartnerSummary`] (facets as the index's small numbers), so an index built
//! from rows decoded from shards is the index built from the summaries.
//!
//! A row is one line of tab-separated fields (docs/api.md, "Search index"):
//!
//! ```text
//! id  name  kind  size  province  sector  city  country  nib  agreements  committed  patterns
//! ```
//!
//! `kind` 0 PMA, 1 PMDN, 2 UMKM; `size` empty for a company, else the class
//! (0 mikro … 3 besar) plus 16 when set by the sales test; `province` the
//! two-digit code; `sector` the KBLI category letter or empty; `country`
//! and `nib` empty when absent; `patterns` a bit mask over `Pattern::ALL`.
//! Text fields escape `\` as `\\`, tab as `\t`, line breaks as `\n`/`\r`.

use crate::model::PartnerSummary;
use crate::province::ProvinceCode;
use crate::size_class::SizeTest;

use super::{kind_index, province_count, province_index, sector_index, size_index, NONE};

/// One partner's search data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) city: String,
    pub(super) country: Option<String>,
    pub(super) nib: Option<u64>,
    pub(super) kind: u8,
    pub(super) size: u8,
    pub(super) province: u8,
    pub(super) sector: u8,
    pub(super) agreements: u32,
    pub(super) committed: i64,
    pub(super) patterns: u16,
}

impl Row {
    /// The row for `p`: what the index keeps of it, facets as small numbers.
    pub fn from_summary(p: &PartnerSummary) -> Row {
        Row {
            id: p.id.clone(),
            name: p.name.clone(),
            city: p.city.clone(),
            country: p.country.clone(),
            nib: p.nib.as_str().parse::<u64>().ok(),
            kind: kind_index(p.kind),
            size: match p.size {
                Some(c) => size_index(c.class) | (u8::from(c.test == SizeTest::Sales) << 4),
                None => NONE,
            },
            province: province_index(p.province),
            sector: p.kbli.category().and_then(sector_index).unwrap_or(NONE),
            agreements: p.agreement_count,
            committed: p.committed.0,
            patterns: p
                .patterns
                .iter()
                .fold(0u16, |m, pat| m | (1 << super::pattern_index(*pat))),
        }
    }

    /// The partner's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The registered name, as written (not folded).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The NIB as a number, when the partner has a valid one.
    pub fn nib(&self) -> Option<u64> {
        self.nib
    }

    /// Appends the row's line (with its newline) to `out`.
    pub fn encode(&self, out: &mut String) {
        use std::fmt::Write;
        escape(&self.id, out);
        out.push('\t');
        escape(&self.name, out);
        let _ = write!(out, "\t{}\t", self.kind);
        if self.size != NONE {
            let _ = write!(out, "{}", self.size);
        }
        out.push('\t');
        if let Some(p) = ProvinceCode::all().nth(usize::from(self.province)) {
            out.push_str(p.as_str());
        }
        out.push('\t');
        if self.sector != NONE {
            out.push(char::from(b'A' + self.sector));
        }
        out.push('\t');
        escape(&self.city, out);
        out.push('\t');
        if let Some(c) = &self.country {
            escape(c, out);
        }
        out.push('\t');
        if let Some(n) = self.nib {
            let _ = write!(out, "{n:013}");
        }
        let _ = writeln!(
            out,
            "\t{}\t{}\t{}",
            self.agreements, self.committed, self.patterns
        );
    }

    /// Reads one line (without its newline); `None` when it is not a row.
    pub fn decode(line: &str) -> Option<Row> {
        let mut f = line.split('\t');
        let mut next = || f.next();
        let id = unescape(next()?)?;
        let name = unescape(next()?)?;
        let kind = small(next()?)?;
        let size = match next()? {
            "" => NONE,
            s => small(s).filter(|b| b & 0x0f < 4 && b & !0x1f == 0)?,
        };
        let province = province_index(ProvinceCode::parse(next()?).ok()?);
        let sector = match next()? {
            "" => NONE,
            s => {
                let mut cs = s.chars();
                let c = cs.next()?;
                if cs.next().is_some() {
                    return None;
                }
                sector_index(c)?
            }
        };
        let city = unescape(next()?)?;
        let country = match next()? {
            "" => None,
            c => Some(unescape(c)?),
        };
        let nib = match next()? {
            "" => None,
            n => Some(num(n)?),
        };
        let agreements = u32::try_from(num(next()?)?).ok()?;
        let committed = i64::try_from(num(next()?)?).ok()?;
        let patterns = u16::try_from(num(next()?)?).ok()?;
        if next().is_some() || kind > 2 || usize::from(province) >= province_count() {
            return None;
        }
        Some(Row {
            id,
            name,
            city,
            country,
            nib,
            kind,
            size,
            province,
            sector,
            agreements,
            committed,
            patterns,
        })
    }
}

/// Every number is read as a `u64` (one parser instance in the wasm; the
/// contract has no negative amounts).
fn num(s: &str) -> Option<u64> {
    s.parse::<u64>().ok()
}

fn small(s: &str) -> Option<u8> {
    u8::try_from(num(s)?).ok()
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> Option<String> {
    if !s.contains('\\') {
        return Some(s.to_owned());
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}
