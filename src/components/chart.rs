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

const SERIES_COLOURS: [&str; 4] = ["#0b5d4b", "#b45309", "#6d28d9", "#1a56db"];
const SERIES_DASH: [&str; 4] = ["", "7 4", "2 3", "10 3 2 3"];
const BAND_FILLS: [&str; 4] = ["#f3f7f6", "#e4f0ec", "#d3e8e1", "#c3e0d6"];
const INK: &str = "#17211f";
const MUTED: &str = "#4d5b58";
const TARGET: &str = "#a4262c";
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

fn esc(s: &str) -> String {
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
fn text_width(s: &str, font: f64) -> f64 {
    s.chars().count() as f64 * font * 0.58
}

/// Splits `text` into lines of at most about `max_width` at spaces.
fn wrap(text: &str, max_width: f64, font: f64) -> Vec<String> {
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

/// The chart as a standalone SVG document fragment. `standalone` adds the
/// XML namespace, a white background and the title as visible text, for the
/// downloaded file.
pub fn render_svg(spec: &ChartSpec, width: f64, height: f64, standalone: bool) -> String {
    let lang = spec.lang;
    let w = width.max(240.0);
    let h = height.max(200.0);
    let font = if w < 520.0 { 12.0 } else { 13.0 };
    let mut s = String::new();
    let title_id = format!("{}-title", spec.id);
    let desc_id = format!("{}-desc", spec.id);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="{title_id} {desc_id}" font-family="{font_family}" font-size="{font}">"#,
        font_family = esc(FONT),
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
                        let _ = write!(
                            s,
                            r#"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{colour}"><title>{year}: {}</title></rect>"#,
                            esc(&format_short(*v, lang)),
                            bw = (bar - 1.0).max(1.0),
                            bh = (bottom - y).max(0.0)
                        );
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
#[component]
pub fn Chart(#[prop(into)] spec: Signal<ChartSpec>) -> impl IntoView {
    let wrap = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(720.0_f64);
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    view! {
        <div class="chart" node_ref=wrap inner_html=move || {
            let w = width.get();
            spec.with(|s| render_svg(s, w, height_for(w), false))
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

    #[test]
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
