//! Page links under a long list (/mitra, /perjanjian). Links, not buttons:
//! each page has its own address, so it can be opened in a new tab, shared,
//! and reached with back and forward.

use kemitraan_core::money::format_number;
use kemitraan_core::Lang;
use leptos::prelude::*;

use crate::i18n::{pick, txt, use_lang};

/// "Halaman 2 dari 7" / "Page 2 of 7".
fn position(page: u32, pages: u32, lang: Lang) -> String {
    let (p, n) = (
        format_number(i64::from(page), lang),
        format_number(i64::from(pages), lang),
    );
    match lang {
        Lang::Id => format!("Halaman {p} dari {n}"),
        Lang::En => format!("Page {p} of {n}"),
    }
}

/// First, previous, where we are, next and last, for `page` of `pages`
/// (1-based); nothing when there is one page. `href` is the address of a
/// page; `label` names the navigation (Indonesian, English).
#[component]
pub fn Pager(
    page: u32,
    pages: u32,
    href: impl Fn(u32) -> String,
    label: (&'static str, &'static str),
) -> impl IntoView {
    let lang = use_lang();
    let page = page.clamp(1, pages.max(1));
    (pages > 1).then(|| {
        let first = href(1);
        let prev = href(page.saturating_sub(1).max(1));
        let next = href((page + 1).min(pages));
        let last = href(pages);
        view! {
            <nav class="pager" aria-label=move || pick(lang.get(), label.0, label.1)>
                {(page > 1).then(|| view! {
                    <a href=first aria-label=move || pick(lang.get(), "Halaman pertama", "First page")>"«"</a>
                    <a href=prev rel="prev">{txt("‹ Sebelumnya", "‹ Previous")}</a>
                })}
                <span class="pager-at" aria-current="page">{move || position(page, pages, lang.get())}</span>
                {(page < pages).then(|| view! {
                    <a href=next rel="next">{txt("Berikutnya ›", "Next ›")}</a>
                    <a href=last aria-label=move || pick(lang.get(), "Halaman terakhir", "Last page")>"»"</a>
                })}
            </nav>
        }
    })
}
