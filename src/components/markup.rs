//! Marks drawn by the hundred, written as one piece of markup.
//!
//! A chart of a large report has thousands of marks. Built element by
//! element, each attribute is a call from the WebAssembly into the browser,
//! and each mark's reactive parts are effects of their own: at 10,000
//! trips the estimates' 2,000 marks took four fifths of a 600 ms frame. As
//! one string, the browser's own parser builds them at once, and one effect
//! per group keeps their classes in step with the reader
//! ([`follow_marks`]), touching only the marks whose look changed.
//!
//! Report text goes into the markup only through [`push_escaped`].

use std::fmt::Write;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::coordinates::Px;

/// `text` written into `out`, safe inside an attribute's double quotes or
/// between tags: `&`, `<`, `>`, `"` and `'` as character references.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text`, escaped as [`push_escaped`] does.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Each of `classes` that is on, after a space: for the end of a mark's
/// `class` attribute.
pub fn push_classes(out: &mut String, classes: &[(bool, &str)]) {
    for &(on, class) in classes {
        if on {
            out.push(' ');
            out.push_str(class);
        }
    }
}

/// A disc around `at`, as a line of no length with round ends, as wide as
/// its class's `stroke-width`: a mark's area for the pointer.
///
/// A circle's centre and radius are style properties to the browser, so
/// each circle is given a style of its own; a line's ends are not, and
/// thousands of discs share one. At 10,000 trips the estimates' 2,000
/// discs made their style pass about a quarter quicker than circles did
/// (docs/performance.md). A ring around a disc can be a marker at its
/// start (`crate::estimates`' focus ring).
pub fn push_disc(out: &mut String, class: &str, at: (f64, f64)) {
    let (x, y) = (Px(at.0), Px(at.1));
    let _ = write!(
        out,
        "<line class=\"{class}\" x1=\"{x}\" x2=\"{x}\" y1=\"{y}\" y2=\"{y}\"/>"
    );
}

/// Keeps the children of `group`, drawn from markup with the looks
/// `drawn`, in step with `looks` (tracked): whenever it changes, `restyle`
/// is called for each child whose look changed, with its index and its
/// look before and now.
pub fn follow_marks<E, L>(
    group: NodeRef<E>,
    drawn: Vec<L>,
    looks: impl Fn() -> Vec<L> + 'static,
    restyle: impl Fn(usize, &web_sys::Element, &L, &L) + 'static,
) where
    E: leptos::tachys::html::element::ElementType,
    E::Output: JsCast + Clone + 'static,
    L: PartialEq + Clone + Send + Sync + 'static,
{
    Effect::new(move |before: Option<Vec<L>>| {
        let before = before.unwrap_or_else(|| drawn.clone());
        let now = looks();
        // Tracked, so that a first run before the group is in the page runs again.
        let Some(group) = group.get() else {
            return before;
        };
        let children = group.unchecked_ref::<web_sys::Element>().children();
        for (index, (was, is)) in before.iter().zip(&now).enumerate() {
            if was != is
                && let Some(mark) = children.item(index as u32)
            {
                restyle(index, &mark, was, is);
            }
        }
        now
    });
}

/// The mark an event happened in (the nearest element that has
/// `attribute`), and that attribute's value: one listener on a group
/// serves all its marks.
pub fn mark_of(
    target: Option<web_sys::EventTarget>,
    attribute: &str,
) -> Option<(web_sys::Element, String)> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let mark = element.closest(&format!("[{attribute}]")).ok()??;
    let value = mark.get_attribute(attribute)?;
    Some((mark, value))
}

/// Whether `other` is `mark` or inside it: a pointer moving between a
/// mark's parts has not left it.
pub fn contains(mark: &web_sys::Element, other: Option<web_sys::EventTarget>) -> bool {
    other
        .and_then(|o| o.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|node| mark.contains(Some(&node)))
}

/// Adds or removes `class` on `mark` when `was` and `is` differ.
pub fn toggle_class(mark: &web_sys::Element, class: &str, was: bool, is: bool) {
    if was != is {
        let _ = mark.class_list().toggle_with_force(class, is);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn report_text_cannot_end_an_attribute_or_open_a_tag() {
        assert_eq!(
            escaped(r#"a "b" & <c> 'd'"#),
            "a &quot;b&quot; &amp; &lt;c&gt; &#39;d&#39;"
        );
        assert_eq!(escaped("Міністерство"), "Міністерство");
    }
}
