//! Tells the host page how tall the embed is, whenever that changes, in every
//! protocol hosts listen for: pym.js, Datawrapper, AMP, Medium/Embedly and a
//! plain `{ height }` (see docs: the embed section of the README).

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{JSON, Object, Reflect};
use wasm_bindgen::prelude::*;

/// Starts a ResizeObserver on `<html>` that posts the height to the parent
/// window on every change (unchanged heights are not sent again). Does
/// nothing outside an iframe.
pub fn report_height_to_host(embed_id: String, pym_child_id: Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let last = Rc::new(Cell::new(0_i32));
    let send = move || {
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let height = root.get_bounding_client_rect().height().ceil() as i32;
        if height == last.get() || height <= 0 {
            return;
        }
        last.set(height);
        for message in messages(height, &embed_id, pym_child_id.as_deref()) {
            let _ = parent.post_message(&message, "*");
        }
    };
    send();
    let callback = Closure::<dyn FnMut()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// The five messages for one height.
fn messages(height: i32, embed_id: &str, pym_child_id: Option<&str>) -> Vec<JsValue> {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let mut out = Vec::with_capacity(5);
    if let Some(child) = pym_child_id {
        out.push(JsValue::from_str(&format!(
            "pymxPYMx{child}xPYMxheightxPYMx{height}"
        )));
    }
    let datawrapper = object(&[(embed_id, height.into())]);
    out.push(object(&[("datawrapper-height", datawrapper)]));
    out.push(object(&[
        ("sentinel", "amp".into()),
        ("type", "embed-size".into()),
        ("height", height.into()),
    ]));
    let medium = object(&[
        ("src", href.into()),
        ("context", "iframe.resize".into()),
        ("height", height.into()),
    ]);
    if let Ok(text) = JSON::stringify(&medium) {
        out.push(text.into());
    }
    out.push(object(&[("height", height.into())]));
    out
}

fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
