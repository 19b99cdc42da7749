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

use crate::components::svg::{
    esc, follow_svg_link, text_width, use_size, wrap, FONT, INK, MUTED, SERIES_COLOURS,
};
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

const SERIES_DASH: [&str; 4] = ["", "7 4", "2 3", "10 3 2 3"];
const BAND_FILLS: [&str; 4] = ["#f3f7f6", "#e4f0ec", "#d3e8e1", "#c3e0d6"];
const TARGET: &str = "#a4262c";

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
    let w = width.max(240.0);
    let h = height.max(200.0);
    let font = if w < 520.0 { 12.0 } else { 13.0 };
    let mut s = String::new();
    open_svg(
        &mut s,
        spec,
        (w, h),
        font,
        standalone,
        !extras.links.is_empty(),
    );

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
    top = draw_legend(&mut s, spec, w, font, top);

    let max_ticks = if h < 320.0 { 5 } else { 6 };
    let axis = value_axis(spec, max_ticks);
    let tick_labels: Vec<String> = axis
        .ticks
        .iter()
        .map(|t| format_short(*t, spec.lang))
        .collect();
    top = draw_caption(&mut s, spec, axis.log, w, font, top);
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
    let plot = Plot {
        left,
        right,
        top,
        bottom,
        width: (right - left).max(40.0),
        height: (bottom - top).max(40.0),
        axis,
        font,
    };

    let band_labels = draw_bands(&mut s, spec, &plot);
    draw_ticks(&mut s, &plot, &tick_labels);
    let years = Years::of(spec, &plot);
    if let Some(years) = &years {
        draw_year_labels(&mut s, years, &plot, w);
        match spec.kind {
            Kind::Bars => draw_bars(&mut s, spec, extras, years, &plot),
            Kind::Lines => draw_lines(&mut s, spec, years, &plot),
        }
    }
    s.push_str(&band_labels);
    if let Some(years) = &years {
        draw_notes(&mut s, spec, extras, years, &plot);
    }
    if let Some(r) = &spec.reference {
        let y = plot.y_of(r.value);
        let _ = write!(
            s,
            r#"<line x1="{left:.1}" y1="{y:.1}" x2="{right:.1}" y2="{y:.1}" stroke="{TARGET}" stroke-width="2" stroke-dasharray="5 4"/>"#
        );
    }
    s.push_str("</svg>");
    s
}

/// The plot area in SVG units and the value axis drawn in it.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    width: f64,
    height: f64,
    axis: Axis,
    font: f64,
}

impl Plot {
    /// The vertical position of an amount.
    fn y_of(&self, v: Rupiah) -> f64 {
        self.bottom - self.axis.position(v) * self.height
    }
}

/// The years on the horizontal axis: one slot per year from the first to
/// the last of any series (at most 200).
struct Years {
    first: i32,
    count: usize,
    slot: f64,
    left: f64,
}

impl Years {
    /// `None` when no series has a point.
    fn of(spec: &ChartSpec, plot: &Plot) -> Option<Years> {
        let years = spec
            .series
            .iter()
            .flat_map(|se| se.points.iter().map(|p| p.0));
        let (first, last) = years.fold(None, |acc: Option<(i32, i32)>, y| match acc {
            None => Some((y, y)),
            Some((a, b)) => Some((a.min(y), b.max(y))),
        })?;
        let count = (i64::from(last) - i64::from(first) + 1).min(200) as usize;
        Some(Years {
            first,
            count,
            slot: plot.width / count as f64,
            left: plot.left,
        })
    }

    /// The centre of a year's slot.
    fn x_of(&self, year: i32) -> f64 {
        self.left + ((year - self.first) as f64 + 0.5) * self.slot
    }
}

/// The `<svg>` element, its `<title>` and `<desc>`, and for a standalone
/// file a white background. With links the drawing is a `group`, else an
/// `img`.
fn open_svg(
    s: &mut String,
    spec: &ChartSpec,
    (w, h): (f64, f64),
    font: f64,
    standalone: bool,
    links: bool,
) {
    let title_id = format!("{}-title", spec.id);
    let desc_id = format!("{}-desc", spec.id);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="{role}" aria-labelledby="{title_id} {desc_id}" font-family="{font_family}" font-size="{font}">"#,
        font_family = esc(FONT),
        role = if links { "group" } else { "img" },
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
}

/// The legend (series and reference line), wrapping across lines, when
/// there is more than one thing to tell apart. Returns the new top.
fn draw_legend(s: &mut String, spec: &ChartSpec, w: f64, font: f64, top: f64) -> f64 {
    let show_legend = spec.series.len() > 1 || spec.reference.is_some();
    if !show_legend {
        return top;
    }
    let mut legend: Vec<(String, usize, bool)> = spec
        .series
        .iter()
        .enumerate()
        .map(|(i, se)| (se.name.clone(), i, false))
        .collect();
    if let Some(r) = &spec.reference {
        legend.push((r.label.clone(), 0, true));
    }
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
    y + 10.0
}

/// The value axis for every point, the reference line and the bands'
/// thresholds.
fn value_axis(spec: &ChartSpec, max_ticks: usize) -> Axis {
    let mut values: Vec<Rupiah> = spec
        .series
        .iter()
        .flat_map(|se| se.points.iter().map(|p| p.1))
        .collect();
    if let Some(r) = &spec.reference {
        values.push(r.value);
    }
    let thresholds: Vec<Rupiah> = spec.bands.iter().filter_map(|b| b.upper).collect();
    Axis::for_values(&values, &thresholds, max_ticks)
}

/// The axis caption above the plot (saying when the scale is logarithmic).
/// Returns the new top.
fn draw_caption(
    s: &mut String,
    spec: &ChartSpec,
    log: bool,
    w: f64,
    font: f64,
    mut top: f64,
) -> f64 {
    let caption = if log {
        format!(
            "{} — {}",
            spec.y_label,
            pick(
                spec.lang,
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
    top
}

/// The bands and their threshold lines. Returns the band labels, which are
/// drawn after the series (with a white halo) so bars never hide them.
fn draw_bands(s: &mut String, spec: &ChartSpec, plot: &Plot) -> String {
    let Plot {
        left,
        right,
        width: plot_w,
        font,
        ref axis,
        ..
    } = *plot;
    let mut band_labels = String::new();
    for (i, b) in spec.bands.iter().enumerate() {
        let lo = b.lower.map(|v| v.max(axis.min)).unwrap_or(axis.min);
        let hi = b.upper.map(|v| v.min(axis.max)).unwrap_or(axis.max);
        if b.lower.is_some_and(|v| v >= axis.max) || b.upper.is_some_and(|v| v <= axis.min) {
            continue;
        }
        let (y1, y2) = (plot.y_of(hi), plot.y_of(lo));
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
                let yl = plot.y_of(u);
                let _ = write!(
                    s,
                    r##"<line x1="{left:.1}" y1="{yl:.1}" x2="{right:.1}" y2="{yl:.1}" stroke="#6b7b77" stroke-width="1" stroke-dasharray="4 3"/>"##
                );
            }
        }
    }
    band_labels
}

/// Tick labels, grid lines and the base line.
fn draw_ticks(s: &mut String, plot: &Plot, tick_labels: &[String]) {
    let Plot {
        left,
        right,
        bottom,
        font,
        ..
    } = *plot;
    for (t, label) in plot.axis.ticks.iter().zip(tick_labels) {
        let y = plot.y_of(*t);
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
}

/// The year labels under the plot: as many as fit, counted from the last
/// year back so the final year is shown, kept inside the drawing.
fn draw_year_labels(s: &mut String, years: &Years, plot: &Plot, w: f64) {
    let font = plot.font;
    let n = years.count;
    let every = ((text_width("0000", font) + 10.0) / years.slot)
        .ceil()
        .max(1.0) as usize;
    let half = text_width("0000", font) / 2.0 + 2.0;
    for i in 0..n {
        if !(n - 1 - i).is_multiple_of(every) {
            continue;
        }
        let year = years.first + i as i32;
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="{INK}">{year}</text>"#,
            x = years.x_of(year).clamp(half, w - half),
            y = plot.bottom + font + 6.0
        );
    }
}

/// The bars, grouped by year; with links, the first series' bars open
/// their year's link and the whole slot is the target.
fn draw_bars(s: &mut String, spec: &ChartSpec, extras: &Extras, years: &Years, plot: &Plot) {
    let (top, bottom, slot) = (plot.top, plot.bottom, years.slot);
    let k = spec.series.len().max(1) as f64;
    let group = (slot * 0.7).min(64.0 * k);
    let bar = group / k;
    for (si, se) in spec.series.iter().enumerate() {
        let colour = SERIES_COLOURS[si % SERIES_COLOURS.len()];
        for (year, v) in &se.points {
            let x = years.x_of(*year) - group / 2.0 + bar * si as f64;
            let y = plot.y_of(*v);
            let link = (si == 0)
                .then(|| extras.links.iter().find(|l| l.0 == *year))
                .flatten();
            if let Some((_, href, name)) = link {
                // The whole slot is the target, so a small bar is as easy
                // to hit as a tall one.
                let _ = write!(
                    s,
                    r#"<a href="{}" aria-label="{}" class="bar-link"><rect class="bar-hit" x="{sx:.1}" y="{top:.1}" width="{sw:.1}" height="{sh:.1}" fill="transparent"/>"#,
                    esc(href),
                    esc(name),
                    sx = years.x_of(*year) - slot / 2.0,
                    sw = slot,
                    sh = (bottom - top).max(0.0)
                );
            }
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{bw:.1}" height="{bh:.1}" fill="{colour}"><title>{year}: {}</title></rect>"#,
                esc(&format_short(*v, spec.lang)),
                bw = (bar - 1.0).max(1.0),
                bh = (bottom - y).max(0.0)
            );
            if link.is_some() {
                s.push_str("</a>");
            }
        }
    }
}

/// One line per series, with a marker per point when the slots are wide
/// enough to tell them apart.
fn draw_lines(s: &mut String, spec: &ChartSpec, years: &Years, plot: &Plot) {
    for (si, se) in spec.series.iter().enumerate() {
        let colour = SERIES_COLOURS[si % SERIES_COLOURS.len()];
        let dash = SERIES_DASH[si % SERIES_DASH.len()];
        let pts: Vec<String> = se
            .points
            .iter()
            .map(|(year, v)| format!("{:.1},{:.1}", years.x_of(*year), plot.y_of(*v)))
            .collect();
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}" stroke-linejoin="round"/>"#,
            pts.join(" ")
        );
        if years.slot >= 7.0 {
            for (year, v) in &se.points {
                let _ = write!(
                    s,
                    "<g>{}<title>{}: {year}: {}</title></g>",
                    marker(si, years.x_of(*year), plot.y_of(*v), colour),
                    esc(&se.name),
                    esc(&format_short(*v, spec.lang))
                );
            }
        }
    }
}

/// The notes above the tallest value of their year, in smaller type when
/// the slot is narrow so neighbours never overlap.
fn draw_notes(s: &mut String, spec: &ChartSpec, extras: &Extras, years: &Years, plot: &Plot) {
    for (year, text) in &extras.notes {
        let tallest = spec
            .series
            .iter()
            .flat_map(|se| se.points.iter().filter(|p| p.0 == *year).map(|p| p.1))
            .max();
        let Some(v) = tallest else { continue };
        // Bold runs about 8 % wider than the estimate.
        let fit = (years.slot - 6.0) / (text_width(text, 1.0) * 1.08).max(1.0);
        let size = fit.min(plot.font).max(8.0);
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="{INK}" font-size="{size:.1}" font-weight="600" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
            esc(text),
            x = years.x_of(*year),
            y = plot.y_of(v) - 6.0
        );
    }
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
            on:click=move |ev| follow_svg_link(&ev, &navigate)
            inner_html=move || {
                let (w, h) = size.get();
                // Drawn once the container is measured (in the same task,
                // before a paint: `use_size`), not first at a guessed width
                // and again at the real one.
                if w <= 0.0 {
                    return String::new();
                }
                let w = w / zoom;
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
