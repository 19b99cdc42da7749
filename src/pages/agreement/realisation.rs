//! Realised transactions as a table with a running total, and as a
//! cumulative step chart against the committed value.

use kemitraan_core::date::format_date;
use kemitraan_core::model::{Period, Transaction};
use kemitraan_core::money::{format_percent_bp, format_short, percent_of, SaturatingSum};
use kemitraan_core::Rupiah;
use leptos::prelude::*;

use crate::components::money::AmountFull;
use crate::i18n::{pick, txt, use_lang};

#[component]
pub fn Realisation(
    transactions: Vec<Transaction>,
    commitment: Rupiah,
    period: Period,
) -> impl IntoView {
    let lang = use_lang();
    let cumulative = SaturatingSum::running(transactions.iter().map(|t| t.amount));
    let rows: Vec<(Transaction, Rupiah)> = transactions.iter().cloned().zip(cumulative).collect();
    if rows.is_empty() {
        return view! {
            <p>{txt("Belum ada transaksi yang tercatat untuk perjanjian ini.", "No transaction has been recorded for this agreement yet.")}</p>
        }
        .into_any();
    }
    let table_rows = rows.clone();
    view! {
        <figure class="realisation-chart">
            <div inner_html=move || chart_svg(&rows, commitment, period, lang.get())></div>
            <figcaption class="muted">{txt(
                "Garis hijau: jumlah terealisasi kumulatif. Garis putus-putus: nilai komitmen.",
                "Green line: cumulative realised amount. Dashed line: committed value.",
            )}</figcaption>
        </figure>
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || pick(lang.get(), "Tabel transaksi", "Transactions table")>
        <table>
            <caption class="visually-hidden">{txt("Transaksi terealisasi", "Realised transactions")}</caption>
            <thead><tr>
                <th scope="col">{txt("Tanggal", "Date")}</th>
                <th scope="col" class="num">{txt("Jumlah", "Amount")}</th>
                <th scope="col" class="num">{txt("Kumulatif", "Cumulative")}</th>
                <th scope="col" class="num">{txt("% komitmen", "% of commitment")}</th>
            </tr></thead>
            <tbody>
            {table_rows.into_iter()
                .map(|(t, cum)| {
                    let pct = percent_of(cum, commitment);
                    view! {
                        <tr>
                            <td>{move || format_date(t.date, lang.get())}</td>
                            <td class="num"><AmountFull value=t.amount/></td>
                            <td class="num"><AmountFull value=cum/></td>
                            <td class="num">{move || pct.map(|bp| format_percent_bp(bp, lang.get())).unwrap_or_else(|| "–".into())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// The chart as SVG markup. Amounts only become pixel positions; labels are
/// written by `format_short`.
fn chart_svg(
    rows: &[(Transaction, Rupiah)],
    commitment: Rupiah,
    period: Period,
    lang: kemitraan_core::Lang,
) -> String {
    let (w, h, left, right, top, bottom) = (640.0, 220.0, 72.0, 16.0, 16.0, 28.0);
    let first = period
        .start
        .min(rows.first().map(|r| r.0.date).unwrap_or(period.start));
    let last = period
        .end
        .max(rows.last().map(|r| r.0.date).unwrap_or(period.end));
    let days = (last - first).num_days().max(1) as f64;
    let top_value = rows
        .last()
        .map(|r| r.1)
        .unwrap_or_default()
        .max(commitment)
        .0
        .max(1) as f64
        * 1.08;
    let x = |d: chrono::NaiveDate| left + (d - first).num_days() as f64 / days * (w - left - right);
    let y = |v: Rupiah| top + (1.0 - v.0 as f64 / top_value) * (h - top - bottom);
    let mut path = format!("M{:.1},{:.1}", x(first), y(Rupiah::ZERO));
    let mut prev = Rupiah::ZERO;
    for (t, cum) in rows {
        path.push_str(&format!(
            " L{:.1},{:.1} L{:.1},{:.1}",
            x(t.date),
            y(prev),
            x(t.date),
            y(*cum)
        ));
        prev = *cum;
    }
    path.push_str(&format!(" L{:.1},{:.1}", x(last), y(prev)));
    let label = |v: Rupiah| format_short(v, lang);
    let title = pick(
        lang,
        "Realisasi kumulatif terhadap komitmen",
        "Cumulative realisation against the commitment",
    );
    format!(
        r##"<svg viewBox="0 0 {w} {h}" role="img" aria-label="{title}" class="chart-svg" xmlns="http://www.w3.org/2000/svg">
<line x1="{left}" y1="{y0:.1}" x2="{xr:.1}" y2="{y0:.1}" stroke="#4d5b58"/>
<line x1="{left}" y1="{yc:.1}" x2="{xr:.1}" y2="{yc:.1}" stroke="#7a4b00" stroke-dasharray="6 4" stroke-width="2"/>
<text x="{lx:.1}" y="{ycl:.1}" text-anchor="end" font-size="12" fill="#17211f">{c}</text>
<text x="{lx:.1}" y="{y0:.1}" text-anchor="end" font-size="12" fill="#17211f">{z}</text>
<path d="{path}" fill="none" stroke="#0b6b2e" stroke-width="3"/>
<text x="{left}" y="{yb:.1}" font-size="12" fill="#17211f">{d0}</text>
<text x="{xr:.1}" y="{yb:.1}" text-anchor="end" font-size="12" fill="#17211f">{d1}</text>
</svg>"##,
        y0 = y(Rupiah::ZERO),
        yc = y(commitment),
        ycl = y(commitment) + 4.0,
        xr = w - right,
        lx = left - 6.0,
        yb = h - 8.0,
        c = label(commitment),
        z = label(Rupiah::ZERO),
        d0 = first.format("%Y-%m"),
        d1 = last.format("%Y-%m"),
    )
}
