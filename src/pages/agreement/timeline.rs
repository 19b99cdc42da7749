//! The agreement's dates on one line: signed, start, today, end.

use chrono::NaiveDate;
use kemitraan_core::date::format_date;
use kemitraan_core::model::Period;
use leptos::prelude::*;

use crate::i18n::{pick, use_lang};

#[component]
pub fn Timeline(signed: NaiveDate, period: Period, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let first = signed.min(period.start).min(today);
    let last = period.end.max(today).max(signed);
    let span = (last - first).num_days().max(1) as f64;
    // Positions are the only floats here: a share of the line's width.
    let at = move |d: NaiveDate| ((d - first).num_days() as f64 / span * 100.0).clamp(0.0, 100.0);
    let marks = [
        ("signed", signed, ("Ditandatangani", "Signed")),
        ("start", period.start, ("Mulai", "Start")),
        ("today", today, ("Hari ini", "Today")),
        ("end", period.end, ("Berakhir", "End")),
    ];
    let run_left = at(period.start);
    let run_width = at(period.end) - run_left;
    view! {
        <div class="timeline">
            <div class="timeline-line" aria-hidden="true">
                // style:* sets the CSSOM, which the CSP's style-src allows;
                // a style="" attribute would need 'unsafe-inline'.
                <div
                    class="timeline-run"
                    style:left=format!("{run_left:.2}%")
                    style:width=format!("{run_width:.2}%")
                ></div>
                {marks.iter().map(|(key, d, _)| view! {
                    <span class=format!("timeline-dot dot-{key}") style:left=format!("{:.2}%", at(*d))></span>
                }).collect_view()}
            </div>
            <ol class="timeline-list">
                {marks.into_iter().map(|(key, d, (id, en))| view! {
                    <li class=format!("mark-{key}")>
                        <span class=format!("timeline-dot dot-{key}") aria-hidden="true"></span>
                        <strong>{move || pick(lang.get(), id, en)}</strong>
                        " "
                        <time datetime=d.to_string()>{move || format_date(d, lang.get())}</time>
                    </li>
                }).collect_view()}
            </ol>
        </div>
    }
}
