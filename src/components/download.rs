//! Files made in the browser: a Blob, an object URL and a temporary
//! `<a download>` that is clicked and removed. Nothing goes to a server.
//!
//! Every download button is a [`DownloadButton`], so a failure is handled
//! one way everywhere: a message the user sees beside the button (and the
//! cause on the console for whoever debugs it).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `blob` as a file named `filename`.
pub fn download_blob(blob: &Blob, filename: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    let url = Url::create_object_url_with_blob(blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn text_blob(text: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &bag)
}

/// Offers `text` (encoded as UTF-8) as a file.
pub fn download_text(text: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    download_blob(&text_blob(text, mime)?, filename)
}

/// Draws an SVG document onto a canvas at `scale` times its size and offers
/// it as a PNG. Asynchronous: the image has to load first, so a failure
/// after that goes to `report` too.
pub fn download_svg_as_png(
    svg: &str,
    (width, height): (u32, u32),
    scale: u32,
    filename: &str,
    report: DownloadReport,
) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let svg_url =
        Url::create_object_url_with_blob(&text_blob(svg, "image/svg+xml;charset=utf-8")?)?;
    let img = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let filename = filename.to_string();
    let img2 = img.clone();
    let url2 = svg_url.clone();
    let onload = Closure::once(move || {
        let draw = || -> Result<(), JsValue> {
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context"))?
                .dyn_into()?;
            ctx.scale(f64::from(scale), f64::from(scale))?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            let _ = Url::revoke_object_url(&url2);
            let on_blob = Closure::once(move |blob: JsValue| {
                report.report(
                    blob.dyn_into::<Blob>()
                        .map_err(|_| JsValue::from_str("no PNG from the canvas"))
                        .and_then(|blob| download_blob(&blob, &filename)),
                );
            });
            canvas.to_blob(on_blob.as_ref().unchecked_ref())?;
            on_blob.forget();
            Ok(())
        };
        if let Err(e) = draw() {
            report.report(Err(e));
        }
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&svg_url);
    Ok(())
}

/// Where a download reports how it went; given to the button's `make`,
/// which may finish later (after a fetch).
#[derive(Clone, Copy)]
pub struct DownloadReport(RwSignal<bool>);

impl DownloadReport {
    /// Shows the failure message when `result` is an error, and hides it
    /// when a later try succeeds.
    pub fn report(self, result: Result<(), JsValue>) {
        if let Err(e) = &result {
            web_sys::console::warn_1(e);
        }
        self.0.set(result.is_err());
    }
}

/// A button that makes a file in the browser and offers it. `make` builds
/// the file and passes the outcome to the [`DownloadReport`]; a failure
/// shows "Berkas tidak dapat dibuat di peramban ini." after the button.
#[component]
pub fn DownloadButton(
    /// The button's text, Indonesian and English.
    label: (&'static str, &'static str),
    /// Makes and offers the file.
    #[prop(into)]
    make: Callback<DownloadReport>,
    /// Extra classes beside `button secondary`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let report = DownloadReport(failed);
    let class = format!("button secondary {class}").trim_end().to_string();
    view! {
        <button type="button" class=class on:click=move |_| make.run(report)>
            {crate::i18n::txt(label.0, label.1)}
        </button>
        <Show when=move || failed.get()>
            <p class="sim-error" role="alert">{crate::i18n::txt(
                "Berkas tidak dapat dibuat di peramban ini.",
                "The file could not be made in this browser.",
            )}</p>
        </Show>
    }
}
