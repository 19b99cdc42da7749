//! /mitra: search as you type, facets with counts, four orders, pages — the
//! whole state in the URL.
//!
//! The query is derived from the URL (bad parameters are dropped by
//! `Query::from_pairs`), with the text being typed laid over it so each
//! keystroke searches at once. Typing pushes one history entry when a burst
//! of typing starts and replaces it when the typing pauses, so back steps
//! through searches, not letters; a facet, order or page change pushes an
//! entry.

use std::time::Duration;

use kemitraan_core::count::{count_text, Noun};
use kemitraan_core::country::country_name;
use kemitraan_core::ident::category_name;
use kemitraan_core::model::Kind;
use kemitraan_core::money::format_number;
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::ProvinceCode;
use kemitraan_core::search::{DocView, FacetCounts, Query, Results, Sort};
use kemitraan_core::size_class::SizeClass;
use kemitraan_core::summary::size_key;
use kemitraan_core::Lang;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::checkbox_group::{set_member, CheckboxGroup, GroupStyle};
use crate::components::fold::Fold;
use crate::components::loaded::ErrorBox;
use crate::components::money::Amount;
use crate::components::page_title::PageTitle;
use crate::components::pager::Pager;
use crate::i18n::{pick, txt, use_lang};
use crate::search::{use_search_store, Answer, SearchStore, Shown};

/// Typing pauses this long before the URL catches up.
const URL_DEBOUNCE: Duration = Duration::from_millis(400);
/// KBLI 2020 categories.
const SECTOR_LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTU";

fn count(n: u32, lang: Lang) -> String {
    format_number(i64::from(n), lang)
}

/// The link to `q` at `page`.
fn page_href(q: &Query, page: u32) -> String {
    let mut q = q.clone();
    q.page = page;
    format!("/mitra{}", q.to_query_string())
}

#[component]
pub fn Partners() -> impl IntoView {
    let store = use_search_store();
    store.ensure_loaded();
    let lang = use_lang();
    let query_map = use_query_map();
    let navigate = use_navigate();
    // The URL is the state: back/forward, pagination links and a pasted
    // link all arrive here.
    let from_url = Memo::new(move |_| query_map.with(|m| Query::from_pairs(m)));
    // What is being typed and not yet in the URL, over the URL query it was
    // typed on. It applies only while the URL stays there, so back/forward
    // in the middle of typing shows the URL's query, not stale text.
    let typed: RwSignal<Option<(String, Query)>> = RwSignal::new(None);
    let query = Memo::new(move |_| {
        let url = from_url.get();
        typed.with(|t| match t {
            Some((text, base)) if *base == url => {
                let mut q = url.clone();
                q.text = text.clone();
                q.page = 1;
                q.canonicalize();
                q
            }
            _ => url,
        })
    });

    // Query -> URL.
    let write_url = Callback::new(move |(q, replace): (Query, bool)| {
        navigate(
            &format!("/mitra{}", q.to_query_string()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let burst: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let end_burst = move || {
        if let Some(h) = burst.get_value() {
            h.clear();
        }
        burst.set_value(None);
    };
    on_cleanup(end_burst);
    // The end of a burst of typing: the URL takes the typed text (replacing
    // the burst's entry), unless it moved away meanwhile.
    let settle = move || {
        let pending = typed.get_untracked();
        if let Some((_, base)) = pending {
            if from_url.with_untracked(|u| *u == base) {
                write_url.run((query.get_untracked(), true));
            }
        }
        typed.set(None);
    };
    // Leaving the box (to a result, a facet, another page) writes the URL
    // now, so the history entry of this search holds what was typed.
    let flush = move || {
        if burst.get_value().is_some() {
            end_burst();
            settle();
        }
    };
    let on_input = move |ev: ev::Event| {
        let text = event_target_value(&ev);
        match burst.get_value() {
            // A new burst of typing: a new history entry at once.
            None => {
                let mut q = query.get_untracked();
                q.text = text.clone();
                q.page = 1;
                q.canonicalize();
                write_url.run((q, false));
            }
            Some(h) => h.clear(),
        }
        typed.set(Some((text, from_url.get_untracked())));
        let h = set_timeout_with_handle(
            move || {
                burst.set_value(None);
                settle();
            },
            URL_DEBOUNCE,
        )
        .ok();
        burst.set_value(h);
    };
    // Any other change: apply, back to page 1, push.
    let change = move |f: &dyn Fn(&mut Query)| {
        end_burst();
        let mut q = query.get_untracked();
        f(&mut q);
        q.page = 1;
        q.canonicalize();
        typed.set(None);
        write_url.run((q, false));
    };

    let answer: Memo<Answer> = Memo::new(move |_| query.with(|q| store.answer(q)));
    // While a shard is on its way, the results of the query before stay.
    let shown: Memo<Option<Shown>> = Memo::new(move |prev: Option<&Option<Shown>>| {
        answer.with(|a| match a {
            Answer::Ready(s) => Some(s.clone()),
            Answer::Loading => prev.cloned().flatten(),
            _ => None,
        })
    });
    let results: Memo<Option<Results>> =
        Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.results.clone())));

    // "/" focuses the search box (unless the user is typing in a field).
    let input_ref = NodeRef::<html::Input>::new();
    let slash = window_event_listener(ev::keydown, move |e| {
        if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.get_attribute("contenteditable").is_some()
            });
        if in_field {
            return;
        }
        if let Some(input) = input_ref.get_untracked() {
            e.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    on_cleanup(move || slash.remove());

    view! {
        <PageTitle id="Cari Mitra" en="Find Partners"/>
        <h1>{txt("Cari Mitra", "Find Partners")}</h1>
        <p class="lead">{txt(
            "Cari perusahaan PMA/PMDN dan UMKM menurut nama atau NIB, lalu saring menurut jenis, kelas usaha, provinsi, sektor dan pola kemitraan. Setiap mitra punya halaman dengan semua perjanjiannya.",
            "Find PMA/PMDN companies and UMKM by name or NIB, then filter by kind, size class, province, sector and partnership pattern. Every partner has a page with all its agreements.",
        )}</p>
        <form class="search-box" role="search" on:submit=|e| e.prevent_default()>
            <label for="cari">{txt("Nama mitra atau NIB", "Partner name or NIB")}</label>
            <input
                id="cari"
                type="search"
                name="q"
                node_ref=input_ref
                autocomplete="off"
                spellcheck="false"
                aria-describedby="cari-hint"
                aria-controls="hasil"
                prop:value=move || query.with(|q| q.text.clone())
                on:input=on_input
                on:blur=move |_| flush()
                on:keydown=|e: ev::KeyboardEvent| {
                    // Down arrow: from the box straight to the first result.
                    if e.key() == "ArrowDown" {
                        let first = document()
                            .query_selector("#hasil .result-name")
                            .ok()
                            .flatten()
                            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                        if let Some(link) = first {
                            e.prevent_default();
                            let _ = link.focus();
                        }
                    }
                }
            />
            <p id="cari-hint" class="hint">
                {txt(
                    "Hasil muncul saat Anda mengetik; sebagian nama dan salah ketik tetap ditemukan.",
                    "Results appear as you type; part of a name or a typo still finds it.",
                )}
                <span class="kbd-hint">
                    {txt(" Tekan ", " Press ")}
                    <kbd>"/"</kbd>
                    {txt(" untuk kembali ke kotak ini, ", " to come back to this box, ")}
                    <kbd>"↓"</kbd>
                    {txt(" untuk ke hasil pertama.", " to go to the first result.")}
                </span>
            </p>
        </form>
        <div class="search-layout">
            // Open beside the results on a wide screen (56rem in search.css),
            // folded above them on a phone.
            <Fold class="facet-panel" open_from=896.0 summary=move || view! {
                {txt("Saring hasil", "Filter results")}
                {move || {
                    let n = query.with(|q| {
                        q.kinds.len() + q.sizes.len() + q.provinces.len() + q.sectors.len()
                            + q.patterns.len()
                    });
                    (n > 0).then(|| format!(" ({n})"))
                }}
            }>
                <Facets query results change/>
            </Fold>
            <section id="hasil" class="results" aria-label=move || pick(lang.get(), "Hasil pencarian", "Search results")>
                <div class="results-head">
                    <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                        {move || status_text(answer, results, query, lang.get())}
                    </p>
                    <label class="result-sort">
                        <span>{txt("Urutkan", "Sort by")}</span>
                        <select on:change=move |ev| {
                            let v = event_target_value(&ev);
                            change(&|q| q.sort = Sort::from_key(&v).unwrap_or_default());
                        }>
                            {Sort::ALL.into_iter().map(|s| view! {
                                <option value=s.key() prop:selected=move || query.with(|q| q.sort == s)>
                                    {move || sort_label(s, lang.get())}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                {move || body(store, answer, shown, query, change)}
            </section>
        </div>
    }
}

fn sort_label(s: Sort, lang: Lang) -> &'static str {
    match s {
        Sort::Relevance => pick(lang, "Paling cocok", "Best match"),
        Sort::Name => pick(lang, "Nama (A–Z)", "Name (A–Z)"),
        Sort::Agreements => pick(lang, "Jumlah perjanjian", "Number of agreements"),
        Sort::Value => pick(lang, "Nilai perjanjian", "Agreement value"),
    }
}

/// The live status line: loading, or the number of results.
fn status_text(
    answer: Memo<Answer>,
    results: Memo<Option<Results>>,
    query: Memo<Query>,
    lang: Lang,
) -> String {
    let text = query.with(|q| q.text.trim().to_string());
    match answer.get() {
        Answer::Loading => pick(lang, "Memuat data mitra…", "Loading partner data…").to_string(),
        Answer::Failed(_) => pick(
            lang,
            "Data mitra tidak dapat dimuat.",
            "Partner data could not be loaded.",
        )
        .to_string(),
        Answer::TooBroad { .. } => match lang {
            Lang::Id => {
                format!("Terlalu banyak mitra cocok dengan “{text}”: ketik lebih banyak huruf.")
            }
            Lang::En => format!("Too many partners match “{text}”: type more letters."),
        },
        Answer::NeedText { partners } => {
            let n = format_number(partners as i64, lang);
            match lang {
                Lang::Id => format!("{n} mitra"),
                Lang::En => format!("{n} partners"),
            }
        }
        Answer::Ready(_) => {
            let total = results.with(|r| r.as_ref().map_or(0, |r| r.total));
            let n = count_text(Noun::Partner, total as u64, lang);
            match (lang, text.is_empty(), total) {
                (_, true, _) => n,
                (Lang::Id, false, _) => format!("{n} cocok dengan “{text}”"),
                (Lang::En, false, 1) => format!("{n} matches “{text}”"),
                (Lang::En, false, _) => format!("{n} match “{text}”"),
            }
        }
    }
}

/// What the results area shows; it changes far less often than the results,
/// so the list below is kept (and its rows reused) while the user types.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Failed,
    Empty,
    List,
    /// The words match too many partners to fetch.
    TooBroad,
    /// Filters without words that cover more partners than one view may
    /// fetch, in an order that needs them all.
    NeedText,
}

/// Progress, error, the list, or the no-result message.
fn body(
    store: SearchStore,
    answer: Memo<Answer>,
    shown: Memo<Option<Shown>>,
    query: Memo<Query>,
    change: impl Fn(&dyn Fn(&mut Query)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let phase = Memo::new(move |_| {
        let has_list = shown.with(|s| s.is_some());
        answer.with(|a| match a {
            Answer::Loading if has_list => Phase::List,
            Answer::Loading => Phase::Loading,
            Answer::Failed(_) => Phase::Failed,
            Answer::TooBroad { .. } => Phase::TooBroad,
            Answer::NeedText { .. } => Phase::NeedText,
            Answer::Ready(s) if s.results.total == 0 => Phase::Empty,
            Answer::Ready(_) => Phase::List,
        })
    });
    move || {
        match phase.get() {
        Phase::Loading => view! {
            <div class="load-progress">
                <progress aria-hidden="true"></progress>
            </div>
        }
        .into_any(),
        Phase::Failed => {
            let error = answer.with_untracked(|a| match a {
                Answer::Failed(e) => Some(e.clone()),
                _ => None,
            });
            error
                .map(|error| view! { <ErrorBox error on_retry=move |_| store.retry()/> })
                .into_any()
        }
        Phase::TooBroad => view! {
            <div class="no-results">
                <p><strong>{txt("Ketik lebih banyak huruf.", "Type more letters.")}</strong></p>
                <p>
                    {txt(
                        "Kata ini cocok dengan terlalu banyak mitra untuk dimuat sekaligus. Tambahkan huruf, kata kedua dari nama, atau NIB lengkap 13 angka.",
                        "This word matches too many partners to load at once. Add letters, a second word of the name, or the full 13-digit NIB.",
                    )}
                </p>
            </div>
        }
        .into_any(),
        Phase::NeedText => view! {
            <div class="no-results">
                <p><strong>{txt("Ketik nama mitra untuk menyaring.", "Type a partner's name to filter.")}</strong></p>
                <p>
                    {txt(
                        "Saringan ini mencakup terlalu banyak mitra untuk dimuat sekaligus dalam urutan dan halaman ini. Ketik nama atau NIB, pilih saringan yang lebih sempit, atau urutkan menurut nama.",
                        "These filters cover too many partners to load at once for this order and page. Type a name or NIB, choose a narrower filter, or sort by name.",
                    )}
                </p>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=move |_| change(&Query::clear_filters)>
                        {txt("Hapus semua saringan", "Clear all filters")}
                    </button>
                </div>
            </div>
        }
        .into_any(),
        // Keyed on the words and filters, so that a change of them renders
        // the message afresh.
        Phase::Empty => {
            move || {
                query.track();
                view! { <NoResults query change/> }
            }
        }
        .into_any(),
        Phase::List => view! { <ResultList shown query/> }.into_any(),
    }
    }
}

#[component]
fn NoResults(
    query: Memo<Query>,
    change: impl Fn(&dyn Fn(&mut Query)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let has_filters = query.with_untracked(Query::has_filters);
    let has_text = query.with_untracked(|q| !q.text.trim().is_empty());
    view! {
        <div class="no-results">
            <p><strong>{txt("Tidak ada mitra yang cocok.", "No partner matches.")}</strong></p>
            <p>
                {if has_filters {
                    txt(
                        "Coba hapus saringan, periksa ejaan, atau ketik sebagian nama saja.",
                        "Try clearing the filters, checking the spelling, or typing part of the name.",
                    )
                } else {
                    txt(
                        "Periksa ejaan atau ketik sebagian nama saja; NIB harus lengkap 13 angka.",
                        "Check the spelling or type part of the name; an NIB needs all 13 digits.",
                    )
                }}
            </p>
            <div class="actions">
                {has_filters.then(|| view! {
                    <button type="button" class="button" on:click=move |_| change(&Query::clear_filters)>
                        {txt("Hapus semua saringan", "Clear all filters")}
                    </button>
                })}
                {has_text.then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| change(&|q| q.text.clear())>
                        {txt("Hapus kata pencarian", "Clear the search words")}
                    </button>
                })}
            </div>
        </div>
    }
}

#[component]
fn ResultList(shown: Memo<Option<Shown>>, query: Memo<Query>) -> impl IntoView {
    let lang = use_lang();
    // Keyed by partner id: positions are per index, and the index changes
    // when the query needs other shards.
    let hits = move || {
        shown.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.results
                        .hits
                        .iter()
                        .filter_map(|&h| {
                            s.index
                                .doc(h)
                                .map(|d| (d.id.to_string(), h, s.index.clone()))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let row = move |(_, h, index): (String, u32, std::sync::Arc<kemitraan_core::search::Index>)| {
        index.doc(h).map(|d| result_row(&d, lang))
    };
    let pager = move || {
        let (page, pages) = shown.with(|s| {
            s.as_ref()
                .map_or((1, 1), |s| (s.results.page, s.results.pages))
        });
        let q = query.get_untracked();
        view! {
            <Pager page pages href=move |p| page_href(&q, p) label=("Halaman hasil", "Result pages")/>
        }
    };
    view! {
        // Keyed by partner: rows that stay from one keystroke to the next are
        // moved, not rebuilt.
        <ol class="result-list">
            <For each=hits key=|h| h.0.clone() children=row/>
        </ol>
        {pager}
    }
}

fn result_row(doc: &DocView<'_>, lang: Signal<Lang>) -> impl IntoView {
    let href = format!("/mitra/{}", doc.id);
    let place = format!("{}, {}", doc.city, doc.province.name());
    let kind = doc.kind;
    let size = doc.size;
    let country = doc.country.map(str::to_string);
    let n = doc.agreement_count;
    let committed = doc.committed;
    let sector = doc.sector;
    view! {
        <li class="result">
            <a class="result-name" href=href>{doc.name.to_string()}</a>
            <span class="result-meta">
                <span class="tag" title=move || kind.long_label(lang.get())>{kind.label()}</span>
                {size.map(|s| view! {
                    <span class="tag tag-size">{move || s.class.label(lang.get())}</span>
                })}
                <span>{place}</span>
                {country.map(|c| view! {
                    <span>{move || country_name(&c, lang.get()).map(str::to_string).unwrap_or_else(|| c.clone())}</span>
                })}
                {sector.map(|s| view! {
                    <span class="muted" title=move || category_name(s, lang.get()).unwrap_or("")>
                        {move || format!("{} {s}", pick(lang.get(), "Sektor", "Sector"))}
                    </span>
                })}
            </span>
            <span class="result-figures">
                {move || count_text(Noun::Agreement, u64::from(n), lang.get())}
                " · "
                <Amount value=committed/>
            </span>
        </li>
    }
}

/// Every facet, each a labelled form control with its count.
#[component]
fn Facets(
    query: Memo<Query>,
    results: Memo<Option<Results>>,
    change: impl Fn(&dyn Fn(&mut Query)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let counts = move |f: &dyn Fn(&FacetCounts) -> u32| -> Option<u32> {
        results.with(|r| r.as_ref().map(|r| f(&r.facets)))
    };
    let show = move |n: Option<u32>| n.map(|n| count(n, lang.get())).unwrap_or_default();

    let provinces = ProvinceCode::all()
        .map(|p| {
            view! {
                <option value=p.as_str() prop:selected=move || query.with(|q| q.provinces.first() == Some(&p))>
                    {move || format!("{} ({})", p.name(), show(counts(&|c| c.province(p))))}
                </option>
            }
        })
        .collect_view();
    let sectors = SECTOR_LETTERS
        .chars()
        .map(|s| {
            view! {
                <option value=s.to_string() prop:selected=move || query.with(|q| q.sectors.first() == Some(&s))>
                    {move || format!("{s} · {} ({})", category_name(s, lang.get()).unwrap_or(""), show(counts(&|c| c.sector(s))))}
                </option>
            }
        })
        .collect_view();

    view! {
        <div class="facets">
            {move || query.with(Query::has_filters).then(|| view! {
                <button type="button" class="button secondary clear-filters" on:click=move |_| change(&Query::clear_filters)>
                    {txt("Hapus semua saringan", "Clear all filters")}
                </button>
            })}
            <CheckboxGroup style=GroupStyle::Facet legend=Signal::derive(txt("Jenis mitra", "Kind of partner"))
                options=Kind::ALL.to_vec() name="jenis" value=|k: Kind| k.key().to_string()
                label=|k: Kind, _| k.label().to_string() title=|k: Kind, l| k.long_label(l).to_string()
                checked=move |k: Kind| query.with(|q| q.kinds.contains(&k))
                toggle=move |(k, on): (Kind, bool)| change(&|q| set_member(&mut q.kinds, k, on))
                count=Callback::new(move |k: Kind| show(counts(&|c| c.kind(k))))/>
            <CheckboxGroup style=GroupStyle::Facet legend=Signal::derive(txt("Kelas usaha UMKM", "UMKM size class"))
                options=SizeClass::ALL.to_vec() name="kelas" value=|c: SizeClass| size_key(c).to_string()
                label=|c: SizeClass, l| c.label(l).to_string()
                checked=move |c: SizeClass| query.with(|q| q.sizes.contains(&c))
                toggle=move |(c, on): (SizeClass, bool)| change(&|q| set_member(&mut q.sizes, c, on))
                count=Callback::new(move |c: SizeClass| show(counts(&|f| f.size(c))))/>
            <div class="facet-select">
                <label for="f-provinsi">{txt("Provinsi", "Province")}</label>
                <select id="f-provinsi" name="provinsi" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    change(&|q| q.provinces = ProvinceCode::parse(&v).ok().into_iter().collect());
                }>
                    <option value="" prop:selected=move || query.with(|q| q.provinces.is_empty())>
                        {txt("Semua provinsi", "All provinces")}
                    </option>
                    {provinces}
                </select>
            </div>
            <div class="facet-select">
                <label for="f-sektor">{txt("Sektor (kategori KBLI)", "Sector (KBLI category)")}</label>
                <select id="f-sektor" name="sektor" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    change(&|q| q.sectors = v.chars().next().filter(|c| c.is_ascii_uppercase()).into_iter().collect());
                }>
                    <option value="" prop:selected=move || query.with(|q| q.sectors.is_empty())>
                        {txt("Semua sektor", "All sectors")}
                    </option>
                    {sectors}
                </select>
            </div>
            <CheckboxGroup style=GroupStyle::Facet legend=Signal::derive(txt("Pola kemitraan", "Partnership pattern"))
                options=Pattern::ALL.to_vec() name="pola" value=|p: Pattern| p.key().to_string()
                label=|p: Pattern, l| p.label(l).to_string()
                checked=move |p: Pattern| query.with(|q| q.patterns.contains(&p))
                toggle=move |(p, on): (Pattern, bool)| change(&|q| set_member(&mut q.patterns, p, on))
                count=Callback::new(move |p: Pattern| show(counts(&|c| c.pattern(p))))/>
        </div>
    }
}
