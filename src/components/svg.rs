//! What the two SVG charts ([`crate::components::chart`] and
//! [`crate::components::bar_chart`]) share: the palette, text escaping and
//! layout estimates for SVG built as a string, sizing a chart to its
//! container, and following a click on an SVG link inside the app.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Series colours, in order; a series also differs by dash and marker.
pub const SERIES_COLOURS: [&str; 4] = ["#0b5d4b", "#b45309", "#6d28d9", "#1a56db"];
/// Text colour.
pub const INK: &str = "#17211f";
/// Secondary text colour.
pub const MUTED: &str = "#4d5b58";
/// The charts' font stack (the page's).
pub const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/// `s` escaped for SVG text and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Rough text width for layout (no DOM measuring in a string builder).
pub fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * font * 0.58
}

/// Splits `text` into lines of at most about `max_width` at spaces.
pub fn wrap(text: &str, max_width: f64, font: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, font) > max_width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The size of an element's content box, kept current with a
/// ResizeObserver: a chart is redrawn when its container changes width for
/// any reason (window resize, a scrollbar appearing, a layout that settles
/// after the chart mounted), not only on window resize.
pub fn use_size(node: NodeRef<leptos::html::Div>, track_height: bool) -> RwSignal<(f64, f64)> {
    use wasm_bindgen::prelude::Closure;
    let size = RwSignal::new((0.0_f64, 0.0_f64));
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: web_sys::Element = el.into();
        let update = {
            let el = el.clone();
            move || {
                let w = f64::from(el.client_width());
                let h = if track_height {
                    f64::from(el.client_height())
                } else {
                    0.0
                };
                let (ow, oh) = size.get_untracked();
                if w > 0.0 && ((w - ow).abs() >= 1.0 || (h - oh).abs() >= 1.0) {
                    size.set((w, h));
                }
            }
        };
        update();
        let callback = Closure::<dyn FnMut()>::new(update);
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&el);
                let keep = StoredValue::new_local((observer, callback));
                on_cleanup(move || {
                    let _ = keep.try_with_value(|(o, _)| o.disconnect());
                });
            }
            Err(e) => web_sys::console::warn_1(&e),
        }
    });
    size
}

/// Follows a click on an SVG `<a href="/...">` inside the app: the router
/// only intercepts HTML anchors, and a full page load would fetch the app
/// again. Clicks with a modifier (new tab) are left to the browser.
pub fn follow_svg_link(
    ev: &leptos::ev::MouseEvent,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
) {
    let Some(a) = crate::sections::plain_click_link(ev) else {
        return;
    };
    if a.namespace_uri().as_deref() != Some("http://www.w3.org/2000/svg") {
        return;
    }
    let Some(href) = a.get_attribute("href") else {
        return;
    };
    if href.starts_with('/') && !href.starts_with("//") {
        ev.prevent_default();
        navigate(&href, Default::default());
    }
}
