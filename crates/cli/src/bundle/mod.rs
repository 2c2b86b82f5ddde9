//! `sealift bundle REPORT -o story.html`: one HTML file that holds everything,
//! for archiving a published story or sending it by mail.
//!
//! It starts from the built viewer (`trunk build --release` writes `dist/`)
//! and inlines, in its `index.html`:
//! - the CSS, as one `<style>`;
//! - the report, as `<script type="application/json" id="sealift-report">`,
//!   which the viewer reads instead of fetching `data/report.json`;
//! - the basemap (`basemap/land.json` and the layer files it names), when
//!   the build has one, as `<script type="application/json" id="sealift-basemap">`
//!   with every layer's lines in it;
//! - the WebAssembly, base64 in `<script type="application/wasm" id="sealift-wasm">`,
//!   and the JS glue that starts it (see [`glue`]);
//! - the interface's phrases in other languages than English (`words/uk.tsv`),
//!   as `<script type="text/plain" id="sealift-words-uk">`;
//! - the icon, as a `data:` URL.
//!
//! The page's script that runs before the viewer starts, its loading bar
//! and the `<meta>`s that name the build's copies of its first screen (see
//! `index.html`) and its checker's module (a bundle's report is checked
//! before it is bundled) go: the report is in the file, nothing is downloaded, and
//! the file starts from the disk.
//!
//! The script that marks the address's flags on `<html>` and tells the page
//! around an embed how tall it is stays.
//!
//! The page gets its own Content Security Policy: no network at all
//! (`connect-src 'none'`), and only the bundle's own scripts and style, by hash.

mod glue;
mod html;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sealift_format::Severity;
use sha2::{Digest, Sha256};

use crate::render::{self, Place, Problem};
use crate::{ColorChoice, check, print};

/// The id the viewer reads the report from (`INLINE_REPORT_ID` in src/data.rs).
pub const REPORT_ID: &str = "sealift-report";

/// The id the map reads the basemap from.
pub const BASEMAP_ID: &str = "sealift-basemap";

/// The folder of the interface's phrase files, relative to `dist/`: the
/// viewer reads `words/uk.tsv` from `<script id="sealift-words-uk">`
/// (`words::inline_id` in src/i18n/words.rs).
const WORDS_DIR: &str = "words";

/// The id of the page's script that runs before the viewer starts
/// (`index.html`): it downloads the bundled report early, and says so if the
/// viewer cannot start, by its files' load errors.
const BEFORE_START_ID: &str = "sealift-before-start";

/// The id of the page's script that marks the address's flags on `<html>`
/// and tells the page around an embed how tall it is (`index.html`): a
/// bundle keeps it, and its policy allows it by hash.
const FLAGS_ID: &str = "sealift-flags";

/// The id of a release build's loader, which starts the viewer's module
/// named for the page in the list of modules (scripts/embed-modules.mjs).
const START_ID: &str = "sealift-start";

/// The id of a release build's list of modules: the whole viewer's, under
/// `""`, and each embeddable view's own, each `[glue, wasm]`.
const MODULES_ID: &str = "sealift-modules";

/// The id of the page's loading bar, shown until the viewer starts.
const STARTING_BAR_ID: &str = "sealift-starting";

/// The name of the `<meta>` by which a release build names the report its
/// copies of the first screen were drawn from, for the page to download and
/// show while the viewer starts (`scripts/first-screen.mjs`).
const FIRST_SCREEN_META: &str = "sealift-first-screen";

/// The name of the `<meta>` that lists the widths each embed's view was
/// drawn at, with the first screen (`scripts/first-screen.mjs`).
const EMBED_COPIES_META: &str = "sealift-embed-copies";

/// The name of the `<meta>` that names the checker's module, which the
/// viewer downloads to put a broken report's problems into words
/// (scripts/checker-module.mjs). A bundle's report has no errors (it is
/// checked here first), and a bundle downloads nothing.
const CHECKER_META: &str = "sealift-checker";

/// The name of the `<meta>` that gives the SHA-256 of the build's report as
/// it was checked when the site was built, which the page then only reads
/// (scripts/checker-module.mjs). A bundle carries another report.
const CHECKED_REPORT_META: &str = "sealift-checked-report";

/// The name of the `<meta>` by which a release build names the whole
/// viewer's module, `"glue wasm"`, when the page's own is split at its views
/// into several files (scripts/split-page.mjs): a bundle is one file, and
/// carries one module.
const WHOLE_VIEWER_META: &str = "sealift-whole-viewer";

/// The basemap file of a build, relative to `dist/`.
const BASEMAP_FILE: &str = "basemap/land.json";

/// Bundles `report` with the viewer in `dist` into `output`; exits 0 when
/// written, 1 when the report or the build cannot be bundled, 2 when a file
/// cannot be read or written.
pub fn run(report: &Path, output: &Path, dist: &Path, color: ColorChoice) -> ExitCode {
    let renderer = render::renderer(color);
    let name = report.display().to_string();
    let fail = |problem: Problem, code: u8| {
        print(&render::problem(&renderer, &problem));
        ExitCode::from(code)
    };
    let rebuild = "build the viewer with `trunk build --release` and give its folder with --dist";
    let bytes = match std::fs::read(report) {
        Ok(bytes) => bytes,
        Err(err) => {
            return fail(
                Problem::error(format!("cannot read {name}: {err}"), Place::Nowhere),
                2,
            );
        }
    };
    let checked = sealift_format::check_bytes(&bytes);
    if !checked.is_valid() {
        let mut out = check::render_human(&renderer, &name, &bytes, &checked);
        out.push_str(&render::line(
            &renderer,
            Severity::Error,
            "a bundle needs a report without errors: fix them first",
        ));
        print(&out);
        return ExitCode::from(1);
    }
    let page = match bundle(dist, &bytes) {
        Ok(page) => page,
        Err(Failure::Unreadable(message)) => {
            return fail(
                Problem::error(message, Place::Nowhere).with_help(rebuild),
                2,
            );
        }
        Err(Failure::Unbundlable(message)) => {
            return fail(
                Problem::error(message, Place::Nowhere).with_help(rebuild),
                1,
            );
        }
    };
    if let Err(err) = std::fs::write(output, page) {
        let message = format!("cannot write {}: {err}", output.display());
        return fail(Problem::error(message, Place::Nowhere), 2);
    }
    print(&render::note(
        &renderer,
        &format!("wrote {}", output.display()),
    ));
    ExitCode::SUCCESS
}

/// Why there is no bundle, in words.
enum Failure {
    /// A file of the build cannot be read.
    Unreadable(String),
    /// The build is not one this bundler understands.
    Unbundlable(String),
}

fn unbundlable(message: impl Into<String>) -> Failure {
    Failure::Unbundlable(message.into())
}

/// The build's files, read.
struct Build<'a> {
    dist: &'a Path,
}

impl Build<'_> {
    /// The file at `url` (as the page names it, relative: `./x.css`).
    fn path(&self, url: &str) -> Result<PathBuf, Failure> {
        let relative = url.strip_prefix("./").unwrap_or(url);
        let plain = !relative.is_empty()
            && !relative.starts_with('/')
            && !relative.contains(':')
            && !relative.split('/').any(|part| part == "..");
        if !plain {
            return Err(unbundlable(format!(
                "the page refers to `{url}`, which is not a file of the build"
            )));
        }
        Ok(self.dist.join(relative))
    }

    fn bytes(&self, url: &str) -> Result<Vec<u8>, Failure> {
        let path = self.path(url)?;
        std::fs::read(&path)
            .map_err(|err| Failure::Unreadable(format!("cannot read {}: {err}", path.display())))
    }

    fn text(&self, url: &str) -> Result<String, Failure> {
        String::from_utf8(self.bytes(url)?)
            .map_err(|_| unbundlable(format!("`{url}` of the build is not UTF-8 text")))
    }
}

/// The single-file page.
fn bundle(dist: &Path, report: &[u8]) -> Result<String, Failure> {
    let build = Build { dist };
    let page = build.text("index.html")?;
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();

    // The loader: a release build's, which picks the viewer's module from
    // the page's list (scripts/embed-modules.mjs), or Trunk's own (a debug
    // build's), which imports it. Either names the JS glue and the
    // WebAssembly of the whole viewer (a release build whose page is split
    // at its views names them in a `<meta>`); a bundle carries that one.
    let scripts = html::elements(&page, "script");
    let by_id = |id: &str| {
        scripts
            .iter()
            .find(|s| s.tag.attr("id") == Some(id))
            .cloned()
    };
    let (loader, js_url, wasm_url) = match (by_id(START_ID), by_id(MODULES_ID)) {
        (Some(loader), Some(list)) => {
            let named = html::start_tags(&page, "meta")
                .into_iter()
                .find(|meta| meta.attr("name") == Some(WHOLE_VIEWER_META))
                .map(|meta| whole_viewer_named(meta.attr("content").unwrap_or_default()));
            let whole = named.unwrap_or_else(|| whole_viewer(&page[list.content.clone()]));
            let (js, wasm) = whole.ok_or_else(|| {
                unbundlable(format!(
                    "neither the page's list of modules (`{MODULES_ID}`) nor its `<meta name={WHOLE_VIEWER_META}>` names the whole viewer's"
                ))
            })?;
            edits.push((list.whole.clone(), String::new()));
            (loader, js, wasm)
        }
        _ => trunk_loader(&scripts, &page).ok_or_else(|| {
            unbundlable(format!(
                "{} has no loader script that names the viewer's files: is it a Trunk build?",
                dist.join("index.html").display()
            ))
        })?,
    };
    let module = glue::inline_module(&build.text(&js_url)?).map_err(unbundlable)?;
    let wasm = BASE64.encode(build.bytes(&wasm_url)?);
    let mut data = String::new();
    data.push_str(&json_script(REPORT_ID, report));
    let basemap = dist.join(BASEMAP_FILE);
    if basemap.is_file() {
        let whole = inline_layers(&build, &build.text(BASEMAP_FILE)?)?;
        data.push_str(&json_script(BASEMAP_ID, whole.as_bytes()));
    }
    data.push_str(&inline_words(&build)?);
    data.push_str(&format!(
        "<script type=\"application/wasm\" id=\"{}\">{wasm}</script>\n",
        glue::WASM_ID
    ));
    data.push_str(&format!("<script type=\"module\">{module}</script>"));
    edits.push((loader.whole.clone(), data));

    // A bundle has nothing to download, and starts from the disk: no early
    // download, no loading bar, and no first screen of the build's report
    // in any language (a bundle's is another).
    let gone = |name: &str, id: &str| match name {
        "script" => id == BEFORE_START_ID,
        _ => id == STARTING_BAR_ID,
    };
    for name in ["script", "div"] {
        for element in html::elements(&page, name) {
            if element.tag.attr("id").is_some_and(|id| gone(name, id)) {
                edits.push((element.whole, String::new()));
            }
        }
    }
    for meta in html::start_tags(&page, "meta") {
        if meta.attr("name").is_some_and(|name| {
            [
                FIRST_SCREEN_META,
                EMBED_COPIES_META,
                CHECKER_META,
                CHECKED_REPORT_META,
                WHOLE_VIEWER_META,
            ]
            .contains(&name)
        }) {
            edits.push((meta.range, String::new()));
        }
    }

    // Stylesheets become one <style>; preloads go; the icon becomes data.
    let mut css = String::new();
    let mut first_style = None;
    for link in html::start_tags(&page, "link") {
        let rel = link.attr("rel").unwrap_or_default().to_ascii_lowercase();
        let href = link.attr("href").unwrap_or_default();
        match rel.as_str() {
            "stylesheet" => {
                let text = build.text(href)?;
                check_css(href, &text)?;
                match link
                    .attr("media")
                    .filter(|m| !m.eq_ignore_ascii_case("all"))
                {
                    Some(media) => {
                        css.push_str(&format!("/* {href} */\n@media {media} {{\n{text}\n}}\n"));
                    }
                    None => css.push_str(&format!("/* {href} */\n{text}\n")),
                }
                first_style.get_or_insert(link.range.clone());
                edits.push((link.range.clone(), String::new()));
            }
            "modulepreload" | "preload" => edits.push((link.range.clone(), String::new())),
            "icon" => {
                let mime = link.attr("type").unwrap_or("image/svg+xml");
                let icon = format!("data:{mime};base64,{}", BASE64.encode(build.bytes(href)?));
                let tag = format!(
                    "<link rel=\"icon\" href=\"{}\" type=\"{}\" />",
                    html::attribute_text(&icon),
                    html::attribute_text(mime)
                );
                edits.push((link.range.clone(), tag));
            }
            _ if href.is_empty() => {}
            _ => {
                return Err(unbundlable(format!(
                    "the page links `{href}` (rel=\"{rel}\"), which a single file cannot hold"
                )));
            }
        }
    }
    let style = format!("<style>\n{css}</style>");
    if let Some(range) = first_style {
        edits.retain(|(r, _)| r != &range);
        edits.push((range, style.clone()));
    }

    // The policy: nothing from anywhere, except this page's scripts and style.
    let flags = scripts
        .iter()
        .find(|script| script.tag.attr("id") == Some(FLAGS_ID))
        .map(|script| &page[script.content.clone()]);
    let scripts: Vec<&str> = [Some(module.as_str()), flags]
        .into_iter()
        .flatten()
        .collect();
    let policy = policy(&scripts, &format!("\n{css}"));
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let existing = html::start_tags(&page, "meta").into_iter().find(|m| {
        m.attr("http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
    });
    match existing {
        Some(tag) => edits.push((tag.range, meta)),
        None => {
            let charset = html::start_tags(&page, "meta")
                .into_iter()
                .find(|m| m.attr("charset").is_some())
                .ok_or_else(|| unbundlable("the page has no <meta charset>"))?;
            edits.push((
                charset.range.end..charset.range.end,
                format!("\n    {meta}"),
            ));
        }
    }

    for script in html::start_tags(&page, "script") {
        if script.attr("src").is_some() {
            return Err(unbundlable(
                "the page loads a script by URL, which a single file cannot hold",
            ));
        }
    }
    Ok(apply(&page, edits))
}

/// Every phrase file of the build (`words/uk.tsv`) as an inline text element,
/// so that the page can speak Ukrainian with nothing to fetch. A file with
/// `<` in it is refused: it could close its element early.
fn inline_words(build: &Build) -> Result<String, Failure> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(build.dist.join(WORDS_DIR)) {
        Ok(entries) => entries
            .filter_map(|entry| Some(entry.ok()?.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
            .collect(),
        Err(_) => return Ok(String::new()),
    };
    files.sort();
    let mut out = String::new();
    for path in files {
        let Some(lang) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let url = format!("{WORDS_DIR}/{lang}.tsv");
        let text = build.text(&url)?;
        if text.contains('<') {
            return Err(unbundlable(format!("{url} contains `<`")));
        }
        out.push_str(&format!(
            "<script type=\"text/plain\" id=\"sealift-words-{lang}\">{text}</script>\n"
        ));
    }
    Ok(out)
}

/// The whole viewer's JS glue and WebAssembly, from a release build's list of modules.
fn whole_viewer(list: &str) -> Option<(String, String)> {
    let modules: serde_json::Value = serde_json::from_str(list).ok()?;
    let whole = modules.get("")?;
    let file = |i: usize| whole.get(i)?.as_str().map(str::to_owned);
    Some((file(0)?, file(1)?))
}

/// The whole viewer's JS glue and WebAssembly, as a split build's `<meta>`
/// names them: `"./v-1.js ./v-1_bg.wasm"`.
fn whole_viewer_named(content: &str) -> Option<(String, String)> {
    let (js, wasm) = content.split_once(' ')?;
    Some((js.to_owned(), wasm.to_owned()))
}

/// Trunk's own loader (`import init … from './x.js'; … module_or_path:
/// './x_bg.wasm'`), with the files it names.
fn trunk_loader(scripts: &[html::Element], page: &str) -> Option<(html::Element, String, String)> {
    let mut loaders = scripts
        .iter()
        .filter(|s| page[s.content.clone()].contains("module_or_path"));
    let loader = loaders.next()?;
    if loaders.next().is_some() {
        return None;
    }
    let code = &page[loader.content.clone()];
    let js = quoted_after(code, "from ")?;
    let wasm = quoted_after(code, "module_or_path:")?;
    Some((loader.clone(), js, wasm))
}

/// The text in quotes after `marker` in `code`: `from './x.js'` gives `./x.js`.
fn quoted_after(code: &str, marker: &str) -> Option<String> {
    let rest = code[code.find(marker)? + marker.len()..].trim_start();
    let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let inner = &rest[1..];
    Some(inner[..inner.find(quote)?].to_string())
}

/// A report or basemap as an inline JSON element. `<` only occurs inside JSON
/// strings, where `\u003c` means the same, so the element cannot be closed
/// early by its content (`</script>`, `<!--`).
/// The basemap with every layer's lines in it: a layer kept in a file of its
/// own (`"file": "land-world.json"`, beside `land.json`) is read from it, as
/// the page opened from disk can fetch nothing.
fn inline_layers(build: &Build, index: &str) -> Result<String, Failure> {
    let broken = |what: String| unbundlable(format!("{BASEMAP_FILE}: {what}"));
    let mut basemap: serde_json::Value =
        serde_json::from_str(index).map_err(|e| broken(e.to_string()))?;
    let folder = BASEMAP_FILE
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    if let Some(layers) = basemap
        .get_mut("layers")
        .and_then(serde_json::Value::as_array_mut)
    {
        for layer in layers.iter_mut() {
            let Some(file) = layer.get("file").and_then(serde_json::Value::as_str) else {
                continue;
            };
            let name = layer.get("name").cloned();
            let path = format!("{folder}/{file}");
            let own: serde_json::Value = serde_json::from_str(&build.text(&path)?)
                .map_err(|e| broken(format!("{path}: {e}")))?;
            let lines = own
                .get("layers")
                .and_then(serde_json::Value::as_array)
                .and_then(|ls| ls.iter().find(|l| l.get("name") == name.as_ref()))
                .cloned()
                .ok_or_else(|| broken(format!("{path} has no layer {name:?}")))?;
            *layer = lines;
        }
    }
    Ok(basemap.to_string())
}

fn json_script(id: &str, json: &[u8]) -> String {
    let text = String::from_utf8_lossy(json);
    let text = text.trim_start_matches('\u{feff}').replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{id}\">{text}</script>\n")
}

/// CSS that names other files cannot be inlined as it is.
fn check_css(href: &str, css: &str) -> Result<(), Failure> {
    if css.to_ascii_lowercase().contains("</style") {
        return Err(unbundlable(format!("{href} contains `</style`")));
    }
    let lower = css.to_ascii_lowercase();
    for (i, _) in lower.match_indices("url(") {
        let target = lower[i + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !target.starts_with("data:") && !target.starts_with('#') {
            return Err(unbundlable(format!(
                "{href} refers to a file with url(...), which this bundler does not inline"
            )));
        }
    }
    if lower.contains("@import") {
        return Err(unbundlable(format!("{href} imports another stylesheet")));
    }
    Ok(())
}

/// The bundle's Content Security Policy, which allows `scripts` and `style`.
fn policy(scripts: &[&str], style: &str) -> String {
    let hash = |text: &str| {
        format!(
            "'sha256-{}'",
            BASE64.encode(Sha256::digest(text.as_bytes()))
        )
    };
    [
        "default-src 'none'".to_string(),
        format!(
            "script-src {} 'wasm-unsafe-eval'",
            scripts
                .iter()
                .map(|script| hash(script))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        format!("style-src {}", hash(style)),
        "img-src data: blob:".to_string(),
        "connect-src 'none'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ]
    .join("; ")
}

/// Applies non-overlapping edits to `page`.
fn apply(page: &str, mut edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    for (range, text) in edits {
        if range.start < at {
            continue; // overlapping: keep the first
        }
        out.push_str(&page[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&page[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_its_element() {
        let script = json_script("x", br#"{"t":"</script><!-- a"}"#);
        assert_eq!(
            script,
            "<script type=\"application/json\" id=\"x\">{\"t\":\"\\u003c/script>\\u003c!-- a\"}</script>\n"
        );
    }

    #[test]
    fn loader_urls_are_read() {
        let code = "import init, * as bindings from './v-1.js';\nconst wasm = await init({ module_or_path: './v-1_bg.wasm' });";
        assert_eq!(quoted_after(code, "from "), Some("./v-1.js".into()));
        assert_eq!(
            quoted_after(code, "module_or_path:"),
            Some("./v-1_bg.wasm".into())
        );
    }

    #[test]
    fn the_whole_viewer_is_read_from_the_list_of_modules() {
        let list = r#"{"":["./v-1.js","./v-1_bg.wasm"],"map":["./m.js","./m_bg.wasm"]}"#;
        assert_eq!(
            whole_viewer(list),
            Some(("./v-1.js".into(), "./v-1_bg.wasm".into()))
        );
        assert_eq!(whole_viewer(r#"{"map":["./m.js"]}"#), None);
        assert_eq!(whole_viewer("not json"), None);
    }

    #[test]
    fn a_split_build_names_the_whole_viewer_apart() {
        assert_eq!(
            whole_viewer_named("./v-1.js ./v-1_bg.wasm"),
            Some(("./v-1.js".into(), "./v-1_bg.wasm".into()))
        );
        assert_eq!(whole_viewer_named("./v-1.js"), None);
    }

    #[test]
    fn css_that_names_files_is_refused() {
        assert!(check_css("a.css", "p { color: red }").is_ok());
        assert!(check_css("a.css", "p { background: url(data:image/png;base64,AA) }").is_ok());
        assert!(check_css("a.css", "p { background: url('x.png') }").is_err());
        assert!(check_css("a.css", "@import 'b.css';").is_err());
    }
}
