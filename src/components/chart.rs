//! A small SVG chart of amounts per year: bars or lines, optional horizontal
//! bands (size-class thresholds) and an optional reference line (a target).
//!
//! The SVG is built as a string by [`render_svg`], so the chart on screen
//! and the downloaded file are the same drawing; the [`Chart`] component
//! renders it at the width of its container (1 SVG unit = 1 CSS pixel), so
//! labels stay readable from a 375 px phone to a 1280 px screen.
//!
//! Amounts on the axis are tick values chosen in integers by
//! `kemitraan_core::axis` and written by `money::format_short`; floats are
//! only pixel coordinates. The chart is an image with a `<title>` and
//! `<desc>`; the page puts the same numbers in a table next to it.

use std::fmt::Write;

use kemitraan_core::axis::Axis;
use kemitraan_core::money::format_short;
use kemitraan_core::{Lang, Rupiah};
use leptos::prelude::*;

use crate::i18n::pick;

/// One line or set of bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<(i32, Rupiah)>,
}

/// A horizontal band between two amounts; `None` is the axis end.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub label: String,
    pub lower: Option<Rupiah>,
    pub upper: Option<Rupiah>,
}

/// A horizontal line at an amount, e.g. a target.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    pub label: String,
    pub value: Rupiah,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bars,
    Lines,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Prefix for the ids of `<title>` and `<desc>`; unique on the page.
    pub id: String,
    pub title: String,
    pub desc: String,
    /// What the value axis measures, e.g. "Penjualan tahunan".
    pub y_label: String,
    pub series: Vec<Series>,
    pub bands: Vec<Band>,
    pub reference: Option<RefLine>,
    pub kind: Kind,
    pub lang: Lang,
}

pub(crate) const SERIES_COLOURS: [&str; 4] = ["#0b5d4b", "#b45309", "#6d28d9", "#1a56db"];
const SERIES_DASH: [&str; 4] = ["", "7 4", "2 3", "10 3 2 3"];
const BAND_FILLS: [&str; 4] = ["#f3f7f6", "#e4f0ec", "#d3e8e1", "#c3e0d6"];
pub(crate) const INK: &str = "#17211f";
pub(crate) const MUTED: &str = "#4d5b58";
const TARGET: &str = "#a4262c";
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

pub(crate) fn esc(s: &str) -> String {
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
pub(crate) fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * font * 0.58
}

/// Splits `text` into lines of at most about `max_width` at spaces.
pub(crate) fn wrap(text: &str, max_width: f64, font: f64) -> Vec<String> {
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

/// The height that suits a width: taller on phones so the bands stay
/// distinguishable.
pub fn height_for(width: f64) -> f64 {
    (width * 0.55).clamp(280.0, 400.0)
}

/// What a chart of the dataset adds to a [`ChartSpec`]: each bar of the
/// first series as a link, and a short note above a year's bars (growth on
/// the year before). Kept apart from the spec so the simulator's chart is
/// built as before.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extras {
    /// (year, href, accessible name): the year's bar opens `href`.
    pub links: Vec<(i32, String, String)>,
    /// (year, text) drawn above the year's bars.
    pub notes: Vec<(i32, String)>,
}

/// The chart as a standalone SVG document fragment. `standalone` adds the
/// XML namespace, a white background and the title as visible text, for the
/// downloaded file.
pub fn render_svg(spec: &ChartSpec, width: f64, height: f64, standalone: bool) -> String {
    render_svg_with(spec, width, height, standalone, &Extras::default())
}

/// [`render_svg`] with links and notes on the bars. With links the drawing
/// is a group of links (`role="group"`), not an image, so each bar keeps its
/// own accessible name.
pub fn render_svg_with(
    spec: &ChartSpec,
    width: f64,
    height: f64,
    standalone: bool,
    extras: &Extras,
) -> String {
    let lang = spec.lang;
    let w = width.max(240.0);
    let h = height.max(200.0);
    let font = if w < 520.0 { 12.0 } else { 13.0 };
    let mut s = String::new();
    let title_id = format!("{}-title", spec.id);
    let desc_id = format!("{}-desc", spec.id);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="{role}" aria-labelledby="{title_id} {desc_id}" font-family="{font_family}" font-size="{font}">"#,
        font_family = esc(FONT),
        role = if extras.links.is_empty() {
            "img"
        } else {
            "group"
        },
    );
    let _ = write!(
        s,
        r#"<title id="{title_id}">{}</title><desc id="{desc_id}">{}</desc>"#,
        esc(&spec.title),
        esc(&spec.desc)
    );
    if standalone {
        let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    }

    let mut top = 8.0;
    if standalone {
        let _ = write!(
            s,
            r#"<text x="12" y="{y:.1}" font-size="{fs}" font-weight="700" fill="{INK}">{}</text>"#,
            esc(&spec.title),
            y = top + 16.0,
            fs = font + 3.0
        );
        top += 28.0;
    }

    // Legend: wraps across lines.
    let mut legend: Vec<(String, usize, bool)> = spec
        .series
        .iter()
        .enumerate()
        .map(|(i, se)| (se.name.clone(), i, false))
        .collect();
    if let Some(r) = &spec.reference {
        legend.push((r.label.clone(), 0, true));
    }
    let show_legend = spec.series.len() > 1 || spec.reference.is_some();
    if show_legend {
        let mut x = 12.0;
        let mut y = top + 12.0;
        for (name, i, is_ref) in &legend {
            let item_w = 30.0 + text_width(name, font) + 16.0;
            if x + item_w > w - 8.0 && x > 12.0 {
                x = 12.0;
                y += font + 8.0;
            }
            let (colour, dash) = if *is_ref {
                (TARGET, "5 4")
            } else {
                (
                    SERIES_COLOURS[i % SERIES_COLOURS.len()],
                    SERIES_DASH[i % SERIES_DASH.len()],
                )
            };
            let _ = write!(
                s,
                r#"<line x1="{x:.1}" y1="{ly:.1}" x2="{x2:.1}" y2="{ly:.1}" stroke="{colour}" stroke-width="3" stroke-dasharray="{dash}"/>"#,
                ly = y - font * 0.35,
                x2 = x + 24.0
            );
            if !is_ref && spec.kind == Kind::Lines {
                s.push_str(&marker(*i, x + 12.0, y - font * 0.35, colour));
            }
            let _ = write!(
                s,
                r#"<text x="{tx:.1}" y="{y:.1}" fill="{INK}">{}</text>"#,
                esc(name),
                tx = x + 30.0
            );
            x += item_w;
        }
        top = y + 10.0;
    }

    // The value axis.
    let mut values: Vec<Rupiah> = spec
        .series
        .iter()
        .flat_map(|se| se.points.iter().map(|p| p.1))
        .collect();
    if let Some(r) = &spec.reference {
        values.push(r.value);
    }
    let thresholds: Vec<Rupiah> = spec.bands.iter().filter_map(|b| b.upper).collect();
    let max_ticks = if h < 320.0 { 5 } else { 6 };
    let axis = Axis::for_values(&values, &thresholds, max_ticks);
    let tick_labels: Vec<String> = axis.ticks.iter().map(|t| format_short(*t, lang)).collect();

    // Axis caption above the plot.
    let caption = if axis.log {
        format!(
            "{} — {}",
            spec.y_label,
            pick(
                lang,
                "skala logaritmik (tiap garis ×10)",
                "log scale (each line ×10)"
            )
        )
    } else {
        spec.y_label.clone()
    };
    for line in wrap(&caption, w - 24.0, font) {
        let _ = write!(
            s,
            r#"<text x="12" y="{y:.1}" fill="{MUTED}" font-weight="600">{}</text>"#,
            esc(&line),
            y = top + font
        );
        top += font + 4.0;
    }
    // Room for the top tick label, which is centred on the plot's top edge.
    top += 6.0 + font / 2.0;
    // And for the notes above the tallest bar.
    if !extras.notes.is_empty() {
        top += font + 6.0;
    }

    let label_w = tick_labels
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    let left = (label_w + 16.0).max(40.0);
    let right = w - 10.0;
    let bottom = h - (font + 14.0);
    let plot_h = (bottom - top).max(40.0);
    let plot_w = (right - left).max(40.0);
    let y_of = |v: Rupiah| bottom - axis.position(v) * plot_h;

    // Bands and their thresholds.
    let mut band_labels = String::new();
    for (i, b) in spec.bands.iter().enumerate() {
        let lo = b.lower.map(|v| v.max(axis.min)).unwrap_or(axis.min);
        let hi = b.upper.map(|v| v.min(axis.max)).unwrap_or(axis.max);
        if b.lower.is_some_and(|v| v >= axis.max) || b.upper.is_some_and(|v| v <= axis.min) {
            continue;
        }
        let (y1, y2) = (y_of(hi), y_of(lo));
        if y2 - y1 < 0.5 {
            continue;
        }
        let _ = write!(
            s,
            r#"<rect x="{left:.1}" y="{y1:.1}" width="{plot_w:.1}" height="{bh:.1}" fill="{fill}"/>"#,
            bh = y2 - y1,
            fill = BAND_FILLS[i % BAND_FILLS.len()]
        );
        if y2 - y1 >= font + 6.0 {
            // Drawn after the series, with a white halo, so bars never hide them.
            let _ = write!(
                band_labels,
                r##"<text x="{x:.1}" y="{y:.1}" text-anchor="end" fill="{INK}" font-size="{fs}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                esc(&b.label),
                x = right - 6.0,
                y = y1 + font + 2.0,
                fs = font - 1.0
            );
        }
        if let Some(u) = b.upper {
            if u > axis.min && u < axis.max {
                let yl = y_of(u);
                let _ = write!(
                    s,
                    r##"<line x1="{left:.1}" y1="{yl:.1}" x2="{right:.1}" y2="{yl:.1}" stroke="#6b7b77" stroke-width="1" stroke-dasharray="4 3"/>"##
                );
            }
        }
    }

    // Ticks and grid lines.
    for (t, label) in axis.ticks.iter().zip(&tick_labels) {
        let y = y_of(*t);
        let _ = write!(
            s,
            r##"<line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="#d5dcda" stroke-width="1"/><text x="{tx:.1}" y="{ty:.1}" text-anchor="end" fill="{INK}">{}</text>"##,
            esc(label),
            tx = left - 6.0,
            ty = y + font * 0.35
        );
    }
    let _ = write!(
        s,
        r#"<line x1="{left:.1}" y1="{bottom:.1}" x2="{right:.1}" y2="{bottom:.1}" stroke="{INK}" stroke-width="1"/>"#
    );

    // Years.
    let years: Vec<i32> = spec
        .series
        .iter()
        .flat_map(|se| se.points.iter().map(|p| p.0))
        .collect();
    let (y_min, y_max) = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (0, -1),
    };
    let n = if y_max >= y_min {
        (i64::from(y_max) - i64::from(y_min) + 1).min(200) as usize
    } else {
        0
    };
    if n > 0 {
        let slot = plot_w / n as f64;
        let x_of = |year: i32| left + ((year - y_min) as f64 + 0.5) * slot;
        let every = ((text_width("0000", font) + 10.0) / slot).ceil().max(1.0) as usize;
        for i in 0..n {
            // Label from the last year back, so the final year is shown.
            if (n - 1 - i) % every != 0 {
                continue;
            }
            let year = y_min + i as i32;
            // Kept inside the drawing at both ends.
            let half = text_width("0000", font) / 2.0 + 2.0;
            let _ = write!(
                s,
                r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="{INK}">{year}</text>"#,
                x = x_of(year).clamp(half, w - half),
                y = bottom + font + 6.0
            );
        }

        match spec.kind {
            Kind::Bars => {
                let k = spec.series.len().max(1) as f64;
                let group = (slot * 0.7).min(64.0 * k);
                let bar = group / k;
                for (si, se) in spec.series.iter().enumerate() {
                    let colour = SERIES_COLOURS[si % SERIES_COLOURS.len()];
                    for (year, v) in &se.points {
                        let x = x_of(*year) - group / 2.0 + bar * si as f64;
                        let y = y_of(*v);
                        let link = (si == 0)
                            .then(|| extras.links.iter().find(|l| l.0 == *year))
                            .flatten();
                        if let Some((_, href, name)) = link {
                            // The whole slot is the target, so a small bar is
                            // as easy to hit as a tall one.
                            let _ = write!(
                                s,
                                r#"<a href="{}" aria-label="{}" class="bar-link"><rect class="bar-hit" x="{sx:.1}" y="{top:.1}" width="{sw:.1}" height="{sh:.1}" fill="transparent"/>"#,
                                esc(href),
                                esc(name),
                                sx = x_of(*year) - slot / 2.0,
                                sw = slot,
                                sh = (bottom - top).max(0.0)
                            );
                        }
                        let _ = write!(
                            s,
                            r#"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{colour}"><title>{year}: {}</title></rect>"#,
                            esc(&format_short(*v, lang)),
                            bw = (bar - 1.0).max(1.0),
                            bh = (bottom - y).max(0.0)
                        );
                        if link.is_some() {
                            s.push_str("</a>");
                        }
                    }
                }
            }
            Kind::Lines => {
                for (si, se) in spec.series.iter().enumerate() {
                    let colour = SERIES_COLOURS[si % SERIES_COLOURS.len()];
                    let dash = SERIES_DASH[si % SERIES_DASH.len()];
                    let pts: Vec<String> = se
                        .points
                        .iter()
                        .map(|(year, v)| format!("{:.1},{:.1}", x_of(*year), y_of(*v)))
                        .collect();
                    let _ = write!(
                        s,
                        r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}" stroke-linejoin="round"/>"#,
                        pts.join(" ")
                    );
                    if slot >= 7.0 {
                        for (year, v) in &se.points {
                            let _ = write!(
                                s,
                                "<g>{}<title>{}: {year}: {}</title></g>",
                                marker(si, x_of(*year), y_of(*v), colour),
                                esc(&se.name),
                                esc(&format_short(*v, lang))
                            );
                        }
                    }
                }
            }
        }
    }

    s.push_str(&band_labels);

    // Notes above the tallest value of their year.
    if n > 0 {
        let slot = plot_w / n as f64;
        for (year, text) in &extras.notes {
            let tallest = spec
                .series
                .iter()
                .flat_map(|se| se.points.iter().filter(|p| p.0 == *year).map(|p| p.1))
                .max();
            let Some(v) = tallest else { continue };
            let x = left + ((year - y_min) as f64 + 0.5) * slot;
            // Smaller type when the slot is narrow, so neighbours never
            // overlap (bold runs about 8 % wider than the estimate).
            let fit = (slot - 6.0) / (text_width(text, 1.0) * 1.08).max(1.0);
            let size = fit.min(font).max(8.0);
            let _ = write!(
                s,
                r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="{INK}" font-size="{size:.1}" font-weight="600" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
                esc(text),
                y = y_of(v) - 6.0
            );
        }
    }

    if let Some(r) = &spec.reference {
        let y = y_of(r.value);
        let _ = write!(
            s,
            r#"<line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="{TARGET}" stroke-width="2" stroke-dasharray="5 4"/>"#
        );
    }
    s.push_str("</svg>");
    s
}

/// A point marker whose shape differs per series (not only its colour).
fn marker(i: usize, x: f64, y: f64, colour: &str) -> String {
    match i % 3 {
        0 => format!(
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{colour}" stroke="#fff" stroke-width="1"/>"##
        ),
        1 => format!(
            r##"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{colour}" stroke="#fff" stroke-width="1"/>"##,
            x - 4.0,
            y - 4.0
        ),
        _ => format!(
            r##"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" fill="{colour}" stroke="#fff" stroke-width="1"/>"##,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0
        ),
    }
}

/// The chart at the width of its container, redrawn when the window is
/// resized or the spec changes.
///
/// `extras` adds links and notes to the bars ([`Extras`]); a link click
/// navigates inside the app. `zoom` draws at 1/zoom of the width and lets
/// the browser scale the drawing up, so type is `zoom` times larger (the
/// presentation's shared screen). `fill_height` takes the container's
/// height instead of one derived from the width (the container must have
/// one).
/// The size of an element's content box, kept current with a
/// ResizeObserver: a chart is redrawn when its container changes width for
/// any reason (window resize, a scrollbar appearing, a layout that settles
/// after the chart mounted), not only on window resize.
pub fn use_size(node: NodeRef<leptos::html::Div>, track_height: bool) -> RwSignal<(f64, f64)> {
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::JsCast;
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

/// The width to draw at before the container is measured.
const FALLBACK_WIDTH: f64 = 720.0;

/// The chart at the width of its container, redrawn when the container or
/// the spec changes.
///
/// `extras` adds links and notes to the bars ([`Extras`]); a link click
/// navigates inside the app. `zoom` draws at 1/zoom of the width and lets
/// the browser scale the drawing up, so type is `zoom` times larger (the
/// presentation's shared screen). `fill_height` takes the container's
/// height instead of one derived from the width (the container must have
/// one).
#[component]
pub fn Chart(
    #[prop(into)] spec: Signal<ChartSpec>,
    #[prop(optional, into)] extras: Option<Signal<Extras>>,
    #[prop(optional)] zoom: Option<f64>,
    #[prop(optional)] fill_height: bool,
) -> impl IntoView {
    let zoom = zoom.filter(|z| z.is_finite() && *z >= 1.0).unwrap_or(1.0);
    let wrap = NodeRef::<leptos::html::Div>::new();
    let size = use_size(wrap, fill_height);
    let navigate = leptos_router::hooks::use_navigate();
    let zoomed = zoom > 1.0;
    view! {
        <div class="chart" class:zoomed=zoomed class:fill=fill_height node_ref=wrap
            on:click=move |ev| crate::components::bar_chart::follow_svg_link(&ev, &navigate)
            inner_html=move || {
                let (w, h) = size.get();
                let w = if w > 0.0 { w } else { FALLBACK_WIDTH } / zoom;
                let h = if fill_height && h > 0.0 { h / zoom } else { height_for(w) };
                let extras = extras.map(|e| e.get()).unwrap_or_default();
                spec.with(|s| render_svg_with(s, w, h, false, &extras))
            }></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(series: Vec<Series>) -> ChartSpec {
        ChartSpec {
            id: "t".into(),
            title: "A <title> & more".into(),
            desc: "d".into(),
            y_label: "Sales".into(),
            series,
            bands: vec![
                Band {
                    label: "Mikro".into(),
                    lower: None,
                    upper: Some(Rupiah::miliar(2)),
                },
                Band {
                    label: "Kecil".into(),
                    lower: Some(Rupiah::miliar(2)),
                    upper: Some(Rupiah::miliar(15)),
                },
            ],
            reference: None,
            kind: Kind::Bars,
            lang: Lang::Id,
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn renders_without_nan_and_escapes_text() {
        let se = Series {
            name: "A".into(),
            points: vec![
                (2021, Rupiah::miliar(1)),
                (2022, Rupiah::miliar(5)),
                (2023, Rupiah(i64::MAX)),
            ],
        };
        for kind in [Kind::Bars, Kind::Lines] {
            let mut sp = spec(vec![se.clone()]);
            sp.kind = kind;
            let svg = render_svg(&sp, 360.0, 300.0, true);
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(svg.contains("&lt;title&gt; &amp; more"));
            assert!(svg.contains("logaritmik"));
        }
        assert_eq!(wrap("a bb ccc", 1000.0, 12.0), vec!["a bb ccc"]);
        assert_eq!(wrap("a bb ccc", 20.0, 12.0), vec!["a", "bb", "ccc"]);
        let empty = render_svg(&spec(vec![]), 360.0, 300.0, false);
        assert!(!empty.contains("NaN"));
    }
}
