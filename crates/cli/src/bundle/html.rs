//! Just enough HTML reading to rewrite the `index.html` that Trunk writes:
//! finding start tags and elements by name and reading their attributes.
//!
//! Not a general HTML parser. The page it reads is generated (by Trunk, from
//! our own index.html), so its tags are well formed; anything it does not
//! expect makes `sealift bundle` stop with a message rather than guess.

use std::ops::Range;

/// A start tag: where it is in the page and its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub range: Range<usize>,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of attribute `name` (an attribute without a value gives "").
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An element with content, such as `<script>...</script>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub tag: Tag,
    pub content: Range<usize>,
    /// From the start tag to the end of the end tag.
    pub whole: Range<usize>,
}

/// Every start tag `<name ...>` in `html`, outside comments.
pub fn start_tags(html: &str, name: &str) -> Vec<Tag> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{}", name.to_ascii_lowercase());
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = lower.get(at..).and_then(|rest| rest.find(&open)) {
        let start = at + found;
        if inside_comment(&lower, start) {
            at = start + open.len();
            continue;
        }
        let after = start + open.len();
        let boundary = lower[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
        match (boundary, attributes(html, after)) {
            (true, Some((attrs, end))) => {
                tags.push(Tag {
                    range: start..end,
                    attrs,
                });
                at = end;
            }
            _ => at = after,
        }
    }
    tags
}

/// Every element `<name ...>content</name>` in `html`.
pub fn elements(html: &str, name: &str) -> Vec<Element> {
    let lower = html.to_ascii_lowercase();
    let close = format!("</{}", name.to_ascii_lowercase());
    start_tags(html, name)
        .into_iter()
        .filter_map(|tag| {
            let from = tag.range.end;
            let end_tag = from + lower.get(from..)?.find(&close)?;
            let end = end_tag + lower.get(end_tag..)?.find('>')? + 1;
            Some(Element {
                content: from..end_tag,
                whole: tag.range.start..end,
                tag,
            })
        })
        .collect()
}

fn inside_comment(lower: &str, at: usize) -> bool {
    let before = &lower[..at];
    match (before.rfind("<!--"), before.rfind("-->")) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Reads attributes from `at` (just after the tag name) to the end of the
/// tag; returns them and the offset just past `>`.
fn attributes(html: &str, mut at: usize) -> Option<(Vec<(String, String)>, usize)> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            at += 1;
        }
        match bytes.get(at)? {
            b'>' => return Some((attrs, at + 1)),
            _ => {
                let name_end = at
                    + html[at..]
                        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))?;
                let name = html[at..name_end].to_string();
                at = name_end;
                let value = if bytes.get(at) == Some(&b'=') {
                    at += 1;
                    match bytes.get(at)? {
                        quote @ (b'"' | b'\'') => {
                            let close = at + 1 + html[at + 1..].find(char::from(*quote))?;
                            let value = html[at + 1..close].to_string();
                            at = close + 1;
                            value
                        }
                        _ => {
                            let end = at
                                + html[at..].find(|c: char| c.is_ascii_whitespace() || c == '>')?;
                            let value = html[at..end].to_string();
                            at = end;
                            value
                        }
                    }
                } else {
                    String::new()
                };
                attrs.push((name, value));
            }
        }
    }
}

/// Escapes text for an attribute value in double quotes.
pub fn attribute_text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_their_attributes_are_found() {
        let html = r#"<head><!-- <link rel="x"> --><link rel="stylesheet" href='./a.css' integrity=abc /><linker></head>"#;
        let links = start_tags(html, "link");
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].attr("rel"), Some("stylesheet"));
        assert_eq!(links[0].attr("href"), Some("./a.css"));
        assert_eq!(links[0].attr("integrity"), Some("abc"));
        assert_eq!(
            &html[links[0].range.clone()],
            r#"<link rel="stylesheet" href='./a.css' integrity=abc />"#
        );
    }

    #[test]
    fn elements_have_content() {
        let html = "<p><script type=\"module\">go();</script><SCRIPT>x</SCRIPT></p>";
        let scripts = elements(html, "script");
        assert_eq!(scripts.len(), 2);
        assert_eq!(&html[scripts[0].content.clone()], "go();");
        assert_eq!(scripts[0].tag.attr("type"), Some("module"));
        assert_eq!(&html[scripts[1].whole.clone()], "<SCRIPT>x</SCRIPT>");
    }

    #[test]
    fn attribute_text_is_escaped() {
        assert_eq!(
            attribute_text(r#"a "b" & <c>"#),
            "a &quot;b&quot; &amp; &lt;c>"
        );
    }
}
