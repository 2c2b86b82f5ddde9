//! `sealift bundle`, natively, on a tiny fake build (tests/fixtures/authoring-dist).
//! The browser test (tests/e2e/bundle.test.mjs) opens a real one.

mod common;

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::{file, scratch, sealift, stdout};
use sha2::{Digest, Sha256};

fn bundle(name: &str, report: &str) -> (Option<i32>, String, std::path::PathBuf) {
    let output = scratch(name).join("story.html");
    let out = bundle_from(
        &file(report),
        &file("tests/fixtures/authoring-dist"),
        &output,
    );
    (out.status.code(), stdout(&out), output)
}

/// `sealift bundle REPORT -o OUTPUT --dist DIST`.
fn bundle_from(report: &Path, dist: &Path, output: &Path) -> std::process::Output {
    sealift(&[
        "bundle".as_ref(),
        report.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
        "--dist".as_ref(),
        dist.as_os_str(),
        "--color".as_ref(),
        "never".as_ref(),
    ])
}

/// The text between `<tag ...>` (the first one after `from`) and `</tag>`.
fn element<'a>(html: &'a str, from: &str, tag: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from}"));
    let open_end = start + html[start..].find('>').expect("tag end") + 1;
    let close = open_end
        + html[open_end..]
            .find(&format!("</{tag}>"))
            .expect("end tag");
    &html[open_end..close]
}

fn hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

#[test]
fn everything_is_inlined_into_one_file() {
    let (code, text, output) = bundle("bundle-fake", "tests/fixtures/small.json");
    assert_eq!(code, Some(0), "{text}");
    let html = std::fs::read_to_string(&output).expect("written");

    // Nothing is left to fetch.
    assert!(!html.contains("rel=\"stylesheet\""), "{html}");
    assert!(!html.contains("modulepreload") && !html.contains("rel=\"preload\""));
    assert!(!html.contains("./viewer-1a2b"), "{html}");
    assert!(html.contains("href=\"data:image/svg+xml;base64,"));
    assert!(!html.contains("sealiftReport"), "the early download goes");
    assert!(!html.contains("sealift-before-start"));
    assert!(!html.contains("sealift-starting"), "the loading bar goes");
    assert!(
        !html.contains("sealift-first-screen") && !html.contains("The build's own report"),
        "the build's first screen goes"
    );
    assert!(
        !html.contains("sealift-checked-report"),
        "the build's report's digest goes: a bundle carries another report"
    );
    assert!(
        !html.contains("sealift-embed-copies"),
        "the widths of the build's copies of its views go"
    );
    // The script that marks the flags and reports an embed's height stays,
    // allowed by its hash.
    let flags = element(&html, "<script id=sealift-flags", "script");
    assert!(
        html.contains(&hash(flags)),
        "{} not in the policy",
        hash(flags)
    );
    assert!(html.contains("This report needs JavaScript."));

    // The CSS, the report, the basemap and the WebAssembly are in the page.
    let style = element(&html, "<style", "style");
    assert!(style.contains(":root { --ink: #123; }"));
    assert!(
        style.contains("@media screen {\n.shell {"),
        "a stylesheet's media is kept"
    );
    let report = element(&html, "id=\"sealift-report\"", "script");
    let checked = sealift_format::check(report);
    assert!(checked.is_valid(), "{:#?}", checked.diagnostics);
    // The basemap with its layer's lines, read from the layer's own file.
    let basemap = element(&html, "id=\"sealift-basemap\"", "script");
    assert!(basemap.contains("sealift-basemap/2"), "{basemap}");
    assert!(
        basemap.contains("\"land\":[\"??A??A\"]") && !basemap.contains("\"file\""),
        "{basemap}"
    );
    // The Ukrainian phrases, as the build has them.
    let words = element(&html, "id=\"sealift-words-uk\"", "script");
    assert!(words.contains("Vessels\tСудна\n"), "{words}");
    assert!(html.contains("<script type=\"text/plain\" id=\"sealift-words-uk\">"));
    let wasm = element(&html, "id=\"sealift-wasm\"", "script");
    assert_eq!(BASE64.decode(wasm).expect("base64"), b"\0asm\x01\0\0\0");

    // The glue runs inline, starting from the inlined bytes, and cannot end
    // its own element early.
    let module = element(&html, "<script type=\"module\"", "script");
    assert!(module.contains("class Handle"));
    assert!(!module.contains("export "));
    assert!(module.contains("__wbg_init({ module_or_path: sealiftBytes })"));
    assert!(!module.to_lowercase().contains("</script"));

    // The policy allows that one script and that one style, and no network.
    let marker = "http-equiv=\"Content-Security-Policy\" content=\"";
    let start = html.find(marker).expect("a policy") + marker.len();
    let policy = &html[start..start + html[start..].find('"').expect("its end")];
    assert!(policy.contains(&hash(module)), "{policy}");
    assert!(policy.contains(&hash(style)), "{policy}");
    assert!(policy.contains("connect-src 'none'"));
    assert_eq!(html.matches("Content-Security-Policy").count(), 1);
}

#[test]
fn report_text_cannot_close_its_element() {
    let dir = scratch("bundle-escape");
    let report = dir.join("tricky.json");
    let text = std::fs::read_to_string(file("tests/fixtures/small.json")).expect("reads");
    let tricky = text.replacen(
        "Two ferries crossed",
        "</script><script>alert(1)</script><!--",
        1,
    );
    std::fs::write(&report, tricky).expect("writes");
    let output = dir.join("story.html");
    let out = bundle_from(&report, &file("tests/fixtures/authoring-dist"), &output);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let html = std::fs::read_to_string(&output).expect("written");
    assert!(!html.contains("alert(1)</script>"));
    let inline = element(&html, "id=\"sealift-report\"", "script");
    let report = sealift_format::check(inline).report.expect("still valid");
    assert!(
        report.info.sections[0]
            .text
            .starts_with("</script><script>alert(1)")
    );
}

/// Copies the directory `from` into `to`, files and folders.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates");
    for entry in std::fs::read_dir(from).expect("reads") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copies");
        }
    }
}

#[test]
fn a_phrase_file_that_could_close_its_element_is_refused() {
    let dir = scratch("bundle-words");
    let dist = dir.join("dist");
    copy_dir(&file("tests/fixtures/authoring-dist"), &dist);
    std::fs::write(dist.join("words/uk.tsv"), "Vessels\tСудна</script>\n").expect("writes");
    let output = dir.join("story.html");
    let out = bundle_from(&file("tests/fixtures/small.json"), &dist, &output);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("words/uk.tsv contains `<`"),
        "{}",
        stdout(&out)
    );
    assert!(!output.exists());
}

#[test]
fn an_invalid_report_is_refused() {
    let (code, text, output) = bundle("bundle-invalid", "tests/fixtures/invalid.json");
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("a bundle needs a report without errors"),
        "{text}"
    );
    assert!(!output.exists());
}

#[test]
fn a_missing_build_says_how_to_make_one() {
    let output = scratch("bundle-no-dist").join("story.html");
    let out = bundle_from(
        &file("tests/fixtures/small.json"),
        Path::new("/nonexistent/dist"),
        &output,
    );
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("trunk build --release"), "{text}");
    assert!(!output.exists());
}

/// The page starts downloading the bundled report before the viewer runs,
/// and leaves a file announced as larger than any report unread, so that
/// the viewer refuses it without downloading it: by the format's own limit.
#[test]
fn the_page_leaves_a_file_too_large_for_a_report_unread() {
    let page = std::fs::read_to_string(file("index.html")).expect("the page");
    let script = element(&page, "<script id=\"sealift-before-start\"", "script");
    let limit = script
        .split("content-length\") > ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("the page compares the announced length with a limit");
    let bytes = limit
        .split('*')
        .map(|n| n.trim().parse::<usize>().expect("a product of numbers"))
        .product::<usize>();
    assert_eq!(bytes, sealift_format::MAX_REPORT_BYTES);
}
