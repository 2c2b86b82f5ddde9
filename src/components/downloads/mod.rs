//! Downloads, made in the reader's browser: a view as an SVG or PNG picture,
//! and files of data. Nothing is sent anywhere.

mod data;
mod picture;

use wasm_bindgen::JsCast;

pub use data::DataDownloads;
pub use picture::PictureButtons;

/// Offers `bytes` to the reader as a file named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    download_blob(name, &blob)
}

/// Offers a blob to the reader as a file named `name`, through a temporary link.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Option<()> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()?;
    Some(())
}

/// A file name made from a title: lower case, dashes, at most 60 characters.
pub fn file_stem(title: &str) -> String {
    let mut stem = String::with_capacity(title.len());
    for ch in crate::text::lowercase(title).chars() {
        if ch.is_alphanumeric() {
            stem.push(ch);
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(60).collect();
    if stem.is_empty() {
        String::from("sealift")
    } else {
        stem.trim_end_matches('-').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn file_names_are_tidy() {
        assert_eq!(
            file_stem("Four ships, one port: North Korea's munitions"),
            "four-ships-one-port-north-korea-s-munitions"
        );
        assert_eq!(file_stem("<script>"), "script");
        assert_eq!(file_stem("!!!"), "sealift");
    }
}
