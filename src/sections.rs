//! One wasm binary per section of the site (issue 10: a phone on a slow
//! network downloads only the code of the page it opened).
//!
//! Each binary in `src/bin/` (and `src/main.rs` for the home page) mounts one
//! of the section apps of `app.rs`, whose `<Routes>` name only that
//! section's routes; link-time optimisation then drops every other page's
//! code. Inside a section the router navigates as before. A link into
//! another section is left to the browser: a full page load of that
//! section's HTML (scripts/prerender.mjs writes one per section), which
//! loads that section's binary. The choice of language survives it
//! (localStorage), and the data files come from the browser's cache.
//!
//! The map from paths to sections is [`Section::of`]; the build's list of
//! sections is scripts/sections.mjs. Keep the two in step.

use std::cell::Cell;

use leptos::prelude::IntoView;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A part of the site served by one wasm binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// `/` and every path no other section claims (its 404 page).
    Home,
    /// `/presentasi`, `/presentasi/:n`.
    Presentation,
    /// `/mitra`, `/mitra/:id`.
    Partners,
    /// `/perjanjian`, `/perjanjian/:id`.
    Agreements,
    /// `/simulasi`.
    Simulator,
    /// `/tentang`.
    About,
}

impl Section {
    /// The section whose binary serves `path` (a site-absolute path; a query
    /// or fragment is ignored).
    pub fn of(path: &str) -> Section {
        let first = path
            .trim_start_matches('/')
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        match first {
            "presentasi" => Section::Presentation,
            "mitra" => Section::Partners,
            "perjanjian" => Section::Agreements,
            "simulasi" => Section::Simulator,
            "tentang" => Section::About,
            _ => Section::Home,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Option<Section>> = const { Cell::new(None) };
}

/// Whether this binary serves `path`, so the router may navigate to it.
/// Without a section (a component test) every path stays.
pub fn serves(path: &str) -> bool {
    CURRENT
        .with(|c| c.get())
        .is_none_or(|s| s == Section::of(path))
}

/// Goes to `href` (site-absolute): through the router inside this section,
/// by a page load into another.
pub fn go(navigate: impl Fn(&str, leptos_router::NavigateOptions), href: &str) {
    if serves(href) {
        navigate(href, Default::default());
    } else if let Some(window) = web_sys::window() {
        let _ = window.location().assign(href);
    }
}

/// Starts a section's binary: the panic notice, the rule for links into
/// other sections, and the app, mounted after the static first paint.
pub fn start<F, N>(section: Section, app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    crate::panic::install();
    CURRENT.with(|c| c.set(Some(section)));
    leave_other_sections_to_the_browser();
    // Mount after the browser has painted (and recorded) the static first
    // paint of the page: on a fast connection the wasm can be ready before
    // it, and the reader would see nothing until the app's first render.
    crate::first_paint::after_static_paint(move || {
        // The frame is drawn hidden; the page, a task later, replaces the
        // static paint (app.rs, Frame), so no frame shows both or neither.
        if let Some(html) = leptos::prelude::document().document_element() {
            let _ = html.class_list().add_1(crate::BOOTING);
        }
        leptos::mount::mount_to_body(app);
    });
}

/// The router handles every same-origin link click (on `window`, bubbling);
/// a link into another section must reach the browser instead. This
/// listener runs first (capturing, on `window`) and stops the click there
/// for such links, so the browser follows the link: no router, no chart
/// handler. Clicks it does not own (modifier keys, other buttons, other
/// origins, downloads, targets) are left alone.
fn leave_other_sections_to_the_browser() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(|ev: web_sys::MouseEvent| {
        let Some(a) = plain_click_link(&ev) else {
            return;
        };
        if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| !t.is_empty()) {
            return;
        }
        let (Some(href), Some(window)) = (a.get_attribute("href"), web_sys::window()) else {
            return;
        };
        let location = window.location();
        let (Ok(base), Ok(origin)) = (location.href(), location.origin()) else {
            return;
        };
        let Ok(url) = web_sys::Url::new_with_base(&href, &base) else {
            return;
        };
        if url.origin() == origin && !serves(&url.pathname()) {
            ev.stop_propagation();
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}

/// The link a plain click landed on: the main button, no modifier key (a
/// new tab or window is the browser's business), not already handled. The
/// rules every in-app handler of link clicks shares (this one, and the SVG
/// chart links of `components::svg`).
pub fn plain_click_link(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("a[href]").ok().flatten()
}
