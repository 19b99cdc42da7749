//! A group of checkboxes over one list of a query: the /mitra facets and
//! the /perjanjian filters. Each box is a real `<input type="checkbox">`
//! with its label, reachable with Tab and announced with its legend.

use kemitraan_core::Lang;
use leptos::prelude::*;

use crate::i18n::use_lang;

/// How the group is laid out: the two pages style their groups apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupStyle {
    /// A bordered `check-group` of inline `check` options (/perjanjian).
    #[default]
    Filter,
    /// Stacked `facet-option` rows with a count at the end (/mitra).
    Facet,
}

/// One checkbox per option. `checked` reads whether an option is in the
/// query; `toggle` is called with the option and the box's new state.
/// `name` and `value` give the inputs form names (the URL's parameter and
/// key); `title` adds a hover text to a label, `count` a figure after it.
#[component]
pub fn CheckboxGroup<T>(
    /// The legend, in the current language.
    #[prop(into)]
    legend: Signal<&'static str>,
    /// The options, in the order shown.
    options: Vec<T>,
    /// An option's label.
    label: fn(T, Lang) -> String,
    /// Whether an option is checked.
    #[prop(into)]
    checked: Callback<T, bool>,
    /// Called with an option and whether its box is now checked.
    #[prop(into)]
    toggle: Callback<(T, bool)>,
    /// The inputs' `name`.
    #[prop(optional)]
    name: Option<&'static str>,
    /// An option's `value`.
    #[prop(optional)]
    value: Option<fn(T) -> String>,
    /// An option's hover text.
    #[prop(optional)]
    title: Option<fn(T, Lang) -> String>,
    /// A figure shown after an option's label.
    #[prop(optional)]
    count: Option<Callback<T, String>>,
    /// The layout.
    #[prop(optional)]
    style: GroupStyle,
) -> impl IntoView
where
    T: Copy + Send + Sync + 'static,
{
    let lang = use_lang();
    let (group_class, option_class, label_class) = match style {
        GroupStyle::Filter => (Some("check-group"), "check", None),
        GroupStyle::Facet => (None, "facet-option", Some("facet-label")),
    };
    let boxes = options
        .into_iter()
        .map(|opt| {
            view! {
                <label class=option_class>
                    <input type="checkbox" name=name value=value.map(|v| v(opt))
                        prop:checked=move || checked.run(opt)
                        on:change=move |ev| toggle.run((opt, event_target_checked(&ev)))/>
                    <span class=label_class title=move || title.map(|t| t(opt, lang.get()))>
                        {move || label(opt, lang.get())}
                    </span>
                    {count.map(|c| view! { <span class="count">{move || c.run(opt)}</span> })}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class=group_class>
            <legend>{move || legend.get()}</legend>
            {boxes}
        </fieldset>
    }
}

/// Puts `v` in `list` or takes it out, keeping the list's order otherwise.
pub fn set_member<T: PartialEq>(list: &mut Vec<T>, v: T, on: bool) {
    list.retain(|x| *x != v);
    if on {
        list.push(v);
    }
}
