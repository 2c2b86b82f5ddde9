//! Helpers shared by the browser tests. Not every test binary uses every
//! helper.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// The address's query, once the page has written its latest change (it
/// does so once the change is painted and the page is idle: the test asks
/// for the same moment, after the page did).
pub async fn query() -> String {
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
            web_sys::window()
                .unwrap()
                .request_idle_callback(&resolve)
                .unwrap();
        });
        window
            .request_animation_frame(after_paint.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(idle).await.unwrap();
    web_sys::window().unwrap().location().search().unwrap()
}

/// An element's opacity as the page's styles compute it.
pub fn opacity(el: &web_sys::Element) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
        .get_property_value("opacity")
        .unwrap()
}

/// Puts `el` at the top of the page and the page at its top: a chart out
/// of sight waits to follow the reader (and an earlier test may have
/// scrolled the page).
pub fn in_sight_at_top(el: &web_sys::Element) {
    let window = web_sys::window().unwrap();
    let body = window.document().unwrap().body().unwrap();
    window.scroll_to_with_x_and_y(0.0, 0.0);
    body.insert_before(el, body.first_child().as_ref()).unwrap();
}

/// Waits `ms` milliseconds (0: lets the effects a change scheduled run).
pub async fn pause(ms: i32) {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timer).await.unwrap();
}

/// Waits (up to 5 s, looking every 50 ms) until `ready` says so.
async fn within_five_seconds(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        pause(50).await;
    }
    ready()
}

/// Waits (up to 5 s) until `selector` matches something inside `el`. The
/// tests load no stylesheet, so a chart may sit further down their page than
/// on the real one, and be drawn when the page is idle rather than at once.
pub async fn wait_for(el: &web_sys::Element, selector: &str) -> web_sys::Element {
    let found = || el.query_selector(selector).unwrap();
    within_five_seconds(|| found().is_some()).await;
    found().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Waits (up to 5 s) until every view of a mounted page is built: views
/// outside the window are built once the page is idle.
pub async fn until_built(el: &web_sys::Element) {
    let built = within_five_seconds(|| el.query_selector(".view--coming").unwrap().is_none()).await;
    assert!(built, "a view is still waiting to be built");
}

/// Resolves just after the page's next animation-frame callbacks, those
/// asked for before included (the effects of what was just mounted run
/// first, and ask for theirs then).
pub async fn next_frame() {
    let effects_ran = js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED);
    wasm_bindgen_futures::JsFuture::from(effects_ran)
        .await
        .unwrap();
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}
