//! The vessels' names beside their lanes (above them on a narrow screen):
//! each a button that chooses its vessel in every view, and again to show
//! all; rail and port activity's name is plain words.
//!
//! Written as one piece of markup ([`crate::components::markup`]): a large
//! report has hundreds of vessels. One effect places the names whenever
//! the chart's layout changes, one marks the chosen vessel's, and one
//! listener hears the clicks on all of them.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::geometry::{Geometry, NAME_ROW};
use super::lanes::Lane;
use crate::components::markup::{follow_marks, mark_of, push_classes, push_escaped, toggle_class};
use crate::coordinates::css_px;
use crate::i18n::{fill, tr};
use crate::state::ReaderStateSignal;

/// The lanes' names, in lane order.
#[component]
pub fn LaneNames(
    lanes: Arc<Vec<Lane>>,
    geometry: Memo<Geometry>,
    state: ReaderStateSignal,
    /// The vessel the reader has chosen.
    chosen: Memo<Option<String>>,
) -> impl IntoView {
    let group = NodeRef::<html::Div>::new();
    let looks = {
        let lanes = lanes.clone();
        move || {
            chosen.with(|chosen| {
                (lanes.iter())
                    .map(|lane| lane.is_chosen(chosen.as_deref()))
                    .collect::<Vec<bool>>()
            })
        }
    };
    let drawn = untrack(&looks);
    let mut markup = String::new();
    for (lane, chosen) in lanes.iter().zip(&drawn) {
        push_name(&mut markup, lane, *chosen);
    }
    follow_marks(group, drawn, looks, |_, name, was, is| {
        toggle_class(name, "is-selected", *was, *is);
        let _ = name.set_attribute("aria-pressed", &is.to_string());
    });
    // Placed through the style object: the page's policy refuses style
    // attributes in markup.
    Effect::new(move |_| {
        if let Some(group) = group.get() {
            geometry.with(|g| place_names(&group, g));
        }
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some((_, vessel)) = mark_of(ev.target(), "data-lane-vessel") {
            state.update(|s| s.toggle_vessel(&vessel));
        }
    };
    view! { <div class="timeline__names" node_ref=group inner_html=markup on:click=on_click></div> }
}

/// One lane's name: a button for a vessel, plain words for rail and port
/// activity.
fn push_name(out: &mut String, lane: &Lane, chosen: bool) {
    let Some(vessel) = &lane.vessel else {
        out.push_str("<span class=\"timeline__name is-plain ");
        out.push_str(&lane.series);
        out.push_str("\"><span class=\"timeline__swatch\" aria-hidden=\"true\"></span>");
        push_escaped(out, &lane.name);
        out.push_str("</span>");
        return;
    };
    out.push_str("<button type=\"button\" class=\"timeline__name ");
    out.push_str(&lane.series);
    push_classes(out, &[(chosen, "is-selected")]);
    out.push_str("\" data-lane-vessel=\"");
    push_escaped(out, vessel);
    out.push_str("\" aria-pressed=\"");
    out.push_str(if chosen { "true" } else { "false" });
    out.push_str("\" title=\"");
    let title = fill(
        tr("Highlight {name} in every view; click again to show all vessels"),
        &[("name", &lane.name)],
    );
    push_escaped(out, &title);
    out.push_str("\"><span class=\"timeline__swatch\" aria-hidden=\"true\"></span><span class=\"timeline__name-text\">");
    push_escaped(out, &lane.name);
    out.push_str("</span></button>");
}

/// Puts each name beside its lane (or above it), no wider than its room.
///
/// The names are a grid whose rows are the lanes, placed by one style on
/// their group. Each name used to carry its own place (top, height and
/// width): with five hundred vessels, styling and laying out names that
/// shared no style took about half of the frame that first drew the chart.
fn place_names(group: &web_sys::HtmlDivElement, g: &Geometry) {
    let mut rows = String::new();
    for at in &g.lanes {
        if !rows.is_empty() {
            rows.push(' ');
        }
        rows.push_str(&css_px(at.bottom - at.top));
    }
    let first_top = g.lanes.first().map_or(0.0, |at| at.top);
    let width = if g.names_above {
        g.width
    } else {
        g.names_width - 12.0
    };
    let style = web_sys::HtmlElement::style(group);
    let _ = style.set_property("padding-top", &css_px(first_top));
    let _ = style.set_property("grid-template-rows", &rows);
    let _ = style.set_property("grid-template-columns", &css_px(width));
    // Beside its lane a name is as tall as the lane; above it, one row.
    let _ = style.set_property("--name-row", &css_px(NAME_ROW));
    let _ = group
        .class_list()
        .toggle_with_force("is-above", g.names_above);
}
