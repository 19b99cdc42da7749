//! The SVG charts are built as strings and inserted as markup (inner_html),
//! so every text in them must be escaped. Here each chart is built with
//! hostile names (`</text><script>`, an `<img onerror>`, quotes, RTL
//! overrides, zero-width characters), inserted the way the app inserts it,
//! and the DOM checked: no element came from the text, and the text reads
//! back literally.
#![cfg(target_arch = "wasm32")]

use kemitraan::components::bar_chart::{render_bars, BarRow, BarSpec};
use kemitraan::components::chart::{render_svg, Band, ChartSpec, Kind, Series};
use kemitraan_core::{Lang, Rupiah};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const HOSTILE: [&str; 6] = [
    "</text><script>window.__xss='svg'</script>",
    r#"<img src=x onerror="window.__xss='img'">"#,
    r#"" onload="window.__xss='attr'" x=""#,
    "' /><foreignObject><div>x</div></foreignObject>",
    "\u{202E}kitsaP\u{202C} Z\u{200B}e\u{200D}r\u{FEFF}o 👩\u{200D}👧",
    "&amp; &lt;b&gt; ]]> <!-- -->",
];

/// Inserts `svg` as the app does and checks the DOM it made.
fn check(svg: &str, must_read: &[&str]) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.set_inner_html(svg);
    for bad in [
        "script",
        "img",
        "foreignObject",
        "div",
        "[onload]",
        "[onerror]",
    ] {
        assert!(
            div.query_selector(bad).unwrap().is_none(),
            "a hostile name made a {bad} element:\n{svg}"
        );
    }
    let first = div.first_element_child().expect("no element");
    assert_eq!(first.tag_name(), "svg", "{svg}");
    assert!(first.next_element_sibling().is_none(), "not one svg: {svg}");
    let text = div.text_content().unwrap_or_default();
    for s in must_read {
        assert!(text.contains(s), "{s:?} not shown literally in {text:?}");
    }
    let window = web_sys::window().unwrap();
    let xss = js_sys::Reflect::get(&window, &"__xss".into()).unwrap();
    assert!(xss.is_undefined(), "a hostile name ran code: {xss:?}");
    div.remove();
}

#[wasm_bindgen_test]
fn line_and_bar_charts_escape_every_text() {
    for (i, h) in HOSTILE.iter().enumerate() {
        let spec = ChartSpec {
            id: format!("h{i}"),
            title: h.to_string(),
            desc: h.to_string(),
            y_label: h.to_string(),
            series: vec![Series {
                name: h.to_string(),
                points: vec![(2021, Rupiah(1_000_000)), (2022, Rupiah(5_000_000))],
            }],
            bands: vec![Band {
                label: h.to_string(),
                lower: None,
                upper: Some(Rupiah(2_000_000)),
            }],
            reference: None,
            kind: Kind::Lines,
            lang: Lang::Id,
        };
        for kind in [Kind::Lines, Kind::Bars] {
            let spec = ChartSpec {
                kind,
                ..spec.clone()
            };
            check(&render_svg(&spec, 640.0, 360.0, false), &[]);
            check(&render_svg(&spec, 640.0, 360.0, true), &[]);
        }
    }
}

#[wasm_bindgen_test]
fn bar_rows_escape_labels_notes_and_links() {
    for h in HOSTILE {
        let spec = BarSpec {
            id: "hb".into(),
            title: h.to_string(),
            desc: h.to_string(),
            rows: vec![BarRow {
                label: h.to_string(),
                magnitude: 10,
                value_text: h.to_string(),
                note: h.to_string(),
                href: Some(format!("/mitra?q={h}")),
                spoken: h.to_string(),
            }],
        };
        for w in [375.0, 1280.0] {
            let (svg, _) = render_bars(&spec, w);
            // Wide enough for the label on one line: it reads back whole.
            let whole = [h.trim()];
            check(
                &svg,
                if w > 1000.0 && !h.contains(' ') {
                    &whole
                } else {
                    &[]
                },
            );
        }
    }
}
