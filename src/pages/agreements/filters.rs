//! The filter form of `/perjanjian`: real form controls with labels, each
//! change written to the URL at once.

use kemitraan_core::agreement_query::AgreementQuery;
use kemitraan_core::model::{Kind, Status};
use kemitraan_core::money::{format_full, parse_amount};
use kemitraan_core::pattern::Pattern;
use kemitraan_core::province::ProvinceCode;
use kemitraan_core::size_class::SizeClass;
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;

use crate::components::checkbox_group::{set_member, CheckboxGroup};
use crate::components::fold::Fold;
use crate::i18n::{pick, txt, use_lang};

type SetQuery = Callback<(AgreementQuery, bool)>;

#[component]
pub fn Filters(
    query: Memo<AgreementQuery>,
    set_query: SetQuery,
    years: Vec<i32>,
    events: Vec<String>,
) -> impl IntoView {
    let lang = use_lang();
    let update = move |f: &dyn Fn(&mut AgreementQuery), replace: bool| {
        let mut q = query.get_untracked();
        f(&mut q);
        set_query.run((q, replace));
    };
    // Open beside the list on a wide screen (60rem in main.css); folded above
    // it on a phone, where it would otherwise push the results a screen down.
    view! {
        <Fold class="filters-box" open_from=960.0 summary=move || txt("Filter", "Filters")>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()
            aria-label=move || pick(lang.get(), "Filter perjanjian", "Filter agreements")>
            <label class="field">
                <span>{txt("Nama pihak", "Party name")}</span>
                <input type="search" name="q" autocomplete="off"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        update(&|q| q.text = v.clone(), true);
                    }/>
            </label>
            {check_group(txt("Tahun tanda tangan", "Year signed"), years.clone(),
                |y: i32, _| y.to_string(), |q| &q.years, |q| &mut q.years, query, update)}
            {check_group(txt("Status", "Status"), Status::ALL.to_vec(), status_label,
                |q| &q.statuses, |q| &mut q.statuses, query, update)}
            {check_group(txt("Jenis perusahaan", "Company kind"), vec![Kind::Pma, Kind::Pmdn],
                |k: Kind, _| k.label().to_string(), |q| &q.company_kinds, |q| &mut q.company_kinds, query, update)}
            {check_group(txt("Kelas UMKM", "UMKM size class"),
                vec![SizeClass::Mikro, SizeClass::Kecil, SizeClass::Menengah],
                |c: SizeClass, l| c.label(l).to_string(), |q| &q.sizes, |q| &mut q.sizes, query, update)}
            {check_group(txt("Pola kemitraan", "Partnership pattern"), Pattern::ALL.to_vec(),
                |p: Pattern, l| p.label(l).to_string(), |q| &q.patterns, |q| &mut q.patterns, query, update)}
            {move || {
                let provs = query.with(|q| q.umkm_provinces.clone());
                (!provs.is_empty()).then(|| view! {
                    <p class="active-filter">
                        {txt("Provinsi UMKM: ", "UMKM's province: ")}
                        {provs.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")}
                        " "
                        <button type="button" class="link-button"
                            on:click=move |_| update(&|q| q.umkm_provinces.clear(), false)>
                            {txt("hapus", "remove")}
                        </button>
                    </p>
                })
            }}
            <label class="field">
                <span>{txt("Provinsi salah satu pihak", "Province of either party")}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|q| q.provinces = ProvinceCode::parse(&v).into_iter().collect(), false);
                }>
                    <option value="" selected=move || query.with(|q| q.provinces.is_empty())>
                        {txt("Semua provinsi", "All provinces")}
                    </option>
                    {ProvinceCode::all().map(|p| view! {
                        <option value=p.as_str() selected=move || query.with(|q| q.provinces.first() == Some(&p))>
                            {format!("{} ({})", p.name(), p.as_str())}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{txt("Acara penandatanganan", "Signing event")}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(&|q| q.event = Some(v.clone()).filter(|e| !e.is_empty()), false);
                }>
                    <option value="" selected=move || query.with(|q| q.event.is_none())>
                        {txt("Semua", "All")}
                    </option>
                    {events.clone().into_iter().map(|e| {
                        let e2 = e.clone();
                        view! {
                            <option value=e.clone() selected=move || query.with(|q| q.event.as_deref() == Some(e2.as_str()))>
                                {e.clone()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <AmountField label=txt("Nilai paling kecil", "Smallest value") name="min"
                current=Signal::derive(move || query.with(|q| q.min_value))
                set=Callback::new(move |v: Option<Rupiah>| update(&|q| q.min_value = v, false))/>
            <AmountField label=txt("Nilai paling besar", "Largest value") name="maks"
                current=Signal::derive(move || query.with(|q| q.max_value))
                set=Callback::new(move |v: Option<Rupiah>| update(&|q| q.max_value = v, false))/>
            <button type="button" class="button secondary"
                disabled=move || query.with(|q| q.is_unfiltered())
                on:click=move |_| set_query.run((AgreementQuery { sort: query.get_untracked().sort, ..Default::default() }, false))>
                {txt("Hapus filter", "Clear filters")}
            </button>
        </form>
        </Fold>
    }
}

fn status_label(s: Status, lang: Lang) -> String {
    s.label(lang).to_string()
}

/// A [`CheckboxGroup`] over one list in the query; the list is kept sorted,
/// so a link reads the same however the boxes were ticked.
#[allow(clippy::too_many_arguments)]
fn check_group<T>(
    legend: impl Fn() -> &'static str + Send + Sync + 'static,
    options: Vec<T>,
    label: fn(T, Lang) -> String,
    get: fn(&AgreementQuery) -> &Vec<T>,
    get_mut: fn(&mut AgreementQuery) -> &mut Vec<T>,
    query: Memo<AgreementQuery>,
    update: impl Fn(&dyn Fn(&mut AgreementQuery), bool) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + PartialEq + Ord + Send + Sync + 'static,
{
    view! {
        <CheckboxGroup legend=Signal::derive(legend) options label
            checked=move |opt: T| query.with(|q| get(q).contains(&opt))
            toggle=move |(opt, on): (T, bool)| update(&|q| {
                let list = get_mut(q);
                set_member(list, opt, on);
                list.sort();
            }, false)/>
    }
}

/// An amount typed in any form `parse_amount` reads; applied on change, with
/// a message beside the field when it cannot be read (the filter keeps its
/// last good value).
#[component]
fn AmountField(
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    name: &'static str,
    current: Signal<Option<Rupiah>>,
    set: Callback<Option<Rupiah>>,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let err_id = format!("{name}-error");
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" inputmode="decimal" name=name autocomplete="off"
                placeholder=move || pick(lang.get(), "mis. 1 miliar", "e.g. 1 miliar")
                prop:value=move || current.get().map(|v| format_full(v, lang.get())).unwrap_or_default()
                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                aria-describedby=err_id.clone()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    if text.trim().is_empty() {
                        error.set(None);
                        set.run(None);
                        return;
                    }
                    match parse_amount(&text) {
                        Ok(v) if v.0 >= 0 => { error.set(None); set.run(Some(v)); }
                        Ok(_) => error.set(Some(pick(lang.get_untracked(), "Nilai tidak boleh negatif.", "The value cannot be negative.").to_string())),
                        Err(e) => error.set(Some(e.message(lang.get_untracked()))),
                    }
                }/>
            <span class="field-error" id=err_id role="status">{move || error.get()}</span>
        </label>
    }
}
