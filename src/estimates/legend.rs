//! The chart's keys: what each mark shape means, and whose estimate each
//! colour is.

use leptos::prelude::*;
use sealift_format::{Bound, Report};

use super::focus::ChartFocus;
use super::mark::push_shape;
use super::words::actor_name;
use crate::components::palette::actor_series;
use crate::data::SharedReport;
use crate::i18n::tr;
use crate::state::use_reader_state;
use crate::text::{bound_text, capitalized};

/// One entry of the shape key: the shapes it shows and their meaning.
struct KeyEntry {
    bound: Option<Bound>,
    text: String,
    class: &'static str,
}

/// What the shapes mean, listing only the kinds of figure the report has:
/// "Exact · About · More than · Up to · Range · Worked out from another".
#[component]
pub fn ShapeKey(report: SharedReport) -> impl IntoView {
    let entries = key_entries(&report);
    let items = entries
        .into_iter()
        .map(|entry| {
            let sample = match entry.bound {
                Some(bound) => {
                    let mut shape = String::new();
                    push_shape(&mut shape, bound, (0.0, 0.0));
                    view! { <g inner_html=shape /> }.into_any()
                }
                None if entry.class == "range" => view! {
                    <line class="estimate-mark__range" x1="0" x2="0" y1="-14" y2="6" />
                    <circle class="estimate-mark__point" r="4" cy="-4" />
                }
                .into_any(),
                None => view! { <line class="estimate-link" x1="-9" x2="9" y1="2" y2="-12" /> }
                    .into_any(),
            };
            view! {
                <li class=format!("estimates-key__item estimates-key__item--{}", entry.class)>
                    <svg class="estimates-key__sample" viewBox="-10 -19 20 29" aria-hidden="true">
                        {sample}
                    </svg>
                    {entry.text}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="estimates-key" aria-label=tr("How to read the marks")>{items}</ul> }
}

/// The key's entries, in the order of the format's bounds.
fn key_entries(report: &Report) -> Vec<KeyEntry> {
    let has = |bound: Bound| report.estimates.iter().any(|e| e.quantity.bound == bound);
    let words = |bounds: &[(Bound, &str)]| {
        let present: Vec<&str> = bounds
            .iter()
            .filter(|(b, _)| has(*b))
            .map(|(_, w)| *w)
            .collect();
        (!present.is_empty()).then(|| capitalized(&present.join(tr(" or "))))
    };
    let bound = |b: Bound| bound_text(b).unwrap_or_default();
    let mut entries = Vec::new();
    let mut add = |bound: Option<Bound>, text: Option<String>, class: &'static str| {
        if let Some(text) = text {
            entries.push(KeyEntry { bound, text, class });
        }
    };
    add(
        Some(Bound::Exact),
        words(&[(Bound::Exact, tr("exact figure"))]),
        "exact",
    );
    add(
        Some(Bound::About),
        words(&[(Bound::About, bound(Bound::About))]),
        "about",
    );
    add(
        Some(Bound::MoreThan),
        words(&[
            (Bound::AtLeast, bound(Bound::AtLeast)),
            (Bound::MoreThan, bound(Bound::MoreThan)),
        ]),
        "lower",
    );
    add(
        Some(Bound::UpTo),
        words(&[
            (Bound::UpTo, bound(Bound::UpTo)),
            (Bound::AtMost, bound(Bound::AtMost)),
        ]),
        "upper",
    );
    let has_range = report
        .estimates
        .iter()
        .any(|e| e.quantity.low.is_some() || e.quantity.high.is_some());
    add(
        None,
        has_range.then(|| tr("Range, low to high").to_owned()),
        "range",
    );
    let has_link = report.estimates.iter().any(|e| !e.derived_from.is_empty());
    add(
        None,
        has_link.then(|| tr("Worked out from another estimate").to_owned()),
        "link",
    );
    entries
}

/// Who made a panel's estimates, each name in its colour. Pointing at a name
/// makes that actor's marks stand out; choosing it keeps them so, across the
/// page (the claims follow the same choice).
#[component]
pub fn ActorLegend(report: SharedReport, actors: Vec<String>, focus: ChartFocus) -> impl IntoView {
    let state = use_reader_state();
    let items = actors
        .into_iter()
        .map(|actor| {
            let name = actor_name(&report, &actor);
            let series = actor_series(&report, &actor);
            let (a1, a2, a3, a4) = (actor.clone(), actor.clone(), actor.clone(), actor);
            let chosen = move || state.with(|s| s.actor.as_deref() == Some(a1.as_str()));
            let choose = move |_| {
                state.update(|s| {
                    s.actor = (s.actor.as_deref() != Some(a2.as_str())).then(|| a2.clone());
                });
            };
            let point = move || focus.legend_actor.set(Some(a3.clone()));
            let leave = move || {
                if focus
                    .legend_actor
                    .with_untracked(|a| a.as_deref() == Some(a4.as_str()))
                {
                    focus.legend_actor.set(None);
                }
            };
            let leave_too = leave.clone();
            let point_too = point.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class=format!("estimates-actors__actor {series}")
                        aria-pressed=move || chosen().to_string()
                        on:click=choose
                        on:mouseenter=move |_| point()
                        on:mouseleave=move |_| leave()
                        on:focusin=move |_| point_too()
                        on:focusout=move |_| leave_too()
                    >
                        <span class="estimates-actors__swatch" aria-hidden="true"></span>
                        {name}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="estimates-actors" aria-label=tr("Who made these estimates")>{items}</ul> }
}
