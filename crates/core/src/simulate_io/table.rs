//! The simulator's result table: its columns, and the table as CSV.

use super::fields::plain_percent;
use crate::csv::CsvWriter;
use crate::simulate::Projection;
use crate::size_class::SizeClass;
use crate::Lang;

/// A scenario's name in the table, chart and CSV: `A`, `B`, `C`.
pub fn scenario_letter(index: usize) -> char {
    char::from(b'A' + (index % 26) as u8)
}

/// Which optional columns the result table has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// More than one scenario: a first column names it.
    pub scenario: bool,
    /// Some scenario has a capital: a class-by-capital column.
    pub capital: bool,
    /// Some row hit the limit: a column says which.
    pub saturated: bool,
}

impl Columns {
    /// The columns a table of these projections needs.
    pub fn for_projections(projections: &[&Projection]) -> Columns {
        Columns {
            scenario: projections.len() > 1,
            capital: projections
                .iter()
                .any(|p| p.rows.iter().any(|r| r.class_by_capital.is_some())),
            saturated: projections.iter().any(|p| p.saturated),
        }
    }
}

/// The column names of the result table, as the screen and the CSV write
/// them.
pub fn column_names(cols: Columns, lang: Lang) -> Vec<&'static str> {
    let l = |id: &'static str, en: &'static str| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    let mut out = Vec::new();
    if cols.scenario {
        out.push(l("Skenario", "Scenario"));
    }
    out.push(l("Tahun", "Year"));
    out.push(l("Nilai kontrak (Rp)", "Contract value (IDR)"));
    out.push(l("Pertumbuhan (%)", "Growth (%)"));
    out.push(l("Nilai kumulatif (Rp)", "Cumulative value (IDR)"));
    out.push(l("Penjualan tahunan (Rp)", "Annual sales (IDR)"));
    out.push(l("Kelas menurut penjualan", "Class by sales"));
    if cols.capital {
        out.push(l("Kelas menurut modal", "Class by capital"));
    }
    out.push(l("Naik kelas", "Moves up a class"));
    if cols.saturated {
        out.push(l("Mencapai batas hitung", "Capped at the limit"));
    }
    out
}

fn yes(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (false, _) => "",
        (true, Lang::Id) => "ya",
        (true, Lang::En) => "yes",
    }
}

fn class_text(c: SizeClass, lang: Lang) -> &'static str {
    c.label(lang)
}

/// The result table as CSV: UTF-8 with a byte-order mark (so spreadsheet
/// programs read it as UTF-8), CRLF line ends, a header row in `lang`, then
/// one row per table row in table order. Amounts are plain integers of
/// rupiah and growth a plain percentage with `.` as decimal mark, so the
/// file reads the same in any locale; a saturated figure is written as the
/// limit it stopped at, with the last column saying so.
pub fn table_csv(scenarios: &[(char, &Projection)], lang: Lang) -> String {
    let projections: Vec<&Projection> = scenarios.iter().map(|(_, p)| *p).collect();
    let cols = Columns::for_projections(&projections);
    let mut out = CsvWriter::with_header(&column_names(cols, lang));
    for (name, p) in scenarios {
        for r in &p.rows {
            let mut row: Vec<String> = Vec::new();
            if cols.scenario {
                row.push(name.to_string());
            }
            row.push(r.year.to_string());
            row.push(r.value.0.to_string());
            row.push(match r.growth_bp {
                Some(bp) if !r.saturated => plain_percent(bp, '.'),
                _ => String::new(),
            });
            row.push(r.cumulative.0.to_string());
            row.push(r.sales.0.to_string());
            row.push(class_text(r.class_by_sales, lang).to_string());
            if cols.capital {
                row.push(
                    r.class_by_capital
                        .map(|c| class_text(c, lang))
                        .unwrap_or("")
                        .to_string(),
                );
            }
            row.push(yes(r.naik_kelas, lang).to_string());
            if cols.saturated {
                row.push(yes(r.saturated, lang).to_string());
            }
            out.text_row(&row);
        }
    }
    out.finish()
}

/// The growth shown for a row: `None` in the first year, after a year of
/// zero, or when the row hit the limit (a rate between capped figures means
/// nothing).
pub fn shown_growth(row: &crate::simulate::YearRow) -> Option<i64> {
    if row.saturated {
        None
    } else {
        row.growth_bp
    }
}
