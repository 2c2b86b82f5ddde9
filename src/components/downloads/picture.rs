//! A view's graphic as a picture file: the SVG with its computed styles written
//! in (so it looks the same outside the page), and a PNG drawn from that SVG.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{download_blob, download_bytes, file_stem};
use crate::coordinates::Decimals;

/// The style properties that decide how a chart looks; copied into the file.
const PAINT: [&str; 17] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-opacity",
    "opacity",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "visibility",
    "display",
];

/// "SVG" and "PNG" buttons that save the largest graphic of view `id`.
#[component]
pub fn PictureButtons(#[prop(into)] id: String, #[prop(into)] title: String) -> impl IntoView {
    let stem = file_stem(&title);
    let (svg_id, png_id, svg_stem, png_stem) = (id.clone(), id, stem.clone(), stem);
    view! {
        <button type="button" class="view-tool" on:click=move |_| {
            if let Some(text) = graphic_svg(&svg_id) {
                download_bytes(&format!("{svg_stem}.svg"), "image/svg+xml", text.as_bytes());
            }
        }>"SVG"</button>
        <button type="button" class="view-tool" on:click=move |_| {
            if let Some(text) = graphic_svg(&png_id) {
                save_png(&format!("{png_stem}.png"), text);
            }
        }>"PNG"</button>
    }
}

/// The largest `<svg>` in the view, as a standalone SVG document.
pub fn graphic_svg(view_id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let list = document
        .query_selector_all(&format!("#{view_id} .view__body svg"))
        .ok()?;
    let svg = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .max_by_key(|el| {
            let r = el.get_bounding_client_rect();
            (r.width() * r.height()) as i64
        })?;
    let rect = svg.get_bounding_client_rect();
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    write_styles(&svg, &copy);
    copy.set_attribute("xmlns", "http://www.w3.org/2000/svg")
        .ok()?;
    copy.set_attribute("width", &Decimals(rect.width(), 0).to_string())
        .ok()?;
    copy.set_attribute("height", &Decimals(rect.height(), 0).to_string())
        .ok()?;
    // The page's background behind the chart, so the file reads on its own.
    let background = window()
        .get_computed_style(&document.document_element()?)
        .ok()??
        .get_property_value("background-color")
        .ok()?;
    let backdrop = document
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "rect")
        .ok()?;
    for (name, value) in [
        ("width", "100%"),
        ("height", "100%"),
        ("fill", background.as_str()),
    ] {
        backdrop.set_attribute(name, value).ok()?;
    }
    copy.prepend_with_node_1(&backdrop).ok()?;
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        copy.outer_html()
    ))
}

/// Copies the computed paint of every element of `from` onto the matching
/// element of `to` (a deep clone), as presentation attributes.
fn write_styles(from: &web_sys::Element, to: &web_sys::Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(style)) = window.get_computed_style(from) {
        for property in PAINT {
            if let Ok(value) = style.get_property_value(property)
                && !value.is_empty()
            {
                let _ = to.set_attribute(property, &value);
            }
        }
    }
    to.remove_attribute("class").ok();
    let (a, b) = (from.children(), to.children());
    for i in 0..a.length().min(b.length()) {
        if let (Some(x), Some(y)) = (a.item(i), b.item(i)) {
            write_styles(&x, &y);
        }
    }
}

/// Draws the SVG at twice its size on a canvas and saves it as a PNG.
fn save_png(name: &str, svg: String) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    let name = name.to_owned();
    let (img, source) = (image.clone(), url.clone());
    let onload = Closure::once(move || {
        let (width, height) = (
            img.natural_width().max(1) * 2,
            img.natural_height().max(1) * 2,
        );
        canvas.set_width(width);
        canvas.set_height(height);
        let drawn = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            .and_then(|context| {
                context
                    .draw_image_with_html_image_element_and_dw_and_dh(
                        &img,
                        0.0,
                        0.0,
                        f64::from(width),
                        f64::from(height),
                    )
                    .ok()
            });
        let _ = web_sys::Url::revoke_object_url(&source);
        if drawn.is_some() {
            let save = Closure::once(move |blob: Option<web_sys::Blob>| {
                if let Some(blob) = blob {
                    download_blob(&name, &blob);
                }
            });
            let _ = canvas.to_blob(save.as_ref().unchecked_ref());
            save.forget();
        }
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
    Some(())
}
