//! Elements coming near the window, as the browser's intersection observer
//! reports them: the timeline's lanes, the charts drawn as the reader nears
//! them, and the charts that follow the reader while in sight.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// An intersection observer and the callback it calls, kept alive together.
pub struct Watcher {
    pub observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

/// What a watcher calls for each element that comes near or leaves.
pub type Seen = dyn FnMut(web_sys::Element, bool, &web_sys::IntersectionObserver);

/// Calls `seen(element, near, observer)` for each watched element as it
/// comes within `margin` of the window (`near`) or leaves it, in order.
pub fn watch(margin: &str, mut seen: Box<Seen>) -> Option<Watcher> {
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let callback = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                if let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() {
                    seen(entry.target(), entry.is_intersecting(), &observer);
                }
            }
        },
    );
    let observer = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    )
    .ok()?;
    Some(Watcher {
        observer,
        _callback: callback,
    })
}
