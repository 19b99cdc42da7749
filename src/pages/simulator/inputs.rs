//! One scenario's form.
//!
//! Each field keeps what the user typed; a text that reads as a valid value
//! updates the scenario at once, a text that does not leaves the last good
//! value in place and, when the field is left (or Enter is pressed), shows
//! why beside the field (`aria-invalid`, `aria-describedby`).

use kemitraan_core::money::format_percent_bp;
use kemitraan_core::simulate_io::{
    amount_input_text, parse_amount_field, parse_horizon, parse_optional_amount, parse_percent_bp,
    parse_year, percent_input_text, scenario_letter, FieldError, Mode, SimInput, MAX_SCENARIOS,
};
use kemitraan_core::Rupiah;
use leptos::prelude::*;

use super::{ScenarioInput, Slot};
use crate::components::sim_chart::Outcome;
use crate::i18n::{pick, txt, use_lang};

pub(super) type Apply = Callback<String, Result<(), FieldError>>;

/// A labelled text field with its hint and its error message.
#[component]
pub(super) fn Field(
    id: String,
    label: Signal<String>,
    initial: String,
    apply: Apply,
    #[prop(optional)] hint: Option<Signal<String>>,
    #[prop(optional)] placeholder: Option<Signal<String>>,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] suffix: Option<&'static str>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<FieldError>);
    let err_id = format!("{id}-err");
    let hint_id = format!("{id}-hint");
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(err_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    // `show`: the user has finished with the field, so say what is wrong.
    let commit = move |text: String, show: bool| match apply.run(text) {
        Ok(()) => error.set(None),
        Err(e) => {
            if show || error.with_untracked(Option::is_some) {
                error.set(Some(e));
            }
        }
    };
    view! {
        <div class=format!("field {class}")>
            <label for=id.clone()>{move || label.get()}</label>
            <div class="input-row">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=initial
                    placeholder=move || placeholder.map(|p| p.get())
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described
                    on:input=move |ev| commit(event_target_value(&ev), false)
                    on:change=move |ev| commit(event_target_value(&ev), true)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            commit(event_target_value(&ev), true);
                        }
                    }
                />
                {suffix.map(|s| view! { <span class="suffix" aria-hidden="true">{s}</span> })}
            </div>
            {hint.map(|h| view! { <p id=hint_id class="hint">{move || h.get()}</p> })}
            <p id=err_id class="field-error">{move || error.get().map(|e| e.message(lang.get()))}</p>
        </div>
    }
}

pub(super) fn text(id: &'static str, en: &'static str) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || pick(lang.get(), id, en).to_string())
}

/// The card of one scenario: its heading, its actions and its fields.
#[component]
pub(super) fn ScenarioCard(
    sc: Slot,
    keys: Memo<Vec<u32>>,
    generation: Memo<u32>,
    outcomes: Memo<Vec<Outcome>>,
    on_duplicate: Callback<u32>,
    on_remove: Callback<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let slot = sc;
    let key = slot.key;
    let index = Memo::new(move |_| keys.with(|v| v.iter().position(|k| *k == key).unwrap_or(0)));
    let count = Memo::new(move |_| keys.with(Vec::len));
    // Bumped by the preset, so the fields re-read their text; the card's
    // own, so it goes with the card.
    let rev = RwSignal::new(0u32);
    let letter = move || scenario_letter(index.get());
    let heading_id = format!("s{key}-h");
    let labelled_by = heading_id.clone();
    let error = Memo::new(move |_| {
        outcomes.with(|list| {
            list.iter()
                .find(|o| o.key == key)
                .and_then(|o| o.result.as_ref().err().cloned())
        })
    });
    view! {
        <section class="scenario" aria-labelledby=labelled_by>
            <div class="scenario-head">
                <h3 id=heading_id>{move || format!("{} {}", pick(lang.get(), "Skenario", "Scenario"), letter())}</h3>
                <div class="scenario-actions">
                    <Show when=move || { count.get() < MAX_SCENARIOS }>
                        <button type="button" class="button secondary small" on:click=move |_| on_duplicate.run(key)>
                            {move || format!("{} {}", pick(lang.get(), "+ Tambah skenario: salinan", "+ Add scenario: copy of"), letter())}
                        </button>
                    </Show>
                    <Show when=move || { count.get() > 1 }>
                        <button type="button" class="button secondary small" on:click=move |_| on_remove.run(key)>
                            {move || format!("{} {}", pick(lang.get(), "Hapus skenario", "Remove scenario"), letter())}
                        </button>
                    </Show>
                </div>
            </div>
            {move || {
                rev.track();
                // `get`, not `track`: a memo is only computed when read.
                let _ = generation.get();
                view! { <Fields sc=slot rev outcomes/> }
            }}
            {move || error.get().map(|e| view! {
                <p class="sim-error" role="alert">{move || e.message(lang.get())}</p>
            })}
        </section>
    }
}

#[component]
fn Fields(sc: Slot, rev: RwSignal<u32>, outcomes: Memo<Vec<Outcome>>) -> impl IntoView {
    let lang = use_lang();
    let input = sc.input;
    let key = sc.key;
    let p = format!("s{key}");
    let init = input.get_untracked();
    let l0 = lang.get_untracked();
    let mode = Memo::new(move |_| input.with(|s| s.mode));

    let amount = move |f: fn(&mut SimInput, Rupiah)| -> Apply {
        Callback::new(move |t: String| parse_amount_field(&t).map(|v| input.update(|s| f(s, v))))
    };
    let optional = move |f: fn(&mut SimInput, Option<Rupiah>)| -> Apply {
        Callback::new(move |t: String| parse_optional_amount(&t).map(|v| input.update(|s| f(s, v))))
    };
    let amount_hint = text(
        "Misalnya 1M, 1,5 miliar, 250 jt atau Rp 2.000.000.",
        "E.g. 1.5 billion, 1B, 250 million or 2000000.",
    );

    let radios = Mode::ALL
        .into_iter()
        .map(|m| {
            let rid = format!("{p}-mode-{}", m.code());
            view! {
                <div class="radio">
                    <input type="radio" id=rid.clone() name=format!("{p}-mode") value=m.code()
                        prop:checked=move || mode.get() == m
                        on:change=move |_| input.update(|s| s.mode = m)/>
                    <label for=rid>{move || m.label(lang.get())}</label>
                </div>
            }
        })
        .collect_view();

    let p2 = p.clone();
    let mode_fields = move || {
        let p = p2.clone();
        let init = input.get_untracked();
        let l0 = lang.get_untracked();
        match mode.get() {
            Mode::Path => view! { <PathFields input p rev/> }.into_any(),
            Mode::Rate => view! {
                <div class="field-grid">
                <Field id=format!("{p}-rate") label=text("Pertumbuhan per tahun (%)", "Growth per year (%)")
                    initial=percent_input_text(init.rate_bp, l0)
                    apply=Callback::new(move |t: String| parse_percent_bp(&t).map(|v| input.update(|s| s.rate_bp = v)))
                    hint=text("Misalnya 20, 12,5, 0 atau -50. Paling rendah -100.", "E.g. 20, 12.5, 0 or -50. At least -100.")
                    inputmode="decimal" suffix="%"/>
                </div>
            }
            .into_any(),
            Mode::Target => {
                let solved = move || {
                    outcomes.with(|list| {
                        list.iter()
                            .find(|o| o.key == key)
                            .and_then(|o| o.result.as_ref().ok())
                            .and_then(|p| p.rate_bp)
                    })
                };
                view! {
                    <div class="field-grid">
                        <Field id=format!("{p}-target") label=text("Nilai target", "Target value")
                            initial=amount_input_text(init.target, l0)
                            apply=amount(|s, v| s.target = v)/>
                        <Field id=format!("{p}-target-year") label=text("Tahun target", "Target year")
                            initial=init.target_year.to_string()
                            apply=Callback::new(move |t: String| parse_year(&t).map(|v| input.update(|s| s.target_year = v)))
                            inputmode="numeric"/>
                    </div>
                    <p class="solved" role="status">
                        {move || solved().map(|bp| format!("{} {} {}",
                            pick(lang.get(), "Pertumbuhan yang diperlukan:", "Growth needed:"),
                            format_percent_bp(bp, lang.get()),
                            pick(lang.get(), "per tahun.", "a year.")))}
                    </p>
                }
                .into_any()
            }
        }
    };

    view! {
        <div class="field-grid">
            <Field id=format!("{p}-start") label=text("Nilai kontrak tahun pertama", "Contract value in the first year")
                initial=amount_input_text(init.start, l0) apply=amount(|s, v| s.start = v) hint=amount_hint/>
            <Field id=format!("{p}-year") label=text("Tahun pertama", "First year")
                initial=init.first_year.to_string()
                apply=Callback::new(move |t: String| parse_year(&t).map(|v| input.update(|s| s.first_year = v)))
                inputmode="numeric" class="short"/>
            <Field id=format!("{p}-years") label=text("Jangka waktu (tahun, 1–30)", "Horizon (years, 1–30)")
                initial=init.years.to_string()
                apply=Callback::new(move |t: String| parse_horizon(&t).map(|v| input.update(|s| s.years = v)))
                inputmode="numeric" class="short"/>
        </div>
        <fieldset class="mode">
            <legend>{txt("Cara pertumbuhan kontrak", "How the contract grows")}</legend>
            <div class="radios">{radios}</div>
        </fieldset>
        <div class="mode-fields">{mode_fields}</div>
        <details class="umkm-extra" open=init.other_sales.is_some() || init.capital.is_some()>
            <summary>{txt("Data UMKM (opsional): penjualan lain dan modal usaha", "UMKM data (optional): other sales and capital")}</summary>
            <div class="field-grid">
                <Field id=format!("{p}-other") label=text("Penjualan lain per tahun", "Other annual sales")
                    initial=init.other_sales.map(|v| amount_input_text(v, l0)).unwrap_or_default()
                    apply=optional(|s, v| s.other_sales = v)
                    hint=text("Penjualan di luar kontrak ini; dijumlahkan dengan nilai kontrak. Kosongkan bila tidak ada.", "Sales besides this contract; added to the contract value. Leave empty if none.")/>
                <Field id=format!("{p}-capital") label=text("Modal usaha", "Business capital (modal usaha)")
                    initial=init.capital.map(|v| amount_input_text(v, l0)).unwrap_or_default()
                    apply=optional(|s, v| s.capital = v)
                    hint=text("Tanpa tanah dan bangunan; untuk kelas menurut modal. Kosongkan bila tidak diketahui.", "Excluding land and buildings; gives the class by capital. Leave empty if unknown.")/>
            </div>
        </details>
    }
}

/// Mode (a): one value per year, with the President's path as preset.
#[component]
fn PathFields(input: ScenarioInput, p: String, rev: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let years = Memo::new(move |_| input.with(|s| s.years));
    let first_year = Memo::new(move |_| input.with(|s| s.first_year));
    let preset = move |_| {
        input.update(|s| {
            let p = SimInput::president();
            s.start = p.start;
            s.first_year = p.first_year;
            s.years = p.years;
            s.mode = p.mode;
            s.path = p.path;
        });
        rev.update(|r| *r += 1);
    };
    view! {
        <div class="path">
            <button type="button" class="button secondary small" on:click=preset>
                {txt("Isi jalur Presiden: Rp1 M (2021) → Rp5 M → Rp10 M", "Fill in the President's path: Rp1 billion (2021) → Rp5 billion → Rp10 billion")}
            </button>
            <p class="hint">{move || {
                let y = first_year.get();
                match lang.get() {
                    kemitraan_core::Lang::Id => format!("Tahun {y} memakai nilai kontrak tahun pertama di atas. Tahun yang dikosongkan sama dengan tahun sebelumnya."),
                    kemitraan_core::Lang::En => format!("{y} uses the first-year contract value above. An empty year keeps the value of the year before."),
                }
            }}</p>
            <Show when=move || { years.get() == 1 }>
                <p class="hint">{txt("Jangka waktu 1 tahun: tidak ada tahun berikutnya untuk diisi.", "A 1-year horizon has no later years to fill in.")}</p>
            </Show>
            <div class="path-grid">
                <For each=move || 1..years.get() key=|i| *i let:i>
                    {
                        let idx = (i - 1) as usize;
                        let init = input.with_untracked(|s| s.path.get(idx).copied().flatten());
                        let label = Signal::derive(move || {
                            let y = first_year.get().saturating_add(i as i32);
                            format!("{} {y}", pick(lang.get(), "Nilai", "Value"))
                        });
                        view! {
                            <Field id=format!("{p}-path-{i}") label
                                initial=init.map(|v| amount_input_text(v, lang.get_untracked())).unwrap_or_default()
                                placeholder=text("= tahun sebelumnya", "= year before")
                                apply=Callback::new(move |t: String| parse_optional_amount(&t).map(|v| input.update(|s| {
                                    if s.path.len() <= idx {
                                        s.path.resize(idx + 1, None);
                                    }
                                    s.path[idx] = v;
                                    while s.path.last().is_some_and(Option::is_none) {
                                        s.path.pop();
                                    }
                                })))/>
                        }
                    }
                </For>
            </div>
        </div>
    }
}
