//! A folded box whose content is drawn only when first opened.
//!
//! On a phone's CPU the first render of a folded box's content (the
//! /perjanjian filters with 38 provinces, the /mitra facets, a chart's data
//! table) was a large part of its page's first render, for a box the reader
//! may never open. This draws the `<details>` and its summary at once and the
//! content on the first `toggle`; once drawn it stays (closing only hides it),
//! so nothing typed or ticked in it is lost.

use leptos::prelude::*;

/// A `<details class=class>` box with `summary`, whose `children` are drawn
/// when it first opens. With `open_from`, a window at least that many CSS
/// pixels wide gets it open (and drawn) from the start: the width from which
/// the stylesheet lays the box beside the page's content instead of above it.
#[component]
pub fn Fold(
    class: &'static str,
    #[prop(into)] summary: ViewFn,
    children: ChildrenFn,
    #[prop(optional)] open_from: Option<f64>,
) -> impl IntoView {
    let open = open_from.is_some_and(|min| window_width().is_some_and(|w| w >= min));
    let opened = RwSignal::new(open);
    view! {
        <details class=class open=open on:toggle=move |_| opened.set(true)>
            <summary>{summary.run()}</summary>
            <Show when=move || opened.get()>{children()}</Show>
        </details>
    }
}

fn window_width() -> Option<f64> {
    window().inner_width().ok()?.as_f64()
}
