//! Getting the report: fetch it, then check it with the same crate as the CLI.

use std::pin::Pin;
use std::sync::Arc;

use sealift_format::{Diagnostic, Report};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the bundled report lives, relative to the page so that `dist/` works
/// from any folder of a static host.
pub const BUNDLED_REPORT_URL: &str = "data/report.json";

/// Why there is no report to show. Each case becomes an error panel.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request never got an answer (offline, blocked, bad address).
    Network { url: String, detail: String },
    /// The server answered, but not with the file.
    Http { url: String, status: u16 },
    /// The file arrived but breaks the format; every problem, with its path.
    /// Without words when the checker's module could not be had, and
    /// `words_missing` says why ([`problems_in_words`]).
    Invalid {
        url: String,
        problems: Vec<Diagnostic>,
        words_missing: Option<String>,
    },
    /// The file is larger than any report may be.
    TooLarge { url: String, bytes: u64 },
    /// The file could not be checked, and `why` says why: the page's file
    /// of the format's rules could not be downloaded, or, for an embed's
    /// module, which has no rules of its own, the checker's module.
    Unchecked { url: String, why: String },
    /// `?report=` named a file on another site (or something that is not a
    /// path): this page shows only its own publisher's reports.
    Refused { requested: String },
}

/// A checked report, cheap to hand to every view.
pub type SharedReport = Arc<Report>;

/// The id of the `<script type="application/json">` element that a
/// single-file bundle (`sealift bundle`) carries the report in.
pub const INLINE_REPORT_ID: &str = "sealift-report";

/// The text of an inline data element (`<script type="application/json" id=…>`),
/// which a single-file bundle uses instead of separate files.
pub fn inline_data(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// Which report this page shows: `?report=reports/x.json` names another file
/// of the same site; anything that would leave the page's origin is refused,
/// so nobody can show their own claims under the publisher's address.
pub fn report_url(requested: Option<&str>) -> Result<String, LoadError> {
    let Some(requested) = requested.filter(|r| !r.is_empty()) else {
        return Ok(BUNDLED_REPORT_URL.to_owned());
    };
    let refused = || LoadError::Refused {
        requested: requested.to_owned(),
    };
    let location = web_sys::window().ok_or_else(refused)?.location();
    let here = location.href().map_err(|_| refused())?;
    let origin = location.origin().map_err(|_| refused())?;
    let resolved = web_sys::Url::new_with_base(requested, &here).map_err(|_| refused())?;
    let plain_path =
        !requested.contains(':') && !requested.starts_with("//") && !requested.contains('\\');
    if plain_path && resolved.origin() == origin {
        Ok(requested.to_owned())
    } else {
        Err(refused())
    }
}

/// The text of the report file the page shows, for "Get the data" (its
/// spreadsheets are laid out from the file as written). A context of the
/// report page.
#[derive(Debug, Clone)]
pub struct ReportText(pub Arc<str>);

/// Gets the report: from the page itself when it carries one inline (a
/// single-file bundle), otherwise by fetching `url`; then checks it, unless
/// it is the bundled report as it was checked when the site was built.
/// Warnings are dropped here: they are for authors (`sealift check`), not
/// readers.
pub async fn load_report(url: &str) -> Result<(SharedReport, ReportText), LoadError> {
    if let Some(text) = inline_data(INLINE_REPORT_ID) {
        let from = crate::i18n::tr("the report in this page");
        let report = checked_report(from, text.as_bytes(), false).await?;
        return Ok((report, ReportText(text.into())));
    }
    let network = |detail| LoadError::Network {
        url: url.to_owned(),
        detail,
    };
    let Download {
        response,
        body,
        checked_at_build,
    } = match started_download(url) {
        Some(started) => started.await.map_err(network)?,
        None => Download {
            response: get(url).await.map_err(network)?,
            body: None,
            checked_at_build: false,
        },
    };
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    // Refuse a huge file before downloading it, when the server says its size.
    let announced = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|n| n.parse::<u64>().ok());
    if let Some(bytes) = announced.filter(|n| *n > sealift_format::MAX_REPORT_BYTES as u64) {
        return Err(LoadError::TooLarge {
            url: url.to_owned(),
            bytes,
        });
    }
    let bytes = match body {
        Some(body) => js_sys::Uint8Array::new(&body).to_vec(),
        None => body_bytes(&response).await.map_err(network)?,
    };
    let report = checked_report(url, &bytes, checked_at_build).await?;
    // A report that passed its check is UTF-8 text: checked again by the
    // standard library's quick test, which at 4 MB takes a few
    // milliseconds where the lossy conversion took 30.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|not_utf8| String::from_utf8_lossy(not_utf8.as_bytes()).into_owned());
    Ok((report, ReportText(text.into())))
}

/// The name under which `index.html` leaves the bundled report's download.
const STARTED_DOWNLOAD: &str = "sealiftReport";

/// A report's download: the server's answer, and its body when the page
/// has read it already.
struct Download {
    response: web_sys::Response,
    body: Option<JsValue>,
    /// Whether the body is the bundled report as it was checked when the
    /// site was built: its SHA-256 is the one scripts/checker-module.mjs
    /// names in the page.
    checked_at_build: bool,
}

/// The bundled report's download, which `index.html` starts with the page:
/// by the time the WebAssembly runs, the file has usually arrived and been
/// read, so the report page is built in the same task, with no frame of
/// "Loading" first (the first screen 19 ms sooner, 21 alternating runs).
/// Taken once: trying again downloads anew.
fn started_download(url: &str) -> Option<impl Future<Output = Result<Download, String>>> {
    if url != BUNDLED_REPORT_URL {
        return None;
    }
    let started = early_download(STARTED_DOWNLOAD)?;
    Some(async move {
        // `[response]`, or `[response, body, checked]` once a good answer is read.
        let answer: js_sys::Array = started
            .await
            .map_err(js_error)?
            .dyn_into()
            .map_err(js_error)?;
        let response = answer.get(0).dyn_into().map_err(js_error)?;
        let body = answer.get(1);
        Ok(Download {
            response,
            body: (!body.is_undefined()).then_some(body),
            checked_at_build: answer.get(2).is_truthy(),
        })
    })
}

/// A download that `index.html` started before the viewer, left on `window`
/// under `name` (a promise). Taken once: whoever asks again fetches anew.
pub fn early_download(name: &str) -> Option<JsFuture> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(name);
    let started: js_sys::Promise = js_sys::Reflect::get(&window, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(JsFuture::from(started))
}

/// The server's answer to a GET of `url`, or what stopped the request
/// (offline, blocked, a bad address) in the browser's words. The browser's
/// own `fetch`, called directly: a wrapper crate cost 1.5 KB of WebAssembly.
pub async fn get(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let answer = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_error)?;
    answer.dyn_into().map_err(js_error)
}

/// The whole body of `response`, as bytes.
pub async fn body_bytes(response: &web_sys::Response) -> Result<Vec<u8>, String> {
    let body = JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// The whole body of `response`, as text.
pub async fn body_text(response: &web_sys::Response) -> Result<String, String> {
    let body = JsFuture::from(response.text().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    body.as_string()
        .ok_or_else(|| "the answer is not text".to_owned())
}

/// A JavaScript error's message ("Failed to fetch"), without its kind
/// ("TypeError: "), which says nothing to a reader.
fn js_error(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "the request failed".to_owned()),
    }
}

/// Marks where checking a report starts and ends, so that the render
/// benchmark can set it beside `JSON.parse` of the same text (measure
/// `sealift:check`). Browsers only: native tests have no `performance`.
fn time_check_start() {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("sealift:check-start");
    }
}

fn time_check_end() {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark("sealift:check", "sealift:check-start");
    }
}

/// The report in `bytes`, fetched from `url`, once it has passed its check.
///
/// Three ways, for three cases:
/// - the bundled report as it was checked when the site was built
///   (`checked_at_build`) is only read: it has passed already;
/// - the page checks any other file itself, with every rule of the format
///   crate ([`checked_here`]);
/// - an embed's own module (`?embed=`, built with one view) carries no
///   rules, 8 KB gzip less for the readers of an article to download: the
///   checker's module checks such a file ([`checked_by_the_checker`]).
async fn checked_report(
    url: &str,
    bytes: &[u8],
    checked_at_build: bool,
) -> Result<SharedReport, LoadError> {
    refuse_too_large(url, bytes)?;
    if checked_at_build && let Some(report) = read_checked(bytes) {
        return Ok(report);
    }
    // Chosen outside any `async` body: one that awaits in a branch the
    // compiler knows is never taken still keeps that branch's code.
    let checked: Pin<Box<dyn Future<Output = _> + '_>> = match crate::embed::ONLY_VIEW {
        None => Box::pin(checked_here(url, bytes)),
        Some(_) => Box::pin(checked_by_the_checker(url, bytes)),
    };
    checked.await
}

/// Checks a file with the format's rules ([`the_rules`]), and puts a broken
/// one's problems into words with the checker's module: the viewer's own
/// check knows only that there are some (`sealift_format::MESSAGES`).
async fn checked_here(url: &str, bytes: &[u8]) -> Result<SharedReport, LoadError> {
    let check = the_rules().await.map_err(|why| LoadError::Unchecked {
        url: url.to_owned(),
        why,
    })?;
    let problems = match check(url, bytes) {
        Err(LoadError::Invalid { problems, .. }) if !sealift_format::MESSAGES => problems,
        checked => return checked,
    };
    let (problems, words_missing) = match problems_in_words(bytes).await {
        Ok(in_words) if !in_words.is_empty() => (in_words, None),
        Ok(_) => (problems, Some("the checker's module found none".to_owned())),
        Err(why) => (problems, Some(why)),
    };
    Err(LoadError::Invalid {
        url: url.to_owned(),
        problems,
        words_missing,
    })
}

/// Has the checker's module check a file, and reads it if it passes.
async fn checked_by_the_checker(url: &str, bytes: &[u8]) -> Result<SharedReport, LoadError> {
    let url = url.to_owned();
    match problems_in_words(bytes).await {
        Ok(problems) if problems.is_empty() => read_checked(bytes).ok_or(LoadError::Unchecked {
            url,
            why: "the checker passed a file this viewer cannot read".to_owned(),
        }),
        Ok(problems) => Err(LoadError::Invalid {
            url,
            problems,
            words_missing: None,
        }),
        Err(why) => Err(LoadError::Unchecked { url, why }),
    }
}

/// The format's rules, as [`check_report`] applies them.
type Rules = fn(&str, &[u8]) -> Result<SharedReport, LoadError>;

/// The format's rules. In the page's release build (`--cfg sealift_split`)
/// they are a file of their own (scripts/split-page.mjs), which only a
/// report other than the bundled one needs: the page's first load is
/// 8 KB gzip lighter without them.
async fn the_rules() -> Result<Rules, String> {
    #[cfg(sealift_split)]
    return split_rules::rules()
        .await
        .map_err(|_| "the file of the format's rules could not be downloaded".to_owned());
    #[cfg(not(sealift_split))]
    return Ok(check_report);
}

/// Asks for the format's rules before the report is in, for a report that
/// the address names (the bundled report needs none). A build without the
/// split has nothing to ask for.
pub fn ask_for_the_rules() {
    #[cfg(sealift_split)]
    leptos::task::spawn_local(async {
        // (A check that finds them missing says so itself.)
        let _ = split_rules::rules().await;
    });
}

#[cfg(sealift_split)]
mod split_rules {
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    /// The way into the rules' file (named after it by the split:
    /// `split_rules.wasm`); what only it reaches goes there.
    #[wasm_split(rules, wasm_split_path = ::leptos::wasm_split, fallible)]
    pub fn rules() -> Result<super::Rules, SplitLoaderError> {
        Ok(super::check_report)
    }
}

/// Refuses a file larger than any report may be.
fn refuse_too_large(url: &str, bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.len() > sealift_format::MAX_REPORT_BYTES {
        return Err(LoadError::TooLarge {
            url: url.to_owned(),
            bytes: bytes.len() as u64,
        });
    }
    Ok(())
}

/// Reads a report that has passed its check (`sealift_format::read_checked`).
fn read_checked(bytes: &[u8]) -> Option<SharedReport> {
    time_check_start();
    let report = sealift_format::read_checked(bytes);
    time_check_end();
    report.map(Arc::new)
}

/// Checks the bytes of a report fetched from `url`.
pub fn check_report(url: &str, bytes: &[u8]) -> Result<SharedReport, LoadError> {
    refuse_too_large(url, bytes)?;
    time_check_start();
    let checked = sealift_format::check_bytes(bytes);
    time_check_end();
    match checked.report {
        Some(report)
            if checked
                .diagnostics
                .iter()
                .all(|d| d.severity != sealift_format::Severity::Error) =>
        {
            Ok(Arc::new(report))
        }
        _ => Err(LoadError::Invalid {
            url: url.to_owned(),
            problems: checked.errors().cloned().collect(),
            words_missing: None,
        }),
    }
}

/// The name under which `index.html` leaves its function that puts a broken
/// report's problems into words with the checker's module.
const PROBLEMS_IN_WORDS: &str = "sealiftProblems";

/// A broken report's errors in words, places and suggestions. The viewer's
/// own checker knows only that there are some (`sealift_format::MESSAGES`:
/// the words are 8 KB gzip of every module); the checker's module
/// (crates/checker) has them, and `index.html` downloads and starts it.
pub async fn problems_in_words(file: &[u8]) -> Result<Vec<Diagnostic>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let ask: js_sys::Function =
        js_sys::Reflect::get(&window, &JsValue::from_str(PROBLEMS_IN_WORDS))
            .ok()
            .and_then(|ask| ask.dyn_into().ok())
            .ok_or("this page cannot look them up")?;
    let asked: js_sys::Promise = ask
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(file))
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    let answer = JsFuture::from(asked).await.map_err(js_error)?;
    let answer = answer.as_string().ok_or("the answer is not text")?;
    sealift_format::diagnostics_from_json(&answer).ok_or_else(|| "the answer is not a list".into())
}
