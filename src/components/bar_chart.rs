//! A horizontal bar chart for categories (provinces, sectors, patterns, size
//! classes): one row per category, largest first where the caller sorts so,
//! each row a link to the list it counts.
//!
//! Like [`crate::components::chart`], the SVG is built as a string
//! ([`render_bars`]) and drawn at the width of its container (1 SVG unit =
//! 1 CSS pixel). The chart grows downwards, never sideways: 38 provinces at
//! 375 px are 38 rows of a page that scrolls vertically. From 560 px the
//! label stands left of its bar; below, above it. Long labels wrap.
//!
//! Every row is an `<a href>` with an accessible name that says the figures
//! (the drawing is a `role="group"` of links, not an image), reachable with
//! Tab; [`follow_svg_link`](crate::components::svg::follow_svg_link) makes a click navigate inside the app, since
//! the router only intercepts HTML anchors. Amounts arrive formatted by
//! `kemitraan_core::money`; only the bar lengths are floats.

use std::fmt::Write;

use leptos::prelude::*;

use crate::components::svg::{
    esc, follow_svg_link, text_width, use_size, wrap, FONT, INK, MUTED, SERIES_COLOURS,
};

/// One bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarRow {
    pub label: String,
    /// The bar's length in the chart's unit (rupiah, a count); negative
    /// values draw as zero.
    pub magnitude: i64,
    /// The value written after the bar, e.g. "Rp1,2 T".
    pub value_text: String,
    /// A second, quieter figure after the value, e.g. "67 perjanjian".
    pub note: String,
    pub href: Option<String>,
    /// Said after the visible text by a screen reader, e.g. the amount in
    /// words ("Rp621 miliar" for "Rp621 M"). The accessible name starts with
    /// the visible text, so voice control finds the link by what it shows.
    pub spoken: String,
}

impl BarRow {
    /// The text on screen, in reading order: label, value, note.
    pub fn visible(&self) -> String {
        if self.note.is_empty() {
            format!("{} {}", self.label, self.value_text)
        } else {
            format!("{} {} · {}", self.label, self.value_text, self.note)
        }
    }

    /// The accessible name: the visible text, then [`BarRow::spoken`].
    pub fn name(&self) -> String {
        if self.spoken.is_empty() {
            self.visible()
        } else {
            format!("{} ({})", self.visible(), self.spoken)
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarSpec {
    /// Prefix of the element ids; unique on the page.
    pub id: String,
    pub title: String,
    pub desc: String,
    pub rows: Vec<BarRow>,
}

const LINK: &str = "#0b5d4b";
const TRACK: &str = "#eef2f1";

/// The bar's share of the longest, as a fraction for a pixel length.
fn share(v: i64, max: i64) -> f64 {
    if max <= 0 || v <= 0 {
        return 0.0;
    }
    // Per ten thousand in integers, then a float only for the pixels.
    let per_10k = i128::from(v) * 10_000 / i128::from(max);
    per_10k as f64 / 10_000.0
}

/// The chart and its height for a width.
pub fn render_bars(spec: &BarSpec, width: f64) -> (String, f64) {
    let w = width.max(240.0);
    let wide = w >= 560.0;
    let font = if wide { 14.0 } else { 13.0 };
    let line_h = font + 4.0;
    let pad = 8.0;
    let bar_h = if wide { 18.0 } else { 14.0 };
    let max = spec.rows.iter().map(|r| r.magnitude).max().unwrap_or(0);

    // The widest "value · note" decides how much room bars leave on the right.
    // Bold digits run wider than the estimate for regular text
    // (and capitals such as "UMKM" wider still).
    let bold = |t: &str| text_width(t, font) * 1.2;
    let note_font = font - 1.0;
    // Wide: "value · note" after the bar. Narrow: the value after the bar
    // and the note at the right end of the label's line, so the bar keeps
    // most of a phone's width.
    let tail_w = spec
        .rows
        .iter()
        .map(|r| {
            if wide && !r.note.is_empty() {
                bold(&r.value_text) + text_width(&format!(" · {}", r.note), font)
            } else {
                bold(&r.value_text)
            }
        })
        .fold(0.0, f64::max)
        .min(w * 0.6)
        + 14.0;
    let label_w = if wide {
        spec.rows
            .iter()
            .map(|r| text_width(&r.label, font))
            .fold(0.0, f64::max)
            .min(w * 0.34)
    } else {
        w - 2.0 * pad
    };
    let bar_x = if wide { pad + label_w + 12.0 } else { pad };
    let bar_max = (w - pad - tail_w - bar_x).max(24.0);

    let mut body = String::new();
    let mut y = 4.0;
    for (i, r) in spec.rows.iter().enumerate() {
        let note_w = if wide || r.note.is_empty() {
            0.0
        } else {
            text_width(&r.note, note_font) + 12.0
        };
        let lines = wrap(&r.label, label_w - note_w, font);
        let lines = if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        };
        let label_h = lines.len() as f64 * line_h;
        let row_h = if wide {
            label_h.max(bar_h) + 12.0
        } else {
            label_h + bar_h + 14.0
        };
        let (open, close) = match &r.href {
            Some(href) => (
                format!(
                    r#"<a href="{}" aria-label="{}" class="bar-row">"#,
                    esc(href),
                    esc(&r.name())
                ),
                "</a>",
            ),
            None => (r#"<g class="bar-row">"#.to_string(), "</g>"),
        };
        body.push_str(&open);
        let _ = write!(
            body,
            r#"<rect class="bar-hit" x="1.5" y="{y:.1}" width="{hw:.1}" height="{row_h:.1}" rx="4" fill="transparent"/>"#,
            hw = w - 3.0
        );
        let label_fill = if r.href.is_some() { LINK } else { INK };
        let label_top = if wide {
            y + (row_h - label_h) / 2.0
        } else {
            y + 6.0
        };
        for (j, line) in lines.iter().enumerate() {
            // The trailing space keeps words apart in the element's text
            // (what assistive technology reads), and does not show.
            let _ = write!(
                body,
                r#"<text class="bar-label" x="{pad:.1}" y="{ty:.1}" fill="{label_fill}">{} </text>"#,
                esc(line),
                ty = label_top + j as f64 * line_h + font * 0.95
            );
        }
        let bar_y = if wide {
            y + (row_h - bar_h) / 2.0
        } else {
            y + 6.0 + label_h + 2.0
        };
        let len = share(r.magnitude, max) * bar_max;
        let len = if r.magnitude > 0 { len.max(2.0) } else { 0.0 };
        let _ = write!(
            body,
            r#"<rect x="{bar_x:.1}" y="{bar_y:.1}" width="{bar_max:.1}" height="{bar_h:.1}" fill="{TRACK}"/><rect x="{bar_x:.1}" y="{bar_y:.1}" width="{len:.1}" height="{bar_h:.1}" fill="{colour}"/>"#,
            colour = SERIES_COLOURS[0],
        );
        let _ = write!(
            body,
            r#"<text x="{tx:.1}" y="{ty:.1}" fill="{INK}"><tspan font-weight="700">{} </tspan>"#,
            esc(&r.value_text),
            tx = bar_x + len + 6.0,
            ty = bar_y + bar_h / 2.0 + font * 0.35
        );
        if wide && !r.note.is_empty() {
            let _ = write!(body, r#"<tspan fill="{MUTED}">· {}</tspan>"#, esc(&r.note));
        }
        body.push_str("</text>");
        if !wide && !r.note.is_empty() {
            // After the value in the document, so it is read in the same
            // order as the accessible name.
            let _ = write!(
                body,
                r#"<text x="{nx:.1}" y="{ny:.1}" text-anchor="end" fill="{MUTED}" font-size="{note_font}">{}</text>"#,
                esc(&r.note),
                nx = w - pad,
                ny = label_top + font * 0.95
            );
        }
        body.push_str(close);
        // A hairline between rows, for the eye to follow.
        if i + 1 < spec.rows.len() {
            let _ = write!(
                body,
                r##"<line x1="{pad:.1}" y1="{ly:.1}" x2="{lx:.1}" y2="{ly:.1}" stroke="#e3e8e6" stroke-width="1"/>"##,
                ly = y + row_h + 0.5,
                lx = w - pad
            );
        }
        y += row_h + 1.0;
    }
    let h = (y + 4.0).max(40.0);
    let title_id = format!("{}-title", spec.id);
    let desc_id = format!("{}-desc", spec.id);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="group" aria-labelledby="{title_id}" aria-describedby="{desc_id}" font-family="{font_family}" font-size="{font}"><title id="{title_id}">{}</title><desc id="{desc_id}">{}</desc>"#,
        esc(&spec.title),
        esc(&spec.desc),
        font_family = esc(FONT),
    );
    s.push_str(&body);
    s.push_str("</svg>");
    (s, h)
}

/// The chart at the width of its container. `zoom` draws at 1/zoom of the
/// width and lets the browser scale it up (larger type for a shared
/// screen).
#[component]
pub fn BarChart(
    #[prop(into)] spec: Signal<BarSpec>,
    #[prop(optional)] zoom: Option<f64>,
) -> impl IntoView {
    let zoom = zoom.filter(|z| z.is_finite() && *z >= 1.0).unwrap_or(1.0);
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let size = use_size(wrap_ref, false);
    let navigate = leptos_router::hooks::use_navigate();
    let zoomed = zoom > 1.0;
    view! {
        <div class="chart bar-chart" class:zoomed=zoomed node_ref=wrap_ref
            on:click=move |ev| follow_svg_link(&ev, &navigate)
            inner_html=move || {
                let w = size.get().0;
                // Drawn once measured, not first at a guessed width (chart.rs).
                if w <= 0.0 {
                    return String::new();
                }
                let w = w / zoom;
                spec.with(|s| render_bars(s, w).0)
            }></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, v: i64, href: Option<&str>) -> BarRow {
        BarRow {
            label: label.into(),
            magnitude: v,
            value_text: format!("Rp{v}"),
            note: "3 perjanjian".into(),
            href: href.map(str::to_string),
            spoken: format!("{v} rupiah"),
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn rows_are_links_and_text_is_escaped() {
        let spec = BarSpec {
            id: "b".into(),
            title: "A & B".into(),
            desc: "d".into(),
            rows: vec![
                row(
                    "Jawa <Barat>",
                    100,
                    Some("/perjanjian?provinsi_umkm=32&x=1"),
                ),
                row("Nol", 0, None),
                row("Negatif", -5, Some("/x")),
            ],
        };
        for w in [375.0, 1280.0] {
            let (svg, h) = render_bars(&spec, w);
            assert!(h > 40.0);
            assert!(!svg.contains("NaN") && !svg.contains("inf"));
            assert!(svg.contains("A &amp; B"));
            assert!(svg.contains("Jawa &lt;Barat&gt;"));
            assert!(svg.contains(r#"href="/perjanjian?provinsi_umkm=32&amp;x=1""#));
            assert_eq!(svg.matches("<a ").count(), 2);
            assert!(svg.contains(r#"role="group""#));
            assert!(svg
                .contains(r#"aria-label="Jawa &lt;Barat&gt; Rp100 · 3 perjanjian (100 rupiah)""#));
        }
        assert_eq!(share(5, 10), 0.5);
        assert_eq!(share(5, 0), 0.0);
        assert_eq!(share(-1, 10), 0.0);
        assert_eq!(share(i64::MAX, i64::MAX), 1.0);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn many_rows_grow_downwards() {
        let spec = BarSpec {
            id: "p".into(),
            title: "t".into(),
            desc: "d".into(),
            rows: (0..38)
                .map(|i| row("Kepulauan Bangka Belitung", i * 1_000, Some("/p")))
                .collect(),
        };
        let (svg, h) = render_bars(&spec, 375.0);
        assert!(svg.contains(r#"width="375""#));
        assert!(h > 38.0 * 30.0, "{h}");
        let (_, wide) = render_bars(&spec, 1200.0);
        assert!(wide < h);
    }
}
